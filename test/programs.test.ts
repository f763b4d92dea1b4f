/**
 * The `programs` output: components summed per prefecture × area cell in whole fen, split by
 * payer shares, accounts (need, funds, gap, balance, who pays), distinct recipients, chunk
 * merging. A synthetic program on four households, every figure worked out by hand below.
 */
import { describe, expect, it } from 'vitest';
import { defineProgram, PAYERS, type ProgramDefinition } from '../src/engine/program.js';
import { createPopulation, type Population } from '../src/engine/population.js';
import { defineRule } from '../src/engine/rule.js';
import { Simulation } from '../src/engine/simulation.js';
import { SharedResults } from '../src/engine/shared-results.js';
import { ProgramAccumulator } from '../src/scenarios/results/program-accumulator.js';
import { allProgramCells, programMonthCosts, programSummaries, splitFen } from '../src/scenarios/results/program-summary.js';
import { monthCostings } from '../src/scenarios/execution/costing.js';
import { treeFromYaml } from './helpers.js';

// Four households: assets is used as the monthly cost (yuan) of the test component.
//   h1 Changchun urban, weight 2, 2 persons, cost 10.01 → 1001 fen
//   h2 Changchun rural, weight 1, 1 person,  cost 0
//   h3 Jilin city urban, weight 3, 1 person, cost 5     → 500 fen
//   h4 Jilin city urban, weight 1, 3 persons, cost 0.33 → 33 fen
const H = {
  id: [1, 2, 3, 4], weight: [2, 1, 3, 1], prefecture: [220100, 220100, 220200, 220200], urban: [1, 0, 1, 1], assets: [10.01, 0, 5, 0.33], size: [2, 1, 1, 3],
};
function population(rows: readonly number[]): Population {
  const pid: number[] = [];
  const phh: number[] = [];
  for (const h of rows) for (let k = 0; k < H.size[h]!; k++) { pid.push(H.id[h]! * 10 + k); phh.push(H.id[h]!); }
  const pick = (a: number[]) => rows.map((h) => a[h]!);
  return createPopulation({
    households: { id: pick(H.id), weight: pick(H.weight), columns: { prefecture: Int32Array.from(pick(H.prefecture)), urban: Uint8Array.from(pick(H.urban)), assets: Float64Array.from(pick(H.assets)) } },
    persons: { id: pid, household: phh, columns: { age: new Int16Array(pid.length).fill(30) } },
  });
}

const tree = treeFromYaml(`
t:
  shares:
    description: test payer shares
    label: {zh: 比例, en: shares}
    unit: share
    breakdown: [category]
    categories: [budget, lottery]
    values:
      2006-01-01: {value: {budget: 0.7, lottery: 0.3}, reference: {assumption: test}}
  bad_shares:
    description: shares that do not add up to 1
    label: {zh: 比例, en: shares}
    unit: share
    breakdown: [category]
    categories: [budget, lottery]
    values:
      2006-01-01: {value: {budget: 0.7, lottery: 0.2}, reference: {assumption: test}}
`);

const cost = defineRule({ id: 't_cost', entity: 'household', period: 'month', inputs: ['assets'], parameters: {}, reference: { clause: '三.1' }, formula: ({ assets }) => Float64Array.from(assets) });
const funds = defineRule({ id: 't_funds', entity: 'household', period: 'month', inputs: [], parameters: {}, reference: { clause: '三.2' }, formula: (_i, _p, ctx) => new Float64Array(ctx.size).fill(10) });
const recipient = defineRule({
  id: 't_recipient', entity: 'person', period: 'month', inputs: ['t_cost'], parameters: {}, reference: { clause: '三.1' },
  formula: ({ t_cost: c }, _p, ctx) => ctx.agg.broadcastToPersons(Uint8Array.from(c, (x) => (x > 0 ? 1 : 0))),
});

