/**
 * Program sums month to month (src/scenarios/results/program-accumulator.ts, issue #25 W4): a
 * money rule whose month holds the very values of the month before (engine/temporal.ts) has
 * that month's sums per cell copied rather than added again, and a recipient flag the same as
 * the month before is not ORed again. Both give the bytes of adding every month, and the column
 * is then not read at all (shown below by changing its values behind the simulation's back).
 */
import { describe, expect, it } from 'vitest';
import { defineProgram } from '../src/engine/program.js';
import { createPopulation } from '../src/engine/population.js';
import { Simulation } from '../src/engine/simulation.js';
import { setTemporal } from '../src/engine/temporal.js';
import { ProgramAccumulator } from '../src/scenarios/results/program-accumulator.js';
import { monthlyTestRule, treeFromYaml } from './helpers.js';

const tree = treeFromYaml(`
t:
  shares:
    description: test payer shares
    label: {zh: 比例, en: shares}
    unit: share
    breakdown: [category]
    categories: [budget]
    values:
      2006-01-01: {value: {budget: 1}, reference: {assumption: test}}
`);

// Four households: h1 Changchun urban, weight 2, 2 persons; h2 Changchun rural, weight 1, 1 person;
// h3 Jilin city urban, weight 3, 1 person; h4 Jilin city urban, weight 1, 3 persons. Cells are
// prefecture-major, urban then rural: Changchun urban is cell 0, Jilin city urban cell 2.
const pop = () =>
  createPopulation({
    households: { id: [1, 2, 3, 4], weight: [2, 1, 3, 1], columns: { prefecture: Int32Array.of(220100, 220100, 220200, 220200), urban: Uint8Array.of(1, 0, 1, 1) } },
    persons: { id: [10, 11, 20, 30, 40, 41, 42], household: [1, 1, 2, 3, 4, 4, 4] },
  });
// x_given and flag_given are given each month (setInput); x_cost and x_flag follow them.
const rules = [
  monthlyTestRule('x_given', 'household', ['prefecture'], (i) => new Float64Array(i.prefecture!.length)),
  monthlyTestRule('x_cost', 'household', ['x_given'], (i) => Float64Array.from(i.x_given!)),
  monthlyTestRule('flag_given', 'person', [], (_i, _p, ctx) => new Uint8Array(ctx.size)),
  monthlyTestRule('x_flag', 'person', ['flag_given'], (i) => Uint8Array.from(i.flag_given!)),
];
const program = defineProgram({
  id: 'test', label: { zh: '测试', en: 'Test' }, clauses: ['三.1'], rules,
  components: { a: { rule: 'x_cost', payer: { shares: 't.shares' }, label: { zh: 'a', en: 'a' } } },
  recipient: 'x_flag',
});

// x (yuan per household): h1 1, 1, 2 in January–March, 0 elsewhere. Flag: h1's first person.
const X: Record<string, number[]> = { '2006-01': [1, 0, 0, 0], '2006-02': [1, 0, 0, 0], '2006-03': [2, 0, 0, 0] };
const FLAG = [1, 0, 0, 0, 0, 0, 0];

/** Three months accumulated; `poison`: in February, the columns the month before's sums stand for are changed after the simulation compared them. */
function accumulate(poison: boolean): { acc: ProgramAccumulator; same: boolean[] } {
  const p = pop();
  const sim = new Simulation({ population: p, parameters: tree, rules, seed: 1, lend: true, temporal: true });
  const acc = new ProgramAccumulator([program]);
  const same: boolean[] = [];
  for (const m of Object.keys(X)) {
    sim.setInput('x_given', m, Float64Array.from(X[m]!));
    sim.setInput('flag_given', m, Uint8Array.from(FLAG));
    const cost = sim.calculate('x_cost', m);
    const flag = sim.calculate('x_flag', m);
    same.push(sim.sameAsMonthBefore('x_cost', m), sim.sameAsMonthBefore('x_flag', m));
    const poisoned = poison && m === '2006-02';
    // h1's cost 99 yuan, and h3's person flagged: read, they would show.
    if (poisoned) [cost[0], flag[3]] = [99, 1];
    acc.addMonth(m, sim, p);
    if (poisoned) [cost[0], flag[3]] = [X[m]![0]!, 0];
  }
  return { acc: acc.closePopulation(), same };
}

const bytes = (acc: ProgramAccumulator): string =>
  JSON.stringify({ months: [...acc.months].map(([m, s]) => [m, s.map((x) => x.components.map((c) => Array.from(c)))]), recipients: acc.recipients.map((r) => Array.from(r)), households: acc.households.map((r) => Array.from(r)) });

describe('program sums month to month', () => {
  it("copies the month before's sums of an unchanged column, and adds a changed one", () => {
    const { acc, same } = accumulate(true);
    // February's x_cost and x_flag are January's values (the same), March's x_cost is not.
    expect(same).toEqual([false, false, true, true, false, true]);
    // Component a, Changchun urban (cell 0): weight 2 × 100 fen in January and February (not
    // 2 × 9,900: February's column was not read), 2 × 200 fen in March; every other cell 0.
    const cell0 = [...acc.months.values()].map((s) => s[0]!.components[0]![0]);
    expect(cell0).toEqual([200, 200, 400]);
    expect([...acc.months.values()].every((s) => s[0]!.components[0]!.every((v, c) => c === 0 || v === 0))).toBe(true);
    // Distinct recipients: h1's first person, weight 2, in cell 0; h3's person (cell 2) was never
    // ORed in (February's flag was not read).
    expect(acc.recipients[0]![0]).toBe(2);
    expect(acc.households[0]![0]).toBe(2);
    expect(acc.recipients[0]![2]).toBe(0);
  });

  it('gives the bytes of adding every month (month to month off)', () => {
    const on = bytes(accumulate(false).acc);
    setTemporal(false);
    try {
      const { acc, same } = accumulate(false);
      expect(same.some((s) => s)).toBe(false);
      expect(bytes(acc)).toBe(on);
    } finally {
      setTemporal(true);
    }
  });
});
