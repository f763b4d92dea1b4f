/** Engine unit tests: ordering, cycles, cache, purity, aggregation, periods, randomness, explain. */
import { describe, expect, it } from 'vitest';
import { anyInHousehold, allInHousehold, bindAggregators, broadcastToPersons, countByHousehold, countPositiveByHousehold, maxByHousehold, minByHousehold, sumByHousehold } from '../src/engine/aggregate.js';
import { ColumnAllocator } from '../src/engine/buffers.js';
import { MonthArena } from '../src/engine/month-arena.js';
import { explain } from '../src/engine/explain.js';
import { formatExplain } from '../src/text/explain-text.js';
import { buildRuleGraph } from '../src/engine/graph.js';
import { roundFen } from '../src/engine/money.js';
import { monthsBetween, monthsOfYear, isIsoDate } from '../src/engine/period.js';
import { createPopulation } from '../src/engine/population.js';
import { keyedUniform, keyedUniforms } from '../src/engine/random.js';
import { defineRule } from '../src/engine/rule.js';
import { setPeriodReuse } from '../src/engine/period-reuse.js';
import { Simulation } from '../src/engine/simulation.js';
import { asColumn, asNumber } from '../src/engine/values.js';
import { treeFromYaml } from './helpers.js';

// Three households given out of order: persons must be regrouped by household.
const pop = createPopulation({
  households: { id: [10, 20, 30], weight: [1, 2, 3], columns: { urban: Uint8Array.of(1, 0, 1), prefecture: Int32Array.of(220100, 220800, 222400) } },
  persons: {
    id: [1, 2, 3, 4, 5, 6],
    household: [20, 10, 20, 30, 10, 20],
    columns: { income: Float64Array.of(100, 10, 200, 7, 20, 300), age: Int16Array.of(70, 30, 5, 61, 40, 35) },
  },
});

const params = treeFromYaml(`
t:
  standard:
    description: test standard
    label: {zh: 标准, en: standard}
    unit: CNY/person/month
    breakdown: [prefecture, area]
    values:
      2006-01-01:
        value: {"*": {urban: 200, rural: 100}, "220100": {urban: 300, rural: 150}}
        reference: {assumption: test}
      2007-01-01:
        value: {"*": {urban: 220, rural: 110}}
        reference: {assumption: test}
  old_age:
    description: test age
    label: {zh: 年龄, en: age}
    unit: age
    values:
      2006-01-01: {value: 60, reference: {clause: 八.2}}
`);

let calls = 0;
const income = defineRule({
  id: 'hh_income', entity: 'household', period: 'month', inputs: ['income'], parameters: {}, reference: { clause: '二.1' },
  formula: ({ income }, _p, ctx) => { calls++; return ctx.agg.sumByHousehold(income); },
});
const gap = defineRule({
  id: 'gap', entity: 'household', period: 'month', inputs: ['hh_income', 'standard_col'], parameters: {}, reference: { clause: '二.1' },
  formula: ({ hh_income, standard_col }) => Float64Array.from(hh_income, (x, h) => Math.max(0, standard_col[h]! - x)),
});
const standardCol = defineRule({
  id: 'standard_col', entity: 'household', period: 'month', inputs: [], parameters: { s: 't.standard' }, reference: { clause: '二.1' },
  formula: (_i, p, ctx) => Float64Array.from(asColumn(p.s, ctx.size)),
});
const old = defineRule({
  id: 'old', entity: 'person', period: 'month', inputs: ['age'], parameters: { a: 't.old_age' }, reference: { clause: '八.2' },
  formula: ({ age }, p) => Uint8Array.from(age, (x) => (x >= asNumber(p.a) ? 1 : 0)),
});
const yearly = defineRule({
  id: 'gap_year', entity: 'household', period: 'year', inputs: ['gap@year'], parameters: {}, reference: { clause: '二.1' },
  formula: (i) => Float64Array.from(i['gap@year']),
});