function program(extra: Partial<ProgramDefinition> = {}, shares = 't.shares'): ProgramDefinition {
  return defineProgram({
    id: 'test', label: { zh: '测试', en: 'Test' }, clauses: ['三.1'], rules: [cost, funds, recipient],
    components: { a: { rule: 't_cost', payer: { shares }, label: { zh: 'a', en: 'a' } } },
    recipient: 't_recipient',
    ...extra,
  });
}

const MONTHS = ['2006-01', '2006-02'];
function accumulate(p: ProgramDefinition, pop: Population, months = MONTHS): ProgramAccumulator {
  const sim = new Simulation({ population: pop, parameters: tree, rules: p.rules, seed: 1 });
  const acc = new ProgramAccumulator([p]);
  for (const m of months) acc.addMonth(m, sim, pop);
  return acc.closePopulation();
}
const ALL = [0, 1, 2, 3];
/** The real path: costed with the tree while the run has it (execution/costing.ts), summarised without it. */
const summaries = (acc: ProgramAccumulator, inputs = {}) => programSummaries(acc, allProgramCells(acc.programs, monthCostings(acc, tree, inputs)));
const summary = (p: ProgramDefinition, inputs = {}) => summaries(accumulate(p, population(ALL)), inputs).test!;

describe('splitFen: whole fen by shares, largest remainder, ties in order', () => {
  it('splits exactly and breaks ties in payer order', () => {
    expect(splitFen(100, [0.5, 0.3, 0.2])).toEqual([50, 30, 20]);
    expect(splitFen(1, [0.5, 0.5])).toEqual([1, 0]);
    // 10 / 3 = 3.33 each: floors 3, 3, 3; the fen left goes to the first.
    expect(splitFen(10, [1 / 3, 1 / 3, 1 / 3])).toEqual([4, 3, 3]);
    // 2002 × 0.7 = 1401.4, × 0.3 = 600.6: floors 1401 + 600 = 2001; the fen left goes to the larger remainder (0.6).
    expect(splitFen(2002, [0.7, 0.3])).toEqual([1401, 601]);
  });
});

describe('programs: cost, payers, recipients by cell', () => {
  // Per month, Changchun urban: 2 × 1001 = 2002 fen → budget 1401, lottery 601 (above).
  // Jilin city urban: 3 × 500 + 1 × 33 = 1533 fen → 1073.1 / 459.9 → 1073 + 459 = 1532, the fen left to lottery (0.9) → 1073 / 460.
  // Two months: budget 2 × (1401 + 1073) = 4948 fen, lottery 2 × (601 + 460) = 2122 fen; cost 2 × (2002 + 1533) = 7070 fen.
  const s = summary(program());
  it('the cost, its payers (adding up to it) and its components', () => {
    expect(s.cost).toBe(70.7);
    expect(s.costByPayer).toEqual({ budget: 49.48, lottery: 21.22, landRevenue: 0, tuitionSetAside: 0, donations: 0, hospitals: 0, collective: 0, individual: 0 });
    expect(s.components).toEqual({ a: 70.7 });
    expect(s.need).toBeUndefined();
  });
  it('distinct recipients and households over the period, weighted', () => {
    // h1 2 persons × 2 + h3 1 × 3 + h4 3 × 1 = 10 persons; households 2 + 3 + 1 = 6. h2 has no cost.
    expect(s.recipients).toBe(10);
    expect(s.households).toBe(6);
  });
  it('a person flagged in several months, or with a flag byte above 1, is one recipient', () => {
    // January: the members at even positions of households with a cost are flagged 2 (p0 of h1,
    // p4 and p6 of h4); February: every member of those households is flagged 1. Over the two
    // months: the same 10 weighted persons (h1 2 × 2, h3 1 × 3, h4 3 × 1) and 6 households as a
    // flag of 1 in both months, each person counted once however many months and whatever byte.
    const twice = defineRule({
      id: 't_recipient', entity: 'person', period: 'month', inputs: ['t_cost'], parameters: {}, reference: { clause: '三.1' },
      formula: ({ t_cost: c }, _p, ctx) => {
        const paid = ctx.agg.broadcastToPersons(Uint8Array.from(c, (x) => (x > 0 ? 1 : 0)));
        const january = ctx.period === '2006-01';
        return Uint8Array.from(paid, (v, i) => (january ? (v && i % 2 === 0 ? 2 : 0) : v));
      },
    });
    const t = summaries(accumulate(program({ rules: [cost, funds, twice] }), population(ALL))).test!;
    expect(t.recipients).toBe(10);
    expect(t.households).toBe(6);
  });
  it('by area and by prefecture, adding up to the total', () => {
    expect(s.byArea.urban!.cost).toBe(70.7);
    expect(s.byArea.rural!.cost).toBe(0);
    expect(s.byArea.rural!.recipients).toBe(0);
    expect(s.byPrefecture['220100']!.costByPayer.budget).toBe(28.02); // 2 × 1401 fen
    expect(s.byPrefecture['220200']!.cost).toBe(30.66); // 2 × 1533 fen
    expect(s.byPrefecture['220200']!.recipients).toBe(6);
    expect(s.byPrefecture['220800']!.cost).toBe(0);
  });
  it('rejects payer shares that do not add up to 1, naming the parameter', () => {
    expect(() => summary(program({}, 't.bad_shares'))).toThrow(/t\.bad_shares.*add up to 0\.9/);
  });
  it('a program without recipients reports null, not 0', () => {
    const s2 = summary(program({ recipient: null }));
    expect(s2.recipients).toBeNull();
    expect(s2.byArea.urban!.households).toBeNull();
  });
});

