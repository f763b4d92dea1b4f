/**
 * The funding table (吉政发〔2006〕48号 §二.4 and the funding clauses of §三–§十一): rows add up to
 * every program's cost and payers to the fen; the central and provincial dibao subsidies are
 * allocated by population weights, so a prefecture's allocation does not follow its recipients.
 */
import { describe, expect, it } from 'vitest';
import { withSchemaDefaults } from '../src/data/schema.js';
import { loadDataset, resolveDatasetPath } from '../src/data/dataset.js';
import type { Override } from '../src/engine/parameters/tree.js';
import { createPopulation } from '../src/engine/population.js';
import { PAYERS } from '../src/engine/program.js';
import { baselineParameters } from '../src/policy/parameters.js';
import { dibaoSubsidyAllocation, fundingByLevel, LEVELS } from '../src/scenarios/results/funding.js';
import { accumulateScenario, scenarioResult, type ScenarioResult } from '../src/scenarios/execution/run.js';
import { ROOT } from './helpers.js';

const fen = (x: number): number => Math.round(x * 100);

function run(pop: Parameters<typeof accumulateScenario>[0], overrides: Override[] = [], period = { from: '2006-01', to: '2006-12' }): ScenarioResult {
  const tree = baselineParameters().withOverrides(overrides);
  return scenarioResult('t', accumulateScenario(pop, tree, period, 1), tree);
}

describe('funding rows add up', async () => {
  const ds = await loadDataset(resolveDatasetPath('fixture-dibao', ROOT));
  const r = run(ds.population, [], { from: '2006-11', to: '2007-02' });
  it('to each program’s cost and to each of its payers, to the fen, in every prefecture', () => {
    expect(r.funding.length).toBeGreaterThan(0);
    for (const [id, p] of Object.entries(r.programs)) {
      const rows = r.funding.filter((x) => x.program === id);
      expect(rows.reduce((s, x) => s + fen(x.amount), 0), id).toBe(fen(p.cost));
      for (const payer of PAYERS) expect(rows.filter((x) => x.source === payer).reduce((s, x) => s + fen(x.amount), 0), `${id} ${payer}`).toBe(fen(p.costByPayer[payer]));
      for (const [code, g] of Object.entries(p.byPrefecture)) expect(rows.filter((x) => String(x.prefecture) === code).reduce((s, x) => s + fen(x.amount), 0), `${id} ${code}`).toBe(fen(g.cost));
    }
  });
  it('one row set per calendar year of the period, adding up to the year’s cost', () => {
    expect([...new Set(r.funding.map((x) => `${x.from}:${x.to}`))].sort()).toEqual(['2006-11:2006-12', '2007-01:2007-02']);
    for (const [id, p] of Object.entries(r.programs)) {
      expect(r.funding.filter((x) => x.program === id && x.from === '2007-01').reduce((s, x) => s + fen(x.amount), 0), id).toBe(fen(p.byYear['2007']!.cost));
    }
  });
  it('and over all programs to the total, by level', () => {
    const total = Object.values(r.programs).reduce((s, p) => s + fen(p.cost), 0);
    const byLevel = fundingByLevel(r.funding);
    expect(LEVELS.reduce((s, l) => s + fen(byLevel[l]), 0)).toBe(total);
  });
});

describe('§二.4: the provincial dibao subsidy does not follow recipients', () => {
  // Changchun urban households of one adult with no income: each is paid the 2006 standard, 158
  // a month (§二.1). Ten households of weight 10 cost 100 × 158 = 15,800 a month.
  // Provincial subsidy set to 120,000 a year and the central transfer to 60,000: Changchun's
  // weight is 0.274013 of 1.000002 (the nine population shares), so it is allocated
  // 10,000 × 0.274013 / 1.000002 = 2,740.12 a month provincial and half that, 1,370.06, central —
  // below its cost, so the whole allocation is spent and local budgets pay the rest.
  const households = (n: number) => withSchemaDefaults(createPopulation({
    households: { id: Array.from({ length: n }, (_, i) => i + 1), weight: Array.from({ length: n }, () => 10), columns: { prefecture: Int32Array.from({ length: n }, () => 220100), urban: Uint8Array.from({ length: n }, () => 1) } },
    persons: { id: Array.from({ length: n }, (_, i) => i + 1), household: Array.from({ length: n }, (_, i) => i + 1), columns: { age: Int16Array.from({ length: n }, () => 40) } },
  }));
  const overrides: Override[] = [
    { path: 'funding.dibao.provincial_subsidy', set: 120000 },
    { path: 'funding.dibao.central_subsidy', set: 60000 },
    { path: 'events.enabled', set: false },
  ];
  const period = { from: '2006-01', to: '2006-03' };
  const level = (r: ScenarioResult, l: string) => r.funding.filter((x) => x.program === 'dibao' && x.prefecture === 220100 && x.level === l).reduce((s, x) => s + x.amount, 0);
  it('doubling Changchun’s recipients leaves its provincial and central allocations unchanged', () => {
    const one = run(households(10), overrides, period);
    const two = run(households(20), overrides, period);
    expect(one.programs.dibao!.cost).toBe(3 * 15800);
    expect(two.programs.dibao!.cost).toBe(3 * 31600);
    // 3 months × 2,740.12 = 8,220.37 (the monthly amounts summed in fen before rounding: 3 × 274,012.45 fen = 822,037.35 → 822,037).
    expect(level(one, 'provincial')).toBe(8220.37);
    expect(level(two, 'provincial')).toBe(8220.37);
    expect(level(one, 'central')).toBe(level(two, 'central'));
    // The local budgets pay the rest, half each: (47,400 − 8,220.37 − 4,110.19) / 2 = 17,534.72 each (odd fen to the prefecture).
    expect(level(one, 'central')).toBe(4110.19);
    expect(level(one, 'prefecture') + level(one, 'county')).toBeCloseTo(47400 - 8220.37 - 4110.19, 6);
    expect(level(two, 'prefecture') + level(two, 'county')).toBeCloseTo(94800 - 8220.37 - 4110.19, 6);
  });
  it('the allocation reads no population at all', () => {
    const tree = baselineParameters();
    // 2006 provincial subsidy 100,000,000 × 0.274013 / 1.000002 = 27,401,245.20 for Changchun over the year.
    expect(dibaoSubsidyAllocation(tree, Array.from({ length: 12 }, (_, i) => `2006-${String(i + 1).padStart(2, '0')}`), 220100).provincial).toBe(2740124520);
  });
  it('never allocates more than the prefecture’s cost: local budgets pay nothing then', () => {
    // The 2006 baseline subsidies (Changchun: 123.3 million central a year) dwarf these households' 47,400.
    const r = run(households(10), [{ path: 'events.enabled', set: false }], period);
    expect(level(r, 'central')).toBe(47400);
    expect(level(r, 'provincial') + level(r, 'prefecture') + level(r, 'county')).toBe(0);
  });
});
