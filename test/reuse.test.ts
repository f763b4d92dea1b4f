/**
 * Reused buffers (src/engine/buffers.ts, issue #25): the same bytes with reuse on as off, for
 * every example scenario, and the rules of reuse itself: a buffer comes back zeroed, a column
 * a caller holds is never overwritten, a lent one is reused only after its month is forgotten,
 * and a column no rule still reads is freed within its month.
 *
 * "Off" is the engine as it was before reuse: every allocation a `new` typed array, nothing
 * freed before its simulation. Comparing the two in one run (rather than against bytes stored
 * once) keeps this test valid when the generator or the parameters change.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateDataset } from '../src/data/generated.js';
import { populationPool, setBufferReuse as setPoolReuse } from '../src/engine/buffers.js';
import { setPeriodReuse } from '../src/engine/period-reuse.js';
import { createPopulation } from '../src/engine/population.js';
import { defineRule } from '../src/engine/rule.js';
import { ParameterTree } from '../src/engine/parameters/tree.js';
import { SharedResults } from '../src/engine/shared-results.js';
import { Simulation } from '../src/engine/simulation.js';
import { monthsBetween } from '../src/engine/period.js';
import { loadScenario } from '../src/scenarios/input/load.js';
import { compareScenariosOn } from '../src/scenarios/studies/compare.js';
import { runScenarioOn, scenarioPeriod, scenarioSimulation } from '../src/scenarios/execution/run.js';
import { explain } from '../src/engine/explain.js';
import { ROOT } from './helpers.js';

/**
 * "Off" is the engine as it was before any reuse: no buffer pool and no period reuse
 * (period-reuse.ts), so the same-bytes checks below cover both.
 */
function setBufferReuse(on: boolean): void {
  setPoolReuse(on);
  setPeriodReuse(on);
}

afterEach(() => setBufferReuse(true));

/** JSON of a result with typed arrays as plain arrays (the incomes kept for comparisons). */
const bytes = (x: unknown): string => JSON.stringify(x, (_k, v: unknown) => (ArrayBuffer.isView(v) ? Array.from(v as unknown as ArrayLike<number>) : v));

describe('every example scenario gives the same bytes with buffer reuse on and off', () => {
  const dataset = generateDataset({ year: 2006, households: 1500, seed: 7 }).dataset;
  const files = readdirSync(join(ROOT, 'scenarios')).filter((f) => f.endsWith('.yaml')).sort();
  const scenarios = files.map((f) => loadScenario(join(ROOT, 'scenarios', f)));

  it('has the twelve example scenarios', () => {
    expect(files.length).toBeGreaterThanOrEqual(12);
  });

  for (const [i, file] of files.entries()) {
    it(`${file}: its first three months (state carried, months forgotten and reused)`, () => {
      const s = scenarios[i]!;
      const months = monthsBetween(scenarioPeriod(s).from, scenarioPeriod(s).to);
      const period = { from: months[0]!, to: months[Math.min(2, months.length - 1)]! };
      setBufferReuse(false);
      const off = bytes(runScenarioOn(s, dataset, { period }));
      setBufferReuse(true);
      const on = bytes(runScenarioOn(s, dataset, { period }));
      const again = bytes(runScenarioOn(s, dataset, { period }));
      expect(on).toBe(off);
      // The second run takes the buffers the first released: still the same bytes.
      expect(again).toBe(off);
    });
  }

  it('all of them compared at once (shared results, one simulation released after another), one month', () => {
    const options = { period: { from: '2006-01', to: '2006-01' }, timestamp: false } as const;
    setBufferReuse(false);
    const off = bytes(compareScenariosOn(scenarios, dataset, options));
    setBufferReuse(true);
    expect(bytes(compareScenariosOn(scenarios, dataset, options))).toBe(off);
    // Reuse did happen: the population's pool handed buffers out again.
    expect(populationPool(dataset.population).reusedBytes).toBeGreaterThan(0);
  });

  it('explain shows every column of a household the same way, on a population whose pool has been used', () => {
    const s = scenarios[files.indexOf('baseline-2006.yaml')]!;
    const household = dataset.population.householdId[17]!;
    setBufferReuse(false);
    const off = bytes(explain(scenarioSimulation(s, dataset), 'dibao_benefit', '2006-02', household));
    setBufferReuse(true);
    runScenarioOn(s, dataset, { period: { from: '2006-01', to: '2006-02' } });
    expect(bytes(explain(scenarioSimulation(s, dataset), 'dibao_benefit', '2006-02', household))).toBe(off);
  });
});

