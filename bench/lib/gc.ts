/**
 * GC time of this thread while a step runs, from the `gc` performance entries (one per
 * scavenge or mark-compact, with its pause). Entries arrive asynchronously, so `stop` waits
 * a moment before reading the totals.
 */
import { PerformanceObserver } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';

export interface GcTotals { ms: number; count: number }

export class GcClock {
  private ms = 0;
  private count = 0;
  private readonly observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      this.ms += e.duration;
      this.count++;
    }
  });

  start(): this {
    this.observer.observe({ entryTypes: ['gc'] });
    return this;
  }

  async stop(): Promise<GcTotals> {
    await sleep(20);
    this.observer.disconnect();
    return { ms: this.ms, count: this.count };
  }
}
