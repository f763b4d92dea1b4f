/**
 * What a run is asked to do: scenarios (each with its parameter tree), one period, a seed per
 * scenario, and the dataset. The inputs of execute (execute.ts).
 */
import { ParameterTree, type Override, type ParameterData } from '../../engine/parameters/tree.js';
import type { Population } from '../../engine/population.js';
import { adoptBaselineParameters, baselineParameters } from '../../policy/parameters.js';
import type { PricePoint } from '../../dynamics/price-trigger.js';
import type { Scenario } from '../input/load.js';
import type { DatasetSource } from './plan.js';

export interface Period { from: string; to: string }

/** Scenarios to run together over one period (their sums come back in the same order). */
export interface RunSpec {
  scenarios: readonly Scenario[];
  period: Period;
  /** One seed per scenario. */
  seeds: readonly number[];
  /** Applied on top of every scenario's own overrides (a projection's growth-rule standards). */
  overrides?: readonly Override[];
  /** Applied to every slice before it is simulated, in this thread (a projection year's uprating). */
  prepare?: (pop: Population) => Population;
}

/** The period a scenario covers: its own, else the calendar year 2006. */
export function scenarioPeriod(s: Scenario): Period {
  return s.period ?? { from: '2006-01', to: '2006-12' };
}

/** Loads the dataset a scenario names (or the default). */
export async function scenarioDataset(s: Scenario): Promise<DatasetSource> {
  // Imported when a dataset is opened, not with this module: worker threads import it and never
  // open one, and the readers (Arrow, Parquet, zod) cost each worker 0.1–0.3 s of CPU to load.
  const [{ DEFAULT_DATASET, resolveDatasetPath }, { openDataset }] = await Promise.all([import('../../data/dataset.js'), import('../../data/open.js')]);
  const ref = s.dataset?.ref ?? DEFAULT_DATASET;
  return openDataset(resolveDatasetPath(ref, s.dataset?.baseDir));
}

/** The parameter tree of a scenario: the baseline with its overrides applied. */
export function scenarioParameters(s: Scenario, base: ParameterTree = baselineParameters()): ParameterTree {
  return base.withOverrides(s.overrides);
}

/** The scenario's price path (inputs.prices), if it has one. */
export function scenarioPrices(s: Scenario): Readonly<Record<string, PricePoint>> | undefined {
  return s.inputs.prices;
}

/** The parameter tree of each scenario of a spec, with the spec's overrides on top. */
export function specTrees(spec: Pick<RunSpec, 'scenarios' | 'overrides'>, base: ParameterTree = baselineParameters()): ParameterTree[] {
  return spec.scenarios.map((s) => (spec.overrides?.length ? scenarioParameters(s, base).withOverrides([...spec.overrides]) : scenarioParameters(s, base)));
}

/**
 * The baseline parameters as plain data, for a worker's workerData (structured clone, ~0.2 MB).
 * Reading, parsing and checking the 44 parameter files took about a second of every worker's
 * start-up; cloning the loaded leaves takes milliseconds. It is this thread's own baseline — the
 * tree it would run on itself — so a worker can never see other values than its parent.
 */
export function workerParameters(): ParameterData {
  return baselineParameters().toData();
}

/** In a worker: the trees of its spec, built on the baseline its parent sent (workerParameters), not on the files. */
export function workerTrees(setup: Pick<RunSpec, 'scenarios' | 'overrides'> & { parameters: ParameterData }): ParameterTree[] {
  return specTrees(setup, ParameterTree.fromData(setup.parameters));
}

/**
 * In a worker that runs whole scenarios (the explorer's compute thread, serve/compute-worker.ts):
 * the baseline its parent sent (workerParameters) becomes this thread's baselineParameters(), so
 * every default (scenario loading, runs, result documents) uses it and no parameter file is parsed.
 */
export function adoptWorkerParameters(data: ParameterData): void {
  adoptBaselineParameters(ParameterTree.fromData(data));
}
