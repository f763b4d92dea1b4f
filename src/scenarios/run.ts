/**
 * Running scenarios: parameters with the scenario's overrides, a dataset, a period; the
 * dibao system computed month by month over whole columns and summarised, weighted.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { JiuzhuError } from '../engine/errors.js';
import { monthsBetween } from '../engine/period.js';
import type { ParameterTree } from '../engine/parameters/tree.js';
import type { Population } from '../engine/population.js';
import type { ChunkedDataset } from '../data/chunked.js';
import { SharedResults } from '../engine/shared-results.js';
import { Simulation } from '../engine/simulation.js';
import { DEFAULT_DATASET, openDataset, resolveDatasetPath, type Dataset } from '../data/dataset.js';
import { baselineParameters } from '../policy/parameters.js';
import { packagePath, packageRoot } from '../policy/paths.js';
import { HOUSEHOLD_TYPES } from '../programs/dibao/index.js';
import type { Scenario } from './load.js';
import { classifiedCheck, DibaoAccumulator, standardGroupings, summarise, type DibaoSummary, type MonthRow } from './summary.js';
import { ProgramAccumulator } from './program-accumulator.js';
import { allProgramCells, programMonthCosts, programSummaries, type ProgramSummary } from './program-summary.js';
import { fundingRows, type FundingRow } from './funding.js';
import { DistributionAccumulator, distributionSummary, type DistributionSummary, type HouseholdIncomes } from './distribution.js';
import { PROGRAMS } from '../programs/index.js';
import { systemRules, systemState } from './system.js';
import { runMonthLoop } from '../dynamics/month-loop.js';
import type { PricePoint } from '../dynamics/price-trigger.js';

export interface Period { from: string; to: string }

export interface Check { id: string; passed: boolean; detail: string; /** The same in Chinese, for `--lang zh`. */ detailZh?: string }

export interface ScenarioSummary extends DibaoSummary {
  /** Poverty and inequality before and after assistance (every program), person-weighted. */
  distribution: DistributionSummary;
  byArea: Record<string, DibaoSummary>;
  byPrefecture: Record<string, DibaoSummary>;
  byHouseholdType: Record<string, DibaoSummary>;
}

export interface ScenarioResult {
  name: string;
  summary: ScenarioSummary;
  checks: Check[];
  /** Month by month; the summary's sums are the sums over these rows. */
  months: (MonthRow & { programs: Record<string, number> })[];
  /** Every program of the system (§二–§五 …): cost, payers, recipients, accounts; by area and prefecture. */
  programs: Record<string, ProgramSummary>;
  /** Every program's cost by level of government, source, prefecture and year; adds up to the programs' costs to the fen. */
  funding: FundingRow[];
  /** Each household's income before and after assistance, for comparisons (not in the JSON). */
  incomes: HouseholdIncomes;
}

/** The sums a run accumulates: the §二 dibao summary's and every program's. Chunks merge. */
export interface ScenarioSums {
  dibao: DibaoAccumulator;
  programs: ProgramAccumulator;
  distribution: DistributionAccumulator;
}

export interface RunOptions {
  /** Period to use instead of the scenario's. */
  period?: Period;
  seed?: number;
  /** Called after each month with (done, total). */
  onProgress?: (done: number, total: number) => void;
  /** Called after each month is accumulated, while its columns are cached: extra sums (e.g. bootstrap replicates) read them here. */
  onMonth?: MonthObserver;
  /**
   * Worker threads to run on (see workers.ts). A dataset in memory is then simulated in fixed
   * slices, like a chunked one, so results equal runChunked over slicedDataset(dataset), the same
   * bytes for any number of workers. Absent: one pass in this thread.
   */
  workers?: number;
  /**
   * Rule results shared with other runs on the same population (SharedResults): columns whose
   * rule reads nothing a run changed are computed once. compareScenarios makes one itself.
   */
  shared?: SharedResults;
}

/** Reads a month's columns from the simulation after the run has accumulated them. */
export type MonthObserver = (month: string, sim: Simulation, pop: Population, index: number) => void;

/** The period a scenario covers: its own, else the calendar year 2006. */
export function scenarioPeriod(s: Scenario): Period {
  return s.period ?? { from: '2006-01', to: '2006-12' };
}

/** Loads the dataset a scenario names (or the default). */
export async function scenarioDataset(s: Scenario): Promise<DatasetSource> {
  const ref = s.dataset?.ref ?? DEFAULT_DATASET;
  return openDataset(resolveDatasetPath(ref, s.dataset?.baseDir));
}

/** The parameter tree of a scenario: the baseline with its overrides applied. */
export function scenarioParameters(s: Scenario, base: ParameterTree = baselineParameters()): ParameterTree {
  return base.withOverrides(s.overrides);
}

