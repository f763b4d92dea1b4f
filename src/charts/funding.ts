/**
 * Who pays: every program's cost summed by payer — government money by level (central,
 * provincial, prefecture, county), then each payer that is not the government (households,
 * collectives, hospitals, universities, donors) — and by funding source, from the funding rows.
 */
import { FUNDING_SOURCES, LEVELS, OTHER_PAYERS } from '../scenarios/results/funding.js';
import { PAYERS } from '../text/labels.js';
import type { Result } from '../scenarios/results/result.js';
import { makeChart, round } from './chart.js';
import { LEVEL_LABELS, SOURCE_LABELS, labelOf, moneyUnit, resolveLang, tx, withUnit, type ChartOptions, type ChartLang } from './labels.js';
import type { Chart } from './render.js';

/** The cost of one scenario paid by one level or source, yuan. */
export interface FundingRow { scenario: string; key: string; label: string; amount: number }

/**
 * Funding rows of every scenario summed by payer (`level`: each level of government, then each
 * payer that is not the government, by name) or by `source`, in the canonical order of the keys.
 */
export function fundingRows(result: Result, by: 'level' | 'source', lang: ChartLang): FundingRow[] {
  const keys: readonly string[] = by === 'level' ? [...LEVELS, ...OTHER_PAYERS] : FUNDING_SOURCES;
  const rows = result.scenarios.flatMap((s) => {
    if (!s.funding) throw new Error(`charts: scenario ${s.name} has no funding rows (a run or compare result is needed)`);
    const fen = new Map<string, number>(keys.map((k) => [k, 0]));
    for (const f of s.funding) {
      const key = by === 'level' ? (f.level ?? f.source) : f.source;
      fen.set(key, (fen.get(key) ?? 0) + Math.round(f.amount * 100));
    }
    return [...fen].map(([key, f]) => ({ scenario: s.name, key, label: labelOf((LEVELS as readonly string[]).includes(key) ? LEVEL_LABELS : SOURCE_LABELS, key, lang), amount: f / 100 }));
  });
  // Levels always show; payers nobody pays from in any scenario only add empty rows.
  const used = new Set(rows.filter((x) => x.amount !== 0).map((x) => x.key));
  return rows.filter((x) => (by === 'level' && (LEVELS as readonly string[]).includes(x.key)) || used.has(x.key));
}

function fundingChart(result: Result, by: 'level' | 'source', options: ChartOptions): Chart {
  const r = resolveLang(options);
  const rows = fundingRows(result, by, r.lang);
  const unit = moneyUnit(Math.max(0, ...rows.map((x) => x.amount)), r.lang);
  const values = rows.map((x) => ({ scenario: x.scenario, label: x.label, amount: round(x.amount / unit.yuan) }));
  const domain = [...new Set(rows.map((x) => x.label))];
  const costTitle = withUnit(r.lang, { zh: '支出', en: 'Cost' }, unit);
  const title = by === 'level'
    ? tx(r.lang, '谁来支付：各级政府与非政府出资方', 'Who pays: levels of government and other payers')
    : tx(r.lang, '各资金来源负担的支出', 'Cost by funding source');
  return makeChart(by === 'level' ? 'cost-by-level' : 'cost-by-source', title, {
    data: { values },
    width: 420,
    mark: 'bar',
    encoding: {
      y: { field: 'label', type: 'nominal', scale: { domain }, title: by === 'level' ? tx(r.lang, '政府层级／出资方', 'Level of government / payer') : tx(r.lang, '资金来源', 'Funding source') },
      x: { field: 'amount', type: 'quantitative', title: costTitle },
      ...(result.scenarios.length > 1 ? { yOffset: { field: 'scenario', type: 'nominal' } } : {}),
      color: { field: 'scenario', type: 'nominal', title: tx(r.lang, '情景', 'Scenario') },
      tooltip: [{ field: 'label', type: 'nominal' }, { field: 'scenario', type: 'nominal' }, { field: 'amount', type: 'quantitative', format: ',.2f', title: costTitle }],
    },
  }, r, tx(r.lang, '全部救助项目', 'All programs of the system'));
}

/** Cost of all programs by level of government, and by each payer that is not the government. */
export function costByLevelChart(result: Result, options: ChartOptions = {}): Chart {
  return fundingChart(result, 'level', options);
}

/** Cost of all programs by funding source (sources that pay nothing left out). */
export function costBySourceChart(result: Result, options: ChartOptions = {}): Chart {
  return fundingChart(result, 'source', options);
}
