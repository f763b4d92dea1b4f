/**
 * Comparisons against the first scenario's run (issue #25, session 10). The scenarios of a
 * comparison run on the same slice, over the same period, and mostly with the same seed; a
 * reform differs from its baseline in a few parameters. So on a slice the first scenario's run
 * is recorded as a differential base (engine/differential.ts) and every later scenario with its
 * seed is computed against it: a rule whose inputs and parameters are the base's takes the
 * base's column, and the household-local rules below a changed parameter run on the households
 * whose rows changed. Price paths need nothing here: a key the recorded run was given
 * (`BasePart.givenKeys`) is computed in full and compared by a run that computes it. The result
 * is the same bytes either way (test/against-first.test.ts).
 *
 * When it pays (docs/performance.md, "Comparisons against the first scenario's run"): measured
 * on raise-standard-10pct against baseline-2006, one month of Changchun's 2.41M households
 * (one thread) cost 12.1–12.8 s for the baseline and 8.2–8.9 s for the reform in full, against
 * 10.7–14.5 s recording and 4.3–4.6 s against the base; three months of Tonghua's 0.75M,
 * 17.9 s against 13.6 s. But a run against a base cannot compute month to month (temporal.ts),
 * and a slice small enough to (≤ TEMPORAL_MAX_PERSONS persons) already gets most of the gain
 * that way: twelve months of the default dataset cost 3–6% more CPU with a base. So a slice
 * uses one for a one-month run, or when its runs are not month to month anyway.
 *
 * Memory: the base copies the columns the shared results (SharedResults) do not hold, sparse
 * when at most a third of their rows are non-zero: 120 bytes a household for a month of
 * Changchun, 115 a month over three of Tonghua. A slice whose base would pass BASE_MAX_BYTES
 * runs every scenario in full, and the workers' in-flight budget (threads.ts) is made smaller
 * by the base's share of a worker's memory.
 *
 * `JIUZHU_ENGINE_AGAINST_FIRST=0` starts a process with it off (every scenario in full, as
 * before); setAgainstFirst turns it on or off for runs started later (worker threads get the
 * value of the thread that starts them).
 */
import { DifferentialBase, differentialPart, type DifferentialOption } from '../../engine/differential.js';
import type { Population } from '../../engine/population.js';
import { temporal, TEMPORAL_MAX_PERSONS } from '../../engine/temporal.js';

let enabled = process.env.JIUZHU_ENGINE_AGAINST_FIRST !== '0';

/** Turns computing a comparison's later scenarios against its first on or off (off: each in full; kept to check that it changes no byte). */
export function setAgainstFirst(on: boolean): void {
  enabled = on;
}

/** Whether runs started now compute a comparison's later scenarios against its first. */
export function againstFirst(): boolean {
  return enabled;
}

/**
 * Bytes a base takes per household and month, rounded up from what was measured (120 on
 * Changchun, 115 on Tonghua: see above). An estimate for the budgets, not a policy number.
 */
export const BASE_BYTES_PER_HOUSEHOLD_MONTH = 128;

/**
 * Most bytes a slice's base is expected to take (households × months ×
 * BASE_BYTES_PER_HOUSEHOLD_MONTH, at most 2,097,152 household-months); a larger slice runs
 * every scenario in full. W2's month (docs/performance.md) peaked at 8,045 MiB with a base on
 * Changchun's 2.41M households (about 290 MB), against 7,816 MiB without any base: too near
 * 8 GiB. So Changchun's month runs in full, Jilin's (1.44M) has a base, and no full-count
 * prefecture has one over a year. A memory knob: the result is the same bytes either way.
 */
export const BASE_MAX_BYTES = 256 * 1024 * 1024;

/** Whether the later scenarios are computed against the first on this slice: a base that pays and fits (see above). */
export function baseFits(pop: Population, months: number): boolean {
  const monthToMonth = months > 1 && temporal() && pop.nPersons <= TEMPORAL_MAX_PERSONS;
  return !monthToMonth && pop.nHouseholds * months * BASE_BYTES_PER_HOUSEHOLD_MONTH <= BASE_MAX_BYTES;
}

/** Whether some scenario after the first has the first one's seed (a base could serve it). */
export function sharesFirstSeed(seeds: readonly number[]): boolean {
  return seeds.slice(1).some((s) => s === seeds[0]);
}

/**
 * The differential option of each scenario of one slice: the first records its run, the others
 * of the first one's seed compute against it, in order (scenario 0 must be run first). When no
 * base is used (switched off, one scenario, no later scenario with the first's seed, or a base
 * that does not pay or fit: baseFits) every option is undefined and nothing is recorded.
 */
export class FirstRunBase {
  private readonly base: DifferentialBase | undefined;

  constructor(private readonly population: Population, private readonly seeds: readonly number[], months: number, on = enabled) {
    this.base = on && sharesFirstSeed(seeds) && baseFits(population, months) ? new DifferentialBase() : undefined;
  }

  /** Whether the first scenario's run is recorded. */
  get used(): boolean {
    return this.base !== undefined;
  }

  /** Scenario i's option; asking for a later scenario's marks the first one's run finished. */
  option(i: number): DifferentialOption | undefined {
    const base = this.base;
    if (!base) return undefined;
    if (i === 0) return differentialPart({ record: base }, 0, this.population);
    if (this.seeds[i] !== this.seeds[0]) return undefined;
    base.complete = true;
    return differentialPart({ base }, 0, this.population);
  }
}
