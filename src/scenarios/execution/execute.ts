/**
 * The one execution path. Every run — run, compare, project, solve, replicates, the explorer,
 * the bench — comes here: the population is cut into slices by the plan (plan.ts, whole
 * prefectures, so the rationing steps see their whole cells), every scenario is accumulated
 * on each slice (in this thread or on worker threads), and the slices' sums are merged in slice
 * order (sums.ts). The result is the same bytes for a dataset in memory or a chunked copy of it,
 * and for any number of workers.
 *
 * Months are not spread over threads: each month starts from the state the previous month left
 * (entries, exits, job loss, gradual exit), so a slice's months run in order on one thread.
 */
import { JiuzhuError } from '../../engine/errors.js';
import { monthsBetween } from '../../engine/period.js';
import type { ParameterTree } from '../../engine/parameters/tree.js';
import type { Population } from '../../engine/population.js';
import { SharedResults } from '../../engine/shared-results.js';
import { differentialPart, type DifferentialUse } from '../../engine/differential.js';
import { accumulateScenario, type MonthObserver } from './accumulate.js';
import { againstFirst, FirstRunBase } from './against-first.js';
import { PREFECTURE_CODES } from '../../engine/locality.js';
import { chunkedPlan, isChunked, MIN_SLICED_HOUSEHOLDS, plannedSlices, slicesOf, type DatasetSource, type Slice } from './plan.js';
import { scenarioPrices, specTrees, type RunSpec } from './spec.js';
import { mergeSums, type ScenarioSums } from '../results/sums.js';
import { checkWorkers, runOnThreads, type PlannedWork } from './threads.js';
import type { SliceHelper } from './helper-thread.js';

export interface ExecuteOptions {
  /** Worker threads; absent: this thread. */
  workers?: number;
  /** Called as the run advances with (done, total) months × slices. */
  onProgress?: (done: number, total: number) => void;
  /** Called after each month of each slice is accumulated (not with workers: the columns stay there). */
  onMonth?: MonthObserver;
  /** Rule results shared with other runs on the same population (each slice gets its part). */
  shared?: SharedResults;
  /**
   * Record this run as a base, or compute against a recorded one (engine/differential.ts): only
   * the rows whose inputs changed are computed again. For a spec of one scenario in this thread.
   */
  differential?: DifferentialUse;
  /**
   * With workers: households allowed in flight at once (slices being read, sent or simulated);
   * default inFlightBudget of the plan. A memory knob: the result is the same for any value.
   */
  inFlightHouseholds?: number;
  /** Households from which a population is cut into prefecture slices (plan.ts; default MIN_SLICED_HOUSEHOLDS). */
  minSlicedHouseholds?: number;
  /**
   * A second thread that owns some of the population's slices (helper-thread.ts): a run of one
   * scenario in this thread computes them there while it computes the others, and merges every
   * slice's sums in slice order as always (the same bytes). Ignored for a spec of several
   * scenarios, a prepared one, with onMonth or onProgress, with a minSlicedHouseholds other than
   * the helper's, or on another population.
   */
  helper?: SliceHelper;
}

/** Runs a spec on a dataset in memory, in this thread: each scenario's sums, merged over the slices. */
export function executeOn(spec: RunSpec, population: Population, options: Omit<ExecuteOptions, 'workers'> = {}): ScenarioSums[] {
  const trees = specTrees(spec);
  const slices = slicesOf(population, options.minSlicedHouseholds);
  // The helper's slices start there first, and are computed while this thread does its own.
  const far = options.helper?.takes(spec, population, options) ? options.helper.start(spec, options) : undefined;
  // Computed smallest slice first, merged in slice order: a fresh process runs the engine's code
  // slowly until V8 has compiled it, so the cold start is better spent on the smallest slice
  // (9 prefecture slices of the default dataset, a cold year: 4.44–4.52 → 3.99–4.05 s; the same
  // bytes, since each slice's sums are its own and the merge keeps the plan's order).
  const sums: ScenarioSums[][] = [];
  smallestFirst(slices).filter((k) => !far?.owns(k)).forEach((k, position) => { sums[k] = accumulateSlice(spec, trees, slices[k]!, k, slices.length, options, position); });
  if (far) {
    // Placed here, as runOnThreads places a worker's slice: the same households, the same sums.
    for (const [k, s] of far.wait()) {
      s.forEach((x) => x.distribution.placeAt(slices[k]!.households));
      sums[k] = s;
    }
  }
  const merged: ScenarioSums[] = [];
  for (const s of sums) addSlice(merged, s);
  return merged;
}

/** The slices' indices, fewest persons first (ties in plan order). */
export function smallestFirst(slices: readonly Slice[]): number[] {
  return slices.map((_, k) => k).sort((a, b) => slices[a]!.population.nPersons - slices[b]!.population.nPersons || a - b);
}

/** Runs a spec on any source, in this thread or on `workers` threads; the same sums either way. */
export async function execute(spec: RunSpec, source: DatasetSource, options: ExecuteOptions = {}): Promise<ScenarioSums[]> {
  return (await executeAll([spec], source, options))[0]!;
}