describe('population', () => {
  it('sorts persons by household, keeping their order within a household', () => {
    expect(Array.from(pop.personId)).toEqual([2, 5, 1, 3, 6, 4]);
    expect(Array.from(pop.householdStart)).toEqual([0, 2, 5, 6]);
    expect(Array.from(pop.person.income!)).toEqual([10, 20, 100, 200, 300, 7]);
  });
  it('rejects a person whose household does not exist, naming the row', () => {
    expect(() => createPopulation({ households: { id: [1] }, persons: { id: [1, 2], household: [1, 9] }, source: 'p.csv' })).toThrow(/person 2 belongs to household 9, which does not exist/);
  });
  it('rejects duplicate ids and empty households', () => {
    expect(() => createPopulation({ households: { id: [1, 1] }, persons: { id: [1], household: [1] } })).toThrow(/duplicate household id 1/);
    expect(() => createPopulation({ households: { id: [1, 2] }, persons: { id: [1], household: [1] } })).toThrow(/household 2 has no persons/);
  });
  it('rejects negative or NaN weights', () => {
    expect(() => createPopulation({ households: { id: [1], weight: [-1] }, persons: { id: [1], household: [1] } })).toThrow(/weight -1/);
    expect(() => createPopulation({ households: { id: [1], weight: [NaN] }, persons: { id: [1], household: [1] } })).toThrow(/weight NaN/);
  });
});

describe('aggregation helpers', () => {
  // Households (by index): 0 = {2,5}: incomes 10,20; 1 = {1,3,6}: 100,200,300; 2 = {4}: 7.
  it('sum, count, any, all, max, min, broadcast', () => {
    const inc = pop.person.income!;
    expect(Array.from(sumByHousehold(pop, inc))).toEqual([30, 600, 7]);
    expect(Array.from(countByHousehold(pop, Uint8Array.from(inc, (x) => (x > 15 ? 1 : 0))))).toEqual([1, 3, 0]);
    expect(Array.from(anyInHousehold(pop, Uint8Array.from(inc, (x) => (x > 250 ? 1 : 0))))).toEqual([0, 1, 0]);
    expect(Array.from(allInHousehold(pop, Uint8Array.from(inc, (x) => (x >= 10 ? 1 : 0))))).toEqual([1, 1, 0]);
    expect(Array.from(maxByHousehold(pop, inc))).toEqual([20, 300, 7]);
    expect(Array.from(minByHousehold(pop, inc))).toEqual([10, 100, 7]);
    expect(Array.from(broadcastToPersons(pop, Float64Array.of(1, 2, 3)))).toEqual([1, 1, 2, 2, 2, 3]);
  });

  it('countPositiveByHousehold counts members with a value > 0 (not negatives, zeros or NaN), whatever the class', () => {
    // Persons in household order (members 0–1, 2–4, 5, as the broadcast above shows).
    // Float64: {0.5 yes, -1 no} = 1; {0 no, NaN no, 3 yes} = 1; {0 no} = 0.
    const f = Float64Array.of(0.5, -1, 0, NaN, 3, 0);
    expect(Array.from(countPositiveByHousehold(pop, f))).toEqual([1, 1, 0]);
    // Int8: {1, 2} = 2; {-3 no, 4, 5} = 2; {0} = 0.
    const i8 = Int8Array.of(1, 2, -3, 4, 5, 0);
    expect(Array.from(countPositiveByHousehold(pop, i8))).toEqual([2, 2, 0]);
    // The same counts as countByHousehold over the mask values > 0 (what it replaced in the month loop).
    expect(Array.from(countPositiveByHousehold(pop, f))).toEqual(Array.from(countByHousehold(pop, Uint8Array.from(f, (x) => (x > 0 ? 1 : 0)))));
  });

  it('the bound helpers read the membership once, when bound, and never the population object again', () => {
    // A formula's helpers must not read through the population: its shape differs between a
    // slice, an uprated year and a month's SubPopulation, and optimised formula code that read
    // one was deoptimised on the next (docs/performance.md, session 14). Same values as above.
    let reads = 0;
    const counted = new Proxy(pop, { get: (t, k, r) => (reads++, Reflect.get(t, k, r)) });
    const agg = bindAggregators(counted);
    reads = 0;
    const inc = pop.person.income!;
    expect(Array.from(agg.sumByHousehold(inc))).toEqual([30, 600, 7]);
    expect(Array.from(agg.countByHousehold(Uint8Array.from(inc, (x) => (x > 15 ? 1 : 0))))).toEqual([1, 3, 0]);
    expect(Array.from(agg.anyInHousehold(Uint8Array.from(inc, (x) => (x > 250 ? 1 : 0))))).toEqual([0, 1, 0]);
    expect(Array.from(agg.allInHousehold(Uint8Array.from(inc, (x) => (x >= 10 ? 1 : 0))))).toEqual([1, 1, 0]);
    expect(Array.from(agg.maxByHousehold(inc))).toEqual([20, 300, 7]);
    expect(Array.from(agg.minByHousehold(inc))).toEqual([10, 100, 7]);
    expect(Array.from(agg.broadcastToPersons(Float64Array.of(1, 2, 3)))).toEqual([1, 1, 2, 2, 2, 3]);
    expect(reads).toBe(0);
  });

  it("a month arena's allocator is a ColumnAllocator itself, handing out views of the arena's chunk", () => {
    // One class for every allocator a formula sees (a subclass was another map: the same
    // deoptimisation as above). Its columns are consecutive views of one chunk, zeroed unless asked not.
    const arena = new MonthArena();
    const a = arena.allocator();
    expect(Object.getPrototypeOf(a)).toBe(ColumnAllocator.prototype);
    const x = a.alloc(Float64Array, 3);
    x.set([1, 2, 3]);
    const y = a.alloc(Uint8Array, 5);
    expect(y.buffer).toBe(x.buffer);
    expect(y.byteOffset).toBe(24);
    expect(Array.from(y)).toEqual([0, 0, 0, 0, 0]);
    arena.reset();
    // Taken back: the next column is the first one's space again, handed over as it is when not zeroed.
    expect(Array.from(a.alloc(Float64Array, 3, false))).toEqual([1, 2, 3]);
  });
});

