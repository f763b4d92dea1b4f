/**
 * A second thread for the slices of one population (the explorer's moves, issue #25). It is
 * started with copies of the slices it owns (about half the households: splitSlices) and keeps,
 * for those slices only, what a run reuses — their shared-results stores and their parts of each
 * differential base — while the calling thread keeps those of its own slices, so nothing is held
 * twice. A run of one scenario (executeOn with `helper`) posts its job here, computes its own
 * slices meanwhile, then waits for these slices' sums and merges every slice in slice order, as
 * it does in one thread: each slice's sums are computed by the same code on the same state, so
 * the result is the same bytes (test/helper-thread.test.ts).
 *
 * The wait is synchronous (Atomics.wait on a shared counter, then receiveMessageOnPort), so
 * runScenarioOn stays synchronous: the thread that waits is the one that computes (the
 * explorer's compute thread under `jiuzhu serve`), never the one that answers requests.
 */
import { availableParallelism } from 'node:os';
import { MessageChannel, receiveMessageOnPort, type MessagePort, type Worker } from 'node:worker_threads';
import { JiuzhuError } from '../../engine/errors.js';
import type { DifferentialBase, DifferentialUse } from '../../engine/differential.js';
import type { ParameterData } from '../../engine/parameters/tree.js';
import type { Population } from '../../engine/population.js';
import type { SharedResults, SharedResultsOptions } from '../../engine/shared-results.js';
import type { Scenario } from '../input/load.js';
import { MIN_SLICED_HOUSEHOLDS, slicesOf } from './plan.js';
import { workerParameters, type Period, type RunSpec } from './spec.js';
import { packError, unpackError } from './threads.js';
import { startEntryWorker } from './worker-thread.js';
import { unpackSums, type PackedSums, type ScenarioSums } from '../results/sums.js';

/** A slice the helper owns: its index in the plan, its households in the whole population, its population (a copy). */
export interface HelperSlice { k: number; households: Int32Array; population: Population; shared?: { maxBytes: number; options: SharedResultsOptions } }

/** What the helper is started with. */
export interface HelperSetup {
  slices: HelperSlice[];
  nSlices: number;
  parameters: ParameterData;
  /** Where its answers go (the other end stays with the calling thread, read with receiveMessageOnPort). */
  port: MessagePort;
  /**
   * [0] counts the answers posted (waited on with Atomics.wait); [1] is set when the thread exits
   * through its exit handler; [2] counts the months it has computed (its sign of life).
   */
  signal: Int32Array;
}

/** A run of one scenario on the helper's slices: against (or recording) the base `differential.id` when given. */
export interface HelperJob {
  id: number;
  scenario: Scenario;
  period: Period;
  seed: number;
  /** Whether the slices' shared-results stores are used (the run was given the store the helper was made for). */
  shared: boolean;
  differential?: { id: number; record: boolean };
}
export type HelperMessage = { job: HelperJob } | { release: number };
export type HelperReply = { id: number; sums: [number, PackedSums][] } | { id: number; error: ReturnType<typeof packError> };

/**
 * Which slices go to a second thread: the largest first, each to the thread with fewer
 * households so far (the calling thread on a tie). On the default dataset's nine prefectures,
 * 50,137 households here and 49,863 there. The split depends on the slices' sizes only.
 */
export function splitSlices(households: readonly number[]): Set<number> {
  const order = households.map((_, k) => k).sort((a, b) => households[b]! - households[a]! || a - b);
  const load = [0, 0];
  const remote = new Set<number>();
  for (const k of order) {
    const side = load[1]! < load[0]! ? 1 : 0;
    load[side] += households[k]!;
    if (side === 1) remote.add(k);
  }
  return remote;
}

/**
 * The number of slice threads asked for (`sliceThreads` of the explorer and of a sweep), checked:
 * 1 or 2, else BAD_OPTION. Default: 2 when the machine has two cores or more, else 1.
 */
