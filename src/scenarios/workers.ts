/**
 * Scenario runs on worker threads (`workers: N`, `jiuzhu run|compare --workers N`).
 *
 * The unit of work is a chunk: a chunk of a chunked dataset, or a slice of a dataset in memory.
 * Each worker accumulates every scenario on the chunks it is given, and the main thread merges
 * the accumulators in chunk order, exactly as runChunked does in one thread. A chunk's sums do
 * not depend on the thread that computed it, and the merge order is fixed, so the result is
 * byte-identical whatever the number of workers.
 *
 * A dataset in memory is cut into slices that depend only on its number of households (never on
 * the number of workers): see sliceRanges. Rationing rules (the dibao quota below 1, §六
 * public-welfare posts) rank households within a slice, as a chunked run ranks within a chunk,
 * so a run with workers equals runChunked over slicedDataset(dataset), not the one-pass run.
 *
 * Months are not spread over threads: each month starts from the state the previous month left
 * (entries, exits, job loss, gradual exit), so a chunk's months run in order on one thread.
 */
import { Worker } from 'node:worker_threads';
import { isChunkedDataset, slicePopulation, type ChunkedDataset } from '../data/chunked.js';
import type { Dataset } from '../data/dataset.js';
import type { Column } from '../engine/column.js';
import { JiuzhuError, type ErrorKind, type ErrorLocation } from '../engine/errors.js';
import type { Override } from '../engine/parameters/tree.js';
import type { Population } from '../engine/population.js';
import { PROGRAMS } from '../programs/index.js';
import { DistributionAccumulator } from './distribution.js';
import type { Scenario } from './load.js';
import { ProgramAccumulator, type ProgramMonthSums } from './program-accumulator.js';
import { scenarioParameters, scenarioPeriod, scenarioResult, type DatasetSource, type Period, type RunOptions, type ScenarioResult, type ScenarioSums } from './run.js';
import { DibaoAccumulator } from './summary.js';

/** Most slices a dataset in memory is cut into for workers. */
export const MAX_SLICES = 8;
/** Fewest households a slice holds (a smaller dataset is one slice). */
export const MIN_SLICE_HOUSEHOLDS = 1000;

/**
 * The household ranges [start, end) a dataset in memory is cut into for workers: as many equal
 * slices as fit MIN_SLICE_HOUSEHOLDS each, at most MAX_SLICES. A function of the household count
 * only, so every number of workers computes the same slices.
 */
export function sliceRanges(nHouseholds: number): [number, number][] {
  const parts = Math.max(1, Math.min(MAX_SLICES, Math.floor(nHouseholds / MIN_SLICE_HOUSEHOLDS)));
  return Array.from({ length: parts }, (_, i) => [Math.floor((i * nHouseholds) / parts), Math.floor(((i + 1) * nHouseholds) / parts)]);
}

/** Views made by slicedDataset: their population and ranges, so chunks can be sent to workers. */
const slicedViews = new WeakMap<ChunkedDataset, { population: Population; ranges: [number, number][] }>();

/**
 * A dataset in memory seen as a chunked dataset of its slices (sliceRanges). runChunked over it,
 * with or without workers, gives the result a run with workers gives; compareScenarios takes the
 * chunked path for it, so this is how an in-memory comparison runs on workers. Its meta (name,
 * sha256) is the dataset's.
 */
export function slicedDataset(dataset: Dataset): ChunkedDataset {
  const pop = dataset.population;
  const ranges = sliceRanges(pop.nHouseholds);
  const view: ChunkedDataset = {
    kind: 'chunked',
    dir: '', // in memory: no folder
    manifest: {
      format: 'jiuzhu-chunked',
      version: 1,
      name: dataset.meta.name,
      description: dataset.meta.description,
      households: pop.nHouseholds,
      persons: pop.nPersons,
      chunks: ranges.map(([a, b], i) => ({ file: `slice-${i}`, households: b - a, persons: pop.householdStart[b]! - pop.householdStart[a]!, sha256: '' })),
    },
    meta: dataset.meta,
    warnings: dataset.warnings,
    async loadChunk(i) {
      const r = ranges[i];
      if (!r) throw new JiuzhuError('BAD_CHUNK', `no slice ${i}`, { kind: 'usage' });
      return slicePopulation(pop, r[0], r[1]);
    },
  };
  slicedViews.set(view, { population: pop, ranges });
  return view;
}

