/**
 * Worker threads (src/scenarios/workers.ts): the result document is byte-identical with 1 and
 * with 2 workers, on a dataset in memory (cut into fixed slices) and on a chunked dataset, and
 * equals the one-thread chunked run over the same chunks.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openChunkedDataset, slicePopulation, writeChunkedDataset } from '../src/data/chunked.js';
import type { Dataset } from '../src/data/dataset.js';
import { generateDataset } from '../src/data/generated.js';
import { writePopulation } from '../src/data/write.js';
import { loadScenario } from '../src/scenarios/load.js';
import { compareScenarios, projectResult } from '../src/scenarios/result.js';
import { runScenario } from '../src/scenarios/run.js';
import { checkWorkers, MAX_SLICES, MIN_SLICE_HOUSEHOLDS, packSums, sliceRanges, slicedDataset, unpackSums } from '../src/scenarios/workers.js';
import { accumulateScenario, scenarioParameters } from '../src/scenarios/run.js';
import { cli, ROOT } from './helpers.js';

const scenarios = [loadScenario(join(ROOT, 'scenarios/baseline-2006.yaml')), loadScenario(join(ROOT, 'scenarios/raise-standard-10pct.yaml'))];
const period = { from: '2006-01', to: '2006-02' };
const json = (x: unknown): string => JSON.stringify(x, null, 2);

let dataset: Dataset;
const dir = mkdtempSync(join(tmpdir(), 'jiuzhu-workers-'));
beforeAll(() => {
  dataset = generateDataset({ year: 2006, households: 5000, seed: 7 }).dataset;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('slices of a dataset in memory', () => {
  it('depend on the household count only: equal, contiguous, at most MAX_SLICES, none under MIN_SLICE_HOUSEHOLDS', () => {
    expect(sliceRanges(5000)).toEqual([[0, 1000], [1000, 2000], [2000, 3000], [3000, 4000], [4000, 5000]]);
    expect(sliceRanges(999)).toEqual([[0, 999]]);
    const big = sliceRanges(100_003);
    expect(big).toHaveLength(MAX_SLICES);
    expect(big[0]![0]).toBe(0);
    expect(big[big.length - 1]![1]).toBe(100_003);
    for (let i = 1; i < big.length; i++) expect(big[i]![0]).toBe(big[i - 1]![1]);
    for (const [a, b] of big) expect(b - a).toBeGreaterThanOrEqual(MIN_SLICE_HOUSEHOLDS);
  });
  it('a chunk\'s sums survive packing for another thread: merging them gives the same result', () => {
    const tree = scenarioParameters(scenarios[0]!);
    const pop = slicePopulation(dataset.population, 0, 800);
    const a = accumulateScenario(pop, tree, period, 1);
    const b = unpackSums(structuredClone(packSums(accumulateScenario(pop, tree, period, 1)).value));
    const rest = slicePopulation(dataset.population, 800, 1600);
    a.dibao.merge(accumulateScenario(rest, tree, period, 1).dibao);
    b.dibao.merge(accumulateScenario(rest, tree, period, 1).dibao);
    expect(json(b.dibao.months())).toBe(json(a.dibao.months()));
    expect(json(b.dibao.get('byPrefecture', '220100'))).toBe(json(a.dibao.get('byPrefecture', '220100')));
  });
  it('workers must be a whole number ≥ 1', () => {
    for (const bad of [0, -1, 1.5, Number.NaN, '2']) expect(() => checkWorkers(bad)).toThrow(/whole number/);
    expect(checkWorkers(3)).toBe(3);
  });
});

describe('results do not depend on the number of workers', () => {
  it('a generated 5,000-household dataset over 2 months: 1 and 2 workers give the same bytes, those of the one-thread sliced run', async () => {
    const view = slicedDataset(dataset);
    const one = json(await compareScenarios(scenarios, view, { period, timestamp: false, workers: 1 }));
    const two = json(await compareScenarios(scenarios, view, { period, timestamp: false, workers: 2 }));
    expect(two).toBe(one);
    expect(json(await compareScenarios(scenarios, view, { period, timestamp: false }))).toBe(one);
    // The dataset's own meta is reported, not the slices'.
    expect(JSON.parse(one).meta.dataset.sha256).toBe(dataset.meta.sha256);
  });
  it('compareScenarios with workers on a dataset in memory slices it too (the library, not only the CLI)', async () => {
    const direct = json(await compareScenarios(scenarios, dataset, { period, timestamp: false, workers: 2 }));
    expect(direct).toBe(json(await compareScenarios(scenarios, slicedDataset(dataset), { period, timestamp: false })));
  });
  it('runScenario with workers on a dataset in memory slices it', async () => {
    const w = await runScenario(scenarios[0]!, { dataset, period, workers: 2 });
    const [sliced] = await compareScenarios([scenarios[0]!], slicedDataset(dataset), { period, timestamp: false }).then((r) => r.scenarios);
    expect(json(w.summary)).toBe(json(sliced!.summary));
  });
  it('a chunked dataset: 1 and 2 workers give the same bytes, those of the one-thread chunked run', async () => {
    const pop = dataset.population;
    const cuts = [0, 1200, 2500, 3100, 5000];
    await writeChunkedDataset(join(dir, 'chunked'), { name: 'workers-test' }, cuts.slice(1).map((end, i) => ({ population: slicePopulation(pop, cuts[i]!, end) })));
    const source = openChunkedDataset(join(dir, 'chunked'));
    const none = json(await compareScenarios(scenarios, source, { period, timestamp: false }));
    const one = json(await compareScenarios(scenarios, source, { period, timestamp: false, workers: 1 }));
    const two = json(await compareScenarios(scenarios, source, { period, timestamp: false, workers: 2 }));
    expect(one).toBe(none);
    expect(two).toBe(none);
  });
  it('the CLI: --workers 1 and --workers 2 print the same result JSON (--no-timestamp)', async () => {
    const file = join(dir, 'sample.arrow');
    await writePopulation(file, dataset.population);
    const args = ['compare', 'scenarios/baseline-2006.yaml', 'scenarios/raise-standard-10pct.yaml', '--data', file, '--period', '2006-01:2006-02', '--json', '--no-timestamp'];
    const one = await cli([...args, '--workers', '1']);
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

describe('a projection with its years on workers (project --workers)', () => {
  // The years are independent runs on the uprated dataset, so the same sums come back whatever
  // thread computed them: the documents must match byte for byte, and match the one-thread run.
  it('workers 1 and 2 give the bytes of the one-thread projection (3 years × 12 months, 2,000 households)', async () => {
    const growth = loadScenario(join(ROOT, 'scenarios/dynamic-growth-2007-2015.yaml'));
    const small: Dataset = generateDataset({ year: 2006, households: 2000, seed: 11 }).dataset;
    const opts = { from: 2006, to: 2008, monthsPerYear: 12 as const, timestamp: false };
    const none = json(await projectResult(growth, small, opts));
    const one = json(await projectResult(growth, small, { ...opts, workers: 1 }));
    const two = json(await projectResult(growth, small, { ...opts, workers: 2 }));
    expect(one).toBe(none);
    expect(two).toBe(none);
    expect(JSON.parse(none).scenarios[0].years.map((y: { year: number }) => y.year)).toEqual([2006, 2007, 2008]);
  });
});