describe('rule graph', () => {
  const cols = { person: ['income', 'age'], household: ['urban', 'prefecture'] };
  it('orders rules after their inputs', () => {
    const g = buildRuleGraph([gap, income, standardCol], cols, params);
    expect(g.order.indexOf('hh_income')).toBeLessThan(g.order.indexOf('gap'));
    expect(g.order.indexOf('standard_col')).toBeLessThan(g.order.indexOf('gap'));
  });
  it('rejects a cycle, naming it', () => {
    const a = defineRule({ id: 'a', entity: 'household', period: 'month', inputs: ['b'], parameters: {}, reference: { clause: '二.1' }, formula: (i) => i.b });
    const b = defineRule({ id: 'b', entity: 'household', period: 'month', inputs: ['a'], parameters: {}, reference: { clause: '二.1' }, formula: (i) => i.a });
    expect(() => buildRuleGraph([a, b], cols)).toThrow('rules form a cycle: a → b → a');
  });
  it('rejects unknown inputs and unknown parameter paths at build time', () => {
    const bad = defineRule({ id: 'bad', entity: 'person', period: 'month', inputs: ['salary'], parameters: {}, reference: { clause: '二.1' }, formula: (i) => i.salary });
    expect(() => buildRuleGraph([bad], cols)).toThrow(/reads 'salary', which is neither a rule nor a column/);
    const badP = defineRule({ id: 'badp', entity: 'person', period: 'month', inputs: [], parameters: { x: 't.nope' }, reference: { clause: '二.1' }, formula: (_i, _p, c) => new Float64Array(c.size) });
    expect(() => buildRuleGraph([badP], cols, params)).toThrow(/parameter 't.nope'/);
  });
  it('rejects a yearly rule reading a monthly rule without @year', () => {
    const y = defineRule({ id: 'y', entity: 'household', period: 'year', inputs: ['gap'], parameters: {}, reference: { clause: '二.1' }, formula: (i) => i.gap });
    expect(() => buildRuleGraph([y, gap, income, standardCol], cols, params)).toThrow(/write 'gap@year'/);
  });
});

