/** The outcomes table as text cells, shared by the CLI, the report and notebooks. */
import type { OutcomeRow } from './compare.js';

type Lang = 'zh' | 'en';

export const OUTCOME_COLUMNS: Record<Lang, string[]> = {
  zh: ['指标', '用途', '年份', '地区', '公布值', '模拟值', '差异', '容差', '判定', '来源'],
  en: ['Figure', 'Role', 'Year', 'Area', 'Published', 'Simulated', 'Difference', 'Tolerance', 'Status', 'Source'],
};

const ROLE = { calibration: { zh: '校准', en: 'calibration' }, validation: { zh: '验证', en: 'validation' } } as const;
const AREA = { urban: { zh: '城镇', en: 'urban' }, rural: { zh: '农村', en: 'rural' }, all: { zh: '城乡', en: 'all' } } as const;

/** A value in the reader's unit: money in 万元/亿元 (zh) or million/billion yuan (en). */
export function formatOutcomeValue(x: number, unit: string, lang: Lang): string {
  switch (unit) {
    case 'persons': case 'households': return Math.round(x).toLocaleString('en-US');
    case 'yuan':
      if (lang === 'zh') return x >= 1e8 ? `${(x / 1e8).toFixed(2)} 亿元` : `${(x / 1e4).toFixed(1)} 万元`;
      return x >= 1e9 ? `${(x / 1e9).toFixed(2)} billion yuan` : `${(x / 1e6).toFixed(1)} million yuan`;
    case 'yuan/person/month': return `${x.toFixed(1)} ${lang === 'zh' ? '元/人/月' : 'yuan/person/month'}`;
    case 'share': return `${(100 * x).toFixed(2)}%`;
    default: return x.toFixed(2);
  }
}

const pct = (x: number): string => `${x > 0 ? '+' : x < 0 ? '−' : ''}${Math.abs(100 * x).toFixed(1)}%`;

/** One text row per figure, in the order of OUTCOME_COLUMNS. */
export function outcomesTableRows(rows: readonly OutcomeRow[], lang: Lang): string[][] {
  return rows.map((r) => [
    `${r.label[lang]} [${r.id}]`,
    ROLE[r.role][lang],
    String(r.year),
    r.prefecture === null ? AREA[r.area][lang] : `${r.prefecture} ${AREA[r.area][lang]}`,
    formatOutcomeValue(r.published, r.unit, lang),
    r.simulated === null ? '–' : formatOutcomeValue(r.simulated, r.unit, lang),
    r.relativeDifference === null ? '–' : pct(r.relativeDifference),
    `±${(100 * r.tolerance).toFixed(0)}%`,
    r.withinTolerance === null ? (lang === 'zh' ? `未模拟：${r.notModelled}` : `not modelled: ${r.notModelled}`) : r.withinTolerance ? (lang === 'zh' ? '容差内' : 'within') : (lang === 'zh' ? '超出容差' : 'OUTSIDE'),
    r.source,
  ]);
}
