/** A small pool of year workers, started (and warmed up) before anything is timed. */
import { Worker } from 'node:worker_threads';
import type { Population } from '../../src/engine/population.js';
import type { YearJob } from './year-worker.js';

const BOOT = new URL('./worker-boot.mjs', import.meta.url);
const ENTRY = new URL('./year-worker.ts', import.meta.url).href;
/** A bundled year worker (bench/lib/bundle.ts) to start with plain node instead of tsx, if given. */
export const BUNDLED_WORKER_ENV = 'JIUZHU_BENCH_YEAR_WORKER';

export class YearPool {
  private constructor(private readonly workers: Worker[]) {}

  /** Starts n workers and waits until each has loaded the engine and warmed up. */
  static async start(n: number, warmUp: boolean): Promise<YearPool> {
    const bundled = process.env[BUNDLED_WORKER_ENV];
    const workers = Array.from({ length: n }, () => (bundled ? new Worker(bundled, { workerData: { warmUp } }) : new Worker(BOOT, { workerData: { entry: ENTRY, warmUp } })));
    await Promise.all(workers.map((w) => next<string>(w)));
    return new YearPool(workers);
  }

  get size(): number {
    return this.workers.length;
  }

  /** Sends worker i the months months[i] (all at once) and resolves with their sums. */
  run(population: Population, months: readonly (readonly string[])[]): Promise<Float64Array[]> {
    return Promise.all(months.map((m, i) => {
      const w = this.workers[i]!;
      const reply = next<Float64Array>(w);
      const job: YearJob = { population, months: [...m] };
      w.postMessage(job);
      return reply;
    }));
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

function next<T>(w: Worker): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (m: T): void => { w.off('error', onError); resolve(m); };
    const onError = (e: Error): void => { w.off('message', onMessage); reject(e); };
    w.once('message', onMessage);
    w.once('error', onError);
  });
}