/** A simulation of a scenario on a dataset. */
export function scenarioSimulation(s: Scenario, dataset: Dataset, seed?: number): Simulation {
  return new Simulation({ population: dataset.population, parameters: scenarioParameters(s), rules: systemRules, seed: seed ?? s.seed ?? 1 });
}

/** A dataset in memory, or a chunked one simulated chunk by chunk. */
export type DatasetSource = Dataset | ChunkedDataset;

const isChunked = (d: DatasetSource): d is ChunkedDataset => 'kind' in d && d.kind === 'chunked';

/** Runs one scenario over a period and returns its summary and checks. */
export async function runScenario(s: Scenario, options: RunOptions & { dataset?: DatasetSource } = {}): Promise<ScenarioResult> {
  const source = options.dataset ?? (await scenarioDataset(s));
  if (options.workers !== undefined) return (await (await import('./workers.js')).runOnWorkers([s], source, { ...options, workers: options.workers }))[0]!;
  if (!isChunked(source)) return runScenarioOn(s, source, options);
  const [result] = await runChunked([s], source, options);
  return result!;
}

/** Runs one scenario on a loaded dataset (synchronous: the columns are in memory). */
export function runScenarioOn(s: Scenario, dataset: Dataset, options: RunOptions = {}): ScenarioResult {
  const period = options.period ?? scenarioPeriod(s);
  const tree = scenarioParameters(s);
  const acc = accumulateScenario(dataset.population, tree, period, options.seed ?? s.seed ?? 1, options.onProgress, scenarioPrices(s), options.onMonth, options.shared);
  return scenarioResult(s.name, acc, tree, s.inputs);
}

/**
 * Scenarios over a chunked dataset: each chunk is loaded once and every scenario accumulated
 * on it; accumulators merge in chunk order, so the result equals a one-pass run.
 */
export async function runChunked(scenarios: readonly Scenario[], source: ChunkedDataset, options: RunOptions = {}): Promise<ScenarioResult[]> {
  if (options.workers !== undefined) return (await import('./workers.js')).runChunkedOnWorkers(scenarios, source, { ...options, workers: options.workers });
  const trees = scenarios.map((s) => scenarioParameters(s));
  const accs: (ScenarioSums | undefined)[] = scenarios.map(() => undefined);
  const nChunks = source.manifest.chunks.length;
  for (let c = 0; c < nChunks; c++) {
    const pop = await source.loadChunk(c);
    // The scenarios of a chunk share the columns none of them changes.
    const shared = scenarios.length > 1 ? new SharedResults(pop) : undefined;
    scenarios.forEach((s, i) => {
      const period = options.period ?? scenarioPeriod(scenarios[0]!);
      const acc = accumulateScenario(pop, trees[i]!, period, options.seed ?? s.seed ?? 1, undefined, scenarioPrices(s), undefined, shared);
      const prev = accs[i];
      if (prev) {
        prev.dibao.merge(acc.dibao);
        prev.programs.merge(acc.programs);
        prev.distribution.merge(acc.distribution);
      } else accs[i] = acc;
    });
    options.onProgress?.(c + 1, nChunks);
  }
  return scenarios.map((s, i) => scenarioResult(s.name, accs[i]!, trees[i]!, s.inputs));
}

/** The system's weighted sums for one population over a period, month by month with carried state. */
export function accumulateScenario(pop: Population, parameters: ParameterTree, period: Period, seed: number, onProgress?: (done: number, total: number) => void, prices?: Readonly<Record<string, PricePoint>>, onMonth?: MonthObserver, shared?: SharedResults): ScenarioSums {
  const sim = new Simulation({ population: pop, parameters, rules: systemRules, seed, shared });
  const months = monthsBetween(period.from, period.to);
  const acc = new DibaoAccumulator(standardGroupings(pop, sim.calculate('household_type', months[0]!), HOUSEHOLD_TYPES));
  const programs = new ProgramAccumulator(PROGRAMS);
  const distribution = new DistributionAccumulator(PROGRAMS);
  runMonthLoop(sim, {
    months,
    state: systemState,
    prices,
    onMonth: (m, i, trigger) => {
      const topUpPersons = sim.calculate('dibao_classified_top_up_person', m);
      const withTopUp = new Uint8Array(topUpPersons.length);
      for (let p = 0; p < withTopUp.length; p++) withTopUp[p] = topUpPersons[p]! > 0 ? 1 : 0;
      acc.addMonth(m, trigger?.triggered ?? false, pop.weight, {
        size: sim.calculate('household_size', m),
        eligible: sim.calculate('dibao_eligible', m),
        receives: sim.calculate('dibao_receives', m),
        // The first month is the snapshot: its recipients were recipients before, so no entries or exits.
        receivedPrevious: i === 0 ? sim.calculate('dibao_receives', m) : sim.calculate('dibao_received_previous', m),
        benefit: sim.calculate('dibao_benefit', m),
        gap: sim.calculate('dibao_gap_benefit', m),
        minimum: sim.calculate('dibao_minimum_top_up', m),
        classified: sim.calculate('dibao_classified_top_up', m),
        classifiedPersons: sim.agg().countByHousehold(withTopUp),
        standard: sim.calculate('dibao_standard', m),
        temporary: sim.calculate('dibao_temporary_assistance', m),
        priceSubsidy: sim.calculate('dibao_price_subsidy', m),
        taper: sim.calculate('dibao_taper_payment', m),
      });
      programs.addMonth(m, sim, pop);
      distribution.addMonth(m, sim, pop, parameters);
      onMonth?.(m, sim, pop, i);
      onProgress?.(i + 1, months.length);
    },
  });
  programs.closePopulation();
  return { dibao: acc, programs, distribution };
}

