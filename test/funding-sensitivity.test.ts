/**
 * Issue #21, "Funding sensitivity": the funding assumptions that move a projected year's gap most,
 * each moved down and up alone (`jiuzhu project --sensitivity`), as a table and a tornado chart.
 * On datasets/fixture-dibao, the dynamic-growth scenario, 2015 (January × 12). Expected values
 * are worked by hand from the parameters (projection.yaml, funding.yaml) or are identities the
 * costing must keep (what the centre pays more, local budgets pay less).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { compileSpec } from '../src/charts/render.js';
import { tornadoChart, tornadoRows } from '../src/charts/tornado.js';
import { loadDataset, resolveDatasetPath } from '../src/data/dataset.js';
import { sensitivityTable } from '../src/report/sensitivity-table.js';
import { loadScenario } from '../src/scenarios/input/load.js';
import { scenarioResult } from '../src/scenarios/execution/run.js';
import type { Result } from '../src/scenarios/results/result.js';
import { projectScenarioOn, type Projection } from '../src/scenarios/studies/project.js';
import { fundingAssumptions, fundingSensitivity, variantOverrides, type FundingSensitivity } from '../src/scenarios/studies/sensitivity.js';
import { cli, ROOT } from './helpers.js';

const DYNAMIC = join(ROOT, 'scenarios/dynamic-growth-2007-2015.yaml');
const scenario = loadScenario(DYNAMIC);

describe('funding sensitivity of the 2015 gap (fixture-dibao)', () => {
  let p: Projection;
  let f: FundingSensitivity;
  beforeAll(async () => {
    const data = await loadDataset(resolveDatasetPath('fixture-dibao', ROOT));
    p = projectScenarioOn(scenario, data, { from: 2014, to: 2015, monthsPerYear: 1 });
    f = fundingSensitivity(scenario, p);
  }, 120_000);

  it('the gap as projected is the year row’s need − budget, signed', () => {
    const row = p.years.at(-1)!;
    expect(f.year).toBe(2015);
    expect(f.gap).toBeCloseTo(row.budgetNeed - row.budget, 1);
    expect(f.dibaoGap).toBeCloseTo(row.dibaoBudgetNeed - row.dibaoBudget, 1);
  });
  it('the budget share moves the gap by its share of the published 2015 revenue', () => {
    // budget = 0.0509 × 122.93bn = 6.257137bn; ± 25% of it = ± 1.56428425bn.
    const r = f.rows.find((x) => x.path === 'projection.budget_share')!;
    expect(r.low.gap - f.gap).toBeCloseTo(0.25 * 0.0509 * 122_930_000_000, 0);
    expect(f.gap - r.high.gap).toBeCloseTo(0.25 * 0.0509 * 122_930_000_000, 0);
    expect(r.swing).toBeCloseTo(0.5 * 0.0509 * 122_930_000_000, 0);
    // The dibao budget share moves only dibao's gap: 0.25 × 0.0043 × 122.93bn each way.
    const d = f.rows.find((x) => x.path === 'projection.dibao_budget_share')!;
    expect(d.swing).toBe(0);
    expect(d.low.dibaoGap - d.high.dibaoGap).toBeCloseTo(0.5 * 0.0043 * 122_930_000_000, 0);
  });
  it('a larger central dibao share lowers the local need by exactly what the centre pays more', () => {
    const leaf = p.parameters.leaf('funding.dibao.central_share');
    const central = (factor: number): number => {
      const r = scenarioResult(scenario.name, p.sums.at(-1)!, p.parameters.withOverrides(variantOverrides(p.parameters, leaf, factor, 2015)), scenario.inputs);
      return (r.funding.filter((x) => x.source === 'budget' && x.level === 'central').reduce((a, x) => a + Math.round(x.amount * 100), 0) * 12) / 100;
    };
    const r = f.rows.find((x) => x.path === 'funding.dibao.central_share')!;
    expect(r.high.gap).toBeLessThan(r.low.gap);
    expect(r.low.gap - r.high.gap).toBeCloseTo(central(1.25) - central(0.75), 1);
  });
  it('ranks by swing, largest first, and leaves out what moves nothing', () => {
    expect(f.rows.map((r) => r.swing)).toEqual([...f.rows.map((r) => r.swing)].sort((a, b) => b - a));
    expect(f.rows[0]!.path).toBe('projection.budget_share');
    // Splits between prefecture and county, or of the lottery fund, move no local budget need.
    expect(f.rows.some((r) => r.path === 'funding.dibao.local_shares' || r.path.startsWith('funding.source_levels'))).toBe(false);
    expect(fundingAssumptions(p.parameters).map((l) => l.path)).toContain('funding.budget_levels.medical');
  });
  it('a level split moves by its central share, the other levels rescaled to add up to 1', () => {
    // medical {central 0.46, provincial 0.15, prefecture 0.087, county 0.303} (funding.yaml, the
    // national 2006 central share) × 1.25: central 0.575, the rest × 0.425 / 0.54 — provincial
    // 0.118055…, prefecture 0.068472…, county 0.238472…
    const t = p.parameters.withOverrides(variantOverrides(p.parameters, p.parameters.leaf('funding.budget_levels.medical'), 1.25, 2015));
    const at = (category: string): number => t.valueAt('funding.budget_levels.medical', '2015-06-01', { category });
    expect(at('central')).toBeCloseTo(0.575, 12);
    expect(at('provincial')).toBeCloseTo(0.15 * 0.425 / 0.54, 12);
    expect(at('prefecture')).toBeCloseTo(0.087 * 0.425 / 0.54, 12);
    expect(at('county')).toBeCloseTo(0.303 * 0.425 / 0.54, 12);
    expect(at('central') + at('provincial') + at('prefecture') + at('county')).toBeCloseTo(1, 12);
    // Outside the year nothing moves.
    expect(t.valueAt('funding.budget_levels.medical', '2014-06-01', { category: 'central' })).toBe(0.46);
  });
});

describe('the tornado chart and the report table', () => {
  // A hand-made sensitivity: gap −2 bn; A moves it to −1 / −3, B to −2.5 / −1.5.
  const sensitivity = { year: 2015, range: 0.25, gap: -2e9, dibaoGap: 1e8, rows: [
    { path: 'a.x', label: { zh: '甲', en: 'A' }, how: 'scale' as const, low: { factor: 0.75, gap: -1e9, dibaoGap: 1e8 }, high: { factor: 1.25, gap: -3e9, dibaoGap: 1e8 }, swing: 2e9 },
    { path: 'b.y', label: { zh: '乙', en: 'B' }, how: 'central share' as const, low: { factor: 0.75, gap: -2.5e9, dibaoGap: 1e8 }, high: { factor: 1.25, gap: -1.5e9, dibaoGap: 1e8 }, swing: 1e9 },
  ] };
  const result = { meta: {}, period: { from: '2007-01', to: '2015-12' }, scenarios: [{ name: 's', summary: {}, checks: [], sensitivity }], deltas: [] } as unknown as Result;
  it('draws a bar from the projected gap to each variant, in order of swing', async () => {
    expect(tornadoRows(sensitivity, 'en')).toEqual([
      { assumption: 'A', path: 'a.x', rank: 0, variant: '−25%', from: -2e9, to: -1e9 },
      { assumption: 'A', path: 'a.x', rank: 0, variant: '+25%', from: -2e9, to: -3e9 },
      { assumption: 'B', path: 'b.y', rank: 1, variant: '−25%', from: -2e9, to: -2.5e9 },
      { assumption: 'B', path: 'b.y', rank: 1, variant: '+25%', from: -2e9, to: -1.5e9 },
    ]);
    const chart = tornadoChart(result, { lang: 'en' });
    expect(chart.id).toBe('funding-sensitivity');
    // Billion yuan: the bars run −2 → −1 and −2 → −3 for A.
    const bars = (chart.spec as unknown as { layer: { data: { values: { from: number; to: number }[] } }[] }).layer[0]!.data.values;
    expect(bars.slice(0, 2).map((b) => [b.from, b.to])).toEqual([[-2, -1], [-2, -3]]);
    expect((await compileSpec(chart.spec)).warnings).toEqual([]);
  });
  it('the report table lists every row with its gaps in yuan', () => {
    const t = sensitivityTable(result, 'zh');
    expect(t.id).toBe('funding-sensitivity');
    expect(t.rows.map((r) => [r.rank, r.path, r.low, r.high, r.swing])).toEqual([[1, 'a.x', -1e9, -3e9, 2e9], [2, 'b.y', -2.5e9, -1.5e9, 1e9]]);
  });
});

describe('jiuzhu project --sensitivity (CLI)', () => {
  it('prints the five assumptions that move the last year’s gap most; a bad range is a usage error', async () => {
    const r = await cli(['project', DYNAMIC, '--from', '2014', '--to', '2015', '--months-per-year', '1', '--data', 'datasets/fixture-dibao', '--sensitivity']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Funding sensitivity \(2015\)/);
    const ranked = r.stdout.split('\n').filter((l) => /^[1-5]\s{2,}/.test(l));
    expect(ranked[0]).toMatch(/projection\.budget_share/);
    expect(ranked.length).toBeLessThanOrEqual(5);
    expect((await cli(['project', DYNAMIC, '--sensitivity', '--sensitivity-range', '2'])).status).toBe(2);
  });
});
