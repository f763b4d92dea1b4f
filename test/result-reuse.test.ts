/**
 * The accumulators' and results' shortcuts of session 10 (src/scenarios/results/reuse-switch.ts,
 * issue #25): recipients counted from the flagged rows (EverFlagged), a shared flag column's
 * flagged rows found once, households assembled once for runs on the same slices. Each must give
 * the bytes of the same runs without it, for every example scenario.
 *
 * "The same bytes" is checked against runs with the shortcuts off in the same process (not against
 * stored bytes), so the test stays valid when the generator or the parameters change.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { generateDataset } from '../src/data/generated.js';
import type { SparseColumn } from '../src/engine/differential.js';
import { monthsBetween } from '../src/engine/period.js';
import { loadScenario, type Scenario } from '../src/scenarios/input/load.js';
import { runScenarioOn, scenarioPeriod } from '../src/scenarios/execution/run.js';
import { ScenarioSweep } from '../src/scenarios/execution/sweep.js';
import { EverFlagged } from '../src/scenarios/results/ever-flagged.js';
import { setResultReuse } from '../src/scenarios/results/reuse-switch.js';
import { ROOT } from './helpers.js';

const bytes = (x: unknown): string => JSON.stringify(x, (_k, v: unknown) => (ArrayBuffer.isView(v) ? Array.from(v as unknown as ArrayLike<number>) : v));

afterEach(() => setResultReuse(true));

/** 64 persons in 32 households of two: person q is in household q >> 1. */
const PERSONS = 64;
const personHousehold = Int32Array.from({ length: PERSONS }, (_, q) => q >> 1);
const sparse = (rows: number[], values: number[]): SparseColumn => ({ length: PERSONS, rows: Int32Array.from(rows), values: Uint8Array.from(values) });
const column = (flags: Record<number, number>): Uint8Array => {
  const c = new Uint8Array(PERSONS);
  for (const [q, v] of Object.entries(flags)) c[Number(q)] = v;
  return c;
};
/** Households with a flagged member and each one's count, as closePopulation reads them. */
function counted(ever: EverFlagged): [number, number][] {
  const counts = new Int32Array(32);
  const touched = new Int32Array(32);
  const n = ever.households(personHousehold, counts, touched);
  return Array.from(touched.subarray(0, n), (h) => [h, counts[h]!]);
}

describe('EverFlagged: the persons flagged in some month', () => {
  // Month 1 flags persons 3 and 10; month 2 persons 2 and 40 (person 10's value 0 there is not a
  // flag, and they stay flagged from month 1). Flagged: 2, 3, 10, 40, i.e. households 1 (persons
  // 2 and 3: two members), 5 (person 10) and 20 (person 40), in ascending order.
  const expected: [number, number][] = [[1, 2], [5, 1], [20, 1]];

  it('from the months’ flagged rows, held as rows while few', () => {
    const ever = new EverFlagged(PERSONS);
    ever.addSparse(sparse([3, 10], [1, 1]));
    ever.addSparse(sparse([2, 10, 40], [1, 0, 2]));
    // 4 rows flagged, at most 64 / 16 = 4 (ROWS_SHARE): still rows.
    expect(ever.form).toBe('rows');
    expect(counted(ever)).toEqual(expected);
  });

  it('from whole columns, and from both mixed, the same households and counts', () => {
    const dense = new EverFlagged(PERSONS);
    dense.addColumn(column({ 3: 1, 10: 1 }));
    dense.addColumn(column({ 2: 1, 40: 2 }));
    expect(dense.form).toBe('bytes');
    expect(counted(dense)).toEqual(expected);
    const mixed = new EverFlagged(PERSONS);
    mixed.addSparse(sparse([3, 10], [1, 1]));
    mixed.addColumn(column({ 2: 1, 40: 2 }));
    expect(counted(mixed)).toEqual(expected);
  });

  it('turns to bytes past a sixteenth of the persons flagged, with the same counts', () => {
    const ever = new EverFlagged(PERSONS);
    ever.addSparse(sparse([3, 10], [1, 1]));
    // A fifth person flagged (41, household 20's second member): 5 > 4.
    ever.addSparse(sparse([2, 40, 41], [1, 1, 1]));
    expect(ever.form).toBe('bytes');
    expect(counted(ever)).toEqual([[1, 2], [5, 1], [20, 2]]);
  });

  it('with the shortcuts off, sparse flags go to bytes from the first month', () => {
    setResultReuse(false);
    const ever = new EverFlagged(PERSONS);
    ever.addSparse(sparse([3, 10], [1, 1]));
    expect(ever.form).toBe('bytes');
    expect(counted(ever)).toEqual([[1, 1], [5, 1]]);
  });
});

const LEVER = 'dibao.standard';
const scaled = (s: Scenario, f: number): Scenario => ({ ...s, name: `${s.name} standard×${f}`, overrides: [...s.overrides, { path: LEVER, scale: f }] });

describe('a sweep gives the same bytes with the shortcuts on and off', () => {
  const dataset = generateDataset({ year: 2006, households: 1500, seed: 7 }).dataset;
  const files = readdirSync(join(ROOT, 'scenarios')).filter((f) => f.endsWith('.yaml')).sort();

  /** The reference's and three variants' results of a fresh sweep, and the forms the recipients were counted from. */
  function sweep(s: Scenario, period: { from: string; to: string }, on: boolean): { results: string[]; forms: Set<string> } {
    setResultReuse(on);
    const forms = new Set<string>();
    const households = EverFlagged.prototype.households;
    const spy = vi.spyOn(EverFlagged.prototype, 'households').mockImplementation(function (this: EverFlagged, ...args) {
      forms.add(this.form);
      return households.apply(this, args);
    });
    try {
      const sw = new ScenarioSweep(s, dataset, { period, levers: [LEVER] });
      // ×1.1 twice: the second run meets the households assembled by the first.
      const results = [sw.referenceResult(), sw.run(scaled(s, 0.9)), sw.run(scaled(s, 1.1)), sw.run(scaled(s, 1.1))].map(bytes);
      return { results, forms };
    } finally {
      spy.mockRestore();
    }
  }

  for (const file of files) {
    it(`${file}: the standard ×0.9 and ×1.1 over its first two months`, () => {
      const s = loadScenario(join(ROOT, 'scenarios', file));
      const months = monthsBetween(scenarioPeriod(s).from, scenarioPeriod(s).to);
      const period = { from: months[0]!, to: months[Math.min(1, months.length - 1)]! };
      const on = sweep(s, period, true);
      const off = sweep(s, period, false);
      expect(on.results).toEqual(off.results);
      // Both paths were taken: some recipients counted from rows with the shortcuts on, none off.
      expect(on.forms.has('rows')).toBe(true);
      expect(off.forms.has('rows')).toBe(false);
      // And a variant run alone (no base, no shortcut met) gives the sweep's bytes.
      expect(on.results[2]).toBe(bytes(runScenarioOn(scaled(s, 1.1), dataset, { period })));
    });
  }
});
