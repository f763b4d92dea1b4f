/**
 * The result document of one explorer comparison (baseline, explored scenario), built from two
 * runs of which the baseline's is cached: what `compareScenariosOn([baseline, explored])` returns,
 * through the same builder (resultFromRuns); test/serve.test.ts checks the two are equal.
 */
import type { DatasetMeta } from '../data/dataset.js';
import type { Scenario } from '../scenarios/input/load.js';
import { type Result } from '../scenarios/results/result.js';
import { resultFromRuns } from '../scenarios/studies/compare.js';
import type { Period, ScenarioResult } from '../scenarios/execution/run.js';

export interface ExplorerRuns {
  scenarios: readonly [Scenario, Scenario];
  results: readonly [ScenarioResult, ScenarioResult];
  dataset: DatasetMeta;
  period: Period;
  seed: number;
  /** meta.createdAt (the explorer stamps when the run was made, like the CLI). */
  createdAt?: string;
}

/** The result document of [baseline, explored], deltas against the baseline. */
export function explorerResult(r: ExplorerRuns): Result {
  const doc = resultFromRuns(r.scenarios, r.results, r.dataset, r.period, r.seed, { timestamp: false });
  return r.createdAt ? { ...doc, meta: { ...doc.meta, createdAt: r.createdAt } } : doc;
}

/** A figure against the baseline: both values, the change and the relative change (null from 0). */
export { delta } from '../scenarios/studies/compare.js';
