/**
 * Projection charts for `jiuzhu project` (the §二.1 dynamic growth mechanism): cost, the budgets'
 * need, the budget available and the funding gap year by year, with uncertainty bands where the
 * rows carry intervals; cost by level of government; recipients; the average standards.
 */
import { LEVELS } from '../scenarios/results/funding.js';
import { makeChart, round } from './chart.js';
import { LEVEL_LABELS, labelOf, moneyUnit, resolveLang, tx, txt, UNITS, withUnit, type ChartLang, type ChartOptions, type MoneyUnit } from './labels.js';
import type { Chart } from './render.js';

/** An interval of a projected figure (e.g. from replicated projections). */
export interface ProjectionInterval { lo: number; hi: number; level?: number }

/** The figures of a projected year the charts use (a `jiuzhu project` years row fits). */
export interface ProjectionRow {
  year: number;
  cost: number;
  budgetNeed: number;
  budget: number;
  fundingGap: number;
  costByLevel: Record<string, number>;
  recipients: number;
  coverage: number;
  averageStandard: { urban: number; rural: number };
  /** Intervals of the figures, drawn as bands. */
  intervals?: Partial<Record<'cost' | 'budgetNeed' | 'budget' | 'fundingGap' | 'recipients', ProjectionInterval>>;
}

export interface ProjectionChartOptions extends ChartOptions {
  /** Money in constant prices of the first year (`--real`); labels say so. */
  real?: boolean;
}

const SERIES = {
  cost: { zh: '总支出', en: 'Cost' },
  budgetNeed: { zh: '地方财政需求', en: 'Budget need' },
  budget: { zh: '可用预算', en: 'Budget available' },
  fundingGap: { zh: '资金缺口', en: 'Funding gap' },
} as const;

/** One money series of one year, in yuan, with its interval when known. */
export interface ProjectionMoneyRow { year: number; key: keyof typeof SERIES; series: string; value: number; lo: number | null; hi: number | null }

export function projectionMoneyRows(rows: readonly ProjectionRow[], lang: ChartLang): ProjectionMoneyRow[] {
  return rows.flatMap((y) => (Object.keys(SERIES) as (keyof typeof SERIES)[]).map((key) => {
    const iv = y.intervals?.[key];
    return { year: y.year, key, series: txt(lang, SERIES[key]), value: y[key], lo: iv ? iv.lo : null, hi: iv ? iv.hi : null };
  }));
}

function moneyTitle(lang: ChartLang, unit: MoneyUnit, real: boolean, first: number | undefined): string {
  const u = real && first !== undefined ? { zh: `${unit.zh}，${first}年价格`, en: `${unit.en}, ${first} prices` } : unit;
  return withUnit(lang, { zh: '金额', en: 'Amount' }, u);
}

const yearAxis = (lang: ChartLang) => ({ field: 'year', type: 'ordinal', axis: { labelAngle: 0 }, title: tx(lang, '年份', 'Year') });

/** Cost, budget need, budget and funding gap by year, with bands where intervals are present. */
export function projectionFundingChart(rows: readonly ProjectionRow[], options: ProjectionChartOptions = {}): Chart {
  const r = resolveLang(options);
  const data = projectionMoneyRows(rows, r.lang);
  const unit = moneyUnit(Math.max(0, ...data.map((x) => Math.max(x.value, x.hi ?? 0))), r.lang);
  const title = moneyTitle(r.lang, unit, options.real ?? false, rows[0]?.year);
  const values = data.map((x) => ({ year: x.year, series: x.series, value: round(x.value / unit.yuan), ...(x.lo !== null && x.hi !== null ? { lo: round(x.lo / unit.yuan), hi: round(x.hi / unit.yuan) } : {}) }));
  const bands = values.filter((x) => 'lo' in x);
  const order = Object.values(SERIES).map((s) => txt(r.lang, s));
  const color = { field: 'series', type: 'nominal', sort: order, scale: { domain: order }, title: null };
  return makeChart('projection-funding', tx(r.lang, '预测：支出、预算与资金缺口', 'Projection: cost, budget and funding gap'), {
    width: 480,
    layer: [
      ...(bands.length ? [{ data: { values: bands }, mark: { type: 'area', opacity: 0.2 }, encoding: { x: yearAxis(r.lang), y: { field: 'lo', type: 'quantitative', title }, y2: { field: 'hi' }, color } }] : []),
      {
        data: { values },
        mark: { type: 'line', point: true },
        encoding: {
          x: yearAxis(r.lang),
          y: { field: 'value', type: 'quantitative', title },
          color,
          tooltip: [{ field: 'year', type: 'ordinal' }, { field: 'series', type: 'nominal' }, { field: 'value', type: 'quantitative', format: ',.2f', title }],
        },
      },
    ],
  }, r, bands.length ? tx(r.lang, '阴影为区间估计', 'Bands: intervals') : undefined);
}