describe('the rules of reuse', () => {
  // The rules below read nothing month-dependent, so period reuse would hold their columns
  // from month to month instead of giving them back; these tests check the pool's own rules
  // (period reuse has its own: test/period-reuse.test.ts).
  beforeEach(() => setPeriodReuse(false));
  // Two households of 1 and 2 persons; incomes 100, 50, 30.
  const pop = createPopulation({ households: { id: [1, 2] }, persons: { id: [1, 2, 3], household: [1, 2, 2], columns: { income: new Float64Array([100, 50, 30]) } } });
  const tree = new ParameterTree(new Map());
  // doubled → total (household sum) → top; doubled's only reader is total.
  const doubled = defineRule({ id: 'doubled', entity: 'person', period: 'month', inputs: ['income'], parameters: {}, reference: { source: 'test' }, formula: ({ income }, _p, ctx) => {
    const out = ctx.alloc(Float64Array);
    for (let i = 0; i < out.length; i++) out[i] = 2 * income[i]!;
    return out;
  } });
  const total = defineRule({ id: 'total', entity: 'household', period: 'month', inputs: ['doubled'], parameters: {}, reference: { source: 'test' }, formula: ({ doubled: d }, _p, ctx) => ctx.agg.sumByHousehold(d) });
  // A temporary filled with 7s and dropped: the next formula that takes its buffer must see zeros.
  const dirty = defineRule({ id: 'dirty', entity: 'person', period: 'month', inputs: [], parameters: {}, reference: { source: 'test' }, formula: (_i, _p, ctx) => {
    ctx.alloc(Float64Array).fill(7);
    return ctx.alloc(Uint8Array);
  } });
  const fresh = defineRule({ id: 'fresh', entity: 'person', period: 'month', inputs: ['dirty'], parameters: {}, reference: { source: 'test' }, formula: (_i, _p, ctx) => ctx.alloc(Float64Array) });
  const rules = [doubled, total, dirty, fresh];

  it('a buffer comes back zeroed, as new would give it', () => {
    const sim = new Simulation({ population: pop, parameters: tree, rules });
    expect(Array.from(sim.calculate('fresh', '2006-01'))).toEqual([0, 0, 0]);
  });

  it('lending, frees a column after its last rule reader, and computes it again (same values) if asked later', () => {
    const fresh = createPopulation({ households: { id: [1, 2] }, persons: { id: [1, 2, 3], household: [1, 2, 2], columns: { income: new Float64Array([100, 50, 30]) } } });
    const sim = new Simulation({ population: fresh, parameters: tree, rules, lend: true });
    // Household sums of 2 × income: 200 and 160.
    expect(Array.from(sim.calculate('total', '2006-01'))).toEqual([200, 160]);
    expect(sim.cacheSize).toBe(1);
    expect(Array.from(sim.calculate('doubled', '2006-01'))).toEqual([200, 100, 60]);
    expect(sim.cacheSize).toBe(2);
  });

  it('never reuses a column a caller was given; reuses a lent one once its month is forgotten', () => {
    const held = new Simulation({ population: pop, parameters: tree, rules });
    const given = held.calculate('total', '2006-01');
    held.forgetPeriod('2006-01');
    held.release();
    // Another simulation of the population computes more: the given column keeps its values.
    new Simulation({ population: pop, parameters: tree, rules }).calculate('total', '2006-02');
    expect(Array.from(given)).toEqual([200, 160]);

    const lender = new Simulation({ population: pop, parameters: tree, rules, lend: true });
    const lent = lender.calculate('total', '2006-03');
    lender.forgetPeriod('2006-03');
    const next = lender.calculate('total', '2006-04');
    // The forgotten month's buffer served the next month.
    expect(next).toBe(lent);
    expect(Array.from(next)).toEqual([200, 160]);
  });

  it('a lent column given back as the next month\'s input (the month loop\'s state) returns to the pool once both months are forgotten; a caller\'s own never does', () => {
    // Before 2026-12-07 a given column was never given back: every month's carried state was
    // left to the garbage collector (about 55 MB a 12-month explorer move).
    const lender = new Simulation({ population: pop, parameters: tree, rules, lend: true });
    const lent = lender.calculate('total', '2006-01');
    lender.setInput('total', '2006-02', lent);
    lender.forgetPeriod('2006-01');
    expect(lender.calculate('total', '2006-02')).toBe(lent); // still the given input
    lender.forgetPeriod('2006-02');
    expect(lender.calculate('total', '2006-03')).toBe(lent); // its buffer served the next month
    expect(Array.from(lent)).toEqual([200, 160]);
    const own = Float64Array.from([1, 2]);
    lender.setInput('total', '2006-04', own);
    lender.forgetPeriod('2006-03');
    lender.forgetPeriod('2006-04');
    expect(lender.calculate('total', '2006-05')).not.toBe(own);
    expect(Array.from(own)).toEqual([1, 2]);
  });

  it('a column the shared store turns down (its budget spent) is reused like any other; one it keeps never is', () => {
    // Before 2026-12-06 every column offered to the store was pinned, kept or not: after the
    // first month of a year filled the store, no column of the next eleven was ever reused.
    const full = new SharedResults(pop, 0); // keeps nothing
    const lender = new Simulation({ population: pop, parameters: tree, rules, lend: true, shared: full });
    const lent = lender.calculate('total', '2006-06');
    lender.forgetPeriod('2006-06');
    expect(lender.calculate('total', '2006-07')).toBe(lent);
    expect(Array.from(lent)).toEqual([200, 160]); // 2 × (100) and 2 × (50 + 30)
    const roomy = new SharedResults(pop);
    const keeper = new Simulation({ population: pop, parameters: tree, rules, lend: true, shared: roomy });
    const kept = keeper.calculate('total', '2006-08');
    keeper.forgetPeriod('2006-08');
    expect(keeper.calculate('total', '2006-09')).not.toBe(kept);
    expect(Array.from(kept)).toEqual([200, 160]);
  });

  it('without lending, or with reuse off, nothing is freed early', () => {
    const given = new Simulation({ population: pop, parameters: tree, rules });
    given.calculate('total', '2006-05');
    expect(given.cacheSize).toBe(2);
    setBufferReuse(false);
    const sim = new Simulation({ population: pop, parameters: tree, rules, lend: true });
    sim.calculate('total', '2006-01');
    expect(sim.cacheSize).toBe(2);
  });
});

