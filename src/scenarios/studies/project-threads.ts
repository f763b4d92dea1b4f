/**
 * A projection's years on worker threads (`project --workers N`, a dataset in memory). The jobs
 * are (year, slice) pairs, as execute's would be, but a worker keeps the slices it has been sent:
 * a slice is copied to a worker once, and each of its years is the worker's own uprating of it
 * (project-worker.ts). execute's pool (execution/threads.ts) sends every year of every slice as
 * a new uprated copy, so each was new to the engine in every way: the rules callers read learnt
 * again (the first month computing some twice), the draws' hash prefixes made again, and the main
 * thread uprating and copying every job while the worker waited for it. (Buffer pools stay per
 * population, so per year: a pool shared across years was measured slower, see
 * docs/performance.md, "The projection, session 7".)
 *
 * A free worker takes the first waiting job of a slice it holds; a worker that holds none (a
 * new one) the first waiting job, in year order with the slices from fewest persons to most;
 * else the first waiting job of the largest slice still waiting. A new worker's code is cold (run
 * by the interpreter while V8 compiles it), and a cold first year on the smallest slice
 * (Liaoyuan, 13,738 persons of the default) instead of the largest (Changchun, 84,734) took
 * about 8% less CPU over W4's ten years, V8's own threads (compiler, GC) 22% less (docs/performance.md,
 * "The projection, session 10"); the large slices next and the small last keep the last jobs short.
 * A year's sums are merged in slice order as soon as its last slice is back (the same merge as
 * execute's), so the result is the same bytes as in one thread, and the caller can build the
 * year's result while the workers go on with the next years.
 */
import type { Worker } from 'node:worker_threads';
import { monthsBetween } from '../../engine/period.js';
import type { Override, ParameterData } from '../../engine/parameters/tree.js';
import type { Population } from '../../engine/population.js';
import type { UpratingFactors } from '../../dynamics/uprating.js';
import type { Scenario } from '../input/load.js';
import { slicesOf, type Slice } from '../execution/plan.js';
import { workerParameters, type Period } from '../execution/spec.js';
import { packError, packPopulation, unpackError } from '../execution/threads.js';
import { request, startEntryWorker } from '../execution/worker-thread.js';
import { mergeSums, unpackSums, type PackedSums, type ScenarioSums } from '../results/sums.js';

/** What a projection worker is started with. */
export interface YearWorkerSetup { scenario: Scenario; seed: number; overrides: Override[] }

/** One year of one slice; the slice's population comes with the first job of that slice a worker gets. */
export interface YearJob { job: number; slice: number; period: Period; factors: UpratingFactors; population?: Population; drop: number[] }

export type YearReply = { job: number; sums: PackedSums } | { job: number; error: ReturnType<typeof packError> };

/** A year of the projection: its months and how its population is moved from the dataset's. */
export interface ProjectedYear { period: Period; factors: UpratingFactors }

/**
 * Persons a worker keeps in the slices it holds (their copies) before it lets the least
 * recently used go: every slice of the default dataset (309,000
 * persons) stays, a full-count dataset's prefectures do not pile up in every worker.
 */
export const HELD_PERSONS = 3_000_000;

/**
 * Accumulates the scenario on every slice of `population` for each year, on `workers` threads;
 * `onYear` gets each year's sums (merged over the slices in slice order) as soon as the year is
 * complete, in any order of years. `minSliced`: ProjectOptions.minSlicedHouseholds.
 */
export async function projectYearsOnThreads(setup: YearWorkerSetup, population: Population, years: readonly ProjectedYear[], workers: number, onYear: (year: number, sums: ScenarioSums) => void, onProgress?: (done: number, total: number) => void, heldPersons = HELD_PERSONS, minSliced?: number): Promise<void> {
  // The workers start first: their start-up (loading the engine, building the parameters) runs
  // while this thread cuts the slices.
  // Each worker builds its trees on this thread's baseline, sent as data (no parameter file parsed again).
  const withParameters = { ...setup, parameters: workerParameters() };
  const pool = Array.from({ length: workers }, () => ({ worker: startYearWorker(withParameters), held: new Map<number, number>(), tick: 0 }));
  try {
    await runYears(pool, slicesOf(population, minSliced), years, heldPersons, onYear, onProgress);
  } finally {
    await Promise.all(pool.map((w) => w.worker.terminate()));
  }
}

