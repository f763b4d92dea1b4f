/**
 * Worker threads for execute (execute.ts): each worker is started with the run's scenarios and
 * accumulates them on the slices it is sent (worker-entry.ts); the sums come back packed
 * (sums.ts) and are handed on in slice order, whatever thread finished first. A slice's sums do
 * not depend on the thread that computed it, so the result is the same for any number of workers.
 */
import type { Worker } from 'node:worker_threads';
import type { Column } from '../../engine/column.js';
import { JiuzhuError, type ErrorKind, type ErrorLocation } from '../../engine/errors.js';
import { monthsBetween } from '../../engine/period.js';
import type { Override, ParameterData } from '../../engine/parameters/tree.js';
import type { Population } from '../../engine/population.js';
import type { Scenario } from '../input/load.js';
import type { Slice } from './plan.js';
import { SliceQueue } from './schedule.js';
import { againstFirst, BASE_BYTES_PER_HOUSEHOLD_MONTH, sharesFirstSeed } from './against-first.js';
import { request, startEntryWorker } from './worker-thread.js';
import { workerParameters, type Period, type RunSpec } from './spec.js';
import { buffersOf, unpackSums, type PackedSums, type ScenarioSums } from '../results/sums.js';

/** What a worker is started with: the spec without its preparation (done before a slice is sent), and the baseline parameters. */
export interface WorkerSetup {
  scenarios: Scenario[];
  period: Period;
  seeds: number[];
  overrides?: Override[];
  parameters: ParameterData;
  /** Whether the later scenarios of a slice are computed against the first one's run (against-first.ts): the parent's switch; absent, the worker's own. */
  againstFirst?: boolean;
}

/** A slice for a worker, sent as columns, with the period to run it over. */
export interface SliceJob { slice: number; population: Population; period: Period }

/** A slice to run for one spec of several (a projection's years share one pool), read when a worker takes it. */
export interface PlannedWork { spec: number; period: Period; households: number; read(): Promise<Slice | undefined> }
/** A slice sent to a worker, as runOnThreads hands its sums on: where its households sit, not the households. */
export interface SliceDone { spec: number; period: Period; households: Int32Array }

/** A worker's answer: each scenario's sums of the slice, or the error it met. */
export type SliceReply = { slice: number; sums: PackedSums[] } | { slice: number; error: PackedError };

interface PackedError { message: string; code?: string; kind?: ErrorKind; location?: ErrorLocation; hint?: string; details?: string[]; stack?: string }

/** The number of workers asked for, checked: a whole number ≥ 1. */
export function checkWorkers(n: unknown): number {
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1) {
    throw new JiuzhuError('BAD_OPTION', `workers must be a whole number ≥ 1, not '${String(n)}'`, { kind: 'usage', location: { key: '--workers' }, hint: 'one worker per core is the most that helps (node:os availableParallelism())' });
  }
  return n;
}

/**
 * Households in flight allowed by default with `workers` threads, for runs of up to `months`
 * months: the largest slice and 40% more (15% more beyond one month), or `workers` slices of the
 * median size, whichever is more. A worker's memory grows about in proportion to its slice's
 * households; measured on the full count (W2, session 7), about 2.1 GiB per million households
 * for one month of baseline + reform and about 2.5 GiB for 12 months of one scenario (docs/
 * performance.md, "W2's memory and overhead, session 7"). So for a month the largest slice runs
 * beside slices of at most 40% of its size instead of beside the second largest (Changchun, 2.4M
 * households, beside Songyuan, 0.9M: 7.5 GiB); for a year it runs alone (beside Baishan, 0.4M,
 * the 12-month child reached 7.83 GiB, too near 8). Slices of similar size still all run at
 * once. With `base` (a comparison's later scenarios computed against the first one's run,
 * against-first.ts) a worker also holds the base, BASE_BYTES_PER_HOUSEHOLD_MONTH a household and
 * month: the budget is smaller by that share of a worker's memory (one month: 128 bytes against
 * 2.1 GiB per million households, 5.7%; on W2 Changchun, too large for a base of its own
 * (BASE_MAX_BYTES), then runs beside Tonghua, 0.75M, and its base rather than Songyuan, 0.92M). A memory knob, not a policy number: the result does not depend on it.
 */
export function inFlightBudget(households: readonly number[], workers: number, months = 1, base = false): number {
  if (!households.length) return 0;
  const sorted = [...households].sort((a, b) => a - b);
  const median = sorted[Math.floor((sorted.length - 1) / 2)]!;
  const budget = Math.max(Math.ceil(sorted[sorted.length - 1]! * (months > 1 ? 1.15 : 1.4)), workers * median);
  if (!base) return budget;
  const workerBytes = (months > 1 ? 2.5 : 2.1) * 1024 ** 3 / 1e6;
  return Math.ceil(budget / (1 + (BASE_BYTES_PER_HOUSEHOLD_MONTH * months) / workerBytes));
}

/**
 * Accumulates the spec's scenarios on every slice of `work` on `workers` threads; `onSlice`
 * receives each slice's sums in the order of `work`, whatever thread finished first. Slices are
 * read when a worker takes them, largest first within `budget` households in flight (SliceQueue).
 */