/** The number of workers asked for, checked: a whole number ≥ 1. */
export function checkWorkers(n: unknown): number {
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1) {
    throw new JiuzhuError('BAD_OPTION', `workers must be a whole number ≥ 1, not '${String(n)}'`, { kind: 'usage', location: { key: '--workers' }, hint: 'one worker per core is the most that helps (node:os availableParallelism())' });
  }
  return n;
}

/**
 * Runs scenarios on worker threads: a dataset in memory is cut into slices (slicedDataset), a
 * chunked dataset keeps its chunks. The result equals runChunked over the same chunks, byte for
 * byte, for any number of workers. `onMonth` is not available: the columns stay in the workers.
 */
export async function runOnWorkers(scenarios: readonly Scenario[], source: DatasetSource, options: RunOptions & { workers: number }): Promise<ScenarioResult[]> {
  const chunked = 'kind' in source && source.kind === 'chunked' ? source : slicedDataset(source as Dataset);
  return runChunkedOnWorkers(scenarios, chunked, options);
}

/**
 * What a worker is started with. `overrides` are applied on top of every scenario's own (a
 * projection's growth-rule standards), exactly as the main thread applies them.
 */
export interface WorkerSetup { scenarios: Scenario[]; period: Period; seeds: number[]; overrides?: Override[] }

/** A chunk for a worker: read from a chunked dataset's folder, or sent as columns; `period` replaces the setup's (a projection's year). */
export interface ChunkJob { chunk: number; dir?: string; population?: Population; period?: Period }

/** A worker's answer: each scenario's sums of the chunk, or the error it met. */
export type ChunkReply = { chunk: number; sums: PackedSums[] } | { chunk: number; error: PackedError };

interface PackedError { message: string; code?: string; kind?: ErrorKind; location?: ErrorLocation; hint?: string; details?: string[]; stack?: string }

