/**
 * The result JSON contract (`--json`): meta, period, one entry per scenario, and deltas of
 * every scenario against the first. Its JSON Schema is generated into schemas/.
 */
import { SharedResults } from '../engine/shared-results.js';
import { z } from 'zod';
import type { Dataset, DatasetMeta } from '../data/dataset.js';
import { baselineParameters } from '../policy/parameters.js';
import { PAYERS, type Payer } from '../engine/program.js';
import { LEVELS } from './funding.js';
import { distributionDelta } from './distribution.js';
import type { ProgramSummary } from './program-summary.js';
import type { Scenario } from './load.js';
import { projectScenario, type ProjectOptions } from './project.js';
import { jiuzhuCommit, jiuzhuVersion, runChunked, runScenarioOn, scenarioDataset, scenarioPeriod, type DatasetSource, type Period, type RunOptions, type ScenarioResult } from './run.js';
import { DEFAULT_LEVEL, HouseholdSums, INTERVAL_METRICS, REPLICATE_METHODS, checkReplicateOptions, replicateIntervals, resimulatedIntervals, type ReplicateIntervals, type ReplicateMethod } from './replicates.js';
import { JiuzhuError } from '../engine/errors.js';

const num = z.number();
const GroupSummary = z.looseObject({
  population: num, recipients: num, households: num, coverage: num, cost: num, costAnnual: num, averageSubsidy: num, averageStandard: num,
});
const Fgt = z.strictObject({ headcount: num, gap: num, severity: num }).describe('FGT α = 0, 1, 2');
const Income = z.strictObject({ mean: num, gini: num, decileShares: z.array(num).length(10) });
const Distribution = z.strictObject({
  before: Income.describe('Monthly per-capita income before assistance, averaged over the period, person-weighted'),
  after: Income.describe('The same plus every benefit received, cash or in kind, at cost, less own contributions'),
  poverty: z.strictObject({
    localStandard: z.strictObject({ before: Fgt, after: Fgt }).describe('Every person against their locality’s dibao standard'),
    nationalRuralLine: z.strictObject({ before: Fgt, after: Fgt, line: num }).describe('Rural persons against the national rural poverty line ÷ 12'),
  }),
  transfers: num.describe('Assistance received by households over the period, yuan'),
  povertyGapClosed: num.describe('Fall of the money poverty gap against the local standard over the period, yuan'),
  gapClosedPerYuan: num.describe('povertyGapClosed ÷ transfers'),
});
const Summary = GroupSummary.extend({
  distribution: Distribution.optional(),
  byArea: z.record(z.string(), GroupSummary).optional(),
  byPrefecture: z.record(z.string(), GroupSummary).optional(),
  byHouseholdType: z.record(z.string(), GroupSummary).optional(),
});
const Account = z.strictObject({ need: num, funds: num, gap: num, balance: num });
const ProgramFigures = z.strictObject({
  cost: num.describe('Total cost over the period, yuan, whoever pays it'),
  costByPayer: z.strictObject(Object.fromEntries(PAYERS.map((p) => [p, num])) as Record<Payer, typeof num>).describe('The cost split by who pays it; adds up to cost to the fen'),
  components: z.record(z.string(), num).describe('Cost of each component of the program'),
  recipients: num.nullable().describe('Distinct persons who benefited in some month (weighted); null for programs without recipients'),
  households: num.nullable().describe('Distinct households with a recipient'),
  need: num.optional(),
  funds: num.optional(),
  gap: num.optional().describe('Need the funds do not meet, per prefecture × area cell, summed'),
  balance: num.optional().describe('funds − need'),
  accounts: z.record(z.string(), Account).optional(),
});
const ProgramSummary = ProgramFigures.extend({
  label: z.strictObject({ zh: z.string(), en: z.string() }),
  clauses: z.array(z.string()),
  byArea: z.record(z.string(), ProgramFigures),
  byPrefecture: z.record(z.string(), ProgramFigures),
  byYear: z.record(z.string(), ProgramFigures).describe('The province, each calendar year of the period; accounts balance per cell and year'),
});
const FundingRow = z.strictObject({
  program: z.string(),
  level: z.enum(LEVELS),
  source: z.enum(PAYERS),
  prefecture: z.number().int(),
  from: z.string().describe('First month of the calendar year covered, YYYY-MM'),
  to: z.string().describe('Last month covered, YYYY-MM'),
  amount: num.describe('Yuan'),
});
const Areas = z.strictObject({ urban: num, rural: num });
const AreaFigures = z.strictObject({ population: num, recipients: num, coverage: num, cost: num.describe('Dibao (§二) cost of the year, yuan') });
/** One year of `jiuzhu project`. Money is in yuan of the year, or of the first year with --real. */
export const YearRowSchema = z.strictObject({
  year: z.number().int(),
  averageStandard: Areas.describe('Person-weighted average dibao standard, yuan per person per month'),
  recipients: num.describe('Dibao recipients, average month (persons, weighted)'),
  population: num.describe('Persons represented (weighted): the dataset’s, reweighted for ageing and population growth'),
  coverage: num.describe('recipients ÷ population'),
  cost: num.describe('Every program’s cost in the year, whoever pays; the sum of costByProgram and of costByLevel'),
  costByProgram: z.record(z.string(), num),
  costByLevel: z.strictObject(Object.fromEntries(LEVELS.map((l) => [l, num])) as Record<(typeof LEVELS)[number], typeof num>).describe('The funding rows of the year summed by level of government'),
  budgetNeed: num.describe('What provincial, prefecture and county budgets pay (funding rows with source budget, central transfers left out)'),
  budget: num.describe('Assistance budget available: projection.budget_share × fiscal revenue'),
  fundingGap: num.describe('max(0, budgetNeed − budget)'),
  fiscalRevenue: num,
  priceIndex: num.describe('CPI, first projected year = 1'),
  incomeIndex: Areas.describe('Cumulative factor on the dataset’s money incomes since the data year'),
  elderlyWeightIndex: num.describe('Cumulative factor on the weights of households with an elderly member'),
  standardsBound: z.strictObject({ minimumWage: z.array(z.number().int()), unemploymentBenefit: z.array(z.number().int()), povertyLine: z.array(z.number().int()) }).describe('Prefectures whose standard a linkage bound of §二.1 capped (urban) or raised (rural) this year'),
  poverty: z.strictObject({ localStandard: Fgt, nationalRuralLine: Fgt }).optional().describe('outputs.measures poverty: FGT after assistance'),
  inequality: z.strictObject({ giniBefore: num, giniAfter: num }).optional().describe('outputs.measures inequality'),
  targeting: z.strictObject({ inclusionError: num, exclusionError: num, leakage: num, coverageOfPoor: num }).optional().describe('outputs.measures targeting'),
  byArea: z.strictObject({ urban: AreaFigures, rural: AreaFigures }).optional().describe('outputs.breakdowns area'),
  byPrefecture: z.record(z.string(), AreaFigures.extend({ standard: Areas })).optional().describe('outputs.breakdowns prefecture, with the standards of the year'),
});
const ProjectionMeta = z.strictObject({
  from: z.number().int(),
  to: z.number().int(),
  real: z.boolean().describe('Money in constant prices of the first year'),
  monthsPerYear: z.union([z.literal(1), z.literal(12)]).describe('12: every month simulated; 1: January × 12'),
  dataYear: z.number().int().describe('Year the dataset describes; incomes and weights are uprated from it'),
  standardRule: z.strictObject({
    indexTo: z.enum(['income', 'cpi', 'revenue', 'none']),
    elasticity: num.optional(),
    bounds: z.strictObject({ minimumWage: z.boolean().optional(), unemploymentBenefit: z.boolean().optional(), povertyLine: z.boolean().optional() }).optional(),
    assumption: z.string().optional(),
  }).nullable().describe('behaviour.growth.standard; null: the standards are the parameters’'),
  incomeRule: z.strictObject({ indexTo: z.enum(['income', 'cpi', 'none']), elasticity: num }),
});
const Delta = z.strictObject({ baseline: num, value: num, absolute: num, relative: z.number().nullable() });
const Interval = z.strictObject({
  lo: num.describe('The (1 − level)/2 quantile of the bootstrap replicates'),
  hi: num.describe('The (1 + level)/2 quantile'),
  level: num.describe('Coverage of the interval, e.g. 0.9'),
});
/** Every interval metric (a path into the summary) → its interval. */
const Intervals = z.record(z.enum(INTERVAL_METRICS), Interval);
const DeltaGroup = z.record(z.string(), z.union([Delta, z.record(z.string(), z.record(z.string(), Delta))]));

