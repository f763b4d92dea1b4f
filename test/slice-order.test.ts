/**
 * A dataset in memory is computed smallest slice first and merged in slice order
 * (execute.ts, executeOn): a cold process runs the engine's code slowly until V8 has compiled
 * it, so the slow start goes to the smallest prefecture. The result must not depend on that
 * order: a chunked copy read in one thread is computed in the plan's order (prefecture by
 * prefecture as the manifest lists them), and both give the same bytes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openChunkedDataset, slicePopulation, writeChunkedDataset } from '../src/data/chunked.js';
import { generateDataset } from '../src/data/generated.js';
import { smallestFirst } from '../src/scenarios/execution/execute.js';
import { slicesOf } from '../src/scenarios/execution/plan.js';
import { loadScenario } from '../src/scenarios/input/load.js';
import { compareScenarios } from '../src/scenarios/studies/compare.js';
import { ROOT } from './helpers.js';

describe('the order slices are computed in', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jiuzhu-slice-order-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  // 3,000 households cut into their 9 prefectures by lowering the plan's threshold to their number
  // (the run option minSlicedHouseholds; by default slicing starts at 30,000 households, ten times the work).
  const SLICED = 3_000;
  const generated = generateDataset({ year: 2006, households: SLICED, seed: 7 }).dataset;
  const pop = generated.population;

  it('is fewest persons first, ties in plan order', () => {
    // Sizes by hand: slices of 5, 2, 9, 2 persons → 1 and 3 (2 each, plan order), then 0 (5), then 2 (9).
    const fake = [5, 2, 9, 2].map((nPersons) => ({ households: new Int32Array(0), population: { nPersons } })) as unknown as Parameters<typeof smallestFirst>[0];
    expect(smallestFirst(fake)).toEqual([1, 3, 0, 2]);
    // On 3,000 generated households: nine prefecture slices, and the order is not the plan's
    // (Changchun, the first slice, is the largest), so the test below compares two orders.
    const slices = slicesOf(pop, SLICED);
    expect(slices).toHaveLength(9);
    const order = smallestFirst(slices);
    expect(order).not.toEqual(order.slice().sort((a, b) => a - b));
    expect(order[order.length - 1]).toBe(0);
  });

  it('changes no byte: in memory (smallest first) against a chunked copy in one thread (plan order)', async () => {
    const cuts = [0, 1200, pop.nHouseholds];
    await writeChunkedDataset(join(dir, 'c'), { name: generated.meta.name }, cuts.slice(1).map((end, i) => ({ population: slicePopulation(pop, cuts[i]!, end) })));
    const pair = [loadScenario(join(ROOT, 'scenarios', 'baseline-2006.yaml')), loadScenario(join(ROOT, 'scenarios', 'raise-standard-10pct.yaml'))];
    const options = { period: { from: '2006-01', to: '2006-01' }, timestamp: false, minSlicedHouseholds: SLICED } as const;
    const strip = (r: Awaited<ReturnType<typeof compareScenarios>>): string => JSON.stringify(r.scenarios);
    const inMemory = strip(await compareScenarios(pair, generated, options));
    const chunked = strip(await compareScenarios(pair, openChunkedDataset(join(dir, 'c')), options));
    expect(inMemory.length).toBeGreaterThan(10_000);
    expect(inMemory).toBe(chunked);
  });
});
