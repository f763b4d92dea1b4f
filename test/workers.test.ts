/**
 * The one execution path (src/scenarios/execution/): every run is planned in the same slices —
 * whole prefectures, so the rationing rules (dibao quota, public-welfare posts) see whole cells —
 * and merged in slice order. The result document is therefore byte-identical without workers,
 * with 1 and with 2, and on a chunked copy of the dataset cut anywhere.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openChunkedDataset, slicePopulation, writeChunkedDataset } from '../src/data/chunked.js';
import type { Dataset } from '../src/data/dataset.js';
import { generateDataset } from '../src/data/generated.js';
import { writePopulation } from '../src/data/write.js';
import { PREFECTURE_CODES } from '../src/engine/locality.js';
import { SharedResults } from '../src/engine/shared-results.js';
import { loadScenario } from '../src/scenarios/input/load.js';
import { compareScenarios, projectResult, type CompareOptions } from '../src/scenarios/studies/compare.js';
import { accumulateScenario, runScenarioOn, scenarioParameters } from '../src/scenarios/execution/run.js';
import { concatPopulations, MIN_SLICED_HOUSEHOLDS, planSlices, selectHouseholds, slicesOf } from '../src/scenarios/execution/plan.js';
import { mergeSums, packSums, unpackSums } from '../src/scenarios/results/sums.js';
import { checkWorkers } from '../src/scenarios/execution/threads.js';
import { scenarioResult } from '../src/scenarios/execution/run.js';
import { cli, ROOT, useBuiltWorkers } from './helpers.js';

const scenarios = [loadScenario(join(ROOT, 'scenarios/baseline-2006.yaml')), loadScenario(join(ROOT, 'scenarios/raise-standard-10pct.yaml'))];
const period = { from: '2006-01', to: '2006-02' };
const json = (x: unknown): string => JSON.stringify(x, null, 2);
/** A result document without meta.dataset (a chunked copy has its own name and checksum: the files differ). */
// Everything but the dataset's identity: its name and hash (meta.dataset) and its files and description (provenance.dataset).
const body = (x: { meta: { dataset: unknown }; provenance: { dataset: unknown } }): string => json({ ...x, meta: { ...x.meta, dataset: undefined }, provenance: { ...x.provenance, dataset: undefined } });

// Threads boot from a fresh build of this source, not through tsx (helpers.ts): the same code, less start-up.
useBuiltWorkers();

