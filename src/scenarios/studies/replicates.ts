/**
 * Sampling uncertainty by a seeded bootstrap of households (`--replicates R`).
 *
 * Replicate r draws n households with replacement from the n of the dataset: draw j picks
 * household ⌊u·n⌋ with u = keyedUniform(seed, j, r, stream 'bootstrap'), so a replicate
 * depends on the seed, its number and the dataset order only. A replicate is the same
 * population with bootstrap weights: each household's weight times the number of times it
 * was drawn (0 for the households left out).
 *
 * Two methods. `reweight` (the default) does not re-simulate: rule results depend on a
 * household's columns, the parameters and keyed draws, not on weights, so the run's one
 * simulation serves every replicate. While it runs, each household's §二 sums over the
 * period (person-months, recipient person-months, cost in whole fen, …) are kept, and a
 * replicate's figures are those sums weighted by its bootstrap weights; its poverty figures
 * weight the run's per-household incomes the same way. The exceptions are the rules that
 * read weights: quota rationing (dibao_admitted, when a scenario sets `behaviour.rationing`)
 * and public-welfare posts (employment_post_holder) allocate against weighted totals, and
 * keep the full sample's allocation in every replicate. `resimulate` runs every scenario
 * again on each replicate's weights, so those allocations are redrawn too: exact, and R
 * times slower. Without rules that read weights the two agree to the fen (a test checks it).
 * Replicate weights are not re-raked to the calibration margins.
 *
 * Intervals are percentile intervals: lo and hi are the (1 − level)/2 and (1 + level)/2
 * quantiles (linear interpolation between order statistics, Hyndman–Fan type 7) of the R
 * replicate values. The same replicate weights serve every scenario of a comparison, so the
 * intervals of a change (reform − baseline) are those of the paired difference.
 */
import { JiuzhuError } from '../../engine/errors.js';
import type { Population } from '../../engine/population.js';
import { keyedUniform, streamId } from '../../engine/random.js';
import type { Simulation } from '../../engine/simulation.js';
import type { Dataset } from '../../data/dataset.js';
import type { HouseholdIncomes } from '../results/distribution.js';
import type { Scenario } from '../input/load.js';
import { runScenarioOn, type RunOptions, type ScenarioResult } from '../execution/run.js';
import { DEFAULT_LEVEL, INTERVAL_METRICS, type Interval, type IntervalMetric, type ReplicateIntervals } from '../results/intervals.js';
export { DEFAULT_LEVEL, INTERVAL_METRICS, REPLICATE_METHODS, type Interval, type IntervalMetric, type ReplicateIntervals, type ReplicateMethod } from '../results/intervals.js';

const BOOTSTRAP_STREAM = streamId('bootstrap');

/**
 * How many times each of n households is drawn in replicate r (n draws with replacement),
 * keyed by (seed, draw, replicate): the same seed gives the same replicate.
 */
export function bootstrapCounts(n: number, seed: number, replicate: number): Uint32Array {
  const counts = new Uint32Array(n);
  for (let j = 0; j < n; j++) counts[Math.min(n - 1, Math.floor(keyedUniform(seed, j, replicate, BOOTSTRAP_STREAM) * n))]!++;
  return counts;
}

/** Replicate weights: each household's weight times the times it was drawn. */
export function bootstrapWeights(weight: ArrayLike<number>, seed: number, replicate: number): Float64Array {
  const counts = bootstrapCounts(weight.length, seed, replicate);
  const out = new Float64Array(weight.length);
  for (let h = 0; h < out.length; h++) out[h] = weight[h]! * counts[h]!;
  return out;
}

const fenOf = (x: number): number => Math.round(x * 100);

/**
 * Each household's §二 sums over a run's months, unweighted, with the summary's definitions
 * (see DibaoAccumulator): pass `observe` as the run's `onMonth`.
 */
export class HouseholdSums {
  readonly personMonths: Float64Array;
  readonly recipientPersonMonths: Float64Array;
  readonly householdMonths: Float64Array;
  readonly eligiblePersonMonths: Float64Array;
  readonly eligibleRecipientPersonMonths: Float64Array;
  /** Regular dibao, temporary assistance, price subsidy and gradual-exit payments, whole fen. */
  readonly costFen: Float64Array;
  months = 0;

  constructor(readonly nHouseholds: number) {
    this.personMonths = new Float64Array(nHouseholds);
    this.recipientPersonMonths = new Float64Array(nHouseholds);
    this.householdMonths = new Float64Array(nHouseholds);
    this.eligiblePersonMonths = new Float64Array(nHouseholds);
    this.eligibleRecipientPersonMonths = new Float64Array(nHouseholds);
    this.costFen = new Float64Array(nHouseholds);
  }

