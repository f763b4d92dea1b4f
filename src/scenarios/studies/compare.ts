/**
 * Comparing scenarios: runs over one period and dataset, and the result document (results/result.ts)
 * with each scenario and its changes against the first; a projection's document too.
 */
import { SharedResults } from '../../engine/shared-results.js';
import { DifferentialBase } from '../../engine/differential.js';
import { againstFirst, baseFits } from '../execution/against-first.js';
import { slicesOf } from '../execution/plan.js';
import { monthsBetween } from '../../engine/period.js';
import { z } from 'zod';
import type { Dataset, DatasetMeta } from '../../data/dataset.js';
import { baselineParameters } from '../../policy/parameters.js';
import { PAYERS, type Payer } from '../../engine/program.js';
import { LEVELS } from '../results/funding.js';
import { distributionDelta } from '../results/distribution.js';
import type { ProgramSummary } from '../results/program-summary.js';
import type { Scenario } from '../input/load.js';
import { projectScenario, type ProjectOptions } from './project.js';
import { fundingSensitivity } from './sensitivity.js';
import { jiuzhuCommit, jiuzhuVersion, runScenarios, runScenarioOn, scenarioDataset, scenarioPeriod, type DatasetSource, type Period, type RunOptions, type ScenarioResult } from '../execution/run.js';
import { DEFAULT_LEVEL, HouseholdSums, INTERVAL_METRICS, REPLICATE_METHODS, checkReplicateOptions, replicateIntervals, resimulatedIntervals, type ReplicateIntervals, type ReplicateMethod } from './replicates.js';
import { JiuzhuError } from '../../engine/errors.js';
import { resultProvenance } from './provenance.js';

import { Delta, DeltaGroup, type Result } from '../results/result.js';

export interface CompareOptions extends RunOptions {
  /** Leave out meta.createdAt, so two identical runs give identical bytes. */
  timestamp?: boolean;
  /** Bootstrap replicates of households for intervals (none by default). */
  replicates?: number;
  /** Level of the intervals (default 0.9). */
  level?: number;
  /** reweight (default): the run's simulation re-weighted per replicate; resimulate: a full run per replicate. */
  replicateMethod?: ReplicateMethod;
}

/** Runs scenarios over one common period and dataset; deltas are against the first. */
export async function compareScenarios(scenarios: readonly Scenario[], dataset?: DatasetSource, options: CompareOptions = {}): Promise<Result> {
  const first = scenarios[0];
  if (!first) throw new Error('compareScenarios needs at least one scenario');
  const loaded = dataset ?? (await scenarioDataset(first));
  const source = loaded;
  // In memory and in this thread: the synchronous path (which also takes replicates).
  if (!('kind' in source) && options.workers === undefined) return compareScenariosOn(scenarios, source, options);
  if (options.replicates !== undefined) {
    throw new JiuzhuError('REPLICATES_CHUNKED', '--replicates needs a dataset in memory and one thread; a chunked dataset or worker threads keep the columns out of reach', { kind: 'usage', location: { key: '--replicates' }, hint: 'drop --workers, or bootstrap a sample instead (jiuzhu generate --households 100000), whose intervals are the ones that matter' });
  }
  const period: Period = options.period ?? scenarioPeriod(first);
  const seed = options.seed ?? first.seed ?? 1;
  return buildResult(scenarios, await runScenarios(scenarios, source, { ...options, period, seed }), source.meta, period, seed, options);
}

