/**
 * The report for a department head (issue 24): an executive first page in sentences, then 3–4
 * charts, scenario names for readers, money in the reader's unit. Figures are the hand-worked
 * fixture's (test/fixture-dibao.test.ts header): dibao 16,370.40 → 19,971.84 yuan a year,
 * recipients 25 → 26 a month.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDataset, resolveDatasetPath } from '../src/data/dataset.js';
import { executiveSummary, scenarioTitle } from '../src/report/executive.js';
import { writeReport } from '../src/report/write.js';
import { loadScenario, type Scenario } from '../src/scenarios/input/load.js';
import { compareScenarios } from '../src/scenarios/studies/compare.js';
import { type Result } from '../src/scenarios/results/result.js';
import { ROOT } from './helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'jiuzhu-readers-report-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

let scenarios: Scenario[];
let result: Result;
beforeAll(async () => {
  scenarios = ['test/scenarios/perfect-baseline.yaml', 'test/scenarios/perfect-reform.yaml'].map((f) => loadScenario(join(ROOT, f)));
  const data = await loadDataset(resolveDatasetPath('fixture-dibao'));
  result = await compareScenarios(scenarios, data, { period: { from: '2006-01', to: '2006-12' }, timestamp: false });
});

describe('executive summary', () => {
  it('answers what changed, the annual cost, who pays, how many people and poverty, in sentences', () => {
    const zh = executiveSummary(result, 'zh');
    expect(zh).toHaveLength(5);
    expect(zh[0]).toMatch(/^改革内容：/);
    // 19,971.84 ÷ 1e4 = 2.00 万元; 16,370.40 → 1.64; change 3,601.44 → 0.36; 19,971.84 / 16,370.40 − 1 = 22.0%.
    expect(zh[1]).toMatch(/^年度支出：低保每年 2\.00万元，比基线 1\.64万元 增加 0\.36万元（\+22\.0%）/);
    expect(zh[2]).toMatch(/^谁来支付：/);
    // 26 recipients in an average month, 1 more than the baseline's 25.
    expect(zh[3]).toMatch(/^受益人数：平均每月 26 人领取低保，比基线多 1 人/);
    expect(zh[4]).toMatch(/^贫困：按基线的低保标准（固定贫困线）衡量.*变动贫困线/);
    const en = executiveSummary(result, 'en');
    // 19,971.84 yuan = 0.02 million; the change 3,601.44 would read 0.00 million, so it is given in yuan.
    expect(en[1]).toMatch(/^Annual cost: dibao costs 0\.02 million yuan a year, up 3,601\.44 yuan \(\+22\.0%\) from 0\.02 million yuan/);
  });
  it('names scenarios by the head of their description', () => {
    const base = loadScenario(join(ROOT, 'scenarios/baseline-2006.yaml'));
    expect(scenarioTitle(base, base.name, 'en')).toBe('Baseline 2006');
    expect(scenarioTitle(base, base.name, 'zh')).toBe('2006年基线');
  });
});

describe('report page', () => {
  it('opens with the summary, then at most four charts, then the tables; money tables state their unit', async () => {
    const written = await writeReport(join(tmp, 'r'), result, { lang: 'zh' });
    const html = readFileSync(written.index, 'utf8');
    const at = (s: string): number => html.indexOf(s);
    expect(at('<section id="findings" class="executive">')).toBeGreaterThan(0);
    expect(at('<section id="findings"')).toBeLessThan(at('<nav>'));
    expect(at('<nav>')).toBeLessThan(at('<section id="charts">'));
    expect(at('<section id="charts">')).toBeLessThan(at('<section id="summary"'));
    const keyCharts = html.slice(at('<section id="charts">'), at('<section id="summary"')).match(/<figure class="chart"/g) ?? [];
    expect(keyCharts.length).toBeGreaterThanOrEqual(3);
    expect(keyCharts.length).toBeLessThanOrEqual(4);
    expect(html).toContain('<p class="unit">单位：万元</p>');
    // Print: A4, the summary alone on page 1, tables wrapping instead of running off the page.
    expect(html).toMatch(/@page\{size:A4/);
    expect(html).toMatch(/section\.executive\{break-after:page/);
    expect(html).toMatch(/overflow-wrap:anywhere/);
    // The prefectures table shows names, its code column kept for CSV and Excel only.
    const pref = html.slice(at('<section id="prefectures"'), html.indexOf('</section>', at('<section id="prefectures"')));
    expect(pref).toContain('延边');
    expect(pref).not.toMatch(/>222,?400(\.00)?</);
  }, 120_000);
});