describe('simulation', () => {
  const sim = () => new Simulation({ population: pop, parameters: params, rules: [gap, income, standardCol, old, yearly] });

  it('computes over whole columns and caches per rule and period', () => {
    calls = 0;
    // Period reuse off: hh_income reads no period and the same input in April as in March, so
    // with it on April's column is March's (test/period-reuse.test.ts); here the cache per period is checked.
    setPeriodReuse(false);
    const s = sim();
    setPeriodReuse(true);
    const a = s.calculate('gap', '2006-03');
    const b = s.calculate('gap', '2006-03');
    expect(a).toBe(b); // the cached column itself
    expect(calls).toBe(1);
    s.calculate('gap', '2006-04');
    expect(calls).toBe(2); // a new period is a new computation
    // Standards 2006: hh 10 Changchun urban 300, hh 20 Baicheng rural 100, hh 30 Yanbian urban 200.
    // Incomes 30, 600, 7 → gaps 270, 0, 193.
    expect(Array.from(a)).toEqual([270, 0, 193]);
  });

  it('reads parameters on the first day of the period: values change on 2007-01-01', () => {
    const s = sim();
    // 2006-12 uses 2006 values; 2007-01 uses 2007 values: "*" urban 220, rural 110 (Changchun no longer special).
    expect(Array.from(s.calculate('standard_col', '2006-12'))).toEqual([300, 100, 200]);
    expect(Array.from(s.calculate('standard_col', '2007-01'))).toEqual([220, 110, 220]);
  });

  it('sums a monthly rule over a year for a yearly rule', () => {
    // 2006: 12 × [270, 0, 193] = [3240, 0, 2316].
    expect(Array.from(sim().calculate('gap_year', '2006'))).toEqual([3240, 0, 2316]);
  });

  it('never mutates its inputs', () => {
    const before = Array.from(pop.person.income!);
    const s = sim();
    s.calculate('gap', '2006-01');
    s.calculate('old', '2006-01');
    expect(Array.from(pop.person.income!)).toEqual(before);
  });

  it('rejects a month rule asked for a year', () => {
    expect(() => sim().calculate('gap', '2006')).toThrow(/rule 'gap' is monthly/);
  });
});

