/**
 * The main thread's side of the explorer's worker (compute-worker.ts): starts it with a copy of
 * the dataset, sends it one job at a time (the lane decides which) and turns its answers and
 * errors back into values and JiuzhuErrors. A worker that dies fails the jobs it held and is
 * started again for the next; so does one that holds a job longer than the time limit (it is
 * stopped: a computation that never ends would otherwise hold the explorer's lane for ever).
 */
import { Worker } from 'node:worker_threads';
import type { Dataset } from '../data/dataset.js';
import type { ParameterData } from '../engine/parameters/tree.js';
import { JiuzhuError, type ErrorKind, type ErrorLocation } from '../engine/errors.js';
import { startEntryWorker } from '../scenarios/execution/worker-thread.js';
import type { ExplorerOptions } from './options.js';
import type { ExplorerRequest } from './request.js';

/**
 * What the worker is started with: the explorer's options (no functions) with the scenarios its
 * main thread loaded (`loaded`, by file), the dataset (copied) and the baseline parameters.
 */
export interface ComputeSetup {
  options: Pick<ExplorerOptions, 'scenarioFiles' | 'baselineFile' | 'period' | 'seed' | 'dataArg' | 'testBusyMs' | 'loaded' | 'sliceThreads' | 'minSlicedHouseholds'>;
  dataset: Dataset;
  /**
   * The main thread's baseline parameters (spec.ts workerParameters): the worker runs on them
   * rather than reading and parsing the 44 parameter files again (docs/performance.md).
   */
  parameters: ParameterData;
}
export interface ComputeJob {
  seq: number;
  op: 'run' | 'charts' | 'table' | 'chart' | 'warm';
  req: ExplorerRequest;
  id?: string;
  /** Test hook (ComputeLimits.testStallFirstThreadMs): hold the thread this many ms first. */
  stallMs?: number;
}

/**
 * How long a computation may hold the compute thread by default: 10 minutes. The default
 * dataset's longest computation (a scenario's full year, first view) takes about 5 s; the whole
 * count held in memory, minutes. Beyond this it is taken to hang (ExplorerOptions.computeTimeoutMs).
 */
export const DEFAULT_COMPUTE_TIMEOUT_MS = 600_000;

/** The main thread's limits on the worker (ExplorerOptions.computeTimeoutMs, testStallFirstThreadMs). */
export interface ComputeLimits {
  /** A job not answered within this many ms stops the worker (COMPUTE_TIMEOUT). */
  timeoutMs: number;
  /** Test hook: jobs sent to the first worker hold it this many ms first. */
  testStallFirstThreadMs?: number;
}
interface PackedError { message: string; code?: string; kind?: ErrorKind; location?: ErrorLocation; hint?: string; details?: string[]; stack?: string }
export type ComputeReply = { id: number; value: unknown; error?: undefined } | { id: number; error: PackedError; value?: undefined };

/** The worker on compute-worker, from dist/ or (tests, tsx) from the source (worker-thread.ts). */
function startWorker(setup: ComputeSetup): Worker {
  return startEntryWorker('compute-worker', import.meta.url, setup);
}

export class ComputeThread {
  private worker: Worker | undefined;
  private ready: Promise<void> | undefined;
  private seq = 0;
  /** Workers started so far (the test hook stalls the first only). */
  private starts = 0;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: unknown) => void }>();

  constructor(private readonly setup: ComputeSetup, private readonly limits: ComputeLimits = { timeoutMs: DEFAULT_COMPUTE_TIMEOUT_MS }) {}

  /**
   * Sends one job and waits for its answer. A job not answered within the time limit fails with
   * COMPUTE_TIMEOUT, and its worker is stopped (the jobs it held fail with WORKER_EXITED); the
   * next job starts a fresh one.
   */
  async call<T>(op: ComputeJob['op'], req: ExplorerRequest, id?: string): Promise<T> {
    const w = await this.start();
    const seq = ++this.seq;
    const stallMs = this.starts === 1 ? this.limits.testStallFirstThreadMs : undefined;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => this.timeOut(w, seq), this.limits.timeoutMs);
      timer.unref();
      const settle = (): void => clearTimeout(timer);
      this.pending.set(seq, { resolve: (v) => { settle(); resolve(v as T); }, reject: (e) => { settle(); reject(e); } });
      w.postMessage({ seq, op, req, id, ...(stallMs ? { stallMs } : {}) } satisfies ComputeJob);
    });
  }

  /** The job `seq` took too long: it fails, and its worker is stopped (the next job starts another). */
  private timeOut(w: Worker, seq: number): void {
    const p = this.pending.get(seq);
    if (!p) return;
    this.pending.delete(seq);
    const s = this.limits.timeoutMs / 1000;
    p.reject(new JiuzhuError('COMPUTE_TIMEOUT', `the computation took longer than the explorer's limit of ${s} s and was stopped`, {
      kind: 'internal', location: { key: 'computeTimeoutMs' }, hint: 'a shorter period or a smaller dataset computes faster; `jiuzhu serve --timeout <seconds>` sets the limit',
    }));
    if (this.worker === w) void this.close();
  }

  /** Stops the worker; jobs it held fail. */
  async close(): Promise<void> {
    const w = this.worker;
    this.worker = undefined;
    this.ready = undefined;
    if (w) await w.terminate();
  }

  private start(): Promise<Worker> {
    if (!this.ready) {
      const w = (this.worker = startWorker(this.setup));
      this.starts++;
      w.unref();
      this.ready = new Promise<void>((resolve, reject) => {
        const fail = (e: unknown): void => {
          reject(e);
          for (const p of this.pending.values()) p.reject(e);
          this.pending.clear();
          if (this.worker === w) {
            this.worker = undefined;
            this.ready = undefined;
          }
        };
        w.on('message', (m: ComputeReply) => {
          if (m.id === -1) return resolve();
          const p = this.pending.get(m.id);
          if (!p) return;
          this.pending.delete(m.id);
          if (m.error) p.reject(unpack(m.error));
          else p.resolve(m.value);
        });
        w.on('error', (e) => fail(new JiuzhuError('WORKER_FAILED', `the explorer's worker thread failed: ${e.message}`, { kind: 'internal' })));
        w.on('exit', (code) => fail(new JiuzhuError('WORKER_EXITED', `the explorer's worker thread exited (code ${code})`, { kind: 'internal' })));
      });
      this.ready.catch(() => {}); // reported to the callers that wait on it
    }
    return this.ready.then(() => this.worker!);
  }
}

function unpack(p: PackedError): Error {
  if (p.code) return new JiuzhuError(p.code, p.message, { kind: p.kind, location: p.location, hint: p.hint, details: p.details });
  const e = new Error(`in the explorer's worker thread: ${p.message}`);
  if (p.stack) e.stack = p.stack;
  return e;
}
