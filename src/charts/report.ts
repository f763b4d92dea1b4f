/**
 * Every chart a result supports, in report order: programs, who pays, prefectures, poverty,
 * the reform's distributional impact (with two scenarios or more), the monthly timeline, the
 * income distribution, and for `jiuzhu project` results the projection charts and, with
 * --sensitivity, the tornado of the funding assumptions.
 */
import type { Result } from '../scenarios/results/result.js';
import { costByLevelChart, costBySourceChart } from './funding.js';
import { decileImpactChart } from './deciles.js';
import { incomeDistributionChart, type IncomesInput } from './incomes.js';
import { resolveLang, type ChartOptions } from './labels.js';
import { monthsChart } from './months.js';
import { povertyChart } from './poverty.js';
import { prefecturesChart } from './prefectures.js';
import { programsChart } from './programs.js';
import { projectionCharts } from './projection.js';
import { tornadoChart } from './tornado.js';
import type { Chart } from './render.js';
import { winnersLosersChart } from './winners.js';

export interface ReportChartOptions extends ChartOptions {
  /** The first scenario's per-household incomes, for an income histogram instead of decile means. */
  incomes?: IncomesInput;
}

/** The charts of a result (at least 8 for a compare result); each chart only where the result has its data. */
export function reportCharts(result: Result, options: ReportChartOptions = {}): Chart[] {
  // Settle the language once: one warning at most, and every chart in the same language.
  const r = resolveLang(options);
  const o = { ...options, lang: r.lang, font: r.font };
  const every = (test: (s: Result['scenarios'][number]) => boolean): boolean => result.scenarios.length > 0 && result.scenarios.every(test);
  const charts: Chart[] = [];
  if (every((s) => !!s.programs)) charts.push(programsChart(result, o));
  if (every((s) => !!s.funding)) charts.push(costByLevelChart(result, o), costBySourceChart(result, o));
  if (every((s) => !!s.summary.byPrefecture && !s.years)) charts.push(prefecturesChart(result, o));
  if (every((s) => !!s.summary.distribution)) charts.push(povertyChart(result, o));
  if (result.deltas.length) charts.push(decileImpactChart(result, o), winnersLosersChart(result, o));
  if (every((s) => !!s.months?.length)) charts.push(monthsChart(result, o));
  if (every((s) => !!s.summary.distribution)) charts.push(incomeDistributionChart(result, o));
  for (const s of result.scenarios) {
    if (!s.years?.length) continue;
    const projected = projectionCharts(s.years, { ...o, real: s.projection?.real ?? false });
    charts.push(...(result.scenarios.length > 1 ? projected.map((c) => ({ ...c, id: `${c.id}-${s.name}` })) : projected));
  }
  if (result.scenarios.some((s) => s.sensitivity?.rows.length)) charts.push(tornadoChart(result, o));
  return charts;
}