let dataset: Dataset;
const dir = mkdtempSync(join(tmpdir(), 'jiuzhu-workers-'));
beforeAll(() => {
  dataset = generateDataset({ year: 2006, households: 5000, seed: 7 }).dataset;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the plan: slices of whole prefectures', () => {
  it('below MIN_SLICED_HOUSEHOLDS one slice in the population\'s order; above, one per prefecture in code order', () => {
    expect(planSlices(4, [220200, 220100, 220200, 220100]).map((s) => [...s])).toEqual([[0, 1, 2, 3]]);
    // 30,000 households alternating Jilin (220200) and Changchun (220100): Changchun (first code) is the first slice.
    const n = MIN_SLICED_HOUSEHOLDS;
    expect(n).toBe(30_000);
    const pref = Array.from({ length: n }, (_, h) => (h % 2 ? 220100 : 220200));
    expect(planSlices(n - 1, pref)).toHaveLength(1);
    const slices = planSlices(n, pref);
    expect(slices).toHaveLength(2);
    expect([...slices[0]!.subarray(0, 3)]).toEqual([1, 3, 5]);
    expect([...slices[1]!.subarray(0, 3)]).toEqual([0, 2, 4]);
    expect(slices[0]!.length + slices[1]!.length).toBe(n);
    expect(PREFECTURE_CODES[0]).toBe(220100);
  });
  it('the option minSlicedHouseholds moves the threshold: 4 households are sliced from 4, not from 5', () => {
    const pref = [220200, 220100, 220200, 220100];
    expect(planSlices(4, pref, 5).map((s) => [...s])).toEqual([[0, 1, 2, 3]]);
    expect(planSlices(4, pref, 4).map((s) => [...s])).toEqual([[1, 3], [0, 2]]);
    // slicesOf keeps one plan per threshold: the default's one slice and the lowered one's nine
    // (the 5,000 generated households hold every prefecture) side by side.
    expect(slicesOf(dataset.population)).toHaveLength(1);
    expect(slicesOf(dataset.population, 5000)).toHaveLength(9);
    expect(slicesOf(dataset.population, 5001)).toHaveLength(1);
    expect(slicesOf(dataset.population)).toHaveLength(1);
    // A whole number ≥ 1: below 1 an empty population would be no slice at all.
    for (const bad of [0, -5, 2.5, Number.NaN]) expect(() => planSlices(4, pref, bad)).toThrow(/minSlicedHouseholds must be a whole number ≥ 1/);
    expect(() => runScenarioOn(scenarios[0]!, dataset, { period, minSlicedHouseholds: 0 })).toThrow(/minSlicedHouseholds must be a whole number ≥ 1/);
    expect(planSlices(0, [], 1).map((s) => s.length)).toEqual([0]);
  });
  it('selecting households keeps their persons and columns; chunks put end to end give the population back', () => {
    const pop = dataset.population;
    const pick = Int32Array.from([3, 10, 11, 4999]);
    const sub = selectHouseholds(pop, pick);
    expect([...sub.householdId]).toEqual([...pick].map((h) => pop.householdId[h]));
    expect(sub.nPersons).toBe([...pick].reduce((a, h) => a + pop.householdStart[h + 1]! - pop.householdStart[h]!, 0));
    const first = pop.householdStart[4999]!;
    expect(sub.personId[sub.nPersons - 1]).toBe(pop.personId[pop.nPersons - 1]);
    expect(sub.personId[sub.householdStart[3]!]).toBe(pop.personId[first]);
    const whole = concatPopulations([slicePopulation(pop, 0, 1234), slicePopulation(pop, 1234, 5000)]);
    expect(whole.nPersons).toBe(pop.nPersons);
    expect([...whole.personHousehold]).toEqual([...pop.personHousehold]);
    expect([...whole.householdStart]).toEqual([...pop.householdStart]);
    for (const [k, c] of Object.entries(pop.person)) expect([...whole.person[k]!], k).toEqual([...c]);
  });
  it('a slice\'s sums survive packing for another thread: merging them gives the same result', () => {
    const tree = scenarioParameters(scenarios[0]!);
    const pop = slicePopulation(dataset.population, 0, 800);
    const rest = slicePopulation(dataset.population, 800, 1600);
    const a = mergeSums(accumulateScenario(pop, tree, period, 1), accumulateScenario(rest, tree, period, 1));
    const b = mergeSums(unpackSums(structuredClone(packSums(accumulateScenario(pop, tree, period, 1)).value)), accumulateScenario(rest, tree, period, 1));
    expect(json(scenarioResult('x', b, tree))).toBe(json(scenarioResult('x', a, tree)));
  });
  it('workers must be a whole number ≥ 1', () => {
    for (const bad of [0, -1, 1.5, Number.NaN, '2']) expect(() => checkWorkers(bad)).toThrow(/whole number/);
    expect(checkWorkers(3)).toBe(3);
  });
});

