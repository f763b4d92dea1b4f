/**
 * A worker thread starts on the baseline parameters its parent sent (spec.ts workerParameters →
 * workerData → workerTrees), not by reading and parsing every parameter file again: that took
 * about a second of each worker's start-up (docs/performance.md, "Everyday commands").
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { generateDataset } from '../src/data/generated.js';
import type { ParameterData } from '../src/engine/parameters/tree.js';
import { loadScenario } from '../src/scenarios/input/load.js';
import { builtDist, ROOT } from './helpers.js';

const LOADER = '../src/engine/parameters/load.js';
/** Counts every load of the parameter files by modules imported after it (the real loader runs). */
async function countLoads(): Promise<{ files: number }> {
  const loads = { files: 0 };
  // The suite shares a module cache between files (vitest.config.ts, isolate: false): a fresh
  // graph, so a baseline some earlier file loaded is not counted, and undone after the test.
  vi.resetModules();
  vi.doMock(LOADER, async (actual) => {
    const m = await actual<typeof import('../src/engine/parameters/load.js')>();
    return { ...m, loadParameterFiles: (...a: Parameters<typeof m.loadParameterFiles>) => { loads.files++; return m.loadParameterFiles(...a); } };
  });
  return loads;
}

const scenarios = [loadScenario(join(ROOT, 'scenarios/baseline-2006.yaml')), loadScenario(join(ROOT, 'scenarios/raise-standard-10pct.yaml'))];
// src/programs/dibao/parameters/standard.yaml, 2006-01-01: Changchun urban = round(144.7 × 1.10 / 1.00635) = 158 yuan.
const CHANGCHUN_URBAN = { prefecture: 220100, area: 'urban' as const };

describe('a worker builds its parameters from what its parent sent', () => {
  afterEach(() => {
    vi.doUnmock(LOADER);
    vi.resetModules();
  });

  it('without loading a parameter file, to the same trees as the parent', async () => {
    const loads = await countLoads();
    const parent = await import('../src/scenarios/execution/spec.js');
    const sent = structuredClone(parent.workerParameters()); // as workerData crosses to the thread
    expect(loads.files).toBe(1); // the parent's own baseline, loaded once
    const parentTrees = parent.specTrees({ scenarios });
    // A fresh module graph, as a new thread has: nothing loaded or cached yet.
    vi.resetModules();
    const worker = await import('../src/scenarios/execution/spec.js');
    expect(worker).not.toBe(parent);
    const trees = worker.workerTrees({ scenarios, parameters: sent });
    expect(loads.files).toBe(1);
    expect(trees.map((t) => t.sha256())).toEqual(parentTrees.map((t) => t.sha256()));
    expect(trees[0]!.valueAt('dibao.standard', '2006-06-01', CHANGCHUN_URBAN)).toBe(158);
    // raise-standard-10pct scales every standard by 1.1 from 2006-01: 158 × 1.1 = 173.8.
    expect(trees[1]!.valueAt('dibao.standard', '2006-06-01', CHANGCHUN_URBAN)).toBeCloseTo(173.8, 9);
    // The worker's own baseline was never loaded: the one load is still the parent's.
    (await import('../src/policy/parameters.js')).baselineParameters();
    expect(loads.files).toBe(2);
  });

  it('the values are the ones sent, even where they differ from the files', async () => {
    const { workerParameters, workerTrees } = await import('../src/scenarios/execution/spec.js');
    const sent: ParameterData = structuredClone(workerParameters());
    const leaf = sent.leaves.get('dibao.standard')!;
    const cells = leaf.values[0]!.cells as Record<string, number>;
    const key = Object.keys(cells).find((k) => cells[k] === 158 && k.includes('220100'))!;
    cells[key] = 200;
    const [tree] = workerTrees({ scenarios: [scenarios[0]!], parameters: sent });
    expect(tree!.valueAt('dibao.standard', '2006-06-01', CHANGCHUN_URBAN)).toBe(200);
  });
});

describe('a real worker thread runs on the parameters it was sent', () => {
  it('its sums are those of the sent tree computed here, not of the files', async () => {
    const { baselineParameters } = await import('../src/policy/parameters.js');
    const { accumulateScenario } = await import('../src/scenarios/execution/accumulate.js');
    const { packSums, unpackSums } = await import('../src/scenarios/results/sums.js');
    const { startWorker, packPopulation } = await import('../src/scenarios/execution/threads.js');
    // The worker boots from a fresh build of this source, not through tsx (helpers.ts builtDist): the
    // same code, less start-up (test/project-threads.test.ts keeps a boot through tsx). Set on this
    // test's module graph (fresh after the resetModules above), whose threads.js starts the worker.
    const { bootWorkersFromBuild } = await import('../src/scenarios/execution/worker-thread.js');
    bootWorkersFromBuild(builtDist());
    // The parent's baseline with every dibao standard halved: a tree no file on disk gives.
    const halved = baselineParameters().withOverrides([{ path: 'dibao.standard', scale: 0.5 }]);
    const pop = generateDataset({ year: 2006, households: 400, seed: 7 }).dataset.population;
    const period = { from: '2006-01', to: '2006-01' };
    const json = (x: unknown): string => JSON.stringify(x, (_k, v) => (ArrayBuffer.isView(v) ? Array.from(v as Float64Array) : v));
    const { scenarioPrices, specTrees } = await import('../src/scenarios/execution/spec.js');
    // As worker-entry runs the scenario: its overrides on the base, its prices, seed 1.
    const here = (base: typeof halved): string => json(unpackSums(structuredClone(packSums(accumulateScenario(pop, specTrees({ scenarios: [scenarios[0]!] }, base)[0]!, period, 1, undefined, scenarioPrices(scenarios[0]!))).value)));
    const w = startWorker({ scenarios: [scenarios[0]!], period, seeds: [1], parameters: halved.toData() });
    try {
      const packed = packPopulation(pop);
      const reply = await new Promise<{ sums?: unknown[]; error?: unknown }>((resolve, reject) => {
        w.once('message', resolve);
        w.once('error', reject);
        w.postMessage({ slice: 0, population: packed.population, period }, packed.transfer);
      });
      expect(reply.error).toBeUndefined();
      const there = json(unpackSums(reply.sums![0] as never));
      // Compared as booleans: a failure would print megabytes of sums.
      expect(there === here(halved)).toBe(true);
      // Halving the standard changes the sums, so the comparison above tells the trees apart.
      expect(there === here(baselineParameters())).toBe(false);
    } finally {
      await w.terminate();
      bootWorkersFromBuild(undefined);
    }
  }, 60_000);
});
