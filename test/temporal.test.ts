/**
 * Month to month (src/engine/temporal.ts, issue #25 W4): in the month loop each month is
 * computed against the month before, recomputing only the households whose rows changed. The
 * results are the same bytes as computing every month in full, for every example scenario over
 * twelve months, and a rule that reads the month is never taken from the month before.
 *
 * "The same bytes" is checked against the plain path in the same process (setTemporal(false)),
 * not against stored bytes, so the test stays valid when the generator or the parameters change.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { generateDataset } from '../src/data/generated.js';
import { runMonthLoop } from '../src/dynamics/month-loop.js';
import { ParameterTree } from '../src/engine/parameters/tree.js';
import { monthsBetween } from '../src/engine/period.js';
import { createPopulation } from '../src/engine/population.js';
import { defineRule } from '../src/engine/rule.js';
import { Simulation } from '../src/engine/simulation.js';
import { keyedUniform, streamId } from '../src/engine/random.js';
import { setTemporal, setTemporalDraws, temporalCounts, type TemporalHost, type TemporalStats } from '../src/engine/temporal.js';
import { runScenarioOn, scenarioPeriod } from '../src/scenarios/execution/run.js';
import { loadScenario } from '../src/scenarios/input/load.js';
import { ROOT, treeFromYaml } from './helpers.js';

afterEach(() => {
  setTemporal(true);
  setTemporalDraws(true);
});

/** A monthly household rule of the constructed cases below (no parameters; the reference is the test). */
const rule = (id: string, inputs: string[], formula: Parameters<typeof defineRule>[0]['formula']) =>
  defineRule({ id, entity: 'household', period: 'month', inputs, parameters: {}, reference: { source: 'test' }, formula });
const bytes = (x: unknown): string => JSON.stringify(x, (_k, v: unknown) => (ArrayBuffer.isView(v) ? Array.from(v as unknown as ArrayLike<number>) : v));

/** The month-to-month counts of the work done by `f`. */
function counted(f: () => void): TemporalStats {
  const before = temporalCounts();
  f();
  const after = temporalCounts();
  return Object.fromEntries(Object.entries(after).map(([k, v]) => [k, v - before[k as keyof TemporalStats]])) as unknown as TemporalStats;
}

describe('month to month gives the bytes of every month in full', () => {
  const dataset = generateDataset({ year: 2006, households: 1500, seed: 7 }).dataset;
  const files = readdirSync(join(ROOT, 'scenarios')).filter((f) => f.endsWith('.yaml')).sort();

  for (const file of files) {
    it(`${file}: its first twelve months`, () => {
      const s = loadScenario(join(ROOT, 'scenarios', file));
      const months = monthsBetween(scenarioPeriod(s).from, scenarioPeriod(s).to);
      const period = { from: months[0]!, to: months[Math.min(11, months.length - 1)]! };
      setTemporal(false);
      const plain = bytes(runScenarioOn(s, dataset, { period }));
      setTemporal(true);
      let temporal = '';
      const c = counted(() => (temporal = bytes(runScenarioOn(s, dataset, { period }))));
      expect(temporal).toBe(plain);
      if (months.length > 1) {
        // After the first month, most rule-months are last month's column or a few households' rows.
        expect(c.unchanged + c.subset).toBeGreaterThan(c.full);
      }
    });
  }
});

