/**
 * A sweep (issue #25, "sweeps share a pass"): many variants of one scenario that differ in a few
 * parameter paths (the levers), run on one dataset in memory over one period and seed, as
 * `jiuzhu solve` and bench W3 do.
 *
 * Every variant is an ordinary run (runScenarioOn), with two things shared between them:
 * - the columns of the rules no lever reaches, computed once (SharedResults, its budget spent on
 *   those columns only);
 * - a base (engine/differential.ts): the reference scenario (the scenario without the levers
 *   moved) run once and recorded; each variant is computed against it, so a rule whose inputs
 *   and parameters are the base's takes the base's column, a rule reading a moved lever runs in
 *   full and is compared with the base, and the household-local rules below it run on the
 *   households whose rows changed.
 * The reference is in the middle of most sweeps (a standard scaled ×0.8…×1.3 around ×1), which
 * keeps the households a variant changes against it few. Measured on W3 (100 variants of the
 * standard, one month): a variant's CPU 334 → 257 ms against the reference, and 349 ms against
 * the sweep's first variant (×0.8, far from the others) (docs/performance.md, session 8).
 *
 * The results are the same bytes as independent runs (test/sweep.test.ts).
 */
import { DifferentialBase } from '../../engine/differential.js';
import { DEFAULT_SHARED_BYTES, SharedResults } from '../../engine/shared-results.js';
import type { Dataset } from '../../data/dataset.js';
import type { Scenario } from '../input/load.js';
import type { ScenarioResult } from '../results/scenario-result.js';
import { runScenarioOn } from './run.js';
import { scenarioPeriod, type Period } from './spec.js';

export interface SweepOptions {
  /** Period of every variant (default: the reference scenario's). */
  period?: Period;
  /** Seed of every variant (default: the reference's, else 1). */
  seed?: number;
  /**
   * Parameter paths the variants move. The shared results then keep only the columns of rules
   * that reach none of them, which every variant can take. Default: every column is kept while
   * the budget lasts.
   */
  levers?: readonly string[];
  /** Byte budget of the shared columns (default DEFAULT_SHARED_BYTES). A memory knob. */
  sharedBytes?: number;
}

/** Variants of one scenario on one dataset, each computed against the scenario's own run. */
export class ScenarioSweep {
  readonly period: Period;
  readonly seed: number;
  /** The columns of the rules no lever reaches, computed once (other runs on the population may share them too). */
  readonly shared: SharedResults;
  private readonly base = new DifferentialBase();
  private referenceRun: ScenarioResult | undefined;

  constructor(readonly reference: Scenario, readonly dataset: Dataset, options: SweepOptions = {}) {
    this.period = options.period ?? scenarioPeriod(reference);
    this.seed = options.seed ?? reference.seed ?? 1;
    this.shared = new SharedResults(dataset.population, options.sharedBytes ?? DEFAULT_SHARED_BYTES, options.levers ? { unreached: options.levers } : {});
  }

  /** The reference scenario's result; its run records the base (made on first use). */
  referenceResult(): ScenarioResult {
    return (this.referenceRun ??= runScenarioOn(this.reference, this.dataset, { period: this.period, seed: this.seed, shared: this.shared, differential: { record: this.base } }));
  }

  /** One variant's result: the same as runScenarioOn(variant) over the sweep's period and seed. */
  run(variant: Scenario): ScenarioResult {
    this.referenceResult();
    return runScenarioOn(variant, this.dataset, { period: this.period, seed: this.seed, shared: this.shared, differential: { base: this.base } });
  }

  /** Bytes of the base's own copies (columns the shared results hold are referenced, not copied). */
  get baseBytes(): number {
    return this.base.bytes;
  }
}