/** runChunked on worker threads (see runOnWorkers). */
export async function runChunkedOnWorkers(scenarios: readonly Scenario[], source: ChunkedDataset, options: RunOptions & { workers: number }): Promise<ScenarioResult[]> {
  const workers = checkWorkers(options.workers);
  if (options.onMonth) throw new JiuzhuError('BAD_OPTION', 'onMonth reads the columns of each month, which stay in the worker threads: it cannot be used with workers', { kind: 'usage', location: { key: 'workers' } });
  if (!scenarios.length) return [];
  // As runChunked: one period for all, each scenario's seed unless one is given.
  const setup: WorkerSetup = {
    scenarios: [...scenarios],
    period: options.period ?? scenarioPeriod(scenarios[0]!),
    seeds: scenarios.map((s) => options.seed ?? s.seed ?? 1),
  };
  const trees = scenarios.map((s) => scenarioParameters(s));
  const nChunks = source.manifest.chunks.length;
  const inMemory = slicedViews.get(source);
  // Workers read the chunks of a folder themselves; any other chunk source is loaded here and sent.
  const dir = !inMemory && source.dir && isChunkedDataset(source.dir) ? source.dir : undefined;
  const pool = Array.from({ length: Math.min(workers, nChunks) }, () => startWorker(setup));
  const done: (ScenarioSums[] | undefined)[] = new Array<ScenarioSums[] | undefined>(nChunks);
  let accs: ScenarioSums[] | undefined;
  let merged = 0;
  let next = 0;
  // Merges every finished chunk in order, as soon as the chunks before it are in.
  const mergeReady = (): void => {
    for (let sums = done[merged]; sums; sums = done[merged]) {
      done[merged] = undefined;
      if (!accs) accs = sums;
      else {
        sums.forEach((acc, i) => {
          const prev = accs![i]!;
          prev.dibao.merge(acc.dibao);
          prev.programs.merge(acc.programs);
          prev.distribution.merge(acc.distribution);
        });
      }
      merged++;
      options.onProgress?.(merged, nChunks);
    }
  };
  const work = async (w: Worker): Promise<void> => {
    while (next < nChunks) {
      const chunk = next++;
      let job: ChunkJob;
      let transfer: ArrayBuffer[] = [];
      if (dir) job = { chunk, dir };
      else {
        const pop = inMemory ? slicePopulation(inMemory.population, ...inMemory.ranges[chunk]!) : await source.loadChunk(chunk);
        const packed = packPopulation(pop);
        job = { chunk, population: packed.population };
        transfer = packed.transfer;
      }
      const reply = await request(w, job, transfer);
      if ('error' in reply) throw unpackError(reply.error);
      done[chunk] = reply.sums.map(unpackSums);
      mergeReady();
    }
  };
  try {
    await Promise.all(pool.map(work));
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
  return scenarios.map((s, i) => scenarioResult(s.name, accs![i]!, trees[i]!, s.inputs));
}

/**
 * Accumulates every scenario of `setup` on each job's population and period, on `workers`
 * threads, and returns the sums per job (in job order) and per scenario. A job's sums do not
 * depend on the thread that computed it, so the result is the same for any number of workers.
 * A projection sends its years this way (projectScenario with `workers`).
 */
export async function accumulateJobsOnWorkers(setup: WorkerSetup, jobs: readonly { population: Population; period: Period }[], workers: number, onDone?: (done: number, total: number) => void): Promise<ScenarioSums[][]> {
  checkWorkers(workers);
  const out: ScenarioSums[][] = new Array<ScenarioSums[]>(jobs.length);
  const pool = Array.from({ length: Math.min(workers, jobs.length) }, () => startWorker(setup));
  let next = 0;
  let done = 0;
  const work = async (w: Worker): Promise<void> => {
    while (next < jobs.length) {
      const chunk = next++;
      const { population, period } = jobs[chunk]!;
      const packed = packPopulation(population);
      const reply = await request(w, { chunk, population: packed.population, period }, packed.transfer);
      if ('error' in reply) throw unpackError(reply.error);
      out[chunk] = reply.sums.map(unpackSums);
      onDone?.(++done, jobs.length);
    }
  };
  try {
    await Promise.all(pool.map(work));
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
  return out;
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
function request(w: Worker, job: ChunkJob, transfer: ArrayBuffer[]): Promise<ChunkReply> {
  return new Promise((resolve, reject) => {
    const off = (): void => {
      w.off('message', onMessage);
      w.off('error', onError);
      w.off('exit', onExit);
    };
    const onMessage = (m: ChunkReply): void => { off(); resolve(m); };
    const onError = (e: Error): void => { off(); reject(e); };
    const onExit = (code: number): void => { off(); reject(new JiuzhuError('WORKER_EXIT', `a worker thread stopped (exit code ${code}) before finishing chunk ${job.chunk}`, { kind: 'internal' })); };
    w.on('message', onMessage);
    w.once('error', onError);
    w.once('exit', onExit);
    w.postMessage(job, transfer);
  });
}

// ── Sending populations and sums between threads ─────────────────────────────

const copyColumn = <T extends Column | Float64Array | Int32Array>(c: T): T => c.slice() as T;

/**
 * A population with every column copied into its own buffer, and those buffers, to transfer.
 * A slice's columns are views of the whole population's buffers, which a message would copy
 * whole; the copies are exactly the slice.
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

/** The private state of the accumulators, read and written only to move them between threads. */
interface DibaoState { sums: Float64Array[][]; byMonth: Map<string, { sums: Float64Array; triggered: boolean; areas?: Float64Array[] }> }
interface DistributionPart { weight: Float64Array; size: Float64Array; urban: Uint8Array; market: Float64Array; transfers: Float64Array; standard: Float64Array; months: number }
interface DistributionState { parts: DistributionPart[] }

/** One scenario's sums of one chunk, as plain data and typed arrays (structured-cloneable). */
export interface PackedSums {
  dibao: { groupings: { name: string; keys: string[] }[]; sums: Float64Array[][]; byMonth: [string, Float64Array, boolean, Float64Array[] | undefined][] };
  programs: { months: [string, ProgramMonthSums[]][]; population: [string, { persons: Float64Array; households: Float64Array }][]; recipients: Float64Array[]; households: Float64Array[]; groupDistinct: Float64Array[][]; groupPersonMonths: Float64Array[][] };
  distribution: { parts: DistributionPart[]; nationalLine: number[] };
}

/**
 * A chunk's accumulated sums as plain data, and the buffers to transfer. The accumulators must be
 * complete (accumulateScenario closes them); the groupings' household index is not carried, since
 * once a chunk is accumulated only the group names and the sums matter.
 */
export function packSums(s: ScenarioSums): { value: PackedSums; transfer: ArrayBuffer[] } {
  s.programs.closePopulation();
  const d = s.dibao as unknown as DibaoState;
  const dist = s.distribution as unknown as DistributionState;
  const value: PackedSums = {
    dibao: {
      groupings: s.dibao.groupings.map((g) => ({ name: g.name, keys: [...g.keys] })),
      sums: d.sums,
      byMonth: [...d.byMonth].map(([m, { sums, triggered, areas }]) => [m, sums, triggered, areas]),
    },
    programs: {
      months: [...s.programs.months],
      population: [...s.programs.population],
      recipients: s.programs.recipients,
      households: s.programs.households,
      groupDistinct: s.programs.groupDistinct,
      groupPersonMonths: s.programs.groupPersonMonths,
    },
    distribution: { parts: dist.parts, nationalLine: [...s.distribution.nationalLine] },
  };
  const arrays: ArrayBufferView[] = [
    ...value.dibao.sums.flat(), ...value.dibao.byMonth.flatMap((m) => [m[1], ...(m[3] ?? [])]),
    ...value.programs.months.flatMap(([, ps]) => ps.flatMap((p) => [...p.components, ...p.funds])),
    ...value.programs.population.flatMap(([, p]) => [p.persons, p.households]),
    ...value.programs.recipients, ...value.programs.households,
    ...value.programs.groupDistinct.flat(), ...value.programs.groupPersonMonths.flat(),
    ...value.distribution.parts.flatMap((p) => [p.weight, p.size, p.urban, p.market, p.transfers, p.standard]),
  ];
  return { value, transfer: buffersOf(arrays) };
}

/** The accumulators back from packSums: merging them gives what merging the originals gives. */
export function unpackSums(p: PackedSums): ScenarioSums {
  const dibao = new DibaoAccumulator(p.dibao.groupings.map((g) => ({ name: g.name, keys: g.keys, index: new Uint8Array(0) })));
  const d = dibao as unknown as DibaoState;
  p.dibao.sums.forEach((g, gi) => g.forEach((s, k) => d.sums[gi]![k]!.set(s)));
  for (const [m, sums, triggered, areas] of p.dibao.byMonth) d.byMonth.set(m, { sums, triggered, ...(areas ? { areas } : {}) });
  const programs = new ProgramAccumulator(PROGRAMS);
  for (const [m, sums] of p.programs.months) programs.months.set(m, sums);
  for (const [m, cells] of p.programs.population) programs.population.set(m, cells);
  p.programs.recipients.forEach((r, i) => programs.recipients[i]!.set(r));
  p.programs.households.forEach((r, i) => programs.households[i]!.set(r));
  p.programs.groupDistinct.forEach((g, i) => g.forEach((r, k) => programs.groupDistinct[i]![k]!.set(r)));
  p.programs.groupPersonMonths.forEach((g, i) => g.forEach((r, k) => programs.groupPersonMonths[i]![k]!.set(r)));
  const distribution = new DistributionAccumulator(PROGRAMS);
  (distribution as unknown as DistributionState).parts.push(...p.distribution.parts);
  distribution.nationalLine.push(...p.distribution.nationalLine);
  return { dibao, programs, distribution };
}

/** The distinct buffers under some typed arrays (a buffer may be listed once in a transfer). */
function buffersOf(arrays: readonly ArrayBufferView[]): ArrayBuffer[] {
  const set = new Set<ArrayBuffer>();
  for (const a of arrays) if (a.buffer instanceof ArrayBuffer) set.add(a.buffer);
  return [...set];
}

/** An error as plain data, to cross to the main thread with its code, kind and location. */
export function packError(e: unknown): PackedError {
  if (e instanceof JiuzhuError) return { message: e.message, code: e.code, kind: e.kind, location: e.location, hint: e.hint, details: e.details, stack: e.stack };
  return { message: e instanceof Error ? e.message : String(e), stack: e instanceof Error ? e.stack : undefined };
}

function unpackError(p: PackedError): Error {
  const e = p.code ? new JiuzhuError(p.code, p.message, { kind: p.kind, location: p.location, hint: p.hint, details: p.details }) : new Error(`in a worker thread: ${p.message}`);
  if (p.stack) e.stack = p.stack;
  return e;
}