/** Cost by level of government, stacked, by year. */
export function projectionLevelsChart(rows: readonly ProjectionRow[], options: ProjectionChartOptions = {}): Chart {
  const r = resolveLang(options);
  const unit = moneyUnit(Math.max(0, ...rows.map((y) => y.cost)), r.lang);
  const title = moneyTitle(r.lang, unit, options.real ?? false, rows[0]?.year);
  const order = LEVELS.map((l) => labelOf(LEVEL_LABELS, l, r.lang));
  const values = rows.flatMap((y) => LEVELS.map((l, i) => ({ year: y.year, level: order[i]!, order: i, amount: round((y.costByLevel[l] ?? 0) / unit.yuan) })));
  return makeChart('projection-levels', tx(r.lang, '预测：各级政府负担', 'Projection: cost by level of government'), {
    data: { values },
    width: 480,
    mark: 'bar',
    encoding: {
      x: yearAxis(r.lang),
      y: { field: 'amount', type: 'quantitative', stack: 'zero', title },
      color: { field: 'level', type: 'nominal', scale: { domain: order }, title: tx(r.lang, '政府层级', 'Level of government') },
      order: { field: 'order', type: 'quantitative' },
      tooltip: [{ field: 'year', type: 'ordinal' }, { field: 'level', type: 'nominal' }, { field: 'amount', type: 'quantitative', format: ',.2f', title }],
    },
  }, r);
}

/** Dibao recipients by year, with a band where intervals are present. */
export function projectionRecipientsChart(rows: readonly ProjectionRow[], options: ProjectionChartOptions = {}): Chart {
  const r = resolveLang(options);
  const title = withUnit(r.lang, { zh: '低保人数（月均）', en: 'Dibao recipients, average month' }, UNITS.persons);
  const values = rows.map((y) => ({ year: y.year, recipients: Math.round(y.recipients), coverage: round(y.coverage), ...(y.intervals?.recipients ? { lo: Math.round(y.intervals.recipients.lo), hi: Math.round(y.intervals.recipients.hi) } : {}) }));
  const bands = values.filter((x) => 'lo' in x);
  return makeChart('projection-recipients', tx(r.lang, '预测：低保人数', 'Projection: dibao recipients'), {
    width: 480,
    layer: [
      ...(bands.length ? [{ data: { values: bands }, mark: { type: 'area', opacity: 0.2, color: '#4c78a8' }, encoding: { x: yearAxis(r.lang), y: { field: 'lo', type: 'quantitative', title }, y2: { field: 'hi' } } }] : []),
      {
        data: { values },
        mark: { type: 'line', point: true, color: '#4c78a8' },
        encoding: {
          x: yearAxis(r.lang),
          y: { field: 'recipients', type: 'quantitative', title },
          tooltip: [{ field: 'year', type: 'ordinal' }, { field: 'recipients', type: 'quantitative', format: ',', title }, { field: 'coverage', type: 'quantitative', format: '.2%', title: tx(r.lang, '覆盖率（%）', 'Coverage (%)') }],
        },
      },
    ],
  }, r, bands.length ? tx(r.lang, '阴影为区间估计', 'Band: interval') : undefined);
}

/** Average urban and rural dibao standards by year. */
export function projectionStandardsChart(rows: readonly ProjectionRow[], options: ProjectionChartOptions = {}): Chart {
  const r = resolveLang(options);
  const areas = { urban: { zh: '城镇', en: 'Urban' }, rural: { zh: '农村', en: 'Rural' } } as const;
  const unit = options.real && rows[0] ? { zh: `${UNITS.perPersonMonth.zh}，${rows[0].year}年价格`, en: `${UNITS.perPersonMonth.en}, ${rows[0].year} prices` } : UNITS.perPersonMonth;
  const title = withUnit(r.lang, { zh: '平均低保标准', en: 'Average dibao standard' }, unit);
  const values = rows.flatMap((y) => (['urban', 'rural'] as const).map((a) => ({ year: y.year, area: txt(r.lang, areas[a]), standard: round(y.averageStandard[a], 2) })));
  return makeChart('projection-standards', tx(r.lang, '预测：城乡低保标准', 'Projection: dibao standards'), {
    data: { values },
    width: 480,
    mark: { type: 'line', point: true },
    encoding: {
      x: yearAxis(r.lang),
      y: { field: 'standard', type: 'quantitative', title },
      color: { field: 'area', type: 'nominal', title: tx(r.lang, '地区', 'Area') },
      tooltip: [{ field: 'year', type: 'ordinal' }, { field: 'area', type: 'nominal' }, { field: 'standard', type: 'quantitative', format: ',.2f', title }],
    },
  }, r);
}

/** The projection charts of `jiuzhu project` years rows. */
export function projectionCharts(rows: readonly ProjectionRow[], options: ProjectionChartOptions = {}): Chart[] {
  if (!rows.length) throw new Error('charts: a projection needs at least one year');
  const r = resolveLang(options);
  const o = { ...options, lang: r.lang, font: r.font };
  return [projectionFundingChart(rows, o), projectionLevelsChart(rows, o), projectionRecipientsChart(rows, o), projectionStandardsChart(rows, o)];
}