describe('explain', () => {
  it('gives rule → inputs → parameters with value, date and reference', () => {
    const s = new Simulation({ population: pop, parameters: params, rules: [gap, income, standardCol, old] });
    const t = explain(s, 'gap', '2007-05', 10);
    expect(t.value).toBe(190); // 2007 urban "*" 220 − income 30
    expect(t.clauses).toEqual(['二.1']);
    const std = t.inputs.find((n) => n.id === 'standard_col')!;
    expect(std.parameters[0]).toMatchObject({ path: 't.standard', value: 220, date: '2007-01-01', reference: { assumption: 'test' } });
    const inc = t.inputs.find((n) => n.id === 'hh_income')!;
    expect(inc.inputs[0]).toMatchObject({ id: 'income', kind: 'column', value: [10, 20] });
    const o = explain(s, 'old', '2006-01', 20);
    expect(o.value).toEqual([1, 0, 0]); // ages 70, 5, 35 against 60
    expect(o.parameters[0]).toMatchObject({ value: 60, referenceText: '吉政发〔2006〕48号 §八.2' });
  });
  it('prints bool parameters as true/false, also one per cell of a breakdown', () => {
    const node = { id: 'r', kind: 'rule' as const, entity: 'household' as const, period: '2006-01', value: 1, clauses: [], inputs: [], parameters: [
      { name: 'a', path: 't.flag', label: { zh: 'a', en: 'a' }, unit: 'bool', value: 1, date: '2006-01-01', reference: { assumption: 'x' }, referenceText: 'x' },
      { name: 'b', path: 't.flags', label: { zh: 'b', en: 'b' }, unit: 'bool', value: { dibao: 1, sanwu: 0 }, date: '2006-01-01', reference: { assumption: 'x' }, referenceText: 'x' },
    ] };
    const text = formatExplain(node, 'en');
    expect(text).toContain('t.flag = true bool');
    expect(text).toContain('t.flags = {dibao: true, sanwu: false} bool');
    // Small values keep four significant digits instead of rounding to 0.
    expect(formatExplain({ ...node, value: 0.004919, parameters: [] }, 'en')).toContain('● r = 0.004919');
  });
  it('prints a parameter’s reference in the reader’s language', () => {
    // The zh text of an assumption is what a Chinese reader sees (it was printed in English before);
    // the kind words are the glossary's (REFERENCE_KIND: 假设, 统计来源).
    const p = { name: 'a', path: 't.rate', label: { zh: '比例', en: 'rate' }, unit: 'share', value: 0.5, date: '2006-01-01', reference: { assumption: 'half is assumed', zh: '假定一半' }, referenceText: 'assumption: half is assumed' };
    const s = { name: 's', path: 't.std', label: { zh: '标准', en: 'standard' }, unit: 'CNY/person/month', value: 76, date: '2006-01-01', reference: { source: 'MCA bulletin', zh: '民政部公报' }, referenceText: 'source: MCA bulletin' };
    const node = { id: 'r', kind: 'rule' as const, entity: 'household' as const, period: '2006-01', value: 1, clauses: [], inputs: [], parameters: [p, s] };
    const zh = formatExplain(node, 'zh');
    expect(zh).toContain('取值依据: 假设：假定一半');
    expect(zh).toContain('取值依据: 统计来源：民政部公报');
    expect(zh).not.toContain('half is assumed');
    const en = formatExplain(node, 'en');
    expect(en).toContain('value from: assumption: half is assumed');
    expect(en).toContain('value from: source: MCA bulletin');
  });
  it('prints units and yes/no values in the reader’s language (--full, zh)', () => {
    // The glossary's Chinese for CNY/person/month is 元/人/月 (src/text/glossary.ts); a bool rule reads 是/否
    // in zh, as the summary prints it, and "1 bool" in en (the engine's 0/1 column).
    const s = { name: 's', path: 't.std', label: { zh: '标准', en: 'standard' }, unit: 'CNY/person/month', value: 76, date: '2006-01-01', reference: { source: 'MCA bulletin', zh: '民政部公报' }, referenceText: 'source: MCA bulletin' };
    const f = { name: 'f', path: 't.on', label: { zh: '开关', en: 'switch' }, unit: 'bool', value: 0, date: '2006-01-01', reference: { assumption: 'off' }, referenceText: 'assumption: off' };
    const money = { id: 'gap', kind: 'rule' as const, entity: 'household' as const, period: '2006-01', value: 210.6, unit: 'CNY/household/month', clauses: [], inputs: [], parameters: [s, f] };
    const node = { id: 'r', kind: 'rule' as const, entity: 'household' as const, period: '2006-01', value: 1, unit: 'bool', clauses: [], inputs: [money], parameters: [] };
    const zh = formatExplain(node, 'zh');
    expect(zh).toContain('● r = 是');
    expect(zh).toContain('● gap = 210.6 元/户/月');
    expect(zh).toContain('◆ t.std = 76 元/人/月, 自 2006-01-01');
    expect(zh).toContain('◆ t.on = 否, 自 2006-01-01');
    expect(zh).not.toMatch(/CNY|bool/);
    const en = formatExplain(node, 'en');
    expect(en).toContain('● r = 1 bool');
    expect(en).toContain('● gap = 210.6 CNY/household/month');
    expect(en).toContain('◆ t.std = 76 CNY/person/month, from 2006-01-01');
    expect(en).toContain('◆ t.on = false bool, from 2006-01-01');
  });
  it('rejects an unknown household id', () => {
    const s = new Simulation({ population: pop, parameters: params, rules: [gap, income, standardCol] });
    expect(() => explain(s, 'gap', '2006-01', 99)).toThrow(/no household with id 99/);
  });
});

