/**
 * The monthly timeline: the dibao cost of each month of each scenario, with the months in which
 * the price-subsidy trigger of §二.2 fired shaded, so one sees when it fires and what it adds.
 */
import type { Result } from '../scenarios/results/result.js';
import { makeChart, round } from './chart.js';
import { moneyUnit, resolveLang, tx, withUnit, type ChartOptions } from './labels.js';
import type { Chart } from './render.js';

/** One month of one scenario. */
export interface MonthRow {
  scenario: string;
  /** YYYY-MM. */
  month: string;
  /** Dibao cost of the month (every component, the price subsidy included), yuan. */
  cost: number;
  /** Of which the price subsidy, yuan. */
  priceSubsidy: number;
  recipients: number;
  priceSubsidyTriggered: boolean;
}

const num = (x: unknown): number => (typeof x === 'number' && Number.isFinite(x) ? x : 0);

/** The month rows of every scenario. */
export function monthRows(result: Result): MonthRow[] {
  return result.scenarios.flatMap((s) => {
    if (!s.months?.length) throw new Error(`charts: scenario ${s.name} has no months (a run or compare result is needed)`);
    return s.months.map((m) => {
      const cost = (m.cost ?? {}) as Record<string, unknown>;
      return { scenario: s.name, month: String(m.month), cost: num(cost.total), priceSubsidy: num(cost.priceSubsidy), recipients: num(m.recipients), priceSubsidyTriggered: m.priceSubsidyTriggered === true };
    });
  });
}

/** The first day of the month after YYYY-MM. */
function nextMonthStart(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

/** Monthly dibao cost with the price-subsidy months shaded. */
export function monthsChart(result: Result, options: ChartOptions = {}): Chart {
  const r = resolveLang(options);
  const rows = monthRows(result);
  const unit = moneyUnit(Math.max(0, ...rows.map((x) => x.cost)), r.lang);
  const costTitle = withUnit(r.lang, { zh: '低保月支出', en: 'Dibao cost of the month' }, unit);
  const subsidyTitle = withUnit(r.lang, { zh: '其中价格补贴', en: 'of which price subsidy' }, unit);
  const lines = rows.map((x) => ({ scenario: x.scenario, date: `${x.month}-01`, cost: round(x.cost / unit.yuan), subsidy: round(x.priceSubsidy / unit.yuan) }));
  // One band per month in which the trigger fired in some scenario, naming the scenarios.
  const fired = new Map<string, string[]>();
  for (const x of rows) if (x.priceSubsidyTriggered) fired.set(x.month, [...(fired.get(x.month) ?? []), x.scenario]);
  const bands = [...fired].map(([month, names]) => ({ date: `${month}-01`, end: nextMonthStart(month), scenarios: names.join(', ') }));
  const nMonths = new Set(rows.map((x) => x.month)).size;
  const x = {
    field: 'date',
    type: 'temporal',
    timeUnit: 'utcyearmonth',
    axis: { format: '%Y-%m', labelAngle: nMonths > 12 ? -45 : 0, ...(nMonths <= 24 ? { tickCount: { interval: 'month', step: 1 } } : {}) },
    title: tx(r.lang, '月份', 'Month'),
  };
  const triggered = tx(r.lang, '价格补贴启动', 'price subsidy triggered');
  return makeChart('months', tx(r.lang, '逐月低保支出与价格补贴', 'Monthly dibao cost and the price subsidy'), {
    width: 480,
    layer: [
      {
        data: { values: bands },
        mark: { type: 'rect', color: '#f2b447', opacity: 0.3 },
        encoding: { x, x2: { field: 'end', timeUnit: 'utcyearmonth' }, tooltip: [{ field: 'scenarios', type: 'nominal', title: triggered }] },
      },
      {
        data: { values: lines },
        mark: { type: 'line', point: true },
        encoding: {
          // Each month's point in the middle of its month, so it sits inside its shaded band.
          x: { ...x, bandPosition: 0.5 },
          y: { field: 'cost', type: 'quantitative', title: costTitle },
          color: { field: 'scenario', type: 'nominal', title: tx(r.lang, '情景', 'Scenario') },
          tooltip: [{ field: 'scenario', type: 'nominal' }, { field: 'date', type: 'temporal', timeUnit: 'utcyearmonth', format: '%Y-%m', title: tx(r.lang, '月份', 'Month') }, { field: 'cost', type: 'quantitative', format: ',.2f', title: costTitle }, { field: 'subsidy', type: 'quantitative', format: ',.2f', title: subsidyTitle }],
        },
      },
    ],
  }, r, bands.length
    ? tx(r.lang, '阴影：价格补贴启动的月份', 'Shaded: months in which the price subsidy was triggered')
    : tx(r.lang, '期内价格补贴未启动', 'The price subsidy was not triggered in the period'));
}
