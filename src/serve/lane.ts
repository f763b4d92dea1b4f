/**
 * One simulation at a time: the engine is synchronous and holds a whole dataset's columns, so two
 * runs side by side would only share the cores and double the memory. Jobs wait in a queue; a job
 * submitted with a key replaces a queued (not yet started) job with the same key, which resolves
 * as superseded — a slider dragged across ten values runs the first and the last, not all ten.
 */

/** What a superseded job resolves to. */
export const SUPERSEDED = Symbol('superseded');

interface Job {
  key: string | undefined;
  run: () => Promise<unknown>;
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
}

export class Lane {
  private readonly queue: Job[] = [];
  private busy = false;

  /** Runs `run` after the jobs before it; a later job with the same key supersedes it while it waits. */
  submit<T>(key: string | undefined, run: () => Promise<T> | T): Promise<T | typeof SUPERSEDED> {
    return new Promise((resolve, reject) => {
      if (key !== undefined) {
        for (let i = this.queue.length - 1; i >= 0; i--) {
          const queued = this.queue[i]!;
          if (queued.key !== key) continue;
          this.queue.splice(i, 1);
          queued.resolve(SUPERSEDED);
        }
      }
      this.queue.push({ key, run: async () => run(), resolve: resolve as (v: unknown) => void, reject });
      if (!this.busy) void this.pump();
    });
  }

  /** True when a job with this key waits: a running job with the key may stop early, its answer unwanted. */
  waitingFor(key: string): boolean {
    return this.queue.some((j) => j.key === key);
  }

  /** Jobs waiting (not counting the one running). */
  get waiting(): number {
    return this.queue.length;
  }

  private async pump(): Promise<void> {
    this.busy = true;
    try {
      await nextTurn(); // requests that arrive together: the last of each key runs
      for (let job = this.queue.shift(); job; job = this.queue.shift()) {
        try {
          job.resolve(await job.run());
        } catch (e) {
          job.reject(e);
        }
        // A run blocks the event loop; let the requests that arrived meanwhile be read (and
        // supersede what is queued) before the next job starts.
        await nextTurn();
      }
    } finally {
      this.busy = false;
    }
  }
}

const nextTurn = (): Promise<void> => new Promise((r) => setImmediate(r));
