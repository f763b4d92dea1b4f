/**
 * Funding sensitivity as a tornado chart (`jiuzhu project --sensitivity`, issue #21): for the
 * funding assumptions that move a year's gap most, a bar from the projected gap to the gap with
 * the assumption moved down, and one to the gap with it moved up. The gap is signed, need −
 * budget: left of zero the budget covers the need.
 */
import type { Result } from '../scenarios/results/result.js';
import { makeChart, round } from './chart.js';
import { moneyUnit, resolveLang, tx, withUnit, type ChartLang, type ChartOptions } from './labels.js';
import type { Chart } from './render.js';

type Sensitivity = NonNullable<Result['scenarios'][number]['sensitivity']>;

/** The bars of a tornado: the `top` assumptions by swing, each moved down and up, in yuan. */
export function tornadoRows(sensitivity: Sensitivity, lang: ChartLang, top = 5): { assumption: string; path: string; rank: number; variant: string; from: number; to: number }[] {
  const pct = Math.round(sensitivity.range * 100);
  return sensitivity.rows.slice(0, top).flatMap((r, rank) => [
    { assumption: tx(lang, r.label.zh, r.label.en), path: r.path, rank, variant: tx(lang, `下调 ${pct}%`, `−${pct}%`), from: sensitivity.gap, to: r.low.gap },
    { assumption: tx(lang, r.label.zh, r.label.en), path: r.path, rank, variant: tx(lang, `上调 ${pct}%`, `+${pct}%`), from: sensitivity.gap, to: r.high.gap },
  ]);
}

/** The tornado chart of a projection result's funding sensitivity (its first scenario with one). */
export function tornadoChart(result: Result, options: ChartOptions = {}): Chart {
  const r = resolveLang(options);
  const s = result.scenarios.find((x) => x.sensitivity);
  if (!s?.sensitivity) throw new Error('charts: the result has no funding sensitivity (jiuzhu project --sensitivity)');
  const rows = tornadoRows(s.sensitivity, r.lang);
  const unit = moneyUnit(Math.max(0, ...rows.flatMap((x) => [Math.abs(x.from), Math.abs(x.to)])), r.lang);
  const values = rows.map((x) => ({ ...x, from: round(x.from / unit.yuan), to: round(x.to / unit.yuan) }));
  const gapTitle = withUnit(r.lang, { zh: '资金缺口（需求−预算）', en: 'Gap (need − budget)' }, unit);
  const order = [...new Set(rows.map((x) => x.assumption))];
  return makeChart('funding-sensitivity', tx(r.lang, `${s.sensitivity.year}年资金缺口对筹资假设的敏感性`, `What moves the ${s.sensitivity.year} funding gap most`), {
    width: 420,
    layer: [
      {
        data: { values },
        mark: 'bar',
        encoding: {
          y: { field: 'assumption', type: 'nominal', sort: order, title: tx(r.lang, '筹资假设', 'Funding assumption') },
          x: { field: 'from', type: 'quantitative', title: gapTitle },
          x2: { field: 'to' },
          color: { field: 'variant', type: 'nominal', title: tx(r.lang, '假设变动', 'Assumption moved') },
          tooltip: [{ field: 'assumption', type: 'nominal' }, { field: 'path', type: 'nominal', title: tx(r.lang, '参数', 'Parameter') }, { field: 'variant', type: 'nominal' }, { field: 'to', type: 'quantitative', format: ',.3f', title: gapTitle }],
        },
      },
      { data: { values: [{ gap: round(s.sensitivity.gap / unit.yuan) }] }, mark: { type: 'rule', strokeDash: [4, 3] }, encoding: { x: { field: 'gap', type: 'quantitative' } } },
    ],
  }, r, tx(r.lang, `各假设单独上下调 ${Math.round(s.sensitivity.range * 100)}%；虚线为预测值；负数为预算有余`, `Each assumption moved ±${Math.round(s.sensitivity.range * 100)}% alone; dashed: as projected; negative: the budget covers the need`));
}
