/**
 * Which slice a free worker thread takes next (threads.ts), so that the memory of a run on
 * workers stays bounded. A worker's memory grows with the households of the slice it simulates,
 * and so does the main thread's while it reads a slice and packs it. On the full count
 * (issue #25, W2) the largest prefecture (Changchun, 2.4M households) needs about 5 GB on its
 * worker; simulated beside the second largest (Jilin, 1.4M) the process went over 8 GiB.
 *
 * So slices are taken largest first — the longest job starts first and the workers finish
 * together — but only while the households in flight (slices being read, sent or simulated)
 * stay within a budget; a worker that finds nothing that fits waits for a slice to finish. A
 * slice larger than the budget alone runs when nothing else is in flight. The order changes
 * nothing in the result: sums are merged in the plan's order, whatever finished first.
 */

export class SliceQueue {
  private readonly pending: number[];
  private inFlight = 0;
  private readonly running = new Set<number>();
  private waiting: (() => void)[] = [];

  /**
   * `sizes[i]`: households of job i (an estimate when a slice is not yet read). `budget`:
   * households allowed in flight at once.
   */
  constructor(private readonly sizes: readonly number[], private readonly budget: number) {
    // Largest first; equal sizes in the plan's order (a stable sort).
    this.pending = sizes.map((_, i) => i).sort((a, b) => sizes[b]! - sizes[a]! || a - b);
  }

  /** Households of the jobs taken and not yet finished. */
  get households(): number {
    return this.inFlight;
  }

  /** The next job for a free worker; waits while none fits the budget; undefined when none is left. */
  async take(): Promise<number | undefined> {
    for (;;) {
      if (!this.pending.length) return undefined;
      const at = this.inFlight === 0 ? 0 : this.pending.findIndex((i) => this.inFlight + this.sizes[i]! <= this.budget);
      if (at >= 0) {
        const job = this.pending.splice(at, 1)[0]!;
        this.inFlight += this.sizes[job]!;
        this.running.add(job);
        return job;
      }
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
  }

  /** Job `job` is finished (or failed): its households leave the budget, and waiting workers look again. */
  done(job: number): void {
    if (!this.running.delete(job)) return;
    this.inFlight -= this.sizes[job]!;
    const wake = this.waiting;
    this.waiting = [];
    for (const w of wake) w();
  }

  /** Stops handing out jobs (a worker failed): waiting workers get undefined. */
  close(): void {
    this.pending.length = 0;
    const wake = this.waiting;
    this.waiting = [];
    for (const w of wake) w();
  }
}