/**
 * Runs several specs that differ only in period and preparation (a projection's years) on one
 * source; with workers, on one pool of threads. Each spec's sums, in spec order.
 */
export async function executeAll(specs: readonly RunSpec[], source: DatasetSource, options: ExecuteOptions = {}): Promise<ScenarioSums[][]> {
  if (options.workers !== undefined) {
    checkWorkers(options.workers);
    if (options.onMonth) throw new JiuzhuError('BAD_OPTION', 'onMonth reads the columns of each month, which stay in the worker threads: it cannot be used with workers', { kind: 'usage', location: { key: 'workers' } });
  }
  const merged: ScenarioSums[][] = specs.map(() => []);
  if (!specs.length || !specs[0]!.scenarios.length) return merged;
  const total = expectedSlices(source, options.minSlicedHouseholds);
  if (options.workers === undefined) {
    for (const [n, spec] of specs.entries()) {
      // Progress over every spec: spec n's (done, total) follow the n before it.
      const onProgress = options.onProgress && ((done: number, t: number): void => options.onProgress!(n * t + done, specs.length * t));
      if (!isChunked(source)) merged[n] = executeOn(spec, source.population, { ...options, onProgress });
      else {
        const trees = specTrees(spec);
        let k = 0;
        for (const planned of chunkedPlan(source, options.minSlicedHouseholds)) {
          const slice = await planned.read();
          if (slice) addSlice(merged[n]!, accumulateSlice(spec, trees, slice, k++, total, { ...options, onProgress, shared: undefined }));
        }
      }
    }
    return merged;
  }
  const months = specs.map((s) => monthsBetween(s.period.from, s.period.to).length);
  const allMonths = months.reduce((a, b) => a + b, 0);
  let doneMonths = 0;
  const plan = plannedSlices(source, options.minSlicedHouseholds);
  const work: PlannedWork[] = specs.flatMap((spec, n) => plan.map((p) => ({
    spec: n,
    period: spec.period,
    households: p.households,
    read: async () => {
      const s = await p.read();
      // A prepared population (a projection's uprated year) is new columns over the slice's: not the slice's to hand over.
      return s && spec.prepare ? { households: s.households, population: spec.prepare(s.population) } : s;
    },
  })));
  await runOnThreads(specs[0]!, work, options.workers!, (sums, done) => {
    sums.forEach((s) => s.distribution.placeAt(done.households));
    addSlice(merged[done.spec]!, sums);
    doneMonths += months[done.spec]!;
    options.onProgress?.(Math.min(doneMonths, allMonths * total), allMonths * total);
  }, options.inFlightHouseholds);
  return merged;
}

/** How many slices the plan makes of a source (of a chunked one, before reading it: at most one per prefecture). */
function expectedSlices(source: DatasetSource, minSliced = MIN_SLICED_HOUSEHOLDS): number {
  if (!isChunked(source)) return slicesOf(source.population, minSliced).length;
  if (source.manifest.households < minSliced) return 1;
  const tags = source.manifest.chunks.map((c) => c.prefecture);
  return tags.every((t) => t !== undefined) ? new Set(tags).size : PREFECTURE_CODES.length;
}

/**
 * Accumulates every scenario of the spec on slice `k`; `position` is its place in the order the
 * slices are computed (progress). `place`: the sums are placed at the slice's households
 * (false in a thread that sends them back: its parent places them).
 */
export function accumulateSlice(spec: RunSpec, trees: readonly ParameterTree[], slice: Slice, k: number, nSlices: number | undefined, options: Omit<ExecuteOptions, 'workers'>, position = k, place = true): ScenarioSums[] {
  const pop = spec.prepare ? spec.prepare(slice.population) : slice.population;
  // The scenarios of a slice share the columns none of them changes.
  const shared = !spec.prepare && options.shared ? options.shared.part(k, pop) : spec.scenarios.length > 1 ? new SharedResults(pop) : undefined;
  const total = nSlices ?? k + 1;
  const onMonth = options.onMonth;
  // The later scenarios computed against the first one's run on this slice (against-first.ts).
  const first = new FirstRunBase(pop, spec.prepare ? [] : spec.seeds, monthsBetween(spec.period.from, spec.period.to).length, againstFirst());
  return spec.scenarios.map((s, i) => {
    const progress = options.onProgress && i === spec.scenarios.length - 1 ? (done: number, months: number) => options.onProgress!(position * months + done, total * months) : undefined;
    const differential = spec.prepare ? undefined : spec.scenarios.length === 1 ? differentialPart(options.differential, k, pop) : first.option(i);
    const sums = accumulateScenario(pop, trees[i]!, spec.period, spec.seeds[i]!, progress, scenarioPrices(s), onMonth && ((m, sim, p, idx) => onMonth(m, sim, p, idx, slice.households)), shared, differential);
    if (place) sums.distribution.placeAt(slice.households);
    return sums;
  });
}

/** Merges a slice's sums (one per scenario) into the run's, in slice order. */
function addSlice(merged: ScenarioSums[], sums: ScenarioSums[]): void {
  sums.forEach((s, i) => {
    merged[i] = merged[i] ? mergeSums(merged[i]!, s) : s;
  });
}
