/**
 * Period reuse (src/engine/period-reuse.ts, issue #25): a monthly rule whose formula read
 * nothing month-dependent, asked for a later month with the very same input columns and equal
 * parameter values, gives the column already computed. Checked here: that it happens when it
 * should (and the values are the computed month's, worked by hand), that a dated parameter
 * change, a draw (`ctx.random`), `ctx.period` or a column given by the caller make the month
 * computed again, and that a held column is never handed to another rule by the buffer pool.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { peerWorkloadPopulation } from '../src/data/peer-workload.js';
import { PeriodReuse, setPeriodReuse } from '../src/engine/period-reuse.js';
import { loadParameterFiles } from '../src/engine/parameters/load.js';
import { ParameterTree } from '../src/engine/parameters/tree.js';
import { packagePath } from '../src/engine/paths.js';
import { createPopulation } from '../src/engine/population.js';
import { defineRule } from '../src/engine/rule.js';
import { Simulation } from '../src/engine/simulation.js';
import { clauseIds } from '../src/policy/clauses.js';
import { demoRules } from '../src/programs/demo/index.js';

afterEach(() => setPeriodReuse(true));

const demoTree = (): ParameterTree => {
  const { leaves, branches } = loadParameterFiles([packagePath('src/programs/demo/parameters/demo.yaml')], { clauseIds: clauseIds() });
  return new ParameterTree(leaves, branches);
};

/**
 * Three households of the W1 rules (demo.yaml: standards urban 850, rural 620, disregard 0.2,
 * elderly age 60, rate 0.3), float64 columns so every figure below is exact:
 * - h1 urban: a person of 70 with 300 of other income, a disabled person of 30 earning 1,000.
 *   Counted 300 + 800 = 1,100, per capita 550; gap (850 − 550) × 2 = 600; one elderly and one
 *   disabled member: 2 × 0.3 × 850 = 510; benefit 1,110.
 * - h2 rural: a person of 40 earning 500: counted 400; gap 620 − 400 = 220; benefit 220.
 * - h3 urban: a person of 50 earning 2,000: counted 1,600 > 850; benefit 0.
 */
const population = () =>
  createPopulation({
    households: { id: [1, 2, 3], columns: { urban: Uint8Array.of(1, 0, 1) } },
    persons: {
      id: [1, 2, 3, 4],
      household: [1, 1, 2, 3],
      columns: {
        age: Int16Array.of(70, 30, 40, 50),
        earnings: Float64Array.of(0, 1000, 500, 2000),
        other_income: Float64Array.of(300, 0, 0, 0),
        disabled: Uint8Array.of(0, 1, 0, 0),
      },
    },
  });

