/**
 * `jiuzhu comply` (issue 22): on the hand-worked fixture (datasets/fixture-dibao, perfect
 * implementation: test/scenarios/perfect-baseline.yaml), the least change of each clause's lever
 * that makes its failing check comply, its added annual cost, and the scenario it writes.
 *
 * §二.2, top-up reading (test/fixture-dibao.test.ts works the sides out): urban top-ups average
 * (45 × 3 + 41.7) / 4 = 44.175 against an urban average gap of 866 / 12 = 72.1667, so the rates
 * must be scaled by more than 72.1667 / 44.175 = 1.63366; on the solver's lattice (xtol 0.001 for
 * the range 1–4) the least is 1.634 (the pooled row needs only 43.40 / 39.886 = 1.0881; rural
 * already complies). At × 1.634 the household top-ups, rate × 1.634 × standard rounded to the fen:
 *   hh3 0.3 × 1.634 × 150 = 73.53 (w 3) | hh4 0.5 × 1.634 × 69 = 56.37 (w 2)
 *   hh5 0.3 × 1.634 × 139 = 68.14       | hh9 max(0.3, 0.5, 0.5) × 1.634 × 67 = 54.74
 *   = 220.59 + 112.74 + 68.14 + 54.74 = 456.21 a month against 279.2: + 177.01 × 12 = 2,124.12 a
 *   year, all paid by the budget.
 * §八.1: the floor level_ratio × the net-income level; the net-income reading complies from 1,
 * the consumption reading (level × 0.75) from 0.75, exactly (the floor is then the level itself).
 * The fixture has no wubao person (no sanwu column), so raising the floor costs nothing here.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDataset, resolveDatasetPath, type Dataset } from '../src/data/dataset.js';
import { runScenarioOn } from '../src/scenarios/execution/run.js';
import { loadScenario, type Scenario } from '../src/scenarios/input/load.js';
import { complyScenario, writeComplianceScenario, type ComplianceResult } from '../src/scenarios/studies/comply.js';
import { complianceCostTable } from '../src/report/compliance-table.js';
import { writeReport } from '../src/report/write.js';
import { compareScenarios } from '../src/scenarios/studies/compare.js';
import { cli, ROOT } from './helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'jiuzhu-comply-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

let data: Dataset;
let scenario: Scenario;
let result: ComplianceResult;
const FILE = join(ROOT, 'test/scenarios/perfect-baseline.yaml');
beforeAll(async () => {
  data = await loadDataset(resolveDatasetPath('fixture-dibao'));
  scenario = loadScenario(FILE);
  result = complyScenario(scenario, data);
});

describe('comply on the hand-worked fixture', () => {
  it('lists every failing check and reading with its lever and the least value that complies', () => {
    const rows = result.items.map((i) => [i.clause, i.check, i.reading.id, i.lever?.path, i.lever?.from, i.lever?.value, i.status]);
    expect(rows).toEqual([
      ['二.2', 'classified-above-average-gap', 'top-up', 'dibao.classified.rate', 1, 1.634, 'solved'],
      ['八.1', 'wubao-standard-not-below-living-level', 'net-income', 'wubao.standard.level_ratio', 0, 1, 'solved'],
      ['八.1', 'wubao-standard-not-below-living-level', 'consumption', 'wubao.standard.level_ratio', 0, 0.75, 'solved'],
    ]);
    // The payment reading of §二.2 complies already (79.03 > 43.40, by area too): not listed.
    expect(result.items.some((i) => i.reading.id === 'payment')).toBe(false);
  });
  it('gives the added annual cost by payer: 2,124.12 yuan of budget for §二.2, nothing for §八.1 here', () => {
    const classified = result.items[0]!.addedAnnual!;
    expect(classified.total).toBe(2124.12);
    expect(classified.byPayer.budget).toBe(2124.12);
    expect(Object.entries(classified.byPayer).filter(([p]) => p !== 'budget').every(([, v]) => v === 0)).toBe(true);
    expect(result.items[1]!.addedAnnual!.total).toBe(0);
  });
  it('searches the parameter-only §八.1 check without runs; every change together complies', () => {
    // §二.2 needs a run per value tried; §八.1's values are read off the tree.
    expect(result.items[0]!.runs).toBe(result.items[0]!.evaluations);
    expect(result.items[0]!.runs).toBeGreaterThan(5);
    expect(result.items[1]!.runs).toBe(0);
    expect(result.items[1]!.evaluations).toBeGreaterThan(5);
    expect(result.combined).toMatchObject({ overrides: [{ path: 'dibao.classified.rate', scale: 1.634 }, { path: 'wubao.standard.level_ratio', set: 1 }], complies: true });
    expect(result.combined!.addedAnnual.total).toBe(2124.12);
  });
  it('writes a scenario extending the input; running it makes those checks comply', () => {
    const out = join(tmp, 'compliant.yaml');
    const back = writeComplianceScenario(FILE, out, scenario, result);
    expect(readFileSync(out, 'utf8')).toMatch(/^extends: .*perfect-baseline\.yaml$/m);
    expect(back.name).toBe('compliant');
    expect(back.baseline).toBe('baseline-2006');
    const run = runScenarioOn(loadScenario(out), data);
    const status = (id: string, reading: string, key: string): string | undefined => run.checks.find((c) => c.id === id && c.reading.id === reading && c.scope.key === key)?.status;
    for (const key of ['jilin', 'urban', 'rural']) expect(status('classified-above-average-gap', 'top-up', key), key).toBe('complies');
    for (const reading of ['net-income', 'consumption']) expect(status('wubao-standard-not-below-living-level', reading, 'jilin'), reading).toBe('complies');
    // Every prefecture row of §八.1 complies too: the floor is the level in each.
    expect(run.checks.filter((c) => c.id === 'wubao-standard-not-below-living-level' && c.scope.kind === 'prefecture').every((c) => c.status === 'complies')).toBe(true);
  });
  it('lists a failing check whose clause names no lever, without a change', () => {
    // A build programme that never ends (0.1 a year from 2008, never 0) cannot give every township
    // its centre: §九.1 does not comply, and the clause sets no amount to solve for.
    const never = { ...scenario, overrides: [...scenario.overrides, { path: 'facilities.welfare_centres.build_share', set: 0.1, from: '2008-01-01' }] } as Scenario;
    const r = complyScenario(never, data, { period: { from: '2006-01', to: '2006-01' } });
    const item = r.items.find((i) => i.clause === '九.1')!;
    expect(item.status).toBe('no-lever');
    expect(item.override).toBeUndefined();
    expect(item.noLever!.en).toMatch(/sets no date/);
  });
});

describe('the report\'s cost-of-compliance table', () => {
  it('has a row per failing check and reading and one for every change together, money by payer', () => {
    const t = complianceCostTable([result], 'en');
    expect(t.id).toBe('compliance-cost');
    // Only the budget pays anything here (2,124.12 a year for §二.2), so it is the one payer column.
    expect(t.columns.map((c) => c.key)).toEqual(['scenario', 'clause', 'reading', 'lever', 'from', 'to', 'added', 'payer.budget']);
    expect(t.rows.map((r) => [r.clause, r.reading, r.from, r.to, r.added, r['payer.budget']])).toEqual([
      ['§二.2', 'top-up reading', 1, 1.634, 2124.12, 2124.12],
      ['§八.1', 'net-income reading', 0, 1, 0, 0],
      ['§八.1', 'consumption reading', 0, 0.75, 0, 0],
      ['together', '', null, null, 2124.12, 2124.12],
    ]);
    // Without results (the report did not ask) the table has no rows and is left out.
    expect(complianceCostTable([], 'en').rows).toEqual([]);
  });
  it('is written into the report when given, and the checks table says when it was not computed', async () => {
    const doc = await compareScenarios([scenario], data, { timestamp: false });
    const withCost = await writeReport(join(tmp, 'with'), doc, { lang: 'en', compliance: [result] });
    const csv = readFileSync(join(withCost.dir, 'tables/compliance-cost.csv'), 'utf8');
    expect(csv).toContain('2124.12');
    const html = readFileSync(withCost.index, 'utf8');
    expect(html).toContain('id="table-compliance-cost"');
    // The baseline sentence: perfect-baseline extends baseline-2006.
    expect(html).toContain('Scenario perfect-baseline rests on baseline-2006, that is 2006 as it was');
    const without = await writeReport(join(tmp, 'without'), doc, { lang: 'en' });
    expect(readFileSync(without.index, 'utf8')).not.toContain('id="table-compliance-cost"');
    expect(readFileSync(join(without.dir, 'tables/checks.json'), 'utf8')).toContain('computed only with jiuzhu report --comply or jiuzhu comply; this report did not compute it');
  });
});

describe('jiuzhu comply on the command line', () => {
  it('prints the cost-of-compliance table in Chinese', async () => {
    const r = await cli(['comply', 'test/scenarios/perfect-baseline.yaml', '--data', 'datasets/fixture-dibao', '--period', '2006-01:2006-01', '--lang', 'zh']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^条款符合的成本 · perfect-baseline/);
    expect(r.stdout).toContain('分类施保补助比例（倍数）');
    expect(r.stdout).toMatch(/§八\.1 +纯收入口径/);
  });
  it('a missing scenario is one located line and exit 3', async () => {
    const r = await cli(['comply', 'scenarios/nope.yaml']);
    expect(r.status).toBe(3);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('scenarios/nope.yaml');
  });
  it('--help says what it does and how', async () => {
    const r = await cli(['comply', '--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/least\s+change of the lever its\s+clause names/);
    expect(r.stdout).toContain('--write <file>');
    expect(r.stdout).toContain('$ jiuzhu comply scenarios/baseline-2006.yaml');
  });
});