  /** Adds one month of a simulation (its columns are cached by then: nothing is recomputed). */
  readonly observe = (month: string, sim: Simulation, pop: Population, _index?: number, households?: Int32Array): void => {
    // A run simulates a large population in slices: `households` places the slice's households.
    if (!households && pop.nHouseholds !== this.nHouseholds) throw new JiuzhuError('REPLICATES_CHUNKED', 'bootstrap replicates need the whole population in one piece', { kind: 'usage' });
    const size = sim.calculate('household_size', month);
    const eligible = sim.calculate('dibao_eligible', month);
    const receives = sim.calculate('dibao_receives', month);
    const benefit = sim.calculate('dibao_benefit', month);
    const temporary = sim.calculate('dibao_temporary_assistance', month);
    const priceSubsidy = sim.calculate('dibao_price_subsidy', month);
    const taper = sim.calculate('dibao_taper_payment', month);
    for (let i = 0; i < pop.nHouseholds; i++) {
      const h = households ? households[i]! : i;
      const n = size[i]!;
      this.personMonths[h]! += n;
      const tmp = temporary[i]!;
      const tap = taper[i]!;
      let fen = (tmp > 0 ? fenOf(tmp) : 0) + (tap > 0 ? fenOf(tap) : 0);
      if (eligible[i]) this.eligiblePersonMonths[h]! += n;
      if (receives[i]) {
        this.recipientPersonMonths[h]! += n;
        this.householdMonths[h]! += 1;
        if (eligible[i]) this.eligibleRecipientPersonMonths[h]! += n;
        fen += fenOf(benefit[i]!) + fenOf(priceSubsidy[i]!);
      }
      this.costFen[h]! += fen;
    }
    // Each slice of a month is observed once; the month counts once.
    if (!this.seen.has(month)) {
      this.seen.add(month);
      this.months++;
    }
  };
  private readonly seen = new Set<string>();

  /** The interval figures of a run with the given household weights (its incomes for the FGT). */
  figures(weight: ArrayLike<number>, incomes: HouseholdIncomes, nationalLine: number): Record<IntervalMetric, number> {
    let pm = 0, rpm = 0, hm = 0, epm = 0, erpm = 0, fen = 0;
    for (let h = 0; h < this.nHouseholds; h++) {
      const w = weight[h]!;
      if (w === 0) continue;
      pm += w * this.personMonths[h]!;
      rpm += w * this.recipientPersonMonths[h]!;
      hm += w * this.householdMonths[h]!;
      epm += w * this.eligiblePersonMonths[h]!;
      erpm += w * this.eligibleRecipientPersonMonths[h]!;
      fen += w * this.costFen[h]!;
    }
    const months = Math.max(this.months, 1);
    const cost = Math.round(fen) / 100;
    return {
      cost,
      costAnnual: Math.round((fen * 12) / months) / 100,
      recipients: rpm / months,
      households: hm / months,
      coverage: pm > 0 ? rpm / pm : 0,
      'targeting.coverageOfPoor': epm > 0 ? erpm / epm : 1,
      ...povertyFigures(weight, incomes, nationalLine),
    } as Record<IntervalMetric, number>;
  }
}

/**
 * FGT before and after assistance with other household weights: the definitions of
 * summary.distribution.poverty (analytics fgt: persons weighted, strict poverty, α = 0, 1, 2),
 * in one pass without copies, since it runs once per replicate.
 */
function povertyFigures(weight: ArrayLike<number>, x: HouseholdIncomes, nationalLine: number): Record<string, number> {
  // s[line][when][α]: Σ w·g^α over the poor; W, Wr: all persons, rural persons.
  const s = [[[0, 0, 0], [0, 0, 0]], [[0, 0, 0], [0, 0, 0]]];
  let W = 0;
  let Wr = 0;
  const add = (acc: number[], y: number, z: number, w: number): void => {
    if (y < z) {
      const g = (z - y) / z;
      acc[0]! += w;
      acc[1]! += w * g;
      acc[2]! += w * g * g;
    }
  };
  for (let h = 0; h < x.size.length; h++) {
    const w = weight[h]! * x.size[h]!;
    W += w;
    add(s[0]![0]!, x.before[h]!, x.standard[h]!, w);
    add(s[0]![1]!, x.after[h]!, x.standard[h]!, w);
    if (!x.urban[h]) {
      Wr += w;
      add(s[1]![0]!, x.before[h]!, nationalLine, w);
      add(s[1]![1]!, x.after[h]!, nationalLine, w);
    }
  }
  const out: Record<string, number> = {};
  (['localStandard', 'nationalRuralLine'] as const).forEach((line, l) => {
    const total = l === 0 ? W : nationalLine > 0 ? Wr : 0;
    (['before', 'after'] as const).forEach((when, t) => {
      (['headcount', 'gap', 'severity'] as const).forEach((m, alpha) => {
        out[`distribution.poverty.${line}.${when}.${m}`] = total > 0 ? s[l]![t]![alpha]! / total : 0;
      });
    });
  });
  return out;
}

