/**
 * Dibao results by prefecture, per resident so that Changchun's size does not hide the rest:
 * recipients per 1,000 residents, and the annualised cost per resident.
 */
import type { Result } from '../scenarios/results/result.js';
import { makeChart, round } from './chart.js';
import { prefectureName, resolveLang, tx, withUnit, type ChartOptions, type ChartLang } from './labels.js';
import type { Chart } from './render.js';

/** One prefecture of one scenario (the §二 dibao summary). */
export interface PrefectureRow {
  scenario: string;
  code: string;
  prefecture: string;
  /** Recipients (average month) per 1,000 residents. */
  recipientsPerThousand: number;
  /** Annualised dibao cost per resident, yuan per person per year. */
  costPerResident: number;
}

/** Per-resident dibao figures of every prefecture of every scenario. */
export function prefectureRows(result: Result, lang: ChartLang): PrefectureRow[] {
  return result.scenarios.flatMap((s) => Object.entries(s.summary.byPrefecture ?? {}).map(([code, g]) => ({
    scenario: s.name,
    code,
    prefecture: prefectureName(code, lang),
    recipientsPerThousand: g.population > 0 ? (1000 * g.recipients) / g.population : 0,
    costPerResident: g.population > 0 ? g.costAnnual / g.population : 0,
  })));
}

/** Dibao recipients per 1,000 residents and cost per resident, by prefecture. */
export function prefecturesChart(result: Result, options: ChartOptions = {}): Chart {
  const r = resolveLang(options);
  const rows = prefectureRows(result, r.lang);
  const values = rows.map((x) => ({ scenario: x.scenario, prefecture: x.prefecture, recipients: round(x.recipientsPerThousand, 2), cost: round(x.costPerResident, 2) }));
  const domain = [...new Set(rows.map((x) => x.prefecture))];
  const y = { field: 'prefecture', type: 'nominal', scale: { domain }, title: tx(r.lang, '市（州）', 'Prefecture') };
  const common = {
    ...(result.scenarios.length > 1 ? { yOffset: { field: 'scenario', type: 'nominal' } } : {}),
    color: { field: 'scenario', type: 'nominal', title: tx(r.lang, '情景', 'Scenario') },
  };
  const recipientsTitle = withUnit(r.lang, { zh: '低保人数', en: 'Dibao recipients' }, { zh: '人/千人', en: 'persons per 1,000 residents' });
  const costTitle = withUnit(r.lang, { zh: '人均低保支出（年化）', en: 'Dibao cost per resident, annualised' }, { zh: '元/人/年', en: 'yuan per person per year' });
  return makeChart('prefectures', tx(r.lang, '各市（州）低保情况', 'Dibao by prefecture'), {
    data: { values },
    hconcat: [
      { width: 260, mark: 'bar', encoding: { y, x: { field: 'recipients', type: 'quantitative', title: recipientsTitle }, ...common, tooltip: [{ field: 'prefecture', type: 'nominal' }, { field: 'scenario', type: 'nominal' }, { field: 'recipients', type: 'quantitative', title: recipientsTitle }] } },
      { width: 260, mark: 'bar', encoding: { y: { ...y, axis: { labels: false }, title: null }, x: { field: 'cost', type: 'quantitative', title: costTitle }, ...common, tooltip: [{ field: 'prefecture', type: 'nominal' }, { field: 'scenario', type: 'nominal' }, { field: 'cost', type: 'quantitative', title: costTitle }] } },
    ],
  }, r);
}
