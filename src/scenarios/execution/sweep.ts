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
 * On two threads (`sliceThreads`, the default where the machine has two cores), a helper thread
 * (helper-thread.ts) owns about half of the dataset's prefecture slices, with their shared
 * columns and their parts of the base: the reference run records them there, and each variant
 * computes those slices there while this thread computes the others, as the explorer's moves do.
 *
 * The results are the same bytes as independent runs, on one thread or two (test/sweep.test.ts).
 */
import { DifferentialBase } from '../../engine/differential.js';
import { DEFAULT_SHARED_BYTES, SharedResults } from '../../engine/shared-results.js';
import type { Dataset } from '../../data/dataset.js';
import type { Scenario } from '../input/load.js';
import type { ScenarioResult } from '../results/scenario-result.js';
import { SliceHelper, sliceThreadsOf } from './helper-thread.js';
import { slicesOf } from './plan.js';
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
  /**
   * Threads a run computes on: 2, this thread and a helper that owns about half of the dataset's
   * slices (prefectures) with what the variants reuse for them, or 1 (else BAD_OPTION). Default:
   * 2 when the machine has two cores or more (os.availableParallelism()), else 1, as the
   * explorer's. The same bytes either way. A dataset below MIN_SLICED_HOUSEHOLDS is one slice:
   * one thread whatever this says. With two, close() the sweep when done.
   */
  sliceThreads?: 1 | 2;
  /**
   * Households from which a population is cut into prefecture slices (the run option of that
   * name; default MIN_SLICED_HOUSEHOLDS). The tests slice small populations with it.
   */
  minSlicedHouseholds?: number;
}

/** Variants of one scenario on one dataset, each computed against the scenario's own run. */
export class ScenarioSweep {
  readonly period: Period;
  readonly seed: number;
  /** The columns of the rules no lever reaches, computed once (other runs on the population may share them too). */
  readonly shared: SharedResults;
  /** Threads a run computes on (SweepOptions.sliceThreads, checked, or the default for this machine). */
  readonly sliceThreads: 1 | 2;
  private readonly base = new DifferentialBase();
  private referenceRun: ScenarioResult | undefined;
  private helperThread: SliceHelper | undefined;
  private closed = false;
  private readonly minSliced: number | undefined;

  constructor(readonly reference: Scenario, readonly dataset: Dataset, options: SweepOptions = {}) {
    this.period = options.period ?? scenarioPeriod(reference);
    this.seed = options.seed ?? reference.seed ?? 1;
    this.sliceThreads = sliceThreadsOf(options.sliceThreads);
    this.minSliced = options.minSlicedHouseholds;
    this.shared = new SharedResults(dataset.population, options.sharedBytes ?? DEFAULT_SHARED_BYTES, options.levers ? { unreached: options.levers } : {});
  }

  /** The reference scenario's result; its run records the base (made on first use). */
  referenceResult(): ScenarioResult {
    return (this.referenceRun ??= runScenarioOn(this.reference, this.dataset, { period: this.period, seed: this.seed, shared: this.shared, differential: { record: this.base }, helper: this.helper, ...this.plan }));
  }

  /** One variant's result: the same as runScenarioOn(variant) over the sweep's period and seed. */
  run(variant: Scenario): ScenarioResult {
    this.referenceResult();
    return runScenarioOn(variant, this.dataset, { period: this.period, seed: this.seed, shared: this.shared, differential: { base: this.base }, helper: this.helper, ...this.plan });
  }

  /**
   * Another scenario over the sweep's period and seed, with its shared columns and threads but
   * not against the base (solve's budget-neutral reference): the same as runScenarioOn(scenario).
   */
  runAlone(scenario: Scenario): ScenarioResult {
    return runScenarioOn(scenario, this.dataset, { period: this.period, seed: this.seed, shared: this.shared, helper: this.helper, ...this.plan });
  }

  /**
   * The threads its runs compute on: 2 with a helper (sliceThreads 2, a dataset of more than one
   * slice, not closed, the helper not given up as dead), else 1.
   */
  get threads(): 1 | 2 {
    return !this.closed && this.sliceThreads === 2 && slicesOf(this.dataset.population, this.minSliced).length > 1 && (this.helperThread?.alive ?? true) ? 2 : 1;
  }

  /**
   * Stops the helper thread. The thread is unref'd, so an unclosed sweep does not keep the
   * process alive, but it holds its slices' copies and base parts until closed. A run after
   * close computes every slice on this thread, with the same bytes (the helper's slices in full).
   */
  async close(): Promise<void> {
    this.closed = true;
    await this.helperThread?.close();
  }

  /**
   * The helper thread, started at the sweep's first run with two slice threads on a dataset of
   * more than one slice; else undefined (one thread).
   */
  private get helper(): SliceHelper | undefined {
    if (this.helperThread || this.threads < 2) return this.helperThread;
    return (this.helperThread = new SliceHelper(this.dataset.population, this.shared, undefined, this.minSliced));
  }

  /** The run option minSlicedHouseholds, when given. */
  private get plan(): { minSlicedHouseholds?: number } {
    return this.minSliced === undefined ? {} : { minSlicedHouseholds: this.minSliced };
  }

  /** Bytes of the base's own copies (columns the shared results hold are referenced, not copied). */
  get baseBytes(): number {
    return this.base.bytes;
  }
}