interface PoolWorker { worker: Worker; held: Map<number, number>; tick: number }

/** The jobs of every year on the pool's workers (see projectYearsOnThreads). */
async function runYears(pool: readonly PoolWorker[], slices: readonly Slice[], years: readonly ProjectedYear[], cap: number, onYear: (year: number, sums: ScenarioSums) => void, onProgress?: (done: number, total: number) => void): Promise<void> {
  const persons = slices.map((s) => s.population.nPersons);
  const jobs = yearJobs(years.length, persons);
  const waiting = jobs.map((_, j) => j);
  const back: (ScenarioSums | undefined)[][] = years.map(() => slices.map(() => undefined));
  const left = years.map(() => slices.length);
  const months = years.map((y) => monthsBetween(y.period.from, y.period.to).length);
  const total = months.reduce((a, m) => a + m, 0) * slices.length;
  let done = 0;

  const run = async (w: PoolWorker): Promise<void> => {
    for (;;) {
      if (!waiting.length) return;
      const j = waiting.splice(nextJob(waiting.map((i) => jobs[i]!), w.held, persons), 1)[0]!;
      const { y, k } = jobs[j]!;
      const job: YearJob = { job: j, slice: k, period: years[y]!.period, factors: years[y]!.factors, drop: [] };
      let transfer: ArrayBuffer[] = [];
      if (!w.held.has(k)) {
        // Least recently used slices go first, until this one fits.
        let heldPersons = [...w.held.keys()].reduce((a, i) => a + persons[i]!, 0);
        for (const [i] of [...w.held].sort((a, b) => a[1] - b[1])) {
          if (heldPersons + persons[k]! <= cap) break;
          job.drop.push(i);
          w.held.delete(i);
          heldPersons -= persons[i]!;
        }
        const packed = packPopulation(slices[k]!.population);
        job.population = packed.population;
        transfer = packed.transfer;
      }
      w.held.set(k, ++w.tick);
      const reply = await request<YearJob, YearReply>(w.worker, job, transfer, (code) => `a projection worker stopped (exit code ${code}) before finishing job ${job.job}`);
      if ('error' in reply) throw unpackError(reply.error);
      back[y]![k] = unpackSums(reply.sums);
      done += months[y]!;
      onProgress?.(done, total);
      if (--left[y]! === 0) onYear(y, mergeYear(back[y]! as ScenarioSums[], slices.map((s) => s.households)));
    }
  };
  await Promise.all(pool.map(run));
}

/**
 * The jobs of a projection in the order they wait: year by year, and within a year the slices
 * from the one with fewest persons to the one with most (the plan's order among equals).
 */
export function yearJobs(years: number, persons: readonly number[]): { y: number; k: number }[] {
  const bySize = persons.map((_, k) => k).sort((a, b) => persons[a]! - persons[b]! || a - b);
  return Array.from({ length: years }, (_, y) => bySize.map((k) => ({ y, k }))).flat();
}

/**
 * The position in `waiting` (jobs in yearJobs' order, at least one) of the job a free worker
 * takes: the first of a slice it holds; if it holds none, the first (a new worker starts on the
 * smallest slice not started); else the first of the largest slice still waiting.
 */
export function nextJob(waiting: readonly { k: number }[], held: { has(k: number): boolean; readonly size: number }, persons: readonly number[]): number {
  const mine = waiting.findIndex((j) => held.has(j.k));
  if (mine >= 0 || !held.size) return Math.max(mine, 0);
  let largest = 0;
  waiting.forEach((j, i) => {
    if (persons[j.k]! > persons[waiting[largest]!.k]!) largest = i;
  });
  return largest;
}

/** A year's slices merged in slice order, each placed at its households (as execute merges them). */
function mergeYear(sums: ScenarioSums[], households: readonly Int32Array[]): ScenarioSums {
  let merged: ScenarioSums | undefined;
  sums.forEach((s, k) => {
    s.distribution.placeAt(households[k]!);
    merged = merged ? mergeSums(merged, s) : s;
  });
  return merged!;
}

/** Starts a projection worker (worker-thread.ts). */
function startYearWorker(setup: YearWorkerSetup & { parameters: ParameterData }): Worker {
  return startEntryWorker('project-worker', import.meta.url, setup);
}
