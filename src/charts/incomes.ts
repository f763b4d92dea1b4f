/**
 * The income distribution with the standard marked. A result document holds no per-household
 * incomes, so by default the chart shows each tenth of persons' mean monthly income (from the
 * decile shares and the mean), before assistance and after it in each scenario; given the run's
 * per-household incomes (`runScenarioOn(…).incomes`) it draws a person-weighted histogram instead.
 * Either way the average local dibao standard and the national rural poverty line are marked.
 */
import type { Result } from '../scenarios/results/result.js';
import { makeChart, round } from './chart.js';
import { resolveLang, STAGE_LABELS, tx, txt, UNITS, withUnit, type ChartLang, type ChartOptions } from './labels.js';
import type { Chart } from './render.js';

/** Per-household incomes of a run (the shape of `ScenarioResult.incomes`). */
export interface IncomesInput {
  /** Household weights. */
  weight: ArrayLike<number>;
  /** Household sizes (persons); each person counts, as in the result's figures. Default 1. */
  size?: ArrayLike<number>;
  /** Monthly per-capita income before assistance, yuan. */
  before: ArrayLike<number>;
  /** The same after assistance. */
  after?: ArrayLike<number>;
  /** Each household's local dibao standard; its person-weighted mean is the line drawn. */
  standard?: ArrayLike<number>;
}

export interface IncomeChartOptions extends ChartOptions {
  /** Per-household incomes for a histogram (otherwise decile means from the result). */
  incomes?: IncomesInput;
}

/** One decile's mean income in one series. */
export interface DecileIncomeRow { series: string; decile: number; mean: number }

/** Decile means: share × mean × 10, each tenth holding a tenth of the persons. */
export function decileIncomeRows(result: Result, lang: ChartLang): DecileIncomeRow[] {
  const first = result.scenarios[0];
  const d0 = first?.summary.distribution;
  if (!first || !d0) throw new Error('charts: the income distribution needs summary.distribution');
  const rows = d0.before.decileShares.map((s, i) => ({ series: txt(lang, STAGE_LABELS.before), decile: i + 1, mean: s * d0.before.mean * 10 }));
  for (const sc of result.scenarios) {
    const d = sc.summary.distribution;
    if (!d) continue;
    const series = result.scenarios.length > 1 ? `${txt(lang, STAGE_LABELS.after)}: ${sc.name}` : txt(lang, STAGE_LABELS.after);
    rows.push(...d.after.decileShares.map((s, i) => ({ series, decile: i + 1, mean: s * d.after.mean * 10 })));
  }
  return rows;
}

/** A nice bin width (1, 2 or 5 × 10^k) giving about `bins` bins over `span`. */
function niceStep(span: number, bins: number): number {
  const raw = span / bins;
  const p = 10 ** Math.floor(Math.log10(raw));
  const f = raw / p;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * p;
}

/** Person-weighted quantile q of y. */
function quantile(y: ArrayLike<number>, w: ArrayLike<number>, q: number): number {
  const idx = Array.from({ length: y.length }, (_, i) => i).filter((i) => w[i]! > 0).sort((a, b) => y[a]! - y[b]!);
  const total = idx.reduce((s, i) => s + w[i]!, 0);
  let acc = 0;
  for (const i of idx) {
    acc += w[i]!;
    if (acc >= q * total) return y[i]!;
  }
  return idx.length ? y[idx[idx.length - 1]!]! : 0;
}

/** One histogram bin of one series: persons with income in [from, to). */
export interface IncomeBinRow { series: string; from: number; to: number; persons: number }

/** A person-weighted histogram of incomes before and after assistance; the top 1% fall in the last bin. */
export function incomeHistogram(x: IncomesInput, lang: ChartLang, bins = 30): IncomeBinRow[] {
  const w = Float64Array.from({ length: x.before.length }, (_, h) => x.weight[h]! * (x.size ? x.size[h]! : 1));
  const all = x.after ? [...Array.from(x.before), ...Array.from(x.after)] : Array.from(x.before);
  const lo = Math.min(0, ...all);
  const hi = Math.max(quantile(x.before, w, 0.99), x.after ? quantile(x.after, w, 0.99) : 0, lo + 1);
  const step = niceStep(hi - lo, bins);
  const start = Math.floor(lo / step) * step;
  const n = Math.max(1, Math.ceil((hi - start) / step));
  const series: [string, ArrayLike<number>][] = [[txt(lang, STAGE_LABELS.before), x.before]];
  if (x.after) series.push([txt(lang, STAGE_LABELS.after), x.after]);
  return series.flatMap(([name, y]) => {
    const counts = new Float64Array(n);
    for (let h = 0; h < y.length; h++) counts[Math.min(n - 1, Math.max(0, Math.floor((y[h]! - start) / step)))]! += w[h]!;
    return Array.from(counts, (persons, b) => ({ series: name, from: start + b * step, to: start + (b + 1) * step, persons }));
  });
}

