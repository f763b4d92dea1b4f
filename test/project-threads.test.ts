/**
 * A projection's years on workers that keep their slices (src/scenarios/studies/project-threads.ts,
 * issue #25). The workers uprate their own copies of the slices, so each year's sums must be
 * the bytes of execute's one-thread run of the same year (the slice uprated in this thread),
 * including when a worker may hold no slice and is sent each one again with every job (the
 * least-recently-used eviction that keeps a full-count dataset from piling up in every worker).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateDataset } from '../src/data/generated.js';
import { upratePopulation, type UpratingFactors } from '../src/dynamics/uprating.js';
import { executeOn } from '../src/scenarios/execution/execute.js';
import { scenarioParameters, scenarioResult, type ScenarioSums } from '../src/scenarios/execution/run.js';
import { slicesOf } from '../src/scenarios/execution/plan.js';
import { loadScenario } from '../src/scenarios/input/load.js';
import { projectYearsOnThreads } from '../src/scenarios/studies/project-threads.js';
import { ROOT } from './helpers.js';
// No useBuiltWorkers(): this file's one worker boots from the source through tsx, the path `tsx src/cli/main.ts` takes.

describe('projection years on workers that keep their slices', () => {
  it('two years of 30,000 households (9 prefecture slices), a worker holding no slice between jobs: the one-thread bytes', async () => {
    const s = loadScenario(join(ROOT, 'scenarios/baseline-2006.yaml'));
    // 30,000 households: the smallest population cut into prefecture slices (plan.ts MIN_SLICED_HOUSEHOLDS).
    const pop = generateDataset({ year: 2006, households: 30_000, seed: 5 }).dataset.population;
    expect(slicesOf(pop).length).toBe(9);
    // Year 2 moved as a projection moves it: incomes × 1.1 (urban) and × 1.05 (rural), elderly households' weights × 1.02, the others' × 0.99.
    const years: { period: { from: string; to: string }; factors: UpratingFactors }[] = [
      { period: { from: '2006-01', to: '2006-01' }, factors: {} },
      { period: { from: '2007-01', to: '2007-01' }, factors: { income: { urban: 1.1, rural: 1.05 }, elderlyWeight: 1.02, otherWeight: 0.99 } },
    ];
    const json = (sums: ScenarioSums): string => JSON.stringify(scenarioResult(s.name, sums, scenarioParameters(s), s.inputs));
    const oneThread = years.map((y) => json(executeOn({ scenarios: [s], period: y.period, seeds: [1], prepare: (p) => upratePopulation(p, y.factors) }, pop)[0]!));
    const onWorkers: string[] = [];
    let progress = 0;
    // One worker allowed to hold 0 persons: every job drops the slice it held and is sent its own again.
    await projectYearsOnThreads({ scenario: s, seed: 1, overrides: [] }, pop, years, 1, (i, sums) => { onWorkers[i] = json(sums); }, (done) => { progress = done; }, 0);
    expect(onWorkers).toEqual(oneThread);
    // The years differ (the uprating moved incomes and weights), so the check compares two different documents.
    expect(oneThread[1]).not.toBe(oneThread[0]);
    // Progress counts slice-months: 9 slices × 1 month × 2 years.
    expect(progress).toBe(18);
  }, 120_000);
});