describe('programs: accounts', () => {
  // Funds: 10 yuan per household-month, weighted. Over two months, per cell:
  //   Changchun urban: 2 × 10 × 2 = 40.00 against need 40.04 → covered 40.00, gap 0.04, balance −0.04
  //   Changchun rural: 1 × 10 × 2 = 20.00 against need 0      → gap 0, balance +20
  //   Jilin city urban: (3 + 1) × 10 × 2 = 80 against 30.66   → covered 30.66, gap 0, balance +49.34
  const account = (pays?: NonNullable<ProgramDefinition['accounts']>[string]['pays']) => ({ fund: { label: { zh: '专户', en: 'fund' }, components: ['a'], funds: { rule: 't_funds' }, ...(pays ? { pays } : {}) } });
  it('need, funds, gap per cell summed, balance', () => {
    const s = summary(program({ accounts: account() }));
    expect(s.accounts!.fund).toEqual({ need: 70.7, funds: 140, gap: 0.04, balance: 69.3 });
    expect([s.need, s.funds, s.gap, s.balance]).toEqual([70.7, 140, 0.04, 69.3]);
    expect(s.byPrefecture['220100']!.accounts!.fund).toEqual({ need: 40.04, funds: 60, gap: 0.04, balance: 19.96 });
    // Without `pays` the component keeps its own payers.
    expect(s.costByPayer.lottery).toBe(21.22);
  });
  it('an account that pays: its payer up to the funds, the shortfall payer for the rest', () => {
    const s = summary(program({ accounts: account({ payer: 'landRevenue', shortfall: 'budget' }) }));
    expect(s.cost).toBe(70.7);
    expect(s.costByPayer).toMatchObject({ landRevenue: 70.66, budget: 0.04, lottery: 0 });
    expect(s.byPrefecture['220200']!.costByPayer).toMatchObject({ landRevenue: 30.66, budget: 0 });
  });
  it("an account whose shortfall is 'unpaid' caps the cost at the funds", () => {
    const s = summary(program({ accounts: account({ payer: 'tuitionSetAside', shortfall: 'unpaid' }) }));
    expect(s.cost).toBe(70.66);
    expect(s.components.a).toBe(70.66);
    expect(s.costByPayer.tuitionSetAside).toBe(70.66);
    expect(s.accounts!.fund!.gap).toBe(0.04);
  });
  it('funds computed per cell from its population and the scenario inputs', () => {
    // 0.5 yuan per urban person-month, times inputs.factor (2): Changchun urban 4 persons → 4 yuan a month, 8 over two;
    // Jilin city urban 3 + 3 = 6 persons → 6 a month, 12 over two. Gaps 40.04 − 8 = 32.04 and 30.66 − 12 = 18.66.
    const s = summary(program({
      accounts: { fund: { label: { zh: '专户', en: 'fund' }, components: ['a'], funds: { compute: (c) => (c.area === 'urban' ? c.population * 0.5 * (c.inputs.factor as number) : 0) } } },
    }), { factor: 2 });
    expect(s.accounts!.fund).toEqual({ need: 70.7, funds: 20, gap: 50.7, balance: -50.7 });
  });
  it('declarations naming rules the program lacks are refused', () => {
    expect(() => program({ components: { a: { rule: 'nope', payer: 'budget', label: { zh: 'a', en: 'a' } } } })).toThrow(/component 'a' names rule 'nope'/);
  });
});