describe('month to month on a constructed case', () => {
  // Four households of one person each; household 1 has bump 1, the others 0.
  const pop = () => createPopulation({ households: { id: [1, 2, 3, 4], columns: { bump: Uint8Array.of(1, 0, 0, 0) } }, persons: { id: [1, 2, 3, 4], household: [1, 2, 3, 4] } });
  const monthOf = (p: string): number => Number(p.slice(5, 7));
  const rules = [
    // The month loop gives every month its index (src/dynamics/month-loop.ts); nothing here reads it.
    rule('dynamics_month', ['bump'], (i) => new Uint16Array(i.bump!.length)),
    // State: zero before the first month, then last month's counter plus bump.
    rule('counter_previous', ['bump'], (i) => new Float64Array(i.bump!.length)),
    rule('counter', ['counter_previous', 'bump'], (i) => Float64Array.from(i.counter_previous!, (v, h) => v + i.bump![h]!)),
    rule('counter_doubled', ['counter'], (i) => Float64Array.from(i.counter!, (v) => 2 * v)),
    rule('bump_doubled', ['bump'], (i) => Float64Array.from(i.bump!, (v) => 2 * v)),
    // Reads the month and nothing else: its inputs never change, and its value does.
    rule('month_number', ['bump'], (i, _p, ctx) => new Float64Array(i.bump!.length).fill(monthOf(ctx.period))),
    rule('month_plus_bump', ['month_number', 'bump'], (i) => Float64Array.from(i.month_number!, (v, h) => v + i.bump![h]!)),
    // Reads the month only when some household's counter reached 2: not in the first month.
    rule('late', ['counter'], (i, _p, ctx) => {
      const counter = i.counter!;
      const out = new Float64Array(counter.length);
      if (counter.some((v) => v >= 2)) {
        const m = monthOf(ctx.period);
        for (let h = 0; h < out.length; h++) if (counter[h]! >= 2) out[h] = m;
      }
      return out;
    }),
  ];
  const ids = ['counter', 'counter_doubled', 'bump_doubled', 'month_number', 'month_plus_bump', 'late'];

  function run(): Record<string, number[][]> {
    const sim = new Simulation({ population: pop(), parameters: new ParameterTree(new Map()), rules, lend: true, temporal: true });
    const seen: Record<string, number[][]> = Object.fromEntries(ids.map((id) => [id, []]));
    runMonthLoop(sim, {
      months: ['2024-01', '2024-02', '2024-03', '2024-04'],
      state: [['counter_previous', 'counter']],
      onMonth: (m) => {
        for (const id of ids) seen[id]!.push(Array.from(sim.calculate(id, m)));
      },
    });
    return seen;
  }

  it('a rule reading the month is computed every month, and what reads it follows', () => {
    let seen: Record<string, number[][]> = {};
    const c = counted(() => (seen = run()));
    // month_number is the month for every household, Jan–Apr: taken from the month before it
    // would stay 1, 1, 1, 1.
    expect(seen.month_number).toEqual([[1, 1, 1, 1], [2, 2, 2, 2], [3, 3, 3, 3], [4, 4, 4, 4]]);
    expect(seen.month_plus_bump).toEqual([[2, 1, 1, 1], [3, 2, 2, 2], [4, 3, 3, 3], [5, 4, 4, 4]]);
    // counter: household 1 adds its bump of 1 each month; doubled, 2 4 6 8.
    expect(seen.counter).toEqual([[1, 0, 0, 0], [2, 0, 0, 0], [3, 0, 0, 0], [4, 0, 0, 0]]);
    expect(seen.counter_doubled).toEqual([[2, 0, 0, 0], [4, 0, 0, 0], [6, 0, 0, 0], [8, 0, 0, 0]]);
    // late read no month in January (no counter at 2): in February its run on household 1
    // (whose counter changed) reads the month, so it is thrown away and the rule runs in full.
    expect(seen.late).toEqual([[0, 0, 0, 0], [2, 0, 0, 0], [3, 0, 0, 0], [4, 0, 0, 0]]);
    expect(seen.bump_doubled).toEqual([[2, 0, 0, 0], [2, 0, 0, 0], [2, 0, 0, 0], [2, 0, 0, 0]]);
    // Work skipped, February–April: bump_doubled is January's column (3 months); counter and
    // counter_doubled run on household 1 only (2 rules × 3 months, one row each); late falls
    // back once (February).
    expect(c.unchanged).toBe(3);
    expect(c.subset).toBe(6);
    expect(c.subsetRows).toBe(6);
    expect(c.fallback).toBe(1);
  });

  it("two simulations' month-to-month hosts share their functions, and name last month's column", () => {
    // Methods of one class (simulation.ts MonthHost): a host of arrow functions made per
    // simulation had them compiled again for each projection year's simulation.
    const make = (): Simulation => new Simulation({ population: pop(), parameters: new ParameterTree(new Map()), rules, lend: true, temporal: true });
    const host = (s: Simulation): TemporalHost => (s.temporal as unknown as { host: TemporalHost }).host;
    const [a, b] = [host(make()), host(make())];
    expect(a).not.toBe(b);
    for (const k of ['alloc', 'giveBack', 'takeOver', 'previousKey', 'runOn', 'aggregators'] as const) expect(a[k]).toBe(b[k]);
    // The month before March 2024 is February; before January, December of the year before.
    expect(a.previousKey('counter', '2024-03')).toBe('counter@2024-02');
    expect(a.previousKey('counter', '2024-01')).toBe('counter@2023-12');
  });

  it('with month to month off, the same values', () => {
    const on = run();
    setTemporal(false);
    const off = run();
    expect(off).toEqual(on);
    expect(counted(() => run())).toEqual({ unchanged: 0, subset: 0, subsetRows: 0, full: 0, fullRows: 0, fallback: 0, followed: 0 });
  });
});