// 3,000 households cut into their 9 prefectures by lowering the plan's threshold to their number
// (the run option minSlicedHouseholds; the default, 30,000 households, took ten times the work for
// the same checks): every way of running below must plan the same nine slices.
const SLICED = 3_000;
describe('a population of 3,000 households sliced by prefecture (minSlicedHouseholds 3,000), one month', () => {
  const month = { from: '2006-01', to: '2006-01' };
  const sliced = { minSlicedHouseholds: SLICED };
  let big: Dataset;
  beforeAll(() => {
    big = generateDataset({ year: 2006, households: SLICED, seed: 5 }).dataset;
  });
  it('is cut into one slice per prefecture (9)', () => {
    expect(slicesOf(big.population, SLICED).map((s) => s.population.household.prefecture![0])).toEqual([...PREFECTURE_CODES]);
  });
  it('without workers, with 2, and on a chunked copy cut across prefectures (one thread and 2 workers): the same bytes', async () => {
    const baseline = [scenarios[0]!];
    // Each run's progress ends at (9, 9): one month × the 9 slices, so each way of running was sliced.
    const last: [number, number][] = [];
    const options = (more: object = {}): CompareOptions => ({ period: month, timestamp: false, ...sliced, onProgress: (done, total) => { last.push([done, total]); }, ...more });
    const none = await compareScenarios(baseline, big, options());
    const two = await compareScenarios(baseline, big, options({ workers: 2 }));
    expect(json(two)).toBe(json(none));
    const pop = big.population;
    const cuts = [0, 700, 1501, 2100, pop.nHouseholds];
    await writeChunkedDataset(join(dir, 'big'), { name: 'big' }, cuts.slice(1).map((end, i) => ({ population: slicePopulation(pop, cuts[i]!, end) })));
    const chunked = openChunkedDataset(join(dir, 'big'));
    expect(body(await compareScenarios(baseline, chunked, options()))).toBe(body(none));
    expect(body(await compareScenarios(baseline, chunked, options({ workers: 2 })))).toBe(body(none));
    // A budget of one household in flight: each slice is read and simulated alone, largest first
    // (schedule.ts); the sums still merge in the plan's order.
    expect(body(await compareScenarios(baseline, chunked, options({ workers: 2, inFlightHouseholds: 1 })))).toBe(body(none));
    expect(last.filter(([d, t]) => d === 9 && t === 9)).toHaveLength(5);
    expect(last.every(([, t]) => t === 9)).toBe(true);
    // The same population without the option is one slice: the unsliced sums, equal to rounding only.
    last.length = 0;
    const whole = await compareScenarios(baseline, big, { period: month, timestamp: false, onProgress: (done, total) => { last.push([done, total]); } });
    expect(last).toEqual([[1, 1]]);
    expect(whole.scenarios[0]!.summary.recipients / none.scenarios[0]!.summary.recipients).toBeCloseTo(1, 12);
  });
  it('a store of shared results gives each slice its part: a raised standard gives the bytes it gives alone', () => {
    const shared = new SharedResults(big.population);
    const s = scenarios[1]!;
    runScenarioOn(scenarios[0]!, big, { period: month, shared, ...sliced });
    expect(shared.part(0, slicesOf(big.population, SLICED)[0]!.population).size.columns).toBeGreaterThan(0);
    expect(json(runScenarioOn(s, big, { period: month, shared, ...sliced }))).toBe(json(runScenarioOn(s, big, { period: month, ...sliced })));
  });
  it('rations the quota and posts over whole cells: the sliced run admits whom the unsliced run admits', () => {
    // The unsliced run is the month loop over the whole population at once (accumulateScenario).
    // The sliced run only adds the slices' sums in another order, so the figures agree to rounding.
    // Contiguous slices of 375 households (as the old worker slices cut 30,000) rank within each
    // slice and admit a different set of households.
    const s = scenarios[0]!;
    const tree = scenarioParameters(s);
    const figures = (r: ReturnType<typeof scenarioResult>): number[] => [r.summary.recipients, r.programs.employment!.cost];
    const whole = figures(scenarioResult(s.name, accumulateScenario(big.population, tree, month, 1), tree));
    const sliced = figures(runScenarioOn(s, big, { period: month, minSlicedHouseholds: SLICED }));
    sliced.forEach((x, i) => expect(x / whole[i]!).toBeCloseTo(1, 12));
    const pop = big.population;
    const parts = [0, 1, 2, 3, 4, 5, 6, 7].map((i) => accumulateScenario(slicePopulation(pop, (i * pop.nHouseholds) / 8, ((i + 1) * pop.nHouseholds) / 8), tree, month, 1));
    const contiguous = figures(scenarioResult(s.name, parts.reduce((a, b) => mergeSums(a, b)), tree));
    expect(contiguous.some((x, i) => Math.abs(x - whole[i]!) > 1)).toBe(true);
  });
});