describe('programs: a funding source\'s account', () => {
  it('needs what every program charges to its payer, per cell and year', () => {
    // The test program charges lottery 601 fen a month in Changchun urban and 460 in Jilin city urban (above):
    // over two months 12.02 and 9.20. Funds 5 yuan a month in every urban cell: 10 each over two months, 90 in all.
    // Gaps: Changchun 12.02 − 10 = 2.02, Jilin city none; balance 90 − 21.22 = 68.78.
    const fund = defineProgram({
      id: 'fund', label: { zh: '彩票', en: 'Lottery' }, clauses: ['十一.1'], rules: [], components: {}, recipient: null,
      accounts: { lottery: { label: { zh: '彩票公益金', en: 'lottery fund' }, components: [], needFrom: { payer: 'lottery' }, funds: { compute: (c) => (c.area === 'urban' ? 5 : 0) } } },
    });
    const pop = population(ALL);
    const sim = new Simulation({ population: pop, parameters: tree, rules: [cost, funds, recipient], seed: 1 });
    const acc = new ProgramAccumulator([program(), fund]);
    for (const m of MONTHS) acc.addMonth(m, sim, pop);
    const s = summaries(acc).fund!;
    expect(s.accounts!.lottery).toEqual({ need: 21.22, funds: 90, gap: 2.02, balance: 68.78 });
    expect(s.cost).toBe(0);
    expect(s.recipients).toBeNull();
    expect(() => defineProgram({ ...fund, accounts: { x: { ...fund.accounts!.lottery!, components: ['a'] } } })).toThrow(/can name no components/);
  });
});

describe('programs: calendar years', () => {
  it('report each year, and accounts balance per cell and year', () => {
    // Funds 50 yuan in Changchun urban in 2006-12 only. Over the two months need is 20.02 a month
    // there: the period would balance (40.04 < 50), but 2007 has need 20.02 and no funds → gap 20.02.
    // Jilin city urban: need 15.33 a month, no funds → gaps 15.33 in each year. Total gap 20.02 + 30.66 = 50.68.
    const p = program({ accounts: { fund: { label: { zh: '专户', en: 'fund' }, components: ['a'], funds: { compute: (c) => (c.month === '2006-12' && c.prefecture === 220100 && c.area === 'urban' ? 50 : 0) } } } });
    const s = summaries(accumulate(p, population(ALL), ['2006-12', '2007-01'])).test!;
    expect(Object.keys(s.byYear)).toEqual(['2006', '2007']);
    expect(s.byYear['2006']!.cost).toBe(35.35);
    expect(s.byYear['2007']!.cost).toBe(35.35);
    expect(s.byYear['2007']!.accounts!.fund).toEqual({ need: 35.35, funds: 0, gap: 35.35, balance: -35.35 });
    expect(s.byYear['2006']!.accounts!.fund).toEqual({ need: 35.35, funds: 50, gap: 15.33, balance: 14.65 });
    expect(s.accounts!.fund!.gap).toBe(50.68);
  });
});