describe('month to month on rules that draw with a mask', () => {
  // Eight households of one person each (ids 1–8). `flag` is 1 for households 2 and 5 and never
  // changes; household 1 has bump 1 (its counter grows by 1 a month), the others 0.
  const pop = () =>
    createPopulation({
      households: { id: [1, 2, 3, 4, 5, 6, 7, 8], columns: { bump: Uint8Array.of(1, 0, 0, 0, 0, 0, 0, 0), flag: Uint8Array.of(0, 1, 0, 0, 1, 0, 0, 0) } },
      persons: { id: [1, 2, 3, 4, 5, 6, 7, 8], household: [1, 2, 3, 4, 5, 6, 7, 8] },
    });
  const rules = [
    rule('dynamics_month', ['bump'], (i) => new Uint16Array(i.bump!.length)),
    rule('counter_previous', ['bump'], (i) => new Float64Array(i.bump!.length)),
    rule('counter', ['counter_previous', 'bump'], (i) => Float64Array.from(i.counter_previous!, (v, h) => v + i.bump![h]!)),
    rule('flagged', ['flag'], (i) => Uint8Array.from(i.flag!)),
    // A cost drawn for the flagged households only: 1 + their draw, 0 elsewhere.
    rule('cost', ['flagged'], (i, _p, ctx) => {
      const u = ctx.random('cost', i.flagged!);
      return Float64Array.from(i.flagged!, (f, h) => (f ? 1 + u[h]! : 0));
    }),
    rule('cost_plus', ['cost'], (i) => Float64Array.from(i.cost!, (v) => v + 1)),
    // A draw for households whose counter reached 2: nobody in January, household 1 from February.
    rule('late_draw', ['counter'], (i, _p, ctx) => {
      const where = Uint8Array.from(i.counter!, (v) => +(v >= 2));
      const u = ctx.random('late', where);
      return Float64Array.from(where, (w, h) => (w ? u[h]! : 0));
    }),
    // A draw for every household: depends on the month everywhere.
    rule('everyone', ['bump'], (_i, _p, ctx) => Float64Array.from(ctx.random('everyone'))),
  ];
  const ids = ['counter', 'flagged', 'cost', 'cost_plus', 'late_draw', 'everyone'];
  const months = ['2024-01', '2024-02', '2024-03', '2024-04'];

  function run(): Record<string, number[][]> {
    const sim = new Simulation({ population: pop(), parameters: new ParameterTree(new Map()), rules, lend: true, temporal: true });
    const seen: Record<string, number[][]> = Object.fromEntries(ids.map((id) => [id, []]));
    runMonthLoop(sim, {
      months,
      state: [['counter_previous', 'counter']],
      onMonth: (m) => {
        for (const id of ids) seen[id]!.push(Array.from(sim.calculate(id, m)));
      },
    });
    return seen;
  }

  it('recomputes only the households drawn for and the dirty ones, with the draws of each month', () => {
    let seen: Record<string, number[][]> = {};
    const c = counted(() => (seen = run()));
    // The draws worked out independently: the simulation's seed is 1, a household draw is keyed
    // by household id, and month 2024-0k has index 2024 × 12 + k − 1 (src/engine/period.ts).
    const draw = (stream: string, id: number, k: number): number => keyedUniform(1, id, 2024 * 12 + k - 1, streamId(stream));
    expect(seen.cost).toEqual([1, 2, 3, 4].map((k) => [0, 1 + draw('cost', 2, k), 0, 0, 1 + draw('cost', 5, k), 0, 0, 0]));
    expect(seen.cost_plus).toEqual(seen.cost!.map((r) => r.map((v) => v + 1)));
    // Household 1's counter is 1, 2, 3, 4: no draw in January, its own draw from February.
    expect(seen.late_draw).toEqual([1, 2, 3, 4].map((k) => [k >= 2 ? draw('late', 1, k) : 0, 0, 0, 0, 0, 0, 0, 0]));
    expect(seen.everyone).toEqual([1, 2, 3, 4].map((k) => [1, 2, 3, 4, 5, 6, 7, 8].map((id) => draw('everyone', id, k))));
    // February–April: flagged is January's column (3); cost and cost_plus run on households 2
    // and 5 (3 months × 2 rules × 2 rows), counter on household 1 (3 × 1 row), late_draw on
    // household 1 (3 × 1 row: in February it is dirty, then it is the household drawn for).
    // Of those, the rule-months that drew with a mask: cost and late_draw, 3 each. everyone runs
    // in full every month; in January the six rules and counter_previous (the state before the
    // first month, computed) run in full.
    expect(c.unchanged).toBe(3);
    expect(c.subset).toBe(12);
    expect(c.subsetRows).toBe(18);
    expect(c.followed).toBe(6);
    expect(c.fallback).toBe(0);
    expect(c.full).toBe(7 + 3);
  });

  it('the same values with masked draws not followed, and with month to month off', () => {
    const on = run();
    setTemporalDraws(false);
    let off: Record<string, number[][]> = {};
    const c = counted(() => (off = run()));
    expect(off).toEqual(on);
    // Without it, cost and late_draw (which draws in January too, with an empty mask) run in
    // full every month, like everyone; cost_plus still follows cost on households 2 and 5.
    expect(c.followed).toBe(0);
    expect(c.fallback).toBe(0);
    expect(c.full).toBe(7 + 3 + 3 + 3);
    expect(c.subset).toBe(3 + 3);
    setTemporal(false);
    expect(run()).toEqual(on);
  });
});

