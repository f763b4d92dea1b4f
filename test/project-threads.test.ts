/**
 * A projection's years on workers that keep their slices (src/scenarios/studies/project-threads.ts,
 * issue #25). The workers uprate their own copies of the slices, so each year's sums must be
 * the bytes of execute's one-thread run of the same year (the slice uprated in this thread),
 * including when a worker may hold no slice and is sent each one again with every job (the
 * least-recently-used eviction that keeps a full-count dataset from piling up in every worker).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../src/data/dataset.js';
import { generateDataset } from '../src/data/generated.js';
import { upratePopulation, type UpratingFactors } from '../src/dynamics/uprating.js';
import { executeOn } from '../src/scenarios/execution/execute.js';
import { scenarioParameters, scenarioResult, type ScenarioSums } from '../src/scenarios/execution/run.js';
import { slicesOf } from '../src/scenarios/execution/plan.js';
import { loadScenario } from '../src/scenarios/input/load.js';
import { nextJob, projectYearsOnThreads, yearJobs } from '../src/scenarios/studies/project-threads.js';
import { projectScenario } from '../src/scenarios/studies/project.js';
import { bootWorkersFromBuild } from '../src/scenarios/execution/worker-thread.js';
import { builtDist, ROOT } from './helpers.js';
// Not useBuiltWorkers() for the whole file: the one-worker run boots from the source through tsx, the
// path `tsx src/cli/main.ts` takes; the two-worker run boots from the fresh build of the same source
// (helpers.ts), as `npx jiuzhu project --workers 2` does from dist/ (~0.45 s less CPU a thread).

// 3,000 households cut into their 9 prefectures by lowering the plan's threshold to their number
// (the option minSlicedHouseholds; by default slicing starts at 30,000 households, ten times the work).
// Generated once for both tests below (it was generated in each, with the same seed).
const SLICED = 3_000;
let generated: Dataset | undefined;
const sliced = (): Dataset => (generated ??= generateDataset({ year: 2006, households: SLICED, seed: 5 }).dataset);

describe('projection years on workers that keep their slices', () => {
  it('two years of 3,000 households (9 prefecture slices), a worker holding no slice between jobs: the one-thread bytes', async () => {
    const s = loadScenario(join(ROOT, 'scenarios/baseline-2006.yaml'));
    const pop = sliced().population;
    expect(slicesOf(pop, SLICED).length).toBe(9);
    // Year 2 moved as a projection moves it: incomes × 1.1 (urban) and × 1.05 (rural), elderly households' weights × 1.02, the others' × 0.99.
    const years: { period: { from: string; to: string }; factors: UpratingFactors }[] = [
      { period: { from: '2006-01', to: '2006-01' }, factors: {} },
      { period: { from: '2007-01', to: '2007-01' }, factors: { income: { urban: 1.1, rural: 1.05 }, elderlyWeight: 1.02, otherWeight: 0.99 } },
    ];
    const json = (sums: ScenarioSums): string => JSON.stringify(scenarioResult(s.name, sums, scenarioParameters(s), s.inputs));
    const oneThread = years.map((y) => json(executeOn({ scenarios: [s], period: y.period, seeds: [1], prepare: (p) => upratePopulation(p, y.factors) }, pop, { minSlicedHouseholds: SLICED })[0]!));
    const onWorkers: string[] = [];
    let progress = 0;
    // One worker allowed to hold 0 persons: every job drops the slice it held and is sent its own again.
    await projectYearsOnThreads({ scenario: s, seed: 1, overrides: [] }, pop, years, 1, (i, sums) => { onWorkers[i] = json(sums); }, (done) => { progress = done; }, 0, SLICED);
    expect(onWorkers).toEqual(oneThread);
    // Two workers keeping every slice they are sent (the default cap): each starts on a small
    // slice and then takes the largest still waiting (nextJob), so the slices' years are spread
    // differently over the threads; the bytes must not change.
    const onTwo: string[] = [];
    bootWorkersFromBuild(builtDist());
    try {
      await projectYearsOnThreads({ scenario: s, seed: 1, overrides: [] }, pop, years, 2, (i, sums) => { onTwo[i] = json(sums); }, undefined, undefined, SLICED);
    } finally {
      bootWorkersFromBuild(undefined);
    }
    expect(onTwo).toEqual(oneThread);
    // The years differ (the uprating moved incomes and weights), so the check compares two different documents.
    expect(oneThread[1]).not.toBe(oneThread[0]);
    // Progress counts slice-months: 9 slices × 1 month × 2 years.
    expect(progress).toBe(18);
  }, 120_000);

  it('ProjectOptions.minSlicedHouseholds reaches the plan, in this thread and on a worker: each year is 9 slices', async () => {
    const growth = loadScenario(join(ROOT, 'scenarios/dynamic-growth-2007-2015.yaml'));
    const dataset = sliced();
    // Progress counts slice-months: 2 years × 1 month × 9 slices = 18 when sliced, 2 × 1 × 1 = 2 when not.
    const total = async (options: Parameters<typeof projectScenario>[1]): Promise<number> => {
      let t = 0;
      await projectScenario(growth, { dataset, from: 2006, to: 2007, monthsPerYear: 1, onProgress: (_done, n) => { t = n; }, ...options });
      return t;
    };
    expect(await total({})).toBe(2);
    expect(await total({ minSlicedHouseholds: SLICED })).toBe(18);
    bootWorkersFromBuild(builtDist());
    try {
      expect(await total({ minSlicedHouseholds: SLICED, workers: 1 })).toBe(18);
    } finally {
      bootWorkersFromBuild(undefined);
    }
  }, 60_000);

  // Slices of 30, 10 and 20 persons (made up; only their order by size matters).
  const persons = [30, 10, 20];
  it('the jobs wait year by year, the slices from fewest persons to most', () => {
    // By size: slice 1 (10), slice 2 (20), slice 0 (30); for year 0, then year 1.
    expect(yearJobs(2, persons)).toEqual([{ y: 0, k: 1 }, { y: 0, k: 2 }, { y: 0, k: 0 }, { y: 1, k: 1 }, { y: 1, k: 2 }, { y: 1, k: 0 }]);
    // Equal sizes keep the plan's order.
    expect(yearJobs(1, [5, 5, 1])).toEqual([{ y: 0, k: 2 }, { y: 0, k: 0 }, { y: 0, k: 1 }]);
  });
  it('a free worker takes its own slice\'s next year, else (new) the smallest slice, else the largest still waiting', () => {
    const all = yearJobs(2, persons);
    // A new worker holds nothing: the first waiting job, year 0 of the smallest slice (1).
    expect(nextJob(all, new Set(), persons)).toBe(0);
    // Year 0 of slices 1 and 2 gone; a worker holding slice 2 takes its year 1, not the first job waiting (year 0 of slice 0).
    const later = all.slice(2);
    expect(later[nextJob(later, new Set([2]), persons)]).toEqual({ y: 1, k: 2 });
    // A worker whose slice (1) has no year left takes the largest slice waiting (0, 30 persons), its first year (0), not the first job waiting (year 1 of slice 2).
    const rest = [{ y: 1, k: 2 }, { y: 0, k: 0 }, { y: 1, k: 0 }];
    expect(rest[nextJob(rest, new Set([1]), persons)]).toEqual({ y: 0, k: 0 });
  });
});