describe('programs: computed components (spending no household receives)', () => {
  it('are costed once per cell and month, also after chunks merge', () => {
    // 100 yuan a month in every rural cell: 9 prefectures × 2 months × 100 = 1800, paid by the budget.
    const p = program({ components: { a: { rule: 't_cost', payer: 'budget', label: { zh: 'a', en: 'a' } }, site: { compute: (c) => (c.area === 'rural' ? 100 : 0), payer: 'budget', label: { zh: 'b', en: 'b' } } } });
    const merged = summaries(accumulate(p, population([0, 1])).merge(accumulate(p, population([2, 3])))).test!;
    expect(merged.components).toEqual({ a: 70.7, site: 1800 });
    expect(merged.cost).toBe(1870.7);
    expect(merged.byPrefecture['220800']!.cost).toBe(200);
    expect(programMonthCosts([p], monthCostings(accumulate(p, population(ALL)), tree)).get('2006-01')).toEqual({ test: 35.35 + 900 });
  });
});

describe('programs: chunks merge into the one-pass result', () => {
  it('two chunks accumulated separately equal one pass', () => {
    const p = program({ accounts: { fund: { label: { zh: '专户', en: 'fund' }, components: ['a'], funds: { rule: 't_funds' }, pays: { payer: 'landRevenue', shortfall: 'budget' } } } });
    const one = summaries(accumulate(p, population(ALL)));
    const merged = summaries(accumulate(p, population([0, 1])).merge(accumulate(p, population([2, 3]))));
    expect(merged).toEqual(one);
    expect(PAYERS.reduce((s, k) => s + Math.round(one.test!.costByPayer[k] * 100), 0)).toBe(Math.round(one.test!.cost * 100));
  });
});

describe('programs: a shared column’s sums (session 9)', () => {
  // A column of the shared results is the same object, never written again, in every run on the
  // population: its sums per cell are kept from the run that first added it and given to later
  // runs' new month sums. Changchun urban (cell 0): 2 × 1001 = 2002 fen; Jilin city urban
  // (cell 2): 3 × 500 + 1 × 33 = 1533 fen; the rest 0 (worked out at the top).
  const pop = population(ALL);
  const shared = new SharedResults(pop);
  const run = (): { acc: ProgramAccumulator; sim: Simulation } => {
    const p = program();
    const sim = new Simulation({ population: pop, parameters: tree, rules: p.rules, seed: 1, shared });
    return { acc: new ProgramAccumulator([p]), sim };
  };
  it('runs after the first give the same sums, each month its own', () => {
    const first = run();
    first.acc.addMonth('2006-01', first.sim, pop);
    const column = first.sim.calculate('t_cost', '2006-01');
    expect(first.sim.isShared(column)).toBe(true);
    for (const r of [first, run(), run()]) {
      if (r !== first) r.acc.addMonth('2006-01', r.sim, pop);
      r.acc.addMonth('2006-02', r.sim, pop);
      for (const m of MONTHS) {
        const cells = r.acc.months.get(m)![0]!.components[0]!;
        expect([cells[0], cells[1], cells[2], cells[3]]).toEqual([2002, 0, 1533, 0]);
      }
    }
  });
  it('sums that already hold something are added to, not replaced', () => {
    // The same month added twice into one accumulator (two chunks of one month): 2 × 2002 and 2 × 1533.
    const r = run();
    r.acc.addMonth('2006-01', r.sim, pop);
    r.acc.addMonth('2006-01', r.sim, pop);
    const cells = r.acc.months.get('2006-01')![0]!.components[0]!;
    expect([cells[0], cells[2]]).toEqual([4004, 3066]);
  });
});