/** The scenario's price path (inputs.prices), if it has one. */
export function scenarioPrices(s: Scenario): Readonly<Record<string, PricePoint>> | undefined {
  return (s.inputs as { prices?: Record<string, PricePoint> }).prices;
}

/** Summary and checks from accumulated sums. */
export function scenarioResult(name: string, sums: ScenarioSums, parameters: ParameterTree, inputs: Readonly<Record<string, unknown>> = {}): ScenarioResult {
  const acc = sums.dibao;
  const group = (g: string, keys: readonly string[]): Record<string, DibaoSummary> => Object.fromEntries(keys.map((k) => [k, summarise(acc.get(g, k))]));
  const total = acc.get('total', 'total');
  const programCosts = programMonthCosts(sums.programs, parameters, inputs);
  const cells = allProgramCells(sums.programs, parameters, inputs);
  const incomes = sums.distribution.incomes();
  const months = acc.months().map((m) => ({ ...m, programs: programCosts.get(m.month) ?? {} }));
  return {
    name,
    summary: {
      ...withMonthTotals(summarise(total), months),
      distribution: distributionSummary(incomes, sums.distribution.nationalLine, months.length),
      byArea: group('byArea', ['urban', 'rural']),
      byPrefecture: group('byPrefecture', acc.groupings[2]!.keys),
      byHouseholdType: group('byHouseholdType', HOUSEHOLD_TYPES),
    },
    checks: [
      ...[classifiedCheck(total)].map(({ id, passed, detail, detailZh }) => ({ id, passed, detail, detailZh })),
      ...PROGRAMS.flatMap((p) => p.checks?.({ parameters, months: months.map((m) => m.month), inputs }) ?? []),
    ],
    months,
    programs: programSummaries(sums.programs, parameters, inputs, cells),
    funding: fundingRows(sums.programs, cells, parameters),
    incomes,
  };
}

/**
 * The province's money figures as the sums of the months' figures, each month already to the
 * fen, so the annual total equals the sum of the monthly totals exactly even with fractional
 * (raked) weights.
 */
function withMonthTotals(s: DibaoSummary, months: readonly MonthRow[]): DibaoSummary {
  const sum = (f: (m: MonthRow) => number): number => months.reduce((a, m) => a + Math.round(f(m) * 100), 0) / 100;
  const cost = sum((m) => m.cost.total);
  const gapAndFloor = sum((m) => m.cost.gap);
  return {
    ...s,
    cost,
    costAnnual: Math.round((cost * 1200) / Math.max(months.length, 1)) / 100,
    costByComponent: {
      // The months report gap and floor together; the split between them keeps the group's own sums.
      gap: Math.round((gapAndFloor - s.costByComponent.minimum) * 100) / 100,
      minimum: s.costByComponent.minimum,
      classified: sum((m) => m.cost.classified),
      temporary: sum((m) => m.cost.temporary),
      priceSubsidy: sum((m) => m.cost.priceSubsidy),
      taper: sum((m) => m.cost.taper),
    },
  };
}

/** Version of this package. */
export function jiuzhuVersion(): string {
  return (JSON.parse(readFileSync(packagePath('package.json'), 'utf8')) as { version: string }).version;
}

/** Commit of the package's git checkout, or 'unknown' outside one. */
export function jiuzhuCommit(): string {
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], { cwd: packageRoot(), stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim() || 'unknown';
  } catch {
    return 'unknown';
  }
}

export function assertSameDataset(a: Dataset, b: Dataset): void {
  if (a.meta.sha256 !== b.meta.sha256) throw new JiuzhuError('DATASET_MISMATCH', `scenarios use different datasets (${a.meta.name}, ${b.meta.name}); a comparison needs one population`, { kind: 'usage' });
}