describe('month to month shares a sub-population between close sets of households', () => {
  // Eight households of one person each. Household 1 has bump 1 and bump2 1, household 2 bump 1:
  // `counter` changes for households 1 and 2 every month, `counter2` for household 1 only.
  const pop = () =>
    createPopulation({
      households: { id: [1, 2, 3, 4, 5, 6, 7, 8], columns: { bump: Uint8Array.of(1, 1, 0, 0, 0, 0, 0, 0), bump2: Uint8Array.of(1, 0, 0, 0, 0, 0, 0, 0) } },
      persons: { id: [1, 2, 3, 4, 5, 6, 7, 8], household: [1, 2, 3, 4, 5, 6, 7, 8] },
    });
  const rules = [
    rule('dynamics_month', ['bump'], (i) => new Uint16Array(i.bump!.length)),
    rule('counter_previous', ['bump'], (i) => new Float64Array(i.bump!.length)),
    rule('counter', ['counter_previous', 'bump'], (i) => Float64Array.from(i.counter_previous!, (v, h) => v + i.bump![h]!)),
    rule('counter2_previous', ['bump2'], (i) => new Float64Array(i.bump2!.length)),
    rule('counter2', ['counter2_previous', 'bump2'], (i) => Float64Array.from(i.counter2_previous!, (v, h) => v + i.bump2![h]!)),
    rule('both', ['counter'], (i) => Float64Array.from(i.counter!, (v) => 10 * v)),
    rule('only', ['counter2'], (i) => Float64Array.from(i.counter2!, (v) => v + 100)),
  ];
  const ids = ['counter', 'counter2', 'both', 'only'];

  it('a set within a larger one made this month is computed on it, with the same values', () => {
    const run = (): Record<string, number[][]> => {
      const sim = new Simulation({ population: pop(), parameters: new ParameterTree(new Map()), rules, lend: true, temporal: true });
      const seen: Record<string, number[][]> = Object.fromEntries(ids.map((id) => [id, []]));
      runMonthLoop(sim, {
        months: ['2024-01', '2024-02', '2024-03', '2024-04'],
        state: [['counter_previous', 'counter'], ['counter2_previous', 'counter2']],
        onMonth: (m) => {
          for (const id of ids) seen[id]!.push(Array.from(sim.calculate(id, m)));
        },
      });
      return seen;
    };
    let seen: Record<string, number[][]> = {};
    const c = counted(() => (seen = run()));
    // Month k: counter is k for households 1 and 2, counter2 k for household 1; both is 10 ×
    // counter, only counter2 + 100.
    const rest = [0, 0, 0, 0, 0, 0];
    expect(seen.counter).toEqual([1, 2, 3, 4].map((k) => [k, k, ...rest]));
    expect(seen.counter2).toEqual([1, 2, 3, 4].map((k) => [k, 0, ...rest]));
    expect(seen.both).toEqual([1, 2, 3, 4].map((k) => [10 * k, 10 * k, ...rest]));
    expect(seen.only).toEqual([1, 2, 3, 4].map((k) => [k + 100, 100, 100, 100, 100, 100, 100, 100]));
    // February–April, each month: counter runs on households 1 and 2 (made first); counter2 and
    // only, dirty for household 1 alone, run on that same sub-population (2 rows, within 1.5 × 1
    // + 8 households), and both on it too: 4 rules × 2 rows, where sets of their own would be
    // 2 + 1 + 2 + 1 rows.
    expect(c.subset).toBe(3 * 4);
    expect(c.subsetRows).toBe(3 * 8);
    setTemporal(false);
    expect(run()).toEqual(seen);
  });
});