export function sliceThreadsOf(n: unknown): 1 | 2 {
  if (n === undefined) return availableParallelism() >= 2 ? 2 : 1;
  if (n === 1 || n === 2) return n;
  throw new JiuzhuError('BAD_OPTION', `sliceThreads must be 1 or 2, not '${String(n)}'`, { kind: 'usage', location: { key: 'sliceThreads' }, hint: 'two threads when the machine has two cores or more (the default), else one' });
}

/** What of a run's options (execute.ts ExecuteOptions) decides whether the helper takes part, and how. */
export interface HelperRunOptions { onMonth?: unknown; onProgress?: unknown; shared?: SharedResults; differential?: DifferentialUse; minSlicedHouseholds?: number }

/** A job posted: the slices it computes there, and the wait for their sums. */
export interface HelperRun {
  owns(k: number): boolean;
  /** Blocks until the helper answers; its slices' sums (one per scenario), unplaced. */
  wait(): [number, ScenarioSums[]][];
}

/**
 * How long the calling thread waits without the helper computing a month before it gives the
 * helper up. A thread that is terminated (or dies of memory) runs no exit handler, and the
 * waiting thread, blocked in Atomics.wait, never sees its 'exit' event: without this bound it
 * waited for ever (seen in session 12 with a terminated helper). A month of the full count's
 * largest prefecture slice takes about 7 s on this project's machine; 120 s is far beyond it.
 */
export const HELPER_STALL_MS = 120_000;

export class SliceHelper {
  /** The slices the helper owns. */
  readonly remote: ReadonlySet<number>;
  private readonly worker: Worker;
  private readonly port: MessagePort;
  private readonly signal: Int32Array;
  private seq = 0;
  private readonly baseIds = new WeakMap<DifferentialBase, number>();
  private nextBase = 1;
  /** Per slice, the household arrays of the sums first received (see canonical). */
  private readonly held = new Map<string, Float64Array | Uint8Array>();
  private closed = false;

  /**
   * A helper for runs on `population` with the store `shared` (or none). `stallMs`: how long a
   * wait may see no month computed there before the helper is given up (HELPER_STALL_MS).
   * `minSliced`: the plan's threshold (the run option minSlicedHouseholds) of the runs it takes.
   */
  constructor(readonly population: Population, readonly shared?: SharedResults, private readonly stallMs = HELPER_STALL_MS, readonly minSliced = MIN_SLICED_HOUSEHOLDS) {
    const slices = slicesOf(population, minSliced);
    this.remote = slices.length > 1 ? splitSlices(slices.map((s) => s.households.length)) : new Set();
    const channel = new MessageChannel();
    this.port = channel.port1;
    this.port.unref();
    this.signal = new Int32Array(new SharedArrayBuffer(12));
    const setup: HelperSetup = {
      slices: [...this.remote].sort((a, b) => a - b).map((k) => ({
        k,
        households: slices[k]!.households,
        population: slices[k]!.population,
        ...(shared ? { shared: shared.partSettings(slices[k]!.households.length) } : {}),
      })),
      nSlices: slices.length,
      parameters: workerParameters(),
      port: channel.port2,
      signal: this.signal,
    };
    this.worker = startEntryWorker('helper-entry', import.meta.url, setup, [channel.port2]);
    this.worker.unref();
  }

  /** Whether a run of `spec` on `population` with these options can give the helper its slices. */
  takes(spec: RunSpec, population: Population, options: HelperRunOptions): boolean {
    return !this.closed && this.remote.size > 0 && population === this.population && spec.scenarios.length === 1 && !spec.prepare && !spec.overrides?.length
      && !options.onMonth && !options.onProgress && options.shared === this.shared
      // The helper's slices are those of its plan's threshold: a run cut at another is not its to share.
      && (options.minSlicedHouseholds ?? MIN_SLICED_HOUSEHOLDS) === this.minSliced;
  }