describe('results do not depend on the number of workers', () => {
  it('a small chunked dataset: 2 workers give the same bytes as one thread and as the dataset in memory', async () => {
    const pop = dataset.population;
    const cuts = [0, 1200, 2500, 3100, 5000];
    await writeChunkedDataset(join(dir, 'chunked'), { name: 'workers-test' }, cuts.slice(1).map((end, i) => ({ population: slicePopulation(pop, cuts[i]!, end) })));
    const source = openChunkedDataset(join(dir, 'chunked'));
    // Below MIN_SLICED_HOUSEHOLDS the plan is one slice, and the pool is min(workers, slices) threads
    // (threads.ts runOnThreads): 1 and 2 workers run the same single thread on the same job, so one
    // run stands for both (it was run twice here). Several threads on several slices: the 3,000 above.
    expect(slicesOf(pop)).toHaveLength(1);
    const none = json(await compareScenarios(scenarios, source, { period, timestamp: false }));
    const two = json(await compareScenarios(scenarios, source, { period, timestamp: false, workers: 2 }));
    expect(two).toBe(none);
    // A small dataset is one slice: its chunks are put end to end and give the in-memory run.
    expect(body(JSON.parse(none))).toBe(body(await compareScenarios(scenarios, dataset, { period, timestamp: false })));
  });
  it('the CLI: without --workers and with --workers 2 it prints the same result JSON (--no-timestamp)', async () => {
    // 1,000 households are enough: the CLI only hands --workers on to the path the tests above check
    // (and a worker's start-up, not the households, is most of each run's time). They are one slice,
    // so --workers 1 and --workers 2 both run one thread (see above); the run without workers is the
    // one-thread path, in this thread (it was --workers 1 against --workers 2, two threads).
    const file = join(dir, 'sample.arrow');
    await writePopulation(file, slicePopulation(dataset.population, 0, 1000));
    const args = ['compare', 'scenarios/baseline-2006.yaml', 'scenarios/raise-standard-10pct.yaml', '--data', file, '--period', '2006-01:2006-02', '--json', '--no-timestamp'];
    const one = await cli(args);
    const two = await cli([...args, '--workers', '2']);
    expect(one.status, one.stderr).toBe(0);
    expect(two.status, two.stderr).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    expect(JSON.parse(one.stdout).scenarios).toHaveLength(2);
    const bad = await cli(['run', 'scenarios/baseline-2006.yaml', '--workers', '0']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--workers must be a whole number/);
  });
});

describe('a projection on workers (project --workers)', () => {
  // Each year is a run on the uprated dataset through the same plan, so the same sums come back
  // whatever thread computed them: the documents must match byte for byte, and match the one-thread run.
  it('workers 1 and 2 give the bytes of the one-thread projection (3 years × 12 months, 500 households)', async () => {
    const growth = loadScenario(join(ROOT, 'scenarios/dynamic-growth-2007-2015.yaml'));
    const small: Dataset = generateDataset({ year: 2006, households: 500, seed: 11 }).dataset;
    const opts = { from: 2006, to: 2008, monthsPerYear: 12 as const, timestamp: false };
    const none = json(await projectResult(growth, small, opts));
    const one = json(await projectResult(growth, small, { ...opts, workers: 1 }));
    const two = json(await projectResult(growth, small, { ...opts, workers: 2 }));
    expect(one).toBe(none);
    expect(two).toBe(none);
    expect(JSON.parse(none).scenarios[0].years.map((y: { year: number }) => y.year)).toEqual([2006, 2007, 2008]);
  });
});
