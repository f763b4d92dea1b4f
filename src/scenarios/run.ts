/**
 * Running scenarios: parameters with the scenario's overrides, a dataset, a period; the
 * dibao system computed month by month over whole columns and summarised, weighted.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { JiuzhuError } from '../engine/errors.js';
import { monthsBetween } from '../engine/period.js';
import type { ParameterTree } from '../engine/parameters/tree.js';
import { Simulation } from '../engine/simulation.js';
import { DEFAULT_DATASET, loadDataset, resolveDatasetPath, type Dataset } from '../data/dataset.js';
import { baselineParameters } from '../policy/parameters.js';
import { packagePath, packageRoot } from '../policy/paths.js';
import { HOUSEHOLD_TYPES } from '../programs/dibao/index.js';
import type { Scenario } from './load.js';
import { classifiedCheck, DibaoAccumulator, standardGroupings, summarise, type DibaoSummary } from './summary.js';
import { systemRules } from './system.js';

export interface Period { from: string; to: string }

export interface Check { id: string; passed: boolean; detail: string }

export interface ScenarioSummary extends DibaoSummary {
  byArea: Record<string, DibaoSummary>;
  byPrefecture: Record<string, DibaoSummary>;
  byHouseholdType: Record<string, DibaoSummary>;
}

export interface ScenarioResult {
  name: string;
  summary: ScenarioSummary;
  checks: Check[];
}

export interface RunOptions {
  /** Dataset to use instead of the scenario's. */
  dataset?: Dataset;
  /** Period to use instead of the scenario's. */
  period?: Period;
  seed?: number;
  /** Called after each month with (done, total). */
  onProgress?: (done: number, total: number) => void;
}

/** The period a scenario covers: its own, else the calendar year 2006. */
export function scenarioPeriod(s: Scenario): Period {
  return s.period ?? { from: '2006-01', to: '2006-12' };
}

/** Loads the dataset a scenario names (or the default). */
export async function scenarioDataset(s: Scenario): Promise<Dataset> {
  const ref = s.dataset?.ref ?? DEFAULT_DATASET;
  return loadDataset(resolveDatasetPath(ref, s.dataset?.baseDir));
}

/** The parameter tree of a scenario: the baseline with its overrides applied. */
export function scenarioParameters(s: Scenario, base: ParameterTree = baselineParameters()): ParameterTree {
  return base.withOverrides(s.overrides);
}

/** A simulation of a scenario on a dataset. */
export function scenarioSimulation(s: Scenario, dataset: Dataset, seed?: number): Simulation {
  return new Simulation({ population: dataset.population, parameters: scenarioParameters(s), rules: systemRules, seed: seed ?? s.seed ?? 1 });
}

/** Runs one scenario over a period and returns its summary and checks. */
export async function runScenario(s: Scenario, options: RunOptions = {}): Promise<ScenarioResult> {
  return runScenarioOn(s, options.dataset ?? (await scenarioDataset(s)), options);
}

/** Runs one scenario on a loaded dataset (synchronous: the columns are in memory). */
export function runScenarioOn(s: Scenario, dataset: Dataset, options: RunOptions = {}): ScenarioResult {
  const period = options.period ?? scenarioPeriod(s);
  const sim = scenarioSimulation(s, dataset, options.seed);
  const pop = dataset.population;
  const months = monthsBetween(period.from, period.to);
  const first = months[0]!;
  const acc = new DibaoAccumulator(standardGroupings(pop, sim.calculate('household_type', first), HOUSEHOLD_TYPES));
  months.forEach((m, i) => {
    const topUpPersons = sim.population.nPersons ? sim.calculate('dibao_classified_top_up_person', m) : new Float64Array(0);
    const withTopUp = new Uint8Array(topUpPersons.length);
    for (let p = 0; p < withTopUp.length; p++) withTopUp[p] = topUpPersons[p]! > 0 ? 1 : 0;
    acc.addMonth(pop.weight, {
      size: sim.calculate('household_size', m),
      receives: sim.calculate('dibao_receives', m),
      benefit: sim.calculate('dibao_benefit', m),
      gap: sim.calculate('dibao_gap_benefit', m),
      minimum: sim.calculate('dibao_minimum_top_up', m),
      classified: sim.calculate('dibao_classified_top_up', m),
      classifiedPersons: sim.agg().countByHousehold(withTopUp),
      standard: sim.calculate('dibao_standard', m),
    });
    options.onProgress?.(i + 1, months.length);
  });
  const group = (name: string, keys: readonly string[]): Record<string, DibaoSummary> => Object.fromEntries(keys.map((k) => [k, summarise(acc.get(name, k))]));
  const total = acc.get('total', 'total');
  return {
    name: s.name,
    summary: {
      ...summarise(total),
      byArea: group('byArea', ['urban', 'rural']),
      byPrefecture: group('byPrefecture', acc.groupings[2]!.keys),
      byHouseholdType: group('byHouseholdType', HOUSEHOLD_TYPES),
    },
    checks: [classifiedCheck(total)].map(({ id, passed, detail }) => ({ id, passed, detail })),
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