  /** Posts the run's job; the calling thread computes its own slices, then waits (HelperRun.wait). */
  start(spec: RunSpec, options: HelperRunOptions): HelperRun {
    const id = ++this.seq;
    const d = options.differential;
    const differential = !d ? undefined
      : 'record' in d ? { id: this.baseId(d.record), record: true }
      : d.base.complete ? { id: this.baseId(d.base), record: false } : undefined;
    const job: HelperJob = { id, scenario: spec.scenarios[0]!, period: spec.period, seed: spec.seeds[0]!, shared: options.shared !== undefined, ...(differential ? { differential } : {}) };
    this.port.postMessage({ job } satisfies HelperMessage);
    return { owns: (k) => this.remote.has(k), wait: () => this.wait(id) };
  }

  /** The helper forgets its parts of `base` (the caller dropped it). */
  release(base: DifferentialBase): void {
    const id = this.baseIds.get(base);
    if (id === undefined || this.closed) return;
    this.baseIds.delete(base);
    this.port.postMessage({ release: id } satisfies HelperMessage);
  }

  /** False once closed or given up (a dead helper): runs then compute every slice on the calling thread. */
  get alive(): boolean {
    return !this.closed;
  }

  /** Stops the thread. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.port.close();
    await this.worker.terminate();
  }

  private baseId(base: DifferentialBase): number {
    let id = this.baseIds.get(base);
    if (id === undefined) this.baseIds.set(base, (id = this.nextBase++));
    return id;
  }

  private wait(id: number): [number, ScenarioSums[]][] {
    let months = Atomics.load(this.signal, 2);
    let since = performance.now();
    for (;;) {
      const seen = Atomics.load(this.signal, 0);
      const got = receiveMessageOnPort(this.port);
      if (got) {
        const reply = got.message as HelperReply;
        if (reply.id !== id) continue; // the answer to a run that failed here before it waited
        if ('error' in reply) throw unpackError(reply.error);
        return reply.sums.map(([k, packed]) => [k, [unpackSums(this.canonical(k, packed))]]);
      }
      if (Atomics.load(this.signal, 1)) this.giveUp('the slice helper thread exited before answering');
      if (Atomics.wait(this.signal, 0, seen, Math.min(1000, this.stallMs)) !== 'timed-out') continue;
      const now = performance.now();
      const done = Atomics.load(this.signal, 2);
      if (done !== months) [months, since] = [done, now];
      else if (now - since >= this.stallMs) this.giveUp(`the slice helper thread computed no month for ${Math.round((now - since) / 1000)} s (it may have died)`);
    }
  }

  /**
   * Ends the helper and throws: this run fails, and later runs compute every slice on the
   * calling thread (takes() is false once closed); the helper's slices, whose base parts and
   * stores it held, are then computed in full there, giving the same bytes.
   */
  private giveUp(why: string): never {
    this.closed = true;
    this.port.close();
    void this.worker.terminate();
    throw new JiuzhuError('WORKER_EXITED', `${why}; its slices run on this thread from now on`, { kind: 'internal' });
  }

  /**
   * The sums with their households' weights, sizes and areas replaced by the arrays received
   * first when they hold the same numbers (they do: the slice's households do not change). In
   * one thread these are the same objects run after run, which the result's assembly of every
   * household keeps by identity (scenarios/results/distribution.ts); so it does here.
   */
  private canonical(k: number, p: PackedSums): PackedSums {
    p.distribution.parts.forEach((part, i) => {
      for (const name of ['weight', 'size', 'urban'] as const) {
        const key = `${k}:${i}:${name}`;
        const known = this.held.get(key);
        if (known && sameNumbers(known, part[name])) (part as Record<typeof name, Float64Array | Uint8Array>)[name] = known;
        else this.held.set(key, part[name]);
      }
    });
    return p;
  }
}

function sameNumbers(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