/** The value of a metric in a run's summary. */
export function metricValue(result: Pick<ScenarioResult, 'summary'>, metric: IntervalMetric): number {
  let v: unknown = result.summary;
  for (const k of metric.split('.')) v = (v as Record<string, unknown>)[k];
  return v as number;
}

/** The p-quantile of values (linear between order statistics: Hyndman–Fan type 7). */
export function percentile(values: readonly number[], p: number): number {
  const xs = [...values].sort((a, b) => a - b);
  if (!xs.length) return NaN;
  const h = (xs.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, xs.length - 1);
  return xs[lo]! + (h - lo) * (xs[hi]! - xs[lo]!);
}

/** The percentile interval of replicate values at a level. */
export function percentileInterval(values: readonly number[], level: number): Interval {
  return { lo: percentile(values, (1 - level) / 2), hi: percentile(values, (1 + level) / 2), level };
}

export interface ReplicateOptions {
  replicates: number;
  /** Default 0.9. */
  level?: number;
  seed: number;
}

/** Checks a replicate count and a level, with usage errors naming the option. */
export function checkReplicateOptions(replicates: number, level: number): void {
  if (!Number.isInteger(replicates) || replicates < 2) throw new JiuzhuError('BAD_OPTION', `--replicates must be an integer ≥ 2, not '${replicates}'`, { kind: 'usage', location: { key: '--replicates' }, hint: 'a few hundred replicates give stable 90% intervals; 50 is a quick look' });
  if (!(level > 0 && level < 1)) throw new JiuzhuError('BAD_OPTION', `--level must be between 0 and 1 (e.g. 0.9), not '${level}'`, { kind: 'usage', location: { key: '--level' } });
}

type Values = Record<IntervalMetric, number[]>;

/**
 * Bootstrap replicates computed by `figures(weights, i)` for scenario i, the same replicate
 * weights for every scenario, turned into percentile intervals.
 */
function bootstrapIntervals(weight: ArrayLike<number>, nScenarios: number, options: ReplicateOptions, figures: (w: Float64Array, i: number) => Record<IntervalMetric, number>): ReplicateIntervals {
  const level = options.level ?? DEFAULT_LEVEL;
  checkReplicateOptions(options.replicates, level);
  const values: Values[] = Array.from({ length: nScenarios }, () => Object.fromEntries(INTERVAL_METRICS.map((m) => [m, [] as number[]])) as Values);
  for (let r = 0; r < options.replicates; r++) {
    const w = bootstrapWeights(weight, options.seed, r);
    for (let i = 0; i < nScenarios; i++) {
      const f = figures(w, i);
      for (const m of INTERVAL_METRICS) values[i]![m].push(f[m]);
    }
  }
  const intervals = (v: Values): Record<IntervalMetric, Interval> => Object.fromEntries(INTERVAL_METRICS.map((m) => [m, percentileInterval(v[m], level)])) as Record<IntervalMetric, Interval>;
  const base = values[0]!;
  return {
    scenarios: values.map(intervals),
    deltas: values.slice(1).map((v) => intervals(Object.fromEntries(INTERVAL_METRICS.map((m) => [m, v[m].map((x, r) => x - base[m][r]!)])) as Values)),
  };
}

/**
 * Bootstrap intervals by re-weighting: `sums[i]` observed the run `results[i]`, and each
 * replicate weights those sums (rules that read weights keep the full sample's result).
 */
export function replicateIntervals(weight: ArrayLike<number>, sums: readonly HouseholdSums[], results: readonly ScenarioResult[], options: ReplicateOptions): ReplicateIntervals {
  return bootstrapIntervals(weight, results.length, options, (w, i) => sums[i]!.figures(w, results[i]!.incomes, results[i]!.summary.distribution.poverty.nationalRuralLine.line));
}

/**
 * Bootstrap intervals by re-simulating: every replicate runs every scenario on the population
 * with the replicate's weights, so quota rationing and public-welfare posts are allocated
 * afresh in each. R times the cost of a run.
 */
export function resimulatedIntervals(scenarios: readonly Scenario[], dataset: Dataset, run: RunOptions, options: ReplicateOptions): ReplicateIntervals {
  return bootstrapIntervals(dataset.population.weight, scenarios.length, options, (w, i) => {
    const replicate: Dataset = { ...dataset, population: { ...dataset.population, weight: w } };
    const result = runScenarioOn(scenarios[i]!, replicate, { period: run.period, seed: run.seed });
    return Object.fromEntries(INTERVAL_METRICS.map((m) => [m, metricValue(result, m)])) as Record<IntervalMetric, number>;
  });
}