/** The lines marked: the urban and rural average standards (recipient-weighted, or person-weighted from the incomes given) and the national rural poverty line, yuan per person per month. */
function markedLines(result: Result, lang: ChartLang, incomes?: IncomesInput): { label: string; value: number }[] {
  const first = result.scenarios[0]!;
  const out: { label: string; value: number }[] = [];
  if (incomes?.standard) {
    // One average over the persons charted (the incomes' own standards).
    let s = 0;
    let t = 0;
    for (let h = 0; h < incomes.standard.length; h++) {
      const w = incomes.weight[h]! * (incomes.size ? incomes.size[h]! : 1);
      s += w * incomes.standard[h]!;
      t += w;
    }
    if (t > 0) out.push({ label: tx(lang, `平均低保标准 ${(s / t).toFixed(0)} 元`, `Average dibao standard ${(s / t).toFixed(0)} yuan`), value: round(s / t, 2) });
  } else {
    // Urban and rural standards apart: a standard pooled over the two areas is no published statistic.
    for (const [a, zh, en] of [['urban', '城镇', 'Urban'], ['rural', '农村', 'Rural']] as const) {
      const v = first.summary.byArea?.[a]?.averageStandard;
      if (v) out.push({ label: tx(lang, `${zh}平均低保标准 ${v.toFixed(0)} 元`, `${en} average dibao standard ${v.toFixed(0)} yuan`), value: round(v, 2) });
    }
  }
  const line = first.summary.distribution?.poverty.nationalRuralLine.line;
  if (line) out.push({ label: tx(lang, `国家农村贫困线 ${line.toFixed(0)} 元`, `National rural poverty line ${line.toFixed(0)} yuan`), value: round(line, 2) });
  return out;
}

/** The income distribution, with the standard marked. */
export function incomeDistributionChart(result: Result, options: IncomeChartOptions = {}): Chart {
  const r = resolveLang(options);
  const lang = r.lang;
  const incomeTitle = withUnit(lang, { zh: '人均月收入', en: 'Monthly income per person' }, UNITS.perPersonMonth);
  const seriesTitle = tx(lang, '收入', 'Income');
  const title = tx(lang, '收入分布与低保标准', 'Income distribution and the dibao standard');
  const lines = markedLines(result, lang, options.incomes);
  // The lines told apart by their dash, named in a legend of their own (labels on the plot collide).
  const rules = (channel: 'x' | 'y') => ({
    data: { values: lines },
    mark: { type: 'rule', color: '#333333', strokeWidth: 2 },
    encoding: {
      [channel]: { field: 'value', type: 'quantitative' },
      strokeDash: { field: 'label', type: 'nominal', sort: lines.map((l) => l.label), scale: { range: [[6, 3], [2, 2]] }, title: tx(lang, '标线', 'Lines') },
    },
  });
  if (options.incomes) {
    const values = incomeHistogram(options.incomes, lang).map((b) => ({ series: b.series, from: round(b.from, 2), to: round(b.to, 2), persons: Math.round(b.persons) }));
    const personsTitle = withUnit(lang, { zh: '人数', en: 'Persons' }, UNITS.persons);
    return makeChart('income-distribution', title, {
      width: 480,
      layer: [
        {
          data: { values },
          mark: { type: 'bar', opacity: 0.55, binSpacing: 0 },
          encoding: {
            x: { field: 'from', type: 'quantitative', title: incomeTitle },
            x2: { field: 'to' },
            y: { field: 'persons', type: 'quantitative', stack: null, title: personsTitle },
            color: { field: 'series', type: 'nominal', title: seriesTitle },
            tooltip: [{ field: 'series', type: 'nominal' }, { field: 'from', type: 'quantitative', title: incomeTitle }, { field: 'persons', type: 'quantitative', format: ',', title: personsTitle }],
          },
        },
        rules('x'),
      ],
    }, r, tx(lang, '按人口加权的直方图', 'Person-weighted histogram'));
  }
  const values = decileIncomeRows(result, lang).map((x) => ({ series: x.series, decile: x.decile, mean: round(x.mean, 2) }));
  const series = [...new Set(values.map((x) => x.series))];
  return makeChart('income-distribution', title, {
    width: 480,
    layer: [
      {
        data: { values },
        mark: 'bar',
        encoding: {
          x: { field: 'decile', type: 'ordinal', axis: { labelAngle: 0 }, title: tx(lang, '收入十分位组（1 = 最低）', 'Income decile (1 = poorest)') },
          xOffset: { field: 'series', type: 'nominal', sort: series },
          y: { field: 'mean', type: 'quantitative', title: incomeTitle },
          color: { field: 'series', type: 'nominal', sort: series, title: seriesTitle },
          tooltip: [{ field: 'series', type: 'nominal' }, { field: 'decile', type: 'ordinal' }, { field: 'mean', type: 'quantitative', format: ',.2f', title: incomeTitle }],
        },
      },
      rules('y'),
    ],
  }, r, tx(lang, '各十分位组的平均收入（由十等分收入份额得出）', 'Mean income of each tenth of persons (from the decile shares)'));
}
