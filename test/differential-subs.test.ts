/**
 * Sub-populations of differential runs shared and kept (src/engine/differential.ts, issue #25,
 * session 9): a rule computed on a sub-population made for a larger set of households
 * (subOf's superset), and sub-populations with their gathered base rows kept from one run
 * against a base to the next (KeptSubs). Both must leave the bytes of the runs alone.
 *
 * "The same bytes" is checked against independent runs in the same process, as in
 * test/differential.test.ts and test/sweep.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { generateDataset } from '../src/data/generated.js';
import { contains, diffAtRows, differentialCounts, diffStored, gatherStored, KeptSubs, storeColumn, type DifferentialStats } from '../src/engine/differential.js';
import type { Column } from '../src/engine/column.js';
import { selectHouseholdRows } from '../src/engine/population.js';
import { bindAggregators } from '../src/engine/aggregate.js';
import { loadScenario, type Scenario } from '../src/scenarios/input/load.js';
import { runScenarioOn } from '../src/scenarios/execution/run.js';
import { ScenarioSweep } from '../src/scenarios/execution/sweep.js';
import { settingsOverrides, type Settings } from '../src/serve/sliders.js';
import { DifferentialBase } from '../src/engine/differential.js';
import { join } from 'node:path';
import { ROOT } from './helpers.js';

const bytes = (x: unknown): string => JSON.stringify(x, (_k, v: unknown) => (ArrayBuffer.isView(v) ? Array.from(v as unknown as ArrayLike<number>) : v));

function counted(f: () => void): DifferentialStats {
  const before = differentialCounts();
  f();
  const after = differentialCounts();
  return Object.fromEntries(Object.keys(after).map((k) => [k, after[k as keyof DifferentialStats] - before[k as keyof DifferentialStats]])) as unknown as DifferentialStats;
}

describe('set containment (contains)', () => {
  it('holds every element, in order; misses one absent element', () => {
    const a = Int32Array.from([1, 4, 7, 9, 20]);
    expect(contains(a, Int32Array.from([4, 9]))).toBe(true);
    expect(contains(a, Int32Array.from([1, 4, 7, 9, 20]))).toBe(true);
    expect(contains(a, new Int32Array(0))).toBe(true);
    // 8 lies between 7 and 9; 21 past the end; 0 before the start.
    expect(contains(a, Int32Array.from([4, 8]))).toBe(false);
    expect(contains(a, Int32Array.from([9, 21]))).toBe(false);
    expect(contains(a, Int32Array.from([0, 1]))).toBe(false);
  });
});

describe('a stored column read at rows (gatherStored, galloping over the stored rows)', () => {
  it('a sparse column: the stored value at a stored row, 0 elsewhere', () => {
    // 200 rows, non-zero at rows 2, 5, 9, 40, 41, 100 (6 of 200, under a third: stored sparse).
    const col = new Float64Array(200);
    const nz: [number, number][] = [[2, 1.5], [5, -2], [9, 3], [40, 4], [41, 5], [100, 6]];
    for (const [r, v] of nz) col[r] = v;
    const s = storeColumn(col);
    expect(s.dense).toBeUndefined();
    // Rows before the first, between, on each, and after the last stored row.
    const rows = Int32Array.from([0, 2, 3, 41, 99, 100, 150, 199]);
    const out = new Float64Array(rows.length);
    gatherStored(s, rows, out);
    expect(Array.from(out)).toEqual([0, 1.5, 0, 5, 0, 6, 0, 0]);
  });

  it('any ascending rows of a random sparse column read what the column holds', () => {
    let x = 12345;
    const next = (): number => ((x = Math.imul(x, 1103515245) + 12345) >>> 0) / 2 ** 32;
    for (let trial = 0; trial < 50; trial++) {
      const n = 1 + Math.floor(next() * 3000);
      const col = new Float64Array(n);
      for (let i = 0; i < n; i++) if (next() < 0.1) col[i] = 1 + Math.floor(next() * 100);
      const rows = Int32Array.from(Array.from({ length: n }, (_, i) => i).filter(() => next() < next()));
      const out = new Float64Array(rows.length);
      gatherStored(storeColumn(col), rows, out);
      expect(Array.from(out)).toEqual(Array.from(rows, (r) => col[r]!));
    }
  });
});

describe('comparing with a stored column (diffStored in full, diffAtRows at a sub-population\'s rows)', () => {
  const found = (n: number, out: Int32Array): number[] => Array.from(out.subarray(0, n));

  it('a hand-worked sparse float64 column: -0 and +0 differ, the same NaN does not', () => {
    // Stored: 12 rows, non-zero at 2 (1.5), 4 (-2), 7 (NaN), 10 (3): 4 of 12, at most a third, so sparse.
    const was = new Float64Array(12);
    was[2] = 1.5; was[4] = -2; was[7] = NaN; was[10] = 3;
    const s = storeColumn(was);
    expect(s.dense).toBeUndefined();
    // Now: row 1 is -0 (bytes differ from +0), row 2 the same, row 4 is 0 (was -2), row 7 the
    // same NaN, row 9 is 5 (was 0), row 10 the same, row 11 is 0 as before: rows 1, 4, 9 differ.
    const now = Float64Array.from(was);
    now[1] = -0; now[4] = 0; now[9] = 5;
    const out = new Int32Array(12);
    expect(found(diffStored(now, s, out), out)).toEqual([1, 4, 9]);
    // At rows 1, 2, 4, 8, 10 (a sub-population's rows), its column is now's at those rows, then
    // its row 3 (row 8: 0) set to 7: indices 0 (row 1), 2 (row 4) and 3 (row 8) differ.
    const rows = Int32Array.from([1, 2, 4, 8, 10]);
    const sub = Float64Array.from(rows, (r) => now[r]!);
    sub[3] = 7;
    expect(found(diffAtRows(sub, s, rows, out), out)).toEqual([0, 2, 3]);
  });

  it('random columns of every class, stored dense or sparse: the rows whose bytes differ', () => {
    let x = 987654;
    const next = (): number => ((x = Math.imul(x, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const bytesDiffer = (a: Column, i: number, b: Column, j: number): boolean => {
      const size = a.BYTES_PER_ELEMENT;
      const ua = new Uint8Array(a.buffer, a.byteOffset + i * size, size), ub = new Uint8Array(b.buffer, b.byteOffset + j * size, size);
      return ua.some((v, k) => v !== ub[k]);
    };
    const classes = [Float64Array, Float32Array, Int32Array, Uint8Array] as const;
    const kinds = new Set<string>();
    for (let trial = 0; trial < 80; trial++) {
      const type = classes[trial % classes.length]!;
      const n = 1 + Math.floor(next() * 2000);
      // Non-zero in 5% (stored sparse) or 60% (dense) of the rows; values include -0 for floats.
      const share = trial % 2 ? 0.05 : 0.6;
      const value = (): number => (type === Uint8Array ? 1 + Math.floor(next() * 200) : next() < 0.1 && type !== Int32Array ? -0 : Math.floor(next() * 100) - 50);
      const was = new type(n) as Column;
      for (let i = 0; i < n; i++) if (next() < share) was[i] = value();
      const s = storeColumn(was);
      // storeColumn keeps it sparse when at most a third of its rows are non-zero (+0 by bytes).
      const nonZero = Array.from(was).filter((v) => !Object.is(v, 0)).length;
      expect(s.dense === undefined).toBe(nonZero <= Math.floor(n / 3));
      kinds.add(s.dense ? 'dense' : 'sparse');
      const now = was.slice() as Column;
      for (let i = 0; i < n; i++) if (next() < 0.05) now[i] = next() < 0.5 ? 0 : value();
      const out = new Int32Array(n);
      const expected = Array.from({ length: n }, (_, i) => i).filter((i) => bytesDiffer(now, i, was, i));
      expect(found(diffStored(now, s, out), out)).toEqual(expected);
      const rows = Int32Array.from(Array.from({ length: n }, (_, i) => i).filter(() => next() < 0.3));
      const sub = new type(rows.length) as Column;
      for (let i = 0; i < rows.length; i++) sub[i] = now[rows[i]!]!;
      const expectedAt = Array.from(rows, (r, i) => i).filter((i) => bytesDiffer(sub, i, was, rows[i]!));
      expect(found(diffAtRows(sub, s, rows, out), out)).toEqual(expectedAt);
    }
    expect([...kinds].sort()).toEqual(['dense', 'sparse']);
  });
});

describe('kept sub-populations (KeptSubs)', () => {
  const dataset = generateDataset({ year: 2006, households: 200, seed: 3 }).dataset;
  const pop = dataset.population;
  const make = (set: Int32Array) => () => {
    const { population, persons } = selectHouseholdRows(pop, set, false);
    return { population, persons, agg: bindAggregators(population) };
  };

  it('one sub-population per content; another set of the same size is another; unused for two runs, dropped', () => {
    const kept = new KeptSubs();
    kept.begin();
    const a = Int32Array.from([3, 8, 50]);
    const s1 = kept.get(a, make(a));
    // The same content in another object: the same sub-population.
    expect(kept.get(Int32Array.from([3, 8, 50]), make(a))).toBe(s1);
    const b = Int32Array.from([3, 8, 51]);
    const s2 = kept.get(b, make(b));
    expect(s2).not.toBe(s1);
    expect(Array.from(s2.households)).toEqual([3, 8, 51]);
    // Its persons are those of households 3, 8 and 51, in order.
    const persons: number[] = [];
    for (const h of [3, 8, 51]) for (let p = pop.householdStart[h]!; p < pop.householdStart[h + 1]!; p++) persons.push(p);
    expect(Array.from(s2.persons)).toEqual(persons);
    // The next run uses a only: b stays one more run, then goes.
    kept.begin();
    expect(kept.get(a, make(a))).toBe(s1);
    kept.begin();
    expect(kept.get(a, make(a))).toBe(s1);
    expect(kept.get(b, make(b))).not.toBe(s2);
  });
});

describe('shared and kept sub-populations leave the bytes of the runs alone', () => {
  const dataset = generateDataset({ year: 2006, households: 1500, seed: 7 }).dataset;
  const s = loadScenario(join(ROOT, 'scenarios', 'baseline-2006.yaml'));
  const scaled = (f: number): Scenario => ({ ...s, name: `standard×${f}`, overrides: [...s.overrides, { path: 'dibao.standard', scale: f }] });

  it('a sweep: later variants take kept sub-populations, rules share larger ones, and every variant is its run alone', () => {
    const period = { from: '2006-01', to: '2006-02' };
    const sweep = new ScenarioSweep(s, dataset, { period, levers: ['dibao.standard'] });
    sweep.referenceResult();
    const first = counted(() => expect(bytes(sweep.run(scaled(1.04)))).toBe(bytes(runScenarioOn(scaled(1.04), dataset, { period }))));
    // A rule-month whose households a larger sub-population of its month holds is computed on that one.
    expect(first.subset).toBeGreaterThan(0);
    expect(first.sharedSubs).toBeGreaterThan(0);
    // Near variants change mostly the same households: the next one finds their sub-populations kept.
    const later = counted(() => {
      for (const f of [1.041, 1.045, 0.97]) expect(bytes(sweep.run(scaled(f))), `×${f}`).toBe(bytes(runScenarioOn(scaled(f), dataset, { period })));
    });
    expect(later.keptSubs).toBeGreaterThan(0);
  });

  it('explorer-like moves of every slider against one base, one after another, with a binding quota', () => {
    // A binding 1% quota makes dibao_admitted rank households (scope population), so a move
    // changes households the slider did not touch: sets differ from move to move.
    const quota: Scenario = { ...s, name: 'quota', overrides: [...s.overrides, { path: 'dibao.implementation.quota_share', set: 0.01 }] };
    const period = { from: '2006-01', to: '2006-04' };
    const base = new DifferentialBase();
    runScenarioOn(quota, dataset, { period, differential: { record: base } });
    const moves: Settings[] = [{ standardUrban: 1.05 }, { standardUrban: 1.06 }, { takeUpUrban: 0.6 }, { standardRural: 0.9 }, { classifiedRate: 1.5 }, { standardUrban: 1.05, takeUpRural: 0.6 }];
    const c = counted(() => {
      for (const settings of moves) {
        const m: Scenario = { ...quota, name: 'moved', overrides: [...quota.overrides, ...settingsOverrides(settings)] };
        expect(bytes(runScenarioOn(m, dataset, { period, differential: { base } })), JSON.stringify(settings)).toBe(bytes(runScenarioOn(m, dataset, { period })));
      }
    });
    expect(c.keptSubs).toBeGreaterThan(0);
    expect(c.sharedSubs).toBeGreaterThan(0);
  });
});
