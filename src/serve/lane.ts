/**
 * One simulation at a time: the engine is synchronous and holds a whole dataset's columns, so two
 * runs side by side would only share the cores and double the memory. Jobs wait in a queue; a job
 * submitted with a key replaces a queued (not yet started) job with the same key, which resolves
 * as superseded — a slider dragged across ten values runs the first and the last, not all ten.
 *
 * The queue is bounded (`maxWaiting`): a job beyond it is refused at once (QUEUE_FULL, which the
 * server answers with 429), so a flood of requests cannot pile up work without end. A job given
 * an AbortSignal (its client's connection) is dropped while it waits once the signal fires
 * (CLIENT_GONE): an abandoned request never runs.
 */
import { JiuzhuError } from '../engine/errors.js';

/** What a superseded job resolves to. */
export const SUPERSEDED = Symbol('superseded');

/** Jobs that may wait behind the running one unless told otherwise. */
export const DEFAULT_MAX_WAITING = 16;

interface Job {
  key: string | undefined;
  run: () => Promise<unknown>;
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
  signal?: AbortSignal;
  onAbort?: () => void;
}

export interface LaneOptions {
  /** Most jobs waiting behind the running one (default 16). */
  maxWaiting?: number;
}

export class Lane {
  private readonly queue: Job[] = [];
  private busy = false;
  readonly maxWaiting: number;
  /** Jobs dropped because their client went away before they started. */
  dropped = 0;

  constructor(options: LaneOptions = {}) {
    this.maxWaiting = options.maxWaiting ?? DEFAULT_MAX_WAITING;
  }

  /**
   * Runs `run` after the jobs before it; a later job with the same key supersedes it while it
   * waits. Rejects with QUEUE_FULL when the queue is full, CLIENT_GONE when `signal` fires first.
   */
  submit<T>(key: string | undefined, run: () => Promise<T> | T, signal?: AbortSignal): Promise<T | typeof SUPERSEDED> {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(clientGone());
      if (key !== undefined) {
        for (let i = this.queue.length - 1; i >= 0; i--) {
          const queued = this.queue[i]!;
          if (queued.key !== key) continue;
          this.remove(i);
          queued.resolve(SUPERSEDED);
        }
      }
      if (this.queue.length >= this.maxWaiting) {
        return reject(new JiuzhuError('QUEUE_FULL', `the explorer is busy: ${this.queue.length} computations already wait (at most ${this.maxWaiting})`, {
          location: { key: 'queue' }, hint: 'try again in a moment',
        }));
      }
      const job: Job = { key, run: async () => run(), resolve: resolve as (v: unknown) => void, reject, signal };
      if (signal) {
        job.onAbort = () => {
          const i = this.queue.indexOf(job);
          if (i < 0) return; // already running: it finishes (and its result is cached)
          this.remove(i);
          this.dropped++;
          reject(clientGone());
        };
        signal.addEventListener('abort', job.onAbort, { once: true });
      }
      this.queue.push(job);
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

  private remove(i: number): Job {
    const [job] = this.queue.splice(i, 1);
    if (job!.signal && job!.onAbort) job!.signal.removeEventListener('abort', job!.onAbort);
    return job!;
  }

  private async pump(): Promise<void> {
    this.busy = true;
    try {
      await nextTurn(); // requests that arrive together: the last of each key runs
      while (this.queue.length) {
        const job = this.remove(0);
        try {
          job.resolve(await job.run());
        } catch (e) {
          job.reject(e);
        }
        // Let the requests that arrived meanwhile be read (and supersede what is queued, or
        // cancel what their closed connections left) before the next job starts.
        await nextTurn();
      }
    } finally {
      this.busy = false;
    }
  }
}

const clientGone = (): JiuzhuError => new JiuzhuError('CLIENT_GONE', 'the request was abandoned before its computation started', { location: { key: 'connection' } });

const nextTurn = (): Promise<void> => new Promise((r) => setImmediate(r));