export async function runOnThreads(spec: RunSpec, work: readonly PlannedWork[], workers: number, onSlice: (sums: ScenarioSums[], work: SliceDone) => void, budget?: number): Promise<void> {
  const setup: WorkerSetup = { scenarios: [...spec.scenarios], period: spec.period, seeds: [...spec.seeds], ...(spec.overrides?.length ? { overrides: [...spec.overrides] } : {}), parameters: workerParameters(), againstFirst: againstFirst() && !spec.prepare };
  // A base may be recorded on a slice (against-first.ts): the default budget leaves room for it.
  budget ??= inFlightBudget(work.map((w) => w.households), workers, Math.max(...work.map((w) => monthsBetween(w.period.from, w.period.to).length)), setup.againstFirst && sharesFirstSeed(spec.seeds));
  const pool = Array.from({ length: Math.min(workers, Math.max(work.length, 1)) }, () => startWorker(setup));
  const queue = new SliceQueue(work.map((w) => w.households), budget);
  // Each job's sums, or null for a slice that turned out empty; handed on in the order of `work`.
  const done = new Map<number, { sums: ScenarioSums[]; work: SliceDone } | null>();
  let handed = 0;
  const handOn = (): void => {
    while (done.has(handed)) {
      const d = done.get(handed)!;
      done.delete(handed);
      if (d) onSlice(d.sums, d.work);
      handed++;
    }
  };
  const run = async (w: Worker): Promise<void> => {
    for (let k = await queue.take(); k !== undefined; k = await queue.take()) {
      try {
        const { spec: n, period } = work[k]!;
        const slice = await work[k]!.read();
        if (!slice) {
          done.set(k, null);
        } else {
          const placed: SliceDone = { spec: n, period, households: slice.households };
          // Only the copy sent to the worker holds the slice's population (none at all when the
          // slice's own buffers are handed over): kept here until the slices before it were handed
          // on, a full count's finished prefectures held gigabytes (issue #25).
          const packed = packPopulation(slice.population, slice.owned ?? false);
          const reply = await request<SliceJob, SliceReply>(w, { slice: k, population: packed.population, period }, packed.transfer, (code) => `a worker thread stopped (exit code ${code}) before finishing slice ${k}`);
          if ('error' in reply) throw unpackError(reply.error);
          done.set(k, { sums: reply.sums.map(unpackSums), work: placed });
        }
      } catch (e) {
        queue.close();
        throw e;
      } finally {
        queue.done(k);
      }
      handOn();
    }
  };
  try {
    await Promise.all(pool.map(run));
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
}

/** Starts a worker on worker-entry (worker-thread.ts). */
export function startWorker(setup: WorkerSetup): Worker {
  return startEntryWorker('worker-entry', import.meta.url, setup);
}

/**
 * A population whose every column has a buffer of its own, and those buffers, to transfer. A
 * slice may share buffers with the population it came from, which must stay usable here: its
 * columns are copied. An `owned` slice's columns (read from chunks for it alone) are handed over
 * as they are when each fills its buffer — no copy, and nothing left here to free.
 */
export function packPopulation(pop: Population, owned = false): { population: Population; transfer: ArrayBuffer[] } {
  const taken = new Set<ArrayBufferLike>();
  const copyColumn = <T extends Column | Float64Array | Int32Array>(c: T): T => {
    const whole = owned && c.buffer instanceof ArrayBuffer && c.byteOffset === 0 && c.byteLength === c.buffer.byteLength && !taken.has(c.buffer);
    if (!whole) return c.slice() as T;
    taken.add(c.buffer);
    return c;
  };
  const population: Population = {
    nPersons: pop.nPersons,
    nHouseholds: pop.nHouseholds,
    householdId: copyColumn(pop.householdId),
    personId: copyColumn(pop.personId),
    personHousehold: copyColumn(pop.personHousehold),
    householdStart: copyColumn(pop.householdStart),
    weight: copyColumn(pop.weight),
    person: Object.fromEntries(Object.entries(pop.person).map(([k, v]) => [k, copyColumn(v)])),
    household: Object.fromEntries(Object.entries(pop.household).map(([k, v]) => [k, copyColumn(v)])),
  };
  const arrays = [population.householdId, population.personId, population.personHousehold, population.householdStart, population.weight, ...Object.values(population.person), ...Object.values(population.household)];
  return { population, transfer: buffersOf(arrays) };
}

/** An error as plain data, to cross to the main thread with its code, kind and location. */
export function packError(e: unknown): PackedError {
  if (e instanceof JiuzhuError) return { message: e.message, code: e.code, kind: e.kind, location: e.location, hint: e.hint, details: e.details, stack: e.stack };
  return { message: e instanceof Error ? e.message : String(e), stack: e instanceof Error ? e.stack : undefined };
}

export function unpackError(p: PackedError): Error {
  const e = p.code ? new JiuzhuError(p.code, p.message, { kind: p.kind, location: p.location, hint: p.hint, details: p.details }) : new Error(`in a worker thread: ${p.message}`);
  if (p.stack) e.stack = p.stack;
  return e;
}
