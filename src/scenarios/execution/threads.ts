/**
 * Worker threads for execute (execute.ts): each worker is started with the run's scenarios and
 * accumulates them on the slices it is sent (worker-entry.ts); the sums come back packed
 * (sums.ts) and are handed on in slice order, whatever thread finished first. A slice's sums do
 * not depend on the thread that computed it, so the result is the same for any number of workers.
 */
import { Worker } from 'node:worker_threads';
import type { Column } from '../../engine/column.js';
import { JiuzhuError, type ErrorKind, type ErrorLocation } from '../../engine/errors.js';
import type { Override } from '../../engine/parameters/tree.js';
import type { Population } from '../../engine/population.js';
import type { Scenario } from '../input/load.js';
import type { Slice } from './plan.js';
import type { Period, RunSpec } from './spec.js';
import { buffersOf, unpackSums, type PackedSums, type ScenarioSums } from '../results/sums.js';

/** What a worker is started with: the spec without its preparation (done before a slice is sent). */
export interface WorkerSetup { scenarios: Scenario[]; period: Period; seeds: number[]; overrides?: Override[] }

/** A slice for a worker, sent as columns, with the period to run it over. */
export interface SliceJob { slice: number; population: Population; period: Period }

/** A slice to run for one spec of several (a projection's years share one pool). */
export interface SliceWork { spec: number; period: Period; slice: Slice }
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
 * Accumulates the spec's scenarios on every slice of `work` on `workers` threads; `onSlice`
 * receives each slice's sums in the order of `work`, whatever thread finished first.
 */
export async function runOnThreads(spec: RunSpec, work: AsyncIterator<SliceWork>, workers: number, onSlice: (sums: ScenarioSums[], work: SliceDone) => void): Promise<void> {
  const setup: WorkerSetup = { scenarios: [...spec.scenarios], period: spec.period, seeds: [...spec.seeds], ...(spec.overrides?.length ? { overrides: [...spec.overrides] } : {}) };
  const pool = Array.from({ length: workers }, () => startWorker(setup));
  const done = new Map<number, { sums: ScenarioSums[]; work: SliceDone }>();
  let handed = 0;
  let next = 0;
  const handOn = (): void => {
    for (let d = done.get(handed); d; d = done.get(handed)) {
      done.delete(handed);
      onSlice(d.sums, d.work);
      handed++;
    }
  };
  // The next job, packed. Only the copy sent to the worker holds the slice's population: kept
  // here until the slices before it are handed on, a full count's finished prefectures held
  // gigabytes while the largest was still running (issue #25).
  const nextJob = async (): Promise<{ job: SliceJob; transfer: ArrayBuffer[]; placed: SliceDone } | undefined> => {
    const item = await work.next();
    if (item.done) return undefined;
    const { spec: n, period, slice } = item.value;
    const packed = packPopulation(slice.population);
    return { job: { slice: next++, population: packed.population, period }, transfer: packed.transfer, placed: { spec: n, period, households: slice.households } };
  };
  const run = async (w: Worker): Promise<void> => {
    for (let j = await nextJob(); j; j = await nextJob()) {
      const k = j.job.slice;
      const placed = j.placed;
      const reply = await request(w, j.job, j.transfer);
      if ('error' in reply) throw unpackError(reply.error);
      done.set(k, { sums: reply.sums.map(unpackSums), work: placed });
      handOn();
    }
  };
  try {
    await Promise.all(pool.map(run));
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
}

/** True when this module runs from the TypeScript source (tsx, vitest) rather than dist/. */
const FROM_SOURCE = import.meta.url.endsWith('.ts');

/**
 * Starts a worker on worker-entry. From dist/ that is plain JavaScript. From the source, the
 * worker must first register tsx's loader: on Node 20 a worker does not inherit the loader of
 * the thread that starts it, and `execArgv: ['--import', 'tsx']` is not honoured by workers.
 */
function startWorker(setup: WorkerSetup): Worker {
  const entry = new URL(`./worker-entry.${FROM_SOURCE ? 'ts' : 'js'}`, import.meta.url);
  if (!FROM_SOURCE) return new Worker(entry, { workerData: setup });
  const boot = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((t) => { t.register(); return import(${JSON.stringify(entry.href)}); });`;
  return new Worker(boot, { eval: true, workerData: setup });
}

/** Sends a job and waits for its reply; a worker that fails or exits first rejects. */
function request(w: Worker, job: SliceJob, transfer: ArrayBuffer[]): Promise<SliceReply> {
  return new Promise((resolve, reject) => {
    const off = (): void => {
      w.off('message', onMessage);
      w.off('error', onError);
      w.off('exit', onExit);
    };
    const onMessage = (m: SliceReply): void => { off(); resolve(m); };
    const onError = (e: Error): void => { off(); reject(e); };
    const onExit = (code: number): void => { off(); reject(new JiuzhuError('WORKER_EXIT', `a worker thread stopped (exit code ${code}) before finishing slice ${job.slice}`, { kind: 'internal' })); };
    w.on('message', onMessage);
    w.once('error', onError);
    w.once('exit', onExit);
    w.postMessage(job, transfer);
  });
}

const copyColumn = <T extends Column | Float64Array | Int32Array>(c: T): T => c.slice() as T;

/**
 * A population with every column copied into its own buffer, and those buffers, to transfer
 * (a slice may share buffers with the population it came from, which must stay usable here).
 */
export function packPopulation(pop: Population): { population: Population; transfer: ArrayBuffer[] } {
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
