/**
 * Fused rule chains (src/engine/fuse.ts, issue #25): rules with a kernel evaluated in one loop,
 * the rules in between never made into columns. The loop must give the same bytes as the
 * column formulas (fusion off), in float32 and float64, and round every value as storing it in
 * its column would; a rule read by more than one rule, or by a caller, is made as a column.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { peerWorkloadColumns } from '../src/data/peer-workload.js';
import type { ColumnType } from '../src/engine/buffers.js';
import { setFusion } from '../src/engine/fuse.js';
import { PREFECTURE_CODES } from '../src/engine/locality.js';
import { setPeriodReuse } from '../src/engine/period-reuse.js';
import { loadParameterFiles } from '../src/engine/parameters/load.js';
import { ParameterTree } from '../src/engine/parameters/tree.js';
import { packagePath } from '../src/engine/paths.js';
import { createPopulation, type Population } from '../src/engine/population.js';
import { defineRule, type Rule } from '../src/engine/rule.js';
import { Simulation } from '../src/engine/simulation.js';
import { clauseIds } from '../src/policy/clauses.js';
import { demoRules } from '../src/programs/demo/index.js';

afterEach(() => {
  setFusion(true);
  setPeriodReuse(true);
});

const demoTree = (): ParameterTree => {
  const { leaves, branches } = loadParameterFiles([packagePath('src/programs/demo/parameters/demo.yaml')], { clauseIds: clauseIds() });
  return new ParameterTree(leaves, branches);
};
const bytesOf = (c: ArrayBufferView): Buffer => Buffer.from(c.buffer, c.byteOffset, c.byteLength);

/** One rule of a population and tree, fused or by the formulas, on a fresh simulation. */
function compute(pop: Population, tree: ParameterTree, rules: readonly Rule[], id: string, fused: boolean): { column: ArrayBufferView & ArrayLike<number>; cached: number } {
  setFusion(fused);
  const sim = new Simulation({ population: pop, parameters: tree, rules, lend: true });
  const column = sim.calculate(id, '2024-06');
  setFusion(true);
  return { column, cached: sim.cacheSize };
}

