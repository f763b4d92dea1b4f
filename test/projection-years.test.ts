/**
 * A projection's years of one slice share what depends only on the slice's households (issue
 * #25, W4): upratePopulation makes new money columns and weights over the slice's household
 * index and household columns, so each year's simulation takes the buffer pool, the resolved
 * parameters and the rule graph of the years before, instead of fresh ones
 * (src/engine/buffers.ts populationPool, src/engine/simulation.ts resolvedParameters,
 * src/scenarios/execution/accumulate.ts systemGraph). Sharing must change no value: a year run
 * after its slice's earlier years gives the same bytes as on a copy with an index of its own
 * (nothing shared), and a population with the same index but other household columns does not
 * take their parameters. A projection worker clears the pool of a slice it moves away from
 * (project-worker.ts), so that it keeps one slice's free buffers, not one set per slice it holds.
 */
import { describe, expect, it } from 'vitest';
import { generateDataset } from '../src/data/generated.js';
import { upratePopulation } from '../src/dynamics/uprating.js';
import { populationPool } from '../src/engine/buffers.js';
import { parameterForHousehold } from '../src/engine/parameters/resolve.js';
import type { Population } from '../src/engine/population.js';
import { Simulation } from '../src/engine/simulation.js';
import { baselineParameters } from '../src/policy/parameters.js';
import { accumulateScenario } from '../src/scenarios/execution/run.js';
import { packPopulation } from '../src/scenarios/execution/threads.js';

/** JSON of sums with typed arrays as plain arrays. */
const bytes = (x: unknown): string => JSON.stringify(x, (_k, v: unknown) => (ArrayBuffer.isView(v) ? Array.from(v as unknown as ArrayLike<number>) : v));

const tree = baselineParameters();
const YEAR_2 = { income: { urban: 1.12, rural: 1.09 }, elderlyWeight: 1.03 };

describe("a projection's years of one slice", () => {
  const dataset = generateDataset({ year: 2006, households: 1500, seed: 11 }).dataset;
  const slice = dataset.population;

  it('share one buffer pool; a population with an index of its own has its own', () => {
    const year2 = upratePopulation(slice, YEAR_2);
    // The uprated copy has new money columns (the uprating did something) over the same index.
    expect(year2.person.earnings).not.toBe(slice.person.earnings);
    expect(year2.householdStart).toBe(slice.householdStart);
    expect(populationPool(year2)).toBe(populationPool(slice));
    const copy = packPopulation(slice).population;
    expect(copy.householdStart).not.toBe(slice.householdStart);
    expect(populationPool(copy)).not.toBe(populationPool(slice));
  });

  it('a second year takes the buffers the first gave back, and gives the bytes of a year run on its own', () => {
    // Nothing shared: a copy with an index of its own, run first in this test (no earlier year).
    const alone = packPopulation(slice).population;
    const expected = bytes(accumulateScenario(upratePopulation(alone, YEAR_2), tree, { from: '2007-01', to: '2007-03' }, 1));
    const pool = populationPool(slice);
    accumulateScenario(upratePopulation(slice, {}), tree, { from: '2006-01', to: '2006-03' }, 1);
    const fresh1 = pool.freshBytes;
    const reused1 = pool.reusedBytes;
    const after = bytes(accumulateScenario(upratePopulation(slice, YEAR_2), tree, { from: '2007-01', to: '2007-03' }, 1));
    expect(after).toBe(expected);
    // Year 2's columns came from year 1's buffers: with a pool per population object (as before)
    // this pool would have handed out nothing more and year 2 would have allocated afresh.
    expect(pool.reusedBytes - reused1).toBeGreaterThan(fresh1 / 2);
    expect(pool.freshBytes - fresh1).toBeLessThan(fresh1 / 4);
  });

  it('a cleared pool (a projection worker moving to another slice) holds nothing free, and its next year allocates afresh', () => {
    const other = packPopulation(slice).population;
    const pool = populationPool(other);
    accumulateScenario(upratePopulation(other, {}), tree, { from: '2006-01', to: '2006-02' }, 1);
    const fresh1 = pool.freshBytes;
    expect(pool.freeBytes).toBeGreaterThan(0);
    pool.clear();
    expect(pool.freeBytes).toBe(0);
    accumulateScenario(upratePopulation(other, YEAR_2), tree, { from: '2006-01', to: '2006-02' }, 1);
    // Nothing left to take: the second year allocates about what the first did.
    expect(pool.freshBytes - fresh1).toBeGreaterThan(fresh1 / 2);
  });

  it("an uprated copy takes its slice's resolved parameters; other household columns on the same index do not", () => {
    const date = '2006-01-01';
    const path = 'dibao.standard';
    const base = new Simulation({ population: slice, parameters: tree, rules: [] }).parameter(path, date, 'household');
    const year2 = upratePopulation(slice, YEAR_2);
    // The very same column object: resolved once for the slice, not again for its year.
    expect(new Simulation({ population: year2, parameters: tree, rules: [] }).parameter(path, date, 'household')).toBe(base);
    // Every household urban ↔ rural: the same index, other household columns.
    const urban = slice.household.urban!;
    const flipped: Population = { ...slice, household: { ...slice.household, urban: urban.map((u) => (u ? 0 : 1)) } };
    const other = new Simulation({ population: flipped, parameters: tree, rules: [] }).parameter(path, date, 'household') as Float64Array;
    expect(other).not.toBe(base);
    // Each row is the leaf's value for the household's prefecture and flipped area, as the
    // per-household lookup (parameterForHousehold, no column resolution) gives it.
    for (const h of [0, 1, 2, 100, 1499]) {
      expect(other[h]).toBe(parameterForHousehold(tree, path, date, flipped, h).value);
      expect((base as Float64Array)[h]).toBe(parameterForHousehold(tree, path, date, slice, h).value);
      expect(other[h]).not.toBe((base as Float64Array)[h]);
    }
  });
});
