/**
 * Running scenarios: parameters with the scenario's overrides, a dataset, a period; the
 * dibao system computed month by month over whole columns and summarised, weighted.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { JiuzhuError } from '../../engine/errors.js';
import type { ParameterTree } from '../../engine/parameters/tree.js';
import type { SharedResults } from '../../engine/shared-results.js';
import type { DifferentialUse } from '../../engine/differential.js';
import type { SliceHelper } from './helper-thread.js';
import { Simulation, type SimulationOptions } from '../../engine/simulation.js';
import type { Dataset } from '../../data/dataset.js';
import { packagePath, packageRoot } from '../../engine/paths.js';
import type { Scenario } from '../input/load.js';
import { systemRules } from '../../programs/system.js';
import { execute, executeOn } from './execute.js';
import type { MonthObserver } from './accumulate.js';
import type { DatasetSource } from './plan.js';
import { scenarioDataset, scenarioParameters, scenarioPeriod, type Period } from './spec.js';
import type { ScenarioSums } from '../results/sums.js';

export type { Period, RunSpec } from './spec.js';
export { scenarioDataset, scenarioParameters, scenarioPeriod, scenarioPrices } from './spec.js';
export { accumulateScenario, type MonthObserver } from './accumulate.js';
export type { DatasetSource } from './plan.js';
export type { ScenarioSums } from '../results/sums.js';
export type { Check, ScenarioResult, ScenarioSummary } from '../results/scenario-result.js';
import { buildScenarioResult, type ScenarioResult } from '../results/scenario-result.js';
import { IncomeFiguresMemo } from '../results/distribution.js';
import { costScenario } from './costing.js';

/** A scenario's result from its merged sums: costed with its parameter tree (costing.ts), then built without it. */
export function scenarioResult(name: string, sums: ScenarioSums, parameters: ParameterTree, inputs: Readonly<Record<string, unknown>> = {}, figures?: IncomeFiguresMemo): ScenarioResult {
  return buildScenarioResult(name, sums, costScenario(sums, parameters, inputs), figures);
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
  /** With workers: households in flight at once (ExecuteOptions.inFlightHouseholds), a memory knob. */
  inFlightHouseholds?: number;
  /**
   * Households from which a population is cut into prefecture slices (execution/plan.ts; default
   * MIN_SLICED_HOUSEHOLDS, 30,000). The tests lower it to check slicing on small datasets.
   */
  minSlicedHouseholds?: number;
  /**
   * Rule results shared with other runs on the same population (SharedResults): columns whose
   * rule reads nothing a run changed are computed once. compareScenarios makes one itself.
   */
  shared?: SharedResults;
  /** Record the run as a base, or compute against a recorded one (engine/differential.ts); runScenarioOn only. */
  differential?: DifferentialUse;
  /**
   * A second thread owning some of the dataset's slices (helper-thread.ts): a run of one scenario
   * in this thread computes those there meanwhile. The same bytes as without.
   */
  helper?: SliceHelper;
}

/** A simulation of a scenario on a dataset (`lend`: see SimulationOptions). */
export function scenarioSimulation(s: Scenario, dataset: Dataset, seed?: number, options: Pick<SimulationOptions, 'lend'> = {}): Simulation {
  return new Simulation({ population: dataset.population, parameters: scenarioParameters(s), rules: systemRules, seed: seed ?? s.seed ?? 1, ...options });
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
  const d = options.differential;
  if (d && 'record' in d) d.record.complete = true;
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
  // The scenarios' income figures before assistance are the same numbers: computed once.
  const figures = new IncomeFiguresMemo();
  return scenarios.map((s, i) => scenarioResult(s.name, sums[i]!, scenarioParameters(s), s.inputs, figures));
}

/** Version of this package (read once a process: the code running does not change with the file). */
export function jiuzhuVersion(): string {
  return (version ??= (JSON.parse(readFileSync(packagePath('package.json'), 'utf8')) as { version: string }).version);
}
let version: string | undefined;

/**
 * Commit of the package's git checkout, or 'unknown' outside one. Asked of git once a process:
 * the code a process runs is what it loaded, whatever is committed later, and every result
 * document asks (a `git rev-parse` child each time was 18% of a one-month comparison of two
 * scenarios on 1,200 households).
 */
export function jiuzhuCommit(): string {
  return (commit ??= gitHead());
}
let commit: string | undefined;

function gitHead(): string {
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], { cwd: packageRoot(), stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim() || 'unknown';
  } catch {
    return 'unknown';
  }
}

export function assertSameDataset(a: Dataset, b: Dataset): void {
  if (a.meta.sha256 !== b.meta.sha256) throw new JiuzhuError('DATASET_MISMATCH', `scenarios use different datasets (${a.meta.name}, ${b.meta.name}); a comparison needs one population`, { kind: 'usage' });
}
