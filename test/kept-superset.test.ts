/**
 * Sub-populations kept from an earlier run for a larger set of households (session 11, issue
 * #25 W3; src/engine/differential.ts, KeptSubs.superset and Differential.keptSuperset): a
 * sweep's variant nearer the reference dirties fewer households than the one before, mostly
 * among them, and computes them on the sub-population the one before kept. The bytes must be
 * those of the path switched off (only a sub-population of the very households reused).
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { generateDataset } from '../src/data/generated.js';
import { contains, differentialCounts, KeptSubs, setKeptSuperset } from '../src/engine/differential.js';
import { createPopulation } from '../src/engine/population.js';
import { bindAggregators } from '../src/engine/aggregate.js';
import { loadScenario, type Scenario } from '../src/scenarios/input/load.js';
import { runScenarioOn } from '../src/scenarios/execution/run.js';
import { ScenarioSweep } from '../src/scenarios/execution/sweep.js';
import { ROOT } from './helpers.js';

const bytes = (x: unknown): string => JSON.stringify(x, (_k, v: unknown) => (ArrayBuffer.isView(v) ? Array.from(v as unknown as ArrayLike<number>) : v));
const scaled = (s: Scenario, f: number): Scenario => ({ ...s, name: `${s.name} standard×${f}`, overrides: [...s.overrides, { path: 'dibao.standard', scale: f }] });

describe('KeptSubs.superset: the smallest kept set holding every household asked for, within the slack', () => {
  it('hand-made sets', () => {
    const pop = createPopulation({ households: { id: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] }, persons: { id: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], household: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] } });
    const kept = new KeptSubs();
    kept.begin();
    const make = () => ({ population: pop, persons: new Int32Array(0), agg: bindAggregators(pop) });
    const small = kept.get(Int32Array.from([1, 2, 3, 4]), make);
    const large = kept.get(Int32Array.from([0, 1, 2, 3, 4, 5, 6, 7, 8]), make);
    kept.begin();
    // {2, 3} lies in both; the smaller, {1, 2, 3, 4}, is taken (4 ≤ 1.5 × 2 + 8).
    expect(kept.superset(Int32Array.from([2, 3]), 1.5 * 2 + 8)).toBe(small);
    // {0, 2} lies only in the larger (9 households ≤ 11).
    expect(kept.superset(Int32Array.from([0, 2]), 1.5 * 2 + 8)).toBe(large);
    // With a slack of 8 households at most, the larger one (9) is too large.
    expect(kept.superset(Int32Array.from([0, 2]), 8)).toBeUndefined();
    // {2, 9}: household 9 is in neither.
    expect(kept.superset(Int32Array.from([2, 9]), 100)).toBeUndefined();
    expect(kept.has(Int32Array.from([1, 2, 3, 4]))).toBe(true);
    expect(kept.has(Int32Array.from([1, 2, 3]))).toBe(false);
    expect(contains(Int32Array.from([1, 2, 3, 4]), Int32Array.from([2, 4]))).toBe(true);
  });
});

describe('a sweep computing sets on kept larger sub-populations gives the bytes of the path switched off', () => {
  const dataset = generateDataset({ year: 2006, households: 1500, seed: 7 }).dataset;
  const s = loadScenario(join(ROOT, 'scenarios', 'baseline-2006.yaml'));
  const period = { from: '2006-01', to: '2006-02' };
  // Towards the reference (×1) from either side: each variant dirties fewer households than the
  // one before. Then away from it again.
  const factors = [0.8, 0.85, 0.9, 0.95, 0.98, 1.3, 1.2, 1.1, 1.04, 1.01, 1.06];

  function sweepAll(on: boolean): { results: string[]; shared: number } {
    setKeptSuperset(on);
    try {
      const sweep = new ScenarioSweep(s, dataset, { period, levers: ['dibao.standard'] });
      sweep.referenceResult();
      const before = differentialCounts().sharedSubs;
      const results = factors.map((f) => bytes(sweep.run(scaled(s, f))));
      return { results, shared: differentialCounts().sharedSubs - before };
    } finally {
      setKeptSuperset(true);
    }
  }

  it('every variant the same bytes, with the path taken', () => {
    const off = sweepAll(false);
    const on = sweepAll(true);
    factors.forEach((f, i) => expect(on.results[i], `×${f}`).toBe(off.results[i]));
    // The path was taken: more sets computed on a larger sub-population than with it off.
    expect(on.shared).toBeGreaterThan(off.shared);
    // And both are the runs alone (two of them, checked against runScenarioOn).
    for (const f of [0.95, 1.04]) expect(on.results[factors.indexOf(f)], `×${f} alone`).toBe(bytes(runScenarioOn(scaled(s, f), dataset, { period })));
  });
});
