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
import { household_market_income } from '../src/events/household_market_income.js';
import { employment_income_before_post } from '../src/programs/employment/employment_income_before_post.js';
import { household_size } from '../src/programs/dibao/household_size.js';
import { baselineParameters } from '../src/policy/parameters.js';

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

/**
 * System rules with a kernel or a one-pass path (issue #25, session 7). Their inputs that are
 * rules (current_earnings, current_farm_income) are given here by stand-ins reading dataset
 * columns of the same values, so the cases can be worked by hand.
 */
describe('system rules: the fused loop and the one-pass path give the formulas\' bytes', () => {
  const INCOME = ['earnings_in', 'pension', 'unemployment_benefit', 'farm_in', 'other_transfers'] as const;
  const standIn = (id: string, from: string): Rule => defineRule({
    id, entity: 'person', period: 'month', inputs: [from], parameters: {}, reference: { source: 'test' },
    formula: (inp, _p, ctx) => {
      const out = ctx.alloc(inp[from]!.constructor as ColumnType<Float64Array>);
      out.set(inp[from]!);
      return out;
    },
  });
  const rules = [household_market_income, employment_income_before_post, household_size, standIn('current_earnings', 'earnings_in'), standIn('current_farm_income', 'farm_in')];
  /** Households of persons with the five incomes given per person, in the class `type`. */
  const population = (household: number[], incomes: number[][], type: typeof Float64Array | typeof Float32Array): Population =>
    createPopulation({
      households: { id: [...new Set(household)] },
      persons: { id: household.map((_h, i) => i + 1), household, columns: Object.fromEntries(INCOME.map((c, k) => [c, type.from(incomes.map((row) => row[k]!))])) },
    });

  it('by hand: household 1 (two members) and household 2 (one)', () => {
    // Incomes (earnings, pension, unemployment benefit, farm, other transfers):
    // member 1: 1,000, 0, 0, 0, 100; member 2: 0, 600, 0, 200.5, 0; household 2: 500, 0, 300, 0, 0.
    const pop = population([1, 1, 2], [[1000, 0, 0, 0, 100], [0, 600, 0, 200.5, 0], [500, 0, 300, 0, 0]], Float64Array);
    // Market income, every source in full: 1,100 + 800.5 = 1,900.5; 800.
    for (const fused of [true, false]) expect(Array.from(compute(pop, baselineParameters(), rules, 'household_market_income', fused).column)).toEqual([1900.5, 800]);
    // Counted at dibao.income.inclusion_rate (earnings 0.8, the rest 1.0; income.yaml):
    // (1,000 × 0.8 + 100 + 600 + 200.5) / 2 = 1,700.5 / 2 = 850.25; (500 × 0.8 + 300) / 1 = 700.
    expect(Array.from(compute(pop, baselineParameters(), rules, 'employment_income_before_post', true).column)).toEqual([850.25, 700]);
    // The general path (the sources in float32, the same values): the same figures.
    const f32 = population([1, 1, 2], [[1000, 0, 0, 0, 100], [0, 600, 0, 200.5, 0], [500, 0, 300, 0, 0]], Float32Array);
    expect(Array.from(compute(f32, baselineParameters(), rules, 'employment_income_before_post', true).column)).toEqual([850.25, 700]);
  });

  it('on 3,000 households of 1–6 members: fused and by the formula, one pass and the general path, the same bytes', () => {
    // Incomes in quarters of a yuan below 2^20 (exact in float32, so both classes hold the same values).
    let seed = 7;
    const next = (): number => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0), seed / 2 ** 32);
    const household: number[] = [];
    for (let h = 1; household.length < 9000 && h <= 3000; h++) for (let m = 1 + Math.floor(next() * 6); m > 0; m--) household.push(h);
    const incomes = household.map(() => INCOME.map(() => (next() < 0.4 ? 0 : Math.round(next() * 4 * 5000) / 4)));
    const f64 = population(household, incomes, Float64Array);
    const f32 = population(household, incomes, Float32Array);
    const a = compute(f64, baselineParameters(), rules, 'household_market_income', true).column;
    const b = compute(f64, baselineParameters(), rules, 'household_market_income', false).column;
    expect(bytesOf(a).equals(bytesOf(b))).toBe(true);
    const onePass = compute(f64, baselineParameters(), rules, 'employment_income_before_post', true).column;
    const general = compute(f32, baselineParameters(), rules, 'employment_income_before_post', true).column;
    expect(bytesOf(onePass).equals(bytesOf(general))).toBe(true);
    expect(Array.from(a).filter((x) => x > 0).length).toBeGreaterThan(2500);
  });
});