describe('month to month on rules that read the calendar', () => {
  // Four households of one person each; household 1 has bump 1, the others 0.
  const pop = () => createPopulation({ households: { id: [1, 2, 3, 4], columns: { bump: Uint8Array.of(1, 0, 0, 0) } }, persons: { id: [1, 2, 3, 4], household: [1, 2, 3, 4] } });
  const rules = [
    rule('dynamics_month', ['bump'], (i) => new Uint16Array(i.bump!.length)),
    rule('ytd_previous', ['bump'], (i) => new Float64Array(i.bump!.length)),
    // A year-to-date sum: bump added to last month's, from 0 again in January.
    rule('ytd', ['ytd_previous', 'bump'], (i, _p, ctx) => {
      const january = ctx.firstMonthOfYear;
      return Float64Array.from(i.ytd_previous!, (v, h) => (january ? 0 : v) + i.bump![h]!);
    }),
    rule('year_col', ['bump'], (i, _p, ctx) => new Float64Array(i.bump!.length).fill(ctx.year)),
  ];
  const ids = ['ytd', 'year_col'];
  function run(): Record<string, number[][]> {
    const sim = new Simulation({ population: pop(), parameters: new ParameterTree(new Map()), rules, lend: true, temporal: true });
    const seen: Record<string, number[][]> = Object.fromEntries(ids.map((id) => [id, []]));
    runMonthLoop(sim, {
      months: ['2024-11', '2024-12', '2025-01', '2025-02', '2025-03'],
      state: [['ytd_previous', 'ytd']],
      onMonth: (m) => {
        for (const id of ids) seen[id]!.push(Array.from(sim.calculate(id, m)));
      },
    });
    return seen;
  }

  it('follows them while they stay as they were the month before', () => {
    let seen: Record<string, number[][]> = {};
    const c = counted(() => (seen = run()));
    // Household 1's year-to-date sum, November to March: 1, 2, then from 0 again in January: 1, 2, 3.
    expect(seen.ytd).toEqual([1, 2, 1, 2, 3].map((v) => [v, 0, 0, 0]));
    expect(seen.year_col).toEqual([2024, 2024, 2025, 2025, 2025].map((y) => [y, y, y, y]));
    // December–March. firstMonthOfYear differs from the month before in January and February,
    // the year in January only. ytd: on household 1 in December and March (2 subsets, 1 row
    // each), in full in January and February; year_col: November's column in December, then
    // in full in January, then January's column in February and March (3 unchanged). In
    // November the three rules (ytd_previous computed, the state before the first month) run in full.
    expect(c.unchanged).toBe(3);
    expect(c.subset).toBe(2);
    expect(c.subsetRows).toBe(2);
    expect(c.followed).toBe(5);
    expect(c.full).toBe(3 + 3);
    setTemporal(false);
    expect(run()).toEqual(seen);
  });
});

