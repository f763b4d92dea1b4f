/**
 * Published outcomes (datasets/jilin-2006/outcomes.yaml) against the default baseline.
 * Calibration figures are asserted within their stated tolerance; validation figures are only
 * required to be shown (compared or listed as not modelled), never asserted against.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDataset, resolveDatasetPath, type Dataset } from '../src/data/dataset.js';
import { isJiuzhuError } from '../src/engine/errors.js';
import { compareOutcomes, loadOutcomes, outcomesTableRows, type OutcomeRow } from '../src/outcomes/index.js';
import { loadScenario } from '../src/scenarios/input/load.js';
import { compareScenariosOn } from '../src/scenarios/studies/compare.js';
import type { Result } from '../src/scenarios/results/result.js';
import { runScenarioOn } from '../src/scenarios/execution/run.js';
import { outcomeCounts } from '../src/cli/outcomes.js';
import { ROOT } from './helpers.js';

const outcomes = loadOutcomes(join(ROOT, 'datasets/jilin-2006/outcomes.yaml'));

describe('datasets/jilin-2006/outcomes.yaml', () => {
  it('lists at least 15 published figures, each with a source and a quote, in one role only', () => {
    expect(outcomes.figures.length).toBeGreaterThanOrEqual(15);
    for (const f of outcomes.figures) {
      expect(f.source.length, f.id).toBeGreaterThan(10);
      expect(f.quote.length, f.id).toBeGreaterThan(3);
      expect(['calibration', 'validation']).toContain(f.role);
    }
    expect(new Set(outcomes.figures.map((f) => f.id)).size).toBe(outcomes.figures.length);
  });

  it('a bad figure is one located error: file, line and key', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jiuzhu-outcomes-'));
    const file = join(dir, 'outcomes.yaml');
    // Line 10 has role 'both', which no figure may have.
    writeFileSync(file, ['name: x', 'description: y', 'figures:', '  - id: a', '    label: {zh: 甲, en: A}', '    value: 1', '    unit: persons', '    year: 2006', '    area: urban', '    role: both', '    prefecture: null', '    scope: jilin', '    measure: dibao.recipients', '    source: somewhere', '    quote: "1"', '    tolerance: 0.1', '    confidence: low', ''].join('\n'));
    try {
      loadOutcomes(file);
      expect.unreachable();
    } catch (e) {
      expect(isJiuzhuError(e)).toBe(true);
      const err = e as { code: string; location: { file: string; line: number; key: string } };
      expect(err.code).toBe('BAD_OUTCOMES');
      expect(err.location).toMatchObject({ file, line: 10, key: 'figures.0.role' });
    }
  });
});

describe('the default baseline against the published outcomes', () => {
  let result: Result;
  let rows: OutcomeRow[];
  beforeAll(async () => {
    const ds = await loadDataset(resolveDatasetPath('jilin-2006'));
    result = compareScenariosOn([loadScenario(join(ROOT, 'scenarios/baseline-2006.yaml'))], ds, { timestamp: false });
    rows = compareOutcomes(outcomes, result);
  }, 120_000);

  it('every calibration figure of 2006 is within its tolerance (the caseloads within 10%)', () => {
    const cal = rows.filter((r) => r.role === 'calibration' && r.withinTolerance !== null);
    // jilin_rural_recipients_2006_end (604,122, derived from Jilin's end-2007 count), jilin_urban_recipients_2006_derived
    // (1,026,392 = 1,000,000 × 2240.1万 ÷ 2182.5万, Xinhua 2003 and MCA 2006), urban_takeup_gao2009 (0.5, Gao et al. 2009).
    expect(cal.map((r) => r.id).sort()).toEqual(['jilin_rural_recipients_2006_end', 'jilin_urban_recipients_2006_derived', 'urban_takeup_gao2009']);
    for (const r of cal) expect(Math.abs(r.relativeDifference!), `${r.id}: simulated ${r.simulated} vs ${r.published}`).toBeLessThanOrEqual(r.tolerance);
    // The two caseloads are fitted to within 10% (the bar), whatever their stated tolerance.
    expect(rows.find((r) => r.id === 'jilin_urban_recipients_2006_derived')!.published).toBe(1_026_392);
    for (const id of ['jilin_rural_recipients_2006_end', 'jilin_urban_recipients_2006_derived']) expect(Math.abs(rows.find((r) => r.id === id)!.relativeDifference!)).toBeLessThan(0.1);
  });

  it('shows every figure: at least 15 compared, at least 5 of them validation, the rest listed with a reason', () => {
    expect(rows).toHaveLength(outcomes.figures.length);
    const c = outcomeCounts(rows);
    expect(c.compared).toBeGreaterThanOrEqual(15);
    expect(c.compared + c.notModelled).toBe(c.figures);
    expect(rows.filter((r) => r.role === 'validation' && r.withinTolerance !== null).length).toBeGreaterThanOrEqual(5);
    for (const r of rows.filter((x) => x.withinTolerance === null)) expect(r.notModelled, r.id).toMatch(/./);
    // The rendered table has one row per figure, with the status in column 9.
    const text = outcomesTableRows(rows, 'en');
    expect(text).toHaveLength(rows.length);
    for (const t of text) expect(t[8]).toMatch(/^(within|OUTSIDE|not modelled: .)/);
  });

  it('programs.dibao splits its recipients: the regular caseload (average month = the summary’s recipients) and temporary aid', () => {
    const s = result.scenarios[0]!;
    const d = s.programs!.dibao!;
    // Two accumulators count the same receipt (dibao_receives): the §二 summary by household size, the program by its person rule.
    for (const a of ['urban', 'rural'] as const) expect(d.byArea[a]!.recipientGroups!.regular!.averageMonth).toBeCloseTo(s.summary.byArea![a]!.recipients, 6);
    const g = d.recipientGroups!;
    // Distinct over the year ≥ the average month; everyone counted in a group is a recipient of the program.
    expect(g.regular!.distinct).toBeGreaterThanOrEqual(g.regular!.averageMonth);
    expect(g.regular!.distinct).toBeLessThanOrEqual(d.recipients!);
    expect(g.temporary!.distinct).toBeGreaterThan(0);
    expect(g.temporary!.distinct).toBeLessThanOrEqual(d.recipients!);
    expect(d.recipientGroupLabels!.regular!.zh).toBe('低保对象（常规低保金）');
  });

  it('year-end figures read the December caseload of their area', () => {
    const r = rows.find((x) => x.id === 'jilin_rural_recipients_2006_end')!;
    const dec = (result.scenarios[0]!.months as unknown as { month: string; byArea: { rural: { recipients: number } } }[]).find((m) => m.month === '2006-12')!;
    expect(r.simulated).toBe(dec.byArea.rural.recipients);
  });
});

describe('perfect implementation on the calibrated baseline', () => {
  it('take-up 1 and an exact means test give targeting errors of exactly 0, with the hukou condition and the rural roll-out on', async () => {
    const ds = await loadDataset(resolveDatasetPath('jilin-2006'));
    const t = runScenarioOn(loadScenario(join(ROOT, 'test/scenarios/perfect-calibrated.yaml')), ds, { period: { from: '2006-06', to: '2006-06' } }).summary;
    for (const g of [t, t.byArea.urban!, t.byArea.rural!]) {
      expect(g.targeting.inclusionError).toBe(0);
      expect(g.targeting.exclusionError).toBe(0);
      expect(g.targeting.leakage).toBe(0);
    }
  }, 120_000);
});