/** compareScenarios on a loaded dataset (synchronous). */
export function compareScenariosOn(scenarios: readonly Scenario[], dataset: Dataset, options: CompareOptions = {}): Result {
  const first = scenarios[0];
  if (!first) throw new Error('compareScenarios needs at least one scenario');
  const period: Period = options.period ?? scenarioPeriod(first);
  const seed = options.seed ?? first.seed ?? 1;
  if (options.replicates === undefined) {
    // The scenarios share every column none of them changes (see SharedResults).
    const shared = options.shared ?? (scenarios.length > 1 ? new SharedResults(dataset.population) : undefined);
    // The later scenarios computed against the first one's run (execution/against-first.ts),
    // when the base pays and fits on every slice (one base serves the slices of a run).
    const months = monthsBetween(period.from, period.to).length;
    const base = !options.differential && scenarios.length > 1 && againstFirst() && slicesOf(dataset.population, options.minSlicedHouseholds).every((s) => baseFits(s.population, months)) ? new DifferentialBase() : undefined;
    const results = scenarios.map((s, i) => runScenarioOn(s, dataset, { ...options, period, seed, shared, ...(base ? { differential: i === 0 ? { record: base } : { base } } : {}) }));
    return buildResult(scenarios, results, dataset.meta, period, seed, options);
  }
  const level = options.level ?? DEFAULT_LEVEL;
  checkReplicateOptions(options.replicates, level);
  const replicates = { replicates: options.replicates, level, seed };
  if (options.replicateMethod === 'resimulate') {
    const results = scenarios.map((s) => runScenarioOn(s, dataset, { ...options, period, seed }));
    return buildResult(scenarios, results, dataset.meta, period, seed, options, resimulatedIntervals(scenarios, dataset, { period, seed }, replicates));
  }
  const sums = scenarios.map(() => new HouseholdSums(dataset.population.nHouseholds));
  const results = scenarios.map((s, i) => runScenarioOn(s, dataset, {
    ...options,
    period,
    seed,
    onMonth: (m, sim, pop, k, households) => {
      sums[i]!.observe(m, sim, pop, k, households);
      options.onMonth?.(m, sim, pop, k, households);
    },
  }));
  const intervals = replicateIntervals(dataset.population.weight, sums, results, replicates);
  return buildResult(scenarios, results, dataset.meta, period, seed, options, intervals);
}

/** The result document of runs already made: meta, each scenario, and deltas against the first (the explorer builds its documents with it). */
export function resultFromRuns(scenarios: readonly Scenario[], results: readonly ScenarioResult[], dataset: DatasetMeta, period: Period, seed: number, options: CompareOptions, intervals?: ReplicateIntervals): Result {
  return buildResult(scenarios, results, dataset, period, seed, options, intervals);
}

function buildResult(scenarios: readonly Scenario[], results: readonly ScenarioResult[], dataset: DatasetMeta, period: Period, seed: number, options: CompareOptions, intervals?: ReplicateIntervals): Result {
  const base = results[0]!;
  return {
    meta: {
      jiuzhu: jiuzhuVersion(),
      commit: jiuzhuCommit(),
      dataset: { name: dataset.name, sha256: dataset.sha256 },
      seed,
      scenarios: scenarios.map((s) => ({ name: s.name, sha256: s.sha256 })),
      parametersSha256: baselineParameters().sha256(),
      ...(intervals ? { replicates: { count: options.replicates!, level: options.level ?? DEFAULT_LEVEL, seed, method: options.replicateMethod ?? 'reweight' } } : {}),
      ...(options.timestamp === false ? {} : { createdAt: new Date().toISOString() }),
    },
    period,
    scenarios: results.map((r, i) => ({ name: r.name, summary: r.summary as unknown as Result['scenarios'][number]['summary'], checks: r.checks, months: r.months as unknown as Record<string, unknown>[], programs: r.programs, funding: r.funding, ...(intervals ? { intervals: intervals.scenarios[i]! } : {}) })),
    deltas: results.slice(1).map((r, i) => ({
      scenario: r.name,
      against: base.name,
      summary: summaryDeltas(base, r),
      distribution: flatDeltas(base.summary.distribution, r.summary.distribution),
      ...distributionDelta(base.incomes, r.incomes),
      programs: Object.fromEntries(Object.keys(base.programs).map((id) => [id, programDelta(base.programs[id]!, r.programs[id])])),
      ...(intervals ? { intervals: intervals.deltas[i]! } : {}),
    })),
    provenance: resultProvenance(scenarios, period, dataset),
  };
}

/**
 * `jiuzhu project --json`: a scenario projected year by year, as a result document. The scenario's
 * `years` holds one row per year; its `summary` is the §二 dibao summary over every simulated
 * month of the projection (current yuan), its checks those of each year.
 */