describe('month to month on a rule that reads a parameter by calendar month', () => {
  // A seasonal factor by calendar month: 1 in November and December, 2 in January, 2 again in
  // February, 3 in March (the other months 1).
  const tree = treeFromYaml(`
t:
  season:
    description: test factor by calendar month
    label: {zh: 系数, en: factor}
    unit: ratio
    breakdown: [category]
    categories: [m01, m02, m03, m04, m05, m06, m07, m08, m09, m10, m11, m12]
    values:
      2006-01-01: {value: {m01: 2, m02: 2, m03: 3, "*": 1}, reference: {assumption: test}}
`);
  // Four households of one person each; household 1 has bump 1, the others 0.
  const pop = () => createPopulation({ households: { id: [1, 2, 3, 4], columns: { bump: Uint8Array.of(1, 0, 0, 0) } }, persons: { id: [1, 2, 3, 4], household: [1, 2, 3, 4] } });
  const rules = [
    defineRule({ id: 'dynamics_month', entity: 'household', period: 'month', inputs: ['bump'], parameters: {}, reference: { source: 'test' }, formula: (i) => new Uint16Array(i.bump!.length) }),
    // bump + 10 × the month's factor: household 1 11 + 10 (f − 1), the others 10 f.
    defineRule({
      id: 'seasonal', entity: 'household', period: 'month', inputs: ['bump'], parameters: { season: 't.season' }, reference: { source: 'test' },
      formula: (i, p, ctx) => {
        const f = ctx.byCalendarMonth(p.season) as number;
        return Float64Array.from(i.bump!, (b) => b + 10 * f);
      },
    }),
  ];
  function run(): number[][] {
    const sim = new Simulation({ population: pop(), parameters: tree, rules, lend: true, temporal: true });
    const seen: number[][] = [];
    runMonthLoop(sim, { months: ['2006-11', '2006-12', '2007-01', '2007-02', '2007-03'], state: [], onMonth: (m) => seen.push(Array.from(sim.calculate('seasonal', m))) });
    return seen;
  }

  it('takes the month before’s column while the factor is the same, and runs it in full when it differs', () => {
    let seen: number[][] = [];
    const c = counted(() => (seen = run()));
    // Factors 1, 1, 2, 2, 3 (November–March): household 1 11, 11, 21, 21, 31; the others 10, 10, 20, 20, 30.
    expect(seen).toEqual([1, 1, 2, 2, 3].map((f) => [1 + 10 * f, 10 * f, 10 * f, 10 * f]));
    // November: in full (no month before). December (1 = 1) and February (2 = 2): November's and
    // January's columns, unchanged, followed; January (1 → 2) and March (2 → 3): in full.
    // (dynamics_month is given by the month loop, not computed.)
    expect(c.full).toBe(3);
    expect(c.unchanged).toBe(2);
    expect(c.followed).toBe(2);
    expect(c.subset).toBe(0);
    setTemporal(false);
    expect(run()).toEqual(seen);
  });
});
