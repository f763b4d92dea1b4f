/**
 * The funding table (吉政发〔2006〕48号 §二.4 and the funding clauses of §三–§十一): rows add up to
 * every program's cost and payers to the fen; government money carries a level, the other payers
 * (households, collectives, hospitals, universities, donors) none; the §二.4 transfers are rules —
 * the central transfer a share of need, the provincial subsidy a share of what the standard above
 * a base costs on a reference caseload, so a raise of the standard moves provincial money and a
 * change of recipients alone does not.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withSchemaDefaults } from '../src/data/schema.js';
import { loadDataset, resolveDatasetPath } from '../src/data/dataset.js';
import type { Override } from '../src/engine/parameters/tree.js';
import { createPopulation } from '../src/engine/population.js';
import { PAYERS } from '../src/engine/program.js';
import { baselineParameters } from '../src/policy/parameters.js';
import { centralTransfer, provincialSubsidy } from '../src/scenarios/execution/dibao-transfers.js';
import { fundingByLevel, fundingByOtherPayer, LEVELS, OTHER_PAYERS, PAYER_OF } from '../src/scenarios/results/funding.js';
import { loadScenario } from '../src/scenarios/input/load.js';
import { accumulateScenario, runScenarioOn, scenarioResult, type ScenarioResult } from '../src/scenarios/execution/run.js';
import { ROOT } from './helpers.js';

const fen = (x: number): number => Math.round(x * 100);
const sumFen = (rows: readonly { amount: number }[]): number => rows.reduce((s, x) => s + fen(x.amount), 0);

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
      expect(sumFen(rows), id).toBe(fen(p.cost));
      for (const payer of PAYERS) expect(sumFen(rows.filter((x) => x.source === PAYER_OF[payer].source)), `${id} ${payer}`).toBe(fen(p.costByPayer[payer]));
      for (const [code, g] of Object.entries(p.byPrefecture)) expect(sumFen(rows.filter((x) => String(x.prefecture) === code)), `${id} ${code}`).toBe(fen(g.cost));
    }
  });
  it('one row set per calendar year of the period, adding up to the year’s cost', () => {
    expect([...new Set(r.funding.map((x) => `${x.from}:${x.to}`))].sort()).toEqual(['2006-11:2006-12', '2007-01:2007-02']);
    for (const [id, p] of Object.entries(r.programs)) {
      expect(sumFen(r.funding.filter((x) => x.program === id && x.from === '2007-01')), id).toBe(fen(p.byYear['2007']!.cost));
    }
  });
  it('and over all programs to the total: government by level plus the other payers', () => {
    const total = Object.values(r.programs).reduce((s, p) => s + fen(p.cost), 0);
    const byLevel = fundingByLevel(r.funding);
    const others = fundingByOtherPayer(r.funding);
    expect(LEVELS.reduce((s, l) => s + fen(byLevel[l]), 0) + OTHER_PAYERS.reduce((s, p) => s + fen(others[p]), 0)).toBe(total);
  });
});

describe('on the baseline, payers that are not the government carry no level of government', async () => {
  // scenarios/baseline-2006.yaml run on datasets/fixture-system for a quarter. The welfare-centre
  // programme (§九.1) is costed in every cell and charges donations and the village collectives
  // (src/programs/facilities), so non-government rows exist; the discount card charges hospitals.
  const baseline = loadScenario(join(ROOT, 'scenarios/baseline-2006.yaml'));
  const ds = await loadDataset(resolveDatasetPath('fixture-system', ROOT));
  const r = runScenarioOn(baseline, ds, { period: { from: '2007-01', to: '2007-03' } });
  const others = r.funding.filter((x) => x.payerType === 'non-government');
  it('every non-government row has level null and names its payer; every government row has a level', () => {
    expect(new Set(others.map((x) => x.source)).has('collectives')).toBe(true);
    expect(new Set(others.map((x) => x.source)).has('donors')).toBe(true);
    for (const x of others) {
      expect(x.level, `${x.program} ${x.source}`).toBeNull();
      expect(OTHER_PAYERS as readonly string[]).toContain(x.source);
    }
    for (const x of r.funding.filter((y) => y.payerType === 'government')) {
      expect(LEVELS as readonly (string | null)[]).toContain(x.level);
      expect(['budget', 'lottery', 'landRevenue']).toContain(x.source);
    }
  });
  it('the collectives’, households’, hospitals’, universities’ and donors’ money is exactly their costByPayer', () => {
    const byPayer = fundingByOtherPayer(r.funding);
    const cost = (p: (typeof PAYERS)[number]): number => Object.values(r.programs).reduce((s, x) => s + fen(x.costByPayer[p]), 0);
    expect(fen(byPayer.collectives)).toBe(cost('collective'));
    expect(fen(byPayer.households)).toBe(cost('individual'));
    expect(fen(byPayer.hospitals)).toBe(cost('hospitals'));
    expect(fen(byPayer.universities)).toBe(cost('tuitionSetAside'));
    expect(fen(byPayer.donors)).toBe(cost('donations'));
  });
});

describe('§二.4 transfer rules, one cell and month', () => {
  it('central: a share of need, to the fen', () => {
    // 16,000 yuan = 1,600,000 fen × 0.36 = 576,000 fen.
    expect(centralTransfer(1600000, 0.36)).toBe(576000);
  });
  it('provincial: a share of the standard above the base on the reference caseload; nothing at or below the base', () => {
    // 0.5 × (176 − 150) × 0.05 × 100 residents = 65 yuan = 6,500 fen.
    expect(provincialSubsidy(176, 150, 0.5, 0.05, 100)).toBe(6500);
    expect(provincialSubsidy(150, 150, 0.5, 0.05, 100)).toBe(0);
    expect(provincialSubsidy(140, 150, 0.5, 0.05, 100)).toBe(0);
  });
});

describe('compare baseline-2006 raise-standard-10pct: a raise of the standard moves provincial money (§二.4)', () => {
  // Changchun urban households of one adult aged 40; income none, or 1,000 a month of earnings
  // (counted 800, above any standard here: never a recipient). Weight 10 each. The transfer
  // parameters are set here so the hand-worked numbers do not follow the baseline's values:
  //   dibao.standard Changchun urban 160; central_share urban 0.5; provincial increase_share 0.5,
  //   base_standard urban 150, reference_coverage urban 0.05; events off; 2006-01 … 2006-03.
  const households = (poor: number, rich: number) => {
    const n = poor + rich;
    const ids = Array.from({ length: n }, (_, i) => i + 1);
    return withSchemaDefaults(createPopulation({
      households: { id: ids, weight: ids.map(() => 10), columns: { prefecture: Int32Array.from(ids, () => 220100), urban: Uint8Array.from(ids, () => 1) } },
      persons: { id: ids, household: ids, columns: { age: Int16Array.from(ids, () => 40), earnings: Float64Array.from(ids, (_, i) => (i < poor ? 0 : 1000)) } },
    }));
  };
  const fixed: Override[] = [
    { path: 'dibao.standard', set: 160, where: { prefecture: 220100, area: 'urban' } },
    { path: 'funding.dibao.central_share', set: 0.5, where: { area: 'urban' } },
    { path: 'funding.dibao.provincial.increase_share', set: 0.5 },
    { path: 'funding.dibao.provincial.base_standard', set: 150, where: { area: 'urban' } },
    { path: 'funding.dibao.provincial.reference_coverage', set: 0.05, where: { area: 'urban' } },
    { path: 'events.enabled', set: false },
  ];
  // The raise scenario's own override, read from its file (it extends baseline-2006.yaml).
  const raiseFile = readFileSync(join(ROOT, 'scenarios/raise-standard-10pct.yaml'), 'utf8');
  const raise: Override = { path: 'dibao.standard', scale: 1.1 };
  const period = { from: '2006-01', to: '2006-03' };
  const level = (r: ScenarioResult, l: string): number => sumFen(r.funding.filter((x) => x.program === 'dibao' && x.prefecture === 220100 && x.level === l)) / 100;

  it('the scenario file raises every standard by 10%', () => {
    expect(raiseFile).toMatch(/- path: dibao\.standard\n\s+scale: 1\.10/);
  });
  it('provincial 75 → 195 yuan, central 24,000 → 26,400, local budgets the rest', () => {
    // Baseline: 10 households × 10 = 100 recipients × 160 = 16,000 a month, 48,000 for the quarter.
    //   central 0.5 × 16,000 = 8,000 a month → 24,000; provincial 0.5 × (160 − 150) × 0.05 × 100
    //   residents = 25 a month → 75; the rest 48,000 − 24,075 = 23,925 by the baseline's local_shares
    //   prefecture 0.223 / county 0.777 (2003 education spending below the province, Qiao & Shah p. 144):
    //   in fen 533,527.5 / 1,858,972.5, the spare fen (tie .5 / .5) to prefecture → 5,335.28 / 18,589.72.
    // Raise: standard 176, 17,600 a month → 52,800; central 8,800 → 26,400; provincial
    //   0.5 × 26 × 0.05 × 100 = 65 a month → 195; the rest 52,800 − 26,595 = 26,205: 584,371.5 / 2,036,128.5
    //   fen → 5,843.72 / 20,361.28.
    // The province pays 120 more = half the 16-yuan raise on a reference caseload of 5 persons, 3 months.
    const base = run(households(10, 0), fixed, period);
    const raised = run(households(10, 0), [...fixed, raise], period);
    expect(base.programs.dibao!.cost).toBe(48000);
    expect(raised.programs.dibao!.cost).toBe(52800);
    expect([level(base, 'central'), level(base, 'provincial'), level(base, 'prefecture'), level(base, 'county')]).toEqual([24000, 75, 5335.28, 18589.72]);
    expect([level(raised, 'central'), level(raised, 'provincial'), level(raised, 'prefecture'), level(raised, 'county')]).toEqual([26400, 195, 5843.72, 20361.28]);
  });
  it('twice the recipients among the same residents leave the provincial subsidy unchanged', () => {
    // 20 households (200 residents) either way: 10 or 20 of them poor. Provincial 0.5 × 10 × 0.05 × 200
    // = 50 a month → 150 in both; central follows need: 0.5 × 16,000 × 3 = 24,000 against 48,000.
    const some = run(households(10, 10), fixed, period);
    const all = run(households(20, 0), fixed, period);
    expect(some.programs.dibao!.cost).toBe(48000);
    expect(all.programs.dibao!.cost).toBe(96000);
    expect(level(some, 'provincial')).toBe(150);
    expect(level(all, 'provincial')).toBe(150);
    expect(level(some, 'central')).toBe(24000);
    expect(level(all, 'central')).toBe(48000);
  });
});