describe('period reuse', () => {
  it('a month with the same inputs and parameters is the month already computed', () => {
    const pop = population();
    const sim = new Simulation({ population: pop, parameters: demoTree(), rules: demoRules });
    const jan = sim.calculate('demo_benefit', '2024-01');
    expect(Array.from(jan)).toEqual([1110, 220, 0]);
    // 2024 has one value of every demo parameter and the inputs are the dataset's columns.
    expect(sim.calculate('demo_benefit', '2024-02')).toBe(jan);
    expect(sim.calculate('demo_benefit', '2024-12')).toBe(jan);
    setPeriodReuse(false);
    const computed = new Simulation({ population: pop, parameters: demoTree(), rules: demoRules }).calculate('demo_benefit', '2024-02');
    expect(computed).not.toBe(jan);
    expect(Array.from(computed)).toEqual(Array.from(jan));
  });

  it('a dated parameter change is computed again', () => {
    // Both standards + 100 from March: urban 950, rural 720. h1: (950 − 550) × 2 + 2 × 0.3 × 950
    // = 800 + 570 = 1,370; h2: 720 − 400 = 320; h3: 1,600 > 950, 0.
    const tree = demoTree().withOverrides([{ path: 'demo.standard', add: 100, from: '2024-03-01' }]);
    const sim = new Simulation({ population: population(), parameters: tree, rules: demoRules });
    const feb = sim.calculate('demo_benefit', '2024-02');
    expect(Array.from(feb)).toEqual([1110, 220, 0]);
    const mar = sim.calculate('demo_benefit', '2024-03');
    expect(mar).not.toBe(feb);
    expect(Array.from(mar)).toEqual([1370, 320, 0]);
    expect(sim.calculate('demo_benefit', '2024-04')).toBe(mar);
  });

  // A draw keyed by the month, and the month itself: reading either makes a rule (and every
  // rule reading it) month-dependent, so it is computed every month.
  const pop = createPopulation({ households: { id: [1, 2] }, persons: { id: [1, 2, 3], household: [1, 2, 2], columns: { income: Float64Array.of(100, 50, 30) } } });
  const tree = new ParameterTree(new Map());
  const rule = (id: string, inputs: string[], formula: Parameters<typeof defineRule>[0]['formula'], entity: 'person' | 'household' = 'person') =>
    defineRule({ id, entity, period: 'month', inputs, parameters: {}, reference: { source: 'test' }, formula });
  const draw = rule('draw', [], (_i, _p, ctx) => ctx.random('test'));
  const drawn = rule('drawn', ['draw', 'income'], ({ draw: d, income }, _p, ctx) => {
    const out = ctx.alloc(Float64Array);
    for (let i = 0; i < out.length; i++) out[i] = d![i]! * income![i]!;
    return out;
  });
  const monthNo = rule('month_no', [], (_i, _p, ctx) => ctx.alloc(Float64Array).fill(Number(ctx.period.slice(5))), 'household');
  const doubled = rule('doubled', ['income'], ({ income }, _p, ctx) => {
    const out = ctx.alloc(Float64Array);
    for (let i = 0; i < out.length; i++) out[i] = 2 * income![i]!;
    return out;
  });
  const total = rule('total', ['doubled'], ({ doubled: d }, _p, ctx) => ctx.agg.sumByHousehold(d!), 'household');
  const state = rule('state', [], (_i, _p, ctx) => ctx.alloc(Float64Array), 'household');
  const fromState = rule('from_state', ['state'], ({ state: s }, _p, ctx) => {
    const out = ctx.alloc(Float64Array, s!.length);
    for (let h = 0; h < out.length; h++) out[h] = s![h]! + 1;
    return out;
  }, 'household');
  const rules = [draw, drawn, monthNo, doubled, total, state, fromState];

  it('a rule reading ctx.random or ctx.period, and a rule reading it, is computed again each month', () => {
    const sim = new Simulation({ population: pop, parameters: tree, rules });
    const jan = sim.calculate('drawn', '2006-01');
    const feb = sim.calculate('drawn', '2006-02');
    expect(feb).not.toBe(jan);
    // Draws are keyed by month: the two months' draws differ for every person.
    for (let i = 0; i < 3; i++) expect(feb[i]).not.toBe(jan[i]);
    expect(Array.from(sim.calculate('month_no', '2006-01'))).toEqual([1, 1]);
    expect(Array.from(sim.calculate('month_no', '2006-02'))).toEqual([2, 2]);
  });

  it('a column given by the caller is never taken as unchanged (the caller may rewrite it)', () => {
    const sim = new Simulation({ population: pop, parameters: tree, rules });
    const given = Float64Array.of(10, 20);
    sim.setInput('state', '2006-02', given);
    expect(Array.from(sim.calculate('from_state', '2006-02'))).toEqual([11, 21]);
    given[0] = 40; // the same buffer, rewritten for the next month (as a month loop might)
    sim.setInput('state', '2006-03', given);
    expect(Array.from(sim.calculate('from_state', '2006-03'))).toEqual([41, 21]);
  });

  it('a held column is not given back to the pool when its month is forgotten', () => {
    const sim = new Simulation({ population: pop, parameters: tree, rules, lend: true });
    const jan = sim.calculate('total', '2006-01');
    sim.forgetPeriod('2006-01');
    // 'drawn' takes person-length float64 buffers from the pool and fills them with draws, and
    // 'month_no' a household-length one filled with 1: had 'doubled' or 'total' (held) gone
    // back, they would now hold draws or ones.
    sim.calculate('drawn', '2006-01');
    sim.calculate('month_no', '2006-01');
    const feb = sim.calculate('total', '2006-02');
    expect(feb).toBe(jan);
    // 2 × 100 and 2 × (50 + 30).
    expect(Array.from(feb)).toEqual([200, 160]);
    expect(Array.from(sim.calculate('doubled', '2006-02'))).toEqual([200, 100, 60]);
    setPeriodReuse(false);
    const off = new Simulation({ population: pop, parameters: tree, rules, lend: true });
    off.calculate('total', '2006-01');
    off.forgetPeriod('2006-01');
    // Without reuse the forgotten month's buffer serves the next month (buffers.ts), computed again.
    expect(Array.from(off.calculate('total', '2006-02'))).toEqual([200, 160]);
  });

  it('holds no more than its byte budget, and replacing an entry drops the entries that read its column', () => {
    const store = new PeriodReuse(32); // bytes
    const a = new Float64Array(3); // 24 bytes: fits
    const b = new Float64Array(2); // 16 more: over the budget, not kept
    expect(store.record('a', [], [1], a)).toEqual([]);
    expect(store.record('b', [a], [], b)).toEqual([]);
    expect(store.find('a', [], [1])).toBe(a);
    expect(store.find('b', [a], [])).toBeUndefined();
    const c = new Float64Array(1); // 8 bytes: fits beside a (32 in all)
    store.record('c', [a], [], c);
    expect(store.find('c', [a], [])).toBe(c);
    // a computed again with another parameter value: its old column may now be overwritten, so
    // c (which read it) goes too; both come back for the caller to free.
    const a2 = new Float64Array(3);
    expect(store.record('a', [], [2], a2)).toEqual([a, c]);
    expect(store.find('c', [a], [])).toBeUndefined();
    expect(store.holds(a)).toBe(false);
    expect(store.holds(a2)).toBe(true);
  });

  it("W1's year gives the same bytes with period reuse on and off", () => {
    const w1 = peerWorkloadPopulation(20_000, 3);
    const year = (): Float64Array => {
      const sim = new Simulation({ population: w1, parameters: demoTree(), rules: demoRules, lend: true });
      const sum = new Float64Array(w1.nHouseholds);
      for (let m = 1; m <= 12; m++) {
        const month = `2024-${String(m).padStart(2, '0')}`;
        const b = sim.calculate('demo_benefit', month);
        for (let h = 0; h < sum.length; h++) sum[h]! += b[h]!;
        sim.forgetPeriod(month);
      }
      sim.release();
      return sum;
    };
    const on = year();
    setPeriodReuse(false);
    const off = year();
    expect(Buffer.from(on.buffer).equals(Buffer.from(off.buffer))).toBe(true);
    expect(on.some((x) => x > 0)).toBe(true);
  });
});
