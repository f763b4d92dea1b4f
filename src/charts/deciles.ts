/**
 * Decile impact of a reform: the change of monthly per-capita income after assistance, by tenth
 * of persons ranked by the baseline's income (1 = poorest), for each scenario against the first.
 */
import type { Result } from '../scenarios/results/result.js';
import { makeChart, round } from './chart.js';
import { resolveLang, tx, UNITS, withUnit, type ChartOptions } from './labels.js';
import type { Chart } from './render.js';

/** One decile of one reform. */
export interface DecileRow { scenario: string; decile: number; meanChange: number; relativeChange: number | null }

/** The decile impact of every delta. */
export function decileRows(result: Result): DecileRow[] {
  return result.deltas.flatMap((d) => d.decileImpact.map((x) => ({ scenario: d.scenario, decile: x.decile, meanChange: x.meanChange, relativeChange: x.relativeChange })));
}

/** Mean change of income after assistance by baseline decile (needs a compare result). */
export function decileImpactChart(result: Result, options: ChartOptions = {}): Chart {
  if (!result.deltas.length) throw new Error('charts: the decile impact needs a comparison (two scenarios or more)');
  const r = resolveLang(options);
  const values = decileRows(result).map((x) => ({ scenario: x.scenario, decile: x.decile, change: round(x.meanChange, 4), relative: x.relativeChange === null ? null : round(x.relativeChange) }));
  const changeTitle = withUnit(r.lang, { zh: '收入变化', en: 'Change of income' }, UNITS.perPersonMonth);
  const against = result.deltas[0]!.against;
  return makeChart('decile-impact', tx(r.lang, '各收入十分位组的收入变化', 'Decile impact'), {
    data: { values },
    width: 420,
    mark: 'bar',
    encoding: {
      x: { field: 'decile', type: 'ordinal', axis: { labelAngle: 0 }, title: tx(r.lang, `${against} 救助后收入十分位组（1 = 最低）`, `Decile of income after assistance in ${against} (1 = poorest)`) },
      ...(result.deltas.length > 1 ? { xOffset: { field: 'scenario', type: 'nominal' } } : {}),
      y: { field: 'change', type: 'quantitative', title: changeTitle },
      color: { field: 'scenario', type: 'nominal', title: tx(r.lang, '情景', 'Scenario') },
      tooltip: [{ field: 'scenario', type: 'nominal' }, { field: 'decile', type: 'ordinal' }, { field: 'change', type: 'quantitative', format: ',.2f', title: changeTitle }, { field: 'relative', type: 'quantitative', format: '.2%', title: tx(r.lang, '变化率（%）', 'Relative change (%)') }],
    },
  }, r, tx(r.lang, `相对于 ${against}`, `Against ${against}`));
}