describe('a rule computed twice in its month counts its inputs once', () => {
  // Readers of a: x, y and z (z never runs here, so a is freed only if a reader is counted
  // twice). The caller asks v (y is computed and freed on the way), then y itself: y is computed
  // again, and on the way so are w and x. x used to count its read of a a second time, freeing a
  // while y held it as an input; w's output then took a's buffer and overwrote it, and y read
  // w's values as a's. With a = 1, 2, 3: x = 2a, w = x + 1 = 2a + 1, y = a + w = 3a + 1 = 4, 7, 10
  // (the bug gave 2w = 6, 10, 14).
  // Each formula reads ctx.period, so no result is held for a later month (period-reuse.ts),
  // which would keep it from being freed: the month's readers alone decide, as with carried state.
  type Inputs = Record<string, ArrayLike<number>>;
  const rule = (id: string, inputs: string[], f: (i: number, inp: Inputs) => number) =>
    defineRule({
      id, entity: 'person', period: 'month', inputs, parameters: {}, reference: { source: 'test' },
      formula: (inp, _p, ctx) => {
        if (!ctx.period) throw new Error('no period');
        const out = ctx.allocFull(Float64Array);
        for (let i = 0; i < out.length; i++) out[i] = f(i, inp as Inputs);
        return out;
      },
    });
  const rules = [
    rule('a', [], (i) => i + 1),
    rule('x', ['a'], (i, inp) => 2 * inp.a![i]!),
    rule('w', ['x'], (i, inp) => inp.x![i]! + 1),
    rule('y', ['a', 'w'], (i, inp) => inp.a![i]! + inp.w![i]!),
    rule('z', ['a'], (i, inp) => inp.a![i]!),
    rule('v', ['y'], (i, inp) => inp.y![i]!),
  ];
  it('y is 3a + 1 when asked after it was freed', () => {
    const pop = createPopulation({ households: { id: [1, 2] }, persons: { id: [1, 2, 3], household: [1, 1, 2] } });
    const sim = new Simulation({ population: pop, parameters: new ParameterTree(new Map()), rules, lend: true });
    expect(Array.from(sim.calculate('v', '2024-01'))).toEqual([4, 7, 10]);
    expect(Array.from(sim.calculate('y', '2024-01'))).toEqual([4, 7, 10]);
  });
});
