/**
 * Running scenarios: parameters with the scenario's overrides, a dataset, a period; the
 * dibao system computed month by month over whole columns and summarised, weighted.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { JiuzhuError } from '../engine/errors.js';
import type { ParameterTree } from '../engine/parameters/tree.js';
import type { SharedResults } from '../engine/shared-results.js';
import { Simulation } from '../engine/simulation.js';
import type { Dataset } from '../data/dataset.js';
import { packagePath, packageRoot } from '../engine/paths.js';
import { HOUSEHOLD_TYPES } from '../programs/dibao/index.js';
import type { Scenario } from './load.js';
import { classifiedCheck, summarise, type DibaoSummary, type MonthRow } from './summary.js';
import { allProgramCells, programMonthCosts, programSummaries, type ProgramSummary } from './program-summary.js';
import { fundingRows, type FundingRow } from './funding.js';
import { distributionSummary, type DistributionSummary, type HouseholdIncomes } from './distribution.js';
import { PROGRAMS } from '../programs/index.js';
import { systemRules } from '../programs/system.js';
import { execute, executeOn } from './execution/execute.js';
import type { MonthObserver } from './execution/accumulate.js';
import type { DatasetSource } from './execution/plan.js';
import { scenarioDataset, scenarioParameters, scenarioPeriod, type Period } from './execution/spec.js';
import type { ScenarioSums } from './execution/sums.js';

export type { Period, RunSpec } from './execution/spec.js';
export { scenarioDataset, scenarioParameters, scenarioPeriod, scenarioPrices } from './execution/spec.js';
export { accumulateScenario, type MonthObserver } from './execution/accumulate.js';
export type { DatasetSource } from './execution/plan.js';
export type { ScenarioSums } from './execution/sums.js';

export interface Check { id: string; passed: boolean; detail: string }

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

export interface RunOptions {
  /** Period to use instead of the scenario's. */
  period?: Period;
  seed?: number;
  /** Called as the run advances with (done, total). */
  onProgress?: (done: number, total: number) => void;
  /** Called after each month is accumulated, while its columns are cached: extra sums (e.g. bootstrap replicates) read them here. */
  onMonth?: MonthObserver;
  /**
   * Worker threads to run on (execution/threads.ts). The result is the same bytes for any
   * number of workers and without: every run is planned in the same slices (execution/plan.ts).
   */
  workers?: number;
  /**
   * Rule results shared with other runs on the same population (SharedResults): columns whose
   * rule reads nothing a run changed are computed once. compareScenarios makes one itself.
   */
  shared?: SharedResults;
}

/** A simulation of a scenario on a dataset. */
export function scenarioSimulation(s: Scenario, dataset: Dataset, seed?: number): Simulation {
  return new Simulation({ population: dataset.population, parameters: scenarioParameters(s), rules: systemRules, seed: seed ?? s.seed ?? 1 });
}

/** Runs one scenario over a period and returns its summary and checks. */
export async function runScenario(s: Scenario, options: RunOptions & { dataset?: DatasetSource } = {}): Promise<ScenarioResult> {
  const source = options.dataset ?? (await scenarioDataset(s));
  const [result] = await runScenarios([s], source, options);
  return result!;
}

/** Runs one scenario on a loaded dataset (synchronous: the columns are in memory). */
export function runScenarioOn(s: Scenario, dataset: Dataset, options: Omit<RunOptions, 'workers'> = {}): ScenarioResult {
  const period = options.period ?? scenarioPeriod(s);
  const [sums] = executeOn({ scenarios: [s], period, seeds: [options.seed ?? s.seed ?? 1] }, dataset.population, options);
  return scenarioResult(s.name, sums!, scenarioParameters(s), s.inputs);
}

/**
 * Scenarios over one dataset (in memory or chunked, in this thread or on workers), over the
 * first scenario's period unless one is given: each slice is loaded once and every scenario
 * accumulated on it.
 */
export async function runScenarios(scenarios: readonly Scenario[], source: DatasetSource, options: RunOptions = {}): Promise<ScenarioResult[]> {
  if (!scenarios.length) return [];
  const period = options.period ?? scenarioPeriod(scenarios[0]!);
  const sums = await execute({ scenarios, period, seeds: scenarios.map((s) => options.seed ?? s.seed ?? 1) }, source, options);
  return scenarios.map((s, i) => scenarioResult(s.name, sums[i]!, scenarioParameters(s), s.inputs));
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
      ...[classifiedCheck(total)].map(({ id, passed, detail }) => ({ id, passed, detail })),
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