export async function projectResult(s: Scenario, dataset?: DatasetSource, options: ProjectOptions & { timestamp?: boolean; sensitivity?: { year?: number; range?: number } } = {}): Promise<Result> {
  const source = dataset ?? (await scenarioDataset(s));
  const p = await projectScenario(s, { ...options, dataset: source });
  const sensitivity = options.sensitivity ? fundingSensitivity(s, p, options.sensitivity) : undefined;
  const period = { from: `${p.from}-01`, to: `${p.to}-12` };
  return {
    meta: {
      jiuzhu: jiuzhuVersion(),
      commit: jiuzhuCommit(),
      dataset: { name: source.meta.name, sha256: source.meta.sha256 },
      seed: options.seed ?? s.seed ?? 1,
      scenarios: [{ name: s.name, sha256: s.sha256 }],
      parametersSha256: baselineParameters().sha256(),
      ...(options.timestamp === false ? {} : { createdAt: new Date().toISOString() }),
    },
    period,
    scenarios: [{
      name: s.name,
      summary: p.summary as unknown as Result['scenarios'][number]['summary'],
      checks: p.checks,
      years: p.years,
      projection: { from: p.from, to: p.to, real: p.real, monthsPerYear: p.monthsPerYear, dataYear: p.dataYear, standardRule: p.standardRule, incomeRule: p.incomeRule },
      ...(sensitivity ? { sensitivity } : {}),
    }],
    deltas: [],
    provenance: resultProvenance([s], period, source.meta),
  };
}

type Flat = Record<string, number>;

/** Numeric leaves of an object as dotted keys (arrays numbered from 1). */
function flatten(o: unknown, prefix = ''): Flat {
  if (typeof o === 'number') return { [prefix]: o };
  if (Array.isArray(o)) return Object.assign({}, ...o.map((v, i) => flatten(v, `${prefix}.${i + 1}`)));
  if (typeof o === 'object' && o !== null) return Object.assign({}, ...Object.entries(o).map(([k, v]) => flatten(v, prefix ? `${prefix}.${k}` : k)));
  return {};
}

function flatDeltas(a: unknown, b: unknown): Record<string, z.infer<typeof Delta>> {
  const fa = flatten(a);
  const fb = flatten(b);
  return Object.fromEntries(Object.keys(fa).map((k) => [k, delta(fa[k]!, fb[k] ?? 0)]));
}

/** A program's money and recipients against the baseline's (accounts flattened, breakdowns left out). */
function programDelta(a: ProgramSummary, b: ProgramSummary | undefined): Record<string, z.infer<typeof Delta>> {
  const pick = (p: ProgramSummary | undefined) => (p ? { cost: p.cost, costByPayer: p.costByPayer, recipients: p.recipients ?? 0, households: p.households ?? 0, need: p.need, funds: p.funds, gap: p.gap } : {});
  return flatDeltas(pick(a), pick(b));
}
const numericKeys = (o: object): Flat => Object.fromEntries(Object.entries(o).filter(([, v]) => typeof v === 'number')) as Flat;

export function delta(baseline: number, value: number): z.infer<typeof Delta> {
  return { baseline, value, absolute: value - baseline, relative: baseline !== 0 ? (value - baseline) / baseline : null };
}

/** Absolute and relative differences of every numeric summary figure, also by area and prefecture. */
export function summaryDeltas(base: ScenarioResult, other: ScenarioResult): z.infer<typeof DeltaGroup> {
  const top = (a: object, b: object): Record<string, z.infer<typeof Delta>> => {
    const fa = numericKeys(a);
    const fb = numericKeys(b);
    return Object.fromEntries(Object.keys(fa).map((k) => [k, delta(fa[k]!, fb[k] ?? 0)]));
  };
  const out: z.infer<typeof DeltaGroup> = { ...top(base.summary, other.summary) };
  // Targeting errors and the cost components, as dotted keys (targeting.inclusionError, …).
  for (const g of ['targeting', 'costByComponent'] as const) {
    for (const [k, d] of Object.entries(flatDeltas(base.summary[g], other.summary[g]))) out[`${g}.${k}`] = d;
  }
  for (const g of ['byArea', 'byPrefecture', 'byHouseholdType'] as const) {
    out[g] = Object.fromEntries(Object.keys(base.summary[g]).map((k) => [k, top(base.summary[g][k]!, other.summary[g][k]!)]));
  }
  return out;
}