export const ResultSchema = z.strictObject({
  meta: z.strictObject({
    jiuzhu: z.string(),
    commit: z.string(),
    dataset: z.strictObject({ name: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
    seed: z.number().int(),
    scenarios: z.array(z.strictObject({ name: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/) })),
    parametersSha256: z.string().regex(/^[0-9a-f]{64}$/),
    replicates: z.strictObject({
      count: z.number().int().describe('Bootstrap replicates R'),
      level: num.describe('Level of the intervals'),
      seed: z.number().int().describe('Seed of the household draws (the run seed)'),
      method: z.enum(REPLICATE_METHODS).describe('Households drawn with replacement, replicate weight = weight × times drawn; reweight: the run’s one simulation re-weighted; resimulate: a run per replicate'),
    }).optional().describe('With --replicates: how the intervals were drawn'),
    createdAt: z.string().optional(),
  }),
  period: z.strictObject({ from: z.string(), to: z.string() }),
  scenarios: z.array(
    z.strictObject({
      name: z.string(),
      summary: Summary,
      checks: z.array(z.strictObject({ id: z.string(), passed: z.boolean(), detail: z.string(), detailZh: z.string().optional() })),
      months: z.array(z.record(z.string(), z.unknown())).optional(),
      programs: z.record(z.string(), ProgramSummary).optional().describe('Every program of the system: cost, payers, recipients, accounts; by area and prefecture'),
      funding: z.array(FundingRow).optional().describe('Every program’s cost by level of government, source, prefecture and year; rows add up to the programs’ costs and payers to the fen'),
      years: z.array(YearRowSchema).optional().describe('`jiuzhu project`: one row per projected year'),
      projection: ProjectionMeta.optional().describe('`jiuzhu project`: the years, the rules and how money is expressed'),
      intervals: Intervals.optional().describe('With --replicates: percentile intervals of cost, recipients, coverage and FGT over a seeded bootstrap of households; keys are paths into summary'),
    }),
  ),
  deltas: z.array(z.strictObject({
    scenario: z.string(),
    against: z.string(),
    summary: DeltaGroup,
    distribution: z.record(z.string(), Delta).describe('Every figure of summary.distribution, flattened to dotted keys (decile shares as decileShares.1 … .10)'),
    winnersLosers: z.strictObject({ gainMore: num, gainLess: num, noChange: num, loseLess: num, loseMore: num }).describe('Shares of persons whose income after assistance rises or falls by more or less than 5%'),
    decileImpact: z.array(z.strictObject({ decile: num, weight: num, meanBefore: num, meanAfter: num, meanChange: num, totalChange: num, relativeChange: num.nullable() })).describe('Change of monthly per-capita income after assistance by decile of the baseline'),
    povertyFixedLine: z.strictObject({ baseline: Fgt, reform: Fgt }).optional().describe('Poverty after assistance with the line fixed at the baseline’s local standard, for both scenarios: moves only when incomes do (the moving-line measure, distribution.poverty.localStandard, counts each scenario against its own standard)'),
    programs: z.record(z.string(), z.record(z.string(), Delta)).describe('Each program’s cost, payers, recipients and accounts'),
    intervals: Intervals.optional().describe('With --replicates: intervals of the absolute change, paired (the same replicate weights for both scenarios)'),
  })),
});

export type Result = z.infer<typeof ResultSchema>;

/** The JSON Schema of `--json` output. */
export function resultJsonSchema(): object {
  return { $id: 'https://jiuzhu.dev/schemas/result.schema.json', title: 'jiuzhu result', ...z.toJSONSchema(ResultSchema, { io: 'output', unrepresentable: 'any' }) };
}

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
  // With workers, a dataset in memory runs as fixed slices (the same for any number of workers).
  const source = options.workers !== undefined && !('kind' in loaded) ? (await import('./workers.js')).slicedDataset(loaded) : loaded;
  if (!('kind' in source)) return compareScenariosOn(scenarios, source, options);
  if (options.replicates !== undefined) {
    throw new JiuzhuError('REPLICATES_CHUNKED', '--replicates needs a dataset in memory; a chunked dataset is simulated chunk by chunk', { kind: 'usage', location: { key: '--replicates' }, hint: 'bootstrap a sample instead (jiuzhu generate --households 100000), whose intervals are the ones that matter' });
  }
  const period: Period = options.period ?? scenarioPeriod(first);
  const seed = options.seed ?? first.seed ?? 1;
  return buildResult(scenarios, await runChunked(scenarios, source, { ...options, period, seed }), source.meta, period, seed, options);
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
    const results = scenarios.map((s) => runScenarioOn(s, dataset, { ...options, period, seed, shared }));
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
    onMonth: (m, sim, pop, k) => {
      sums[i]!.observe(m, sim, pop);
      options.onMonth?.(m, sim, pop, k);
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
  };
}

/**
 * `jiuzhu project --json`: a scenario projected year by year, as a result document. The scenario's
 * `years` holds one row per year; its `summary` is the §二 dibao summary over every simulated
 * month of the projection (current yuan), its checks those of each year.
 */
export async function projectResult(s: Scenario, dataset?: DatasetSource, options: ProjectOptions & { timestamp?: boolean } = {}): Promise<Result> {
  const source = dataset ?? (await scenarioDataset(s));
  const p = await projectScenario(s, { ...options, dataset: source });
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
    period: { from: `${p.from}-01`, to: `${p.to}-12` },
    scenarios: [{
      name: s.name,
      summary: p.summary as unknown as Result['scenarios'][number]['summary'],
      checks: p.checks,
      years: p.years,
      projection: { from: p.from, to: p.to, real: p.real, monthsPerYear: p.monthsPerYear, dataYear: p.dataYear, standardRule: p.standardRule, incomeRule: p.incomeRule },
    }],
    deltas: [],
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