describe('fused rule chains', () => {
  it('the demo chain by hand: one loop, only the benefit made as a column', () => {
    // The households of test/period-reuse.test.ts (worked there): benefits 1,110, 220 and 0.
    const pop = createPopulation({
      households: { id: [1, 2, 3], columns: { urban: Uint8Array.of(1, 0, 1) } },
      persons: { id: [1, 2, 3, 4], household: [1, 1, 2, 3], columns: { age: Int16Array.of(70, 30, 40, 50), earnings: Float64Array.of(0, 1000, 500, 2000), other_income: Float64Array.of(300, 0, 0, 0), disabled: Uint8Array.of(0, 1, 0, 0) } },
    });
    const fused = compute(pop, demoTree(), demoRules, 'demo_benefit', true);
    expect(Array.from(fused.column)).toEqual([1110, 220, 0]);
    // Counted income and per-capita income were never made: the cache holds the benefit alone.
    expect(fused.cached).toBe(1);
    const formulas = compute(pop, demoTree(), demoRules, 'demo_benefit', false);
    expect(formulas.cached).toBe(3);
    // An intermediate asked afterwards is computed then: per capita 1,100 / 2, 400, 1,600.
    const sim = new Simulation({ population: pop, parameters: demoTree(), rules: demoRules });
    sim.calculate('demo_benefit', '2024-06');
    expect(Array.from(sim.calculate('demo_per_capita_income', '2024-06'))).toEqual([550, 400, 1600]);
  });

  it('the W1 rules give the same bytes fused as by the formulas, float32 and float64, baseline and reform', () => {
    const cols = peerWorkloadColumns(30_000, 11);
    const f32 = createPopulation(cols);
    // The same data in float64 (the demo rules then keep float64 throughout).
    const p = cols.persons.columns;
    const f64 = createPopulation({ ...cols, persons: { ...cols.persons, columns: { ...p, earnings: Float64Array.from(p.earnings), other_income: Float64Array.from(p.other_income) } } });
    const reform = demoTree().withOverrides([{ path: 'demo.standard', scale: 1.1, from: '2024-01-01' }]);
    // With a prefecture column the locality parameter is looked up through the population's
    // locality index (without one, through the urban column directly): both paths checked.
    const withPrefecture = createPopulation({ ...cols, households: { ...cols.households, columns: { ...cols.households.columns, prefecture: Int32Array.from(cols.households.id, (_x, h) => PREFECTURE_CODES[h % PREFECTURE_CODES.length]!) } } });
    for (const pop of [f32, f64, withPrefecture]) {
      for (const tree of [demoTree(), reform]) {
        const a = compute(pop, tree, demoRules, 'demo_benefit', true).column;
        const b = compute(pop, tree, demoRules, 'demo_benefit', false).column;
        expect(a.constructor).toBe(pop === f64 ? Float64Array : Float32Array);
        expect(bytesOf(a).equals(bytesOf(b))).toBe(true);
        expect(Array.from(a).filter((x) => x > 0).length).toBeGreaterThan(1000); // about 20% of ~10,500 households
      }
    }
  });

  // Values rounded to their columns' classes: 1.5 × x stored in an Int32Array truncates toward
  // zero, in a Uint8Array wraps modulo 256. Persons: x = 3, −5, 201. Int32: 4.5 → 4, −7.5 → −7,
  // 301.5 → 301. Uint8: 4.5 → 4, −7.5 → −7 → 249, 301.5 → 301 → 45.
  const pop = createPopulation({ households: { id: [1, 2] }, persons: { id: [1, 2, 3], household: [1, 1, 2], columns: { x: Float64Array.of(3, -5, 201) } } });
  const tree = new ParameterTree(new Map());
  const scaled = (id: string, type: ColumnType<Int32Array | Uint8Array>) =>
    defineRule({
      id, entity: 'person', period: 'month', inputs: ['x'], parameters: {}, reference: { source: 'test' },
      formula: ({ x }, _p, ctx) => {
        const out = ctx.alloc(type);
        for (let i = 0; i < out.length; i++) out[i] = 1.5 * x[i]!;
        return out;
      },
      kernel: { type: () => type, row: (v) => 1.5 * v.x! },
    });
  const summed = (id: string, input: string) =>
    defineRule({
      id, entity: 'household', period: 'month', inputs: [input], parameters: {}, reference: { source: 'test' },
      formula: (i, _p, ctx) => ctx.agg.sumByHousehold(i[input]!),
      kernel: { type: () => Float64Array, sums: { total: (m) => m[input]! }, row: (_v, _p, s) => s.total! },
    });
  const both = defineRule({
    id: 'both', entity: 'household', period: 'month', inputs: ['sum_int', 'sum_byte'], parameters: {}, reference: { source: 'test' },
    formula: ({ sum_int: a, sum_byte: b }, _p, ctx) => {
      const out = ctx.alloc(Float64Array);
      for (let h = 0; h < out.length; h++) out[h] = a[h]! * 1000 + b[h]!;
      return out;
    },
    kernel: { type: () => Float64Array, row: (v) => v.sum_int! * 1000 + v.sum_byte! },
  });
  const asInt = scaled('as_int', Int32Array);
  const sumInt = summed('sum_int', 'as_int');
  const rules = [asInt, scaled('as_byte', Uint8Array), sumInt, summed('sum_byte', 'as_byte'), both];

  it('rounds each inlined value to its column class, as storing it would', () => {
    // Household 1: Int32 4 + (−7) = −3, Uint8 4 + 249 = 253 → −3 × 1000 + 253 = −2,747.
    // Household 2: Int32 301, Uint8 45 → 301,045.
    const fused = compute(pop, tree, rules, 'both', true);
    expect(Array.from(fused.column)).toEqual([-2747, 301045]);
    expect(fused.cached).toBe(1); // all four inputs inlined
    expect(Array.from(compute(pop, tree, rules, 'both', false).column)).toEqual([-2747, 301045]);
  });

  it('a rule read by two rules is made as a column once, not inlined into both', () => {
    const twice = [asInt, sumInt, summed('sum_int_again', 'as_int'), defineRule({
      id: 'both_again', entity: 'household', period: 'month', inputs: ['sum_int', 'sum_int_again'], parameters: {}, reference: { source: 'test' },
      formula: ({ sum_int: a, sum_int_again: b }, _p, ctx) => {
        const out = ctx.alloc(Float64Array);
        for (let h = 0; h < out.length; h++) out[h] = a[h]! + b[h]!;
        return out;
      },
      kernel: { type: () => Float64Array, row: (v) => v.sum_int! + v.sum_int_again! },
    })];
    const sim = new Simulation({ population: pop, parameters: tree, rules: twice });
    // −3 + −3 and 301 + 301.
    expect(Array.from(sim.calculate('both_again', '2024-06'))).toEqual([-6, 602]);
    // as_int (two readers) is a column; the two sums are inlined into the root.
    expect(sim.cacheSize).toBe(2);
  });

  it('kernel sums belong to household rules', () => {
    expect(() => defineRule({ id: 'bad', entity: 'person', period: 'month', inputs: ['x'], parameters: {}, reference: { source: 'test' }, formula: ({ x }) => x, kernel: { type: () => Float64Array, sums: { s: (m) => m.x! }, row: () => 0 } })).toThrow(/kernel sums are for household rules/);
  });
});