describe('periods, money, random', () => {
  it('periods', () => {
    expect(monthsBetween('2006-11', '2007-02')).toEqual(['2006-11', '2006-12', '2007-01', '2007-02']);
    expect(monthsOfYear('2008')).toHaveLength(12);
    expect(isIsoDate('2006-02-29')).toBe(false); // 2006 is not a leap year
    expect(isIsoDate('2008-02-29')).toBe(true);
  });
  it('rounds to the fen half away from zero', () => {
    expect(roundFen(1.005)).toBe(1.01);
    expect(roundFen(2.675)).toBe(2.68);
    expect(roundFen(0.004)).toBe(0);
    expect(roundFen(103.60000000000001)).toBe(103.6);
  });
  it('keyed draws depend only on (seed, key, month, stream)', () => {
    const all = keyedUniforms(7, [1, 2, 3, 4], 100, 5);
    const part = keyedUniforms(7, [3, 4], 100, 5); // as if another chunk held households 3 and 4
    expect(part[0]).toBe(all[2]);
    expect(part[1]).toBe(all[3]);
    expect(keyedUniform(7, 1, 100, 5)).not.toBe(keyedUniform(8, 1, 100, 5));
    expect(keyedUniform(7, 1, 100, 5)).not.toBe(keyedUniform(7, 1, 101, 5));
  });
  it('keyed draws are uniform: mean ≈ 1/2 and variance ≈ 1/12 over 100k keys', () => {
    const u = keyedUniforms(1, Float64Array.from({ length: 100_000 }, (_, i) => i), 0, 0);
    const mean = u.reduce((a, b) => a + b, 0) / u.length;
    const v = u.reduce((a, b) => a + (b - mean) ** 2, 0) / u.length;
    // Standard error of the mean is sqrt(1/12/1e5) ≈ 0.0009; 0.005 is over 5 SE.
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.005);
    expect(Math.abs(v - 1 / 12)).toBeLessThan(0.002);
  });
});

describe('RuleContext.series: every dated value of a rule’s own scalar parameter', () => {
  const tree = treeFromYaml(`
t:
  flow:
    description: test flow
    label: {zh: 流量, en: flow}
    unit: posts
    values:
      2006-01-01: {value: 10, reference: {assumption: test}}
      2008-01-01: {value: 30, reference: {assumption: test}}
  by_area:
    description: test by area
    label: {zh: 分城乡, en: by area}
    unit: ratio
    breakdown: [area]
    values:
      2006-01-01: {value: {urban: 1, rural: 0}, reference: {assumption: test}}
`);
  const seen: unknown[] = [];
  const reader = (alias: string) => defineRule({
    id: 'series_reader', entity: 'household', period: 'month', inputs: [], parameters: { flow: 't.flow', area: 't.by_area' }, reference: { clause: '六.1' },
    formula: (_i, _p, ctx) => { seen.push(ctx.series(alias)); return new Float64Array(ctx.size); },
  });
  it('gives the values after the date too, in date order, for any month', () => {
    // Read in 2006-03: both dated values of the YAML above, 2008's included.
    new Simulation({ population: pop, parameters: tree, rules: [reader('flow')] }).calculate('series_reader', '2006-03');
    expect(seen.pop()).toEqual([{ date: '2006-01-01', value: 10 }, { date: '2008-01-01', value: 30 }]);
  });
  it('refuses an alias the rule does not declare, and a leaf that is not a scalar', () => {
    expect(() => new Simulation({ population: pop, parameters: tree, rules: [reader('nope')] }).calculate('series_reader', '2006-03')).toThrow(/series\('nope'\): not one of the rule's parameters \(flow, area\)/);
    expect(() => new Simulation({ population: pop, parameters: tree, rules: [reader('area')] }).calculate('series_reader', '2006-03')).toThrow(/'t.by_area' is not a scalar/);
  });
});
