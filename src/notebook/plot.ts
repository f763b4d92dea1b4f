/**
 * Observable Plot versions of some report charts, for notebooks: each returns a standalone SVG
 * string, drawn in linkedom's document so it runs in Node without a browser. The data come from
 * the same row functions as the vega-lite builders (src/charts/), so both show the same figures.
 * Plot wraps a chart that has a legend or a title in an HTML <figure>; these draw the title and
 * the legend in a header of their own instead, so that the result stays one <svg>.
 */
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { PALETTE } from '../charts/chart.js';
import { decileRows } from '../charts/deciles.js';
import { moneyUnit, resolveLang, tx, UNITS, withUnit, type ChartOptions, type Resolved } from '../charts/labels.js';
import { monthRows } from '../charts/months.js';
import { programRows } from '../charts/programs.js';
import { projectionMoneyRows, type ProjectionChartOptions, type ProjectionRow } from '../charts/projection.js';
import type { Result } from '../scenarios/results/result.js';

const WIDTH = 640;
const TITLE_HEIGHT = 26;
const LEGEND_ROW = 16;
/** The shading of the months in which the price subsidy was triggered. */
const SHADE = '#f2b447';

const escapeXml = (t: string): string => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * Plots in linkedom's document, then nests the plot's <svg> under a header holding the title and
 * a legend (a coloured square and the name of each series, wrapped into rows): one standalone <svg>.
 */
function draw(r: Resolved, title: string, names: readonly string[], options: Record<string, unknown>, extra: readonly { name: string; colour: string }[] = []): string {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const family = r.lang !== 'en' && r.font ? `${r.font.family}, sans-serif` : 'system-ui, sans-serif';
  const plot = Plot.plot({
    document: document as never,
    width: WIDTH,
    style: { fontFamily: family },
    color: { domain: [...names], range: [...PALETTE] },
    ...options,
  } as Plot.PlotOptions) as unknown as { outerHTML: string; getAttribute(name: string): string | null };
  const height = Number(plot.getAttribute('height') ?? 0);
  const items: { x: number; row: number; name: string; colour: string }[] = [];
  let x = 0;
  let row = 0;
  [...names.map((name, i) => ({ name, colour: PALETTE[i % PALETTE.length]! })), ...extra].forEach(({ name, colour }) => {
    // An estimate of the item's width: Chinese characters a full em, others about 0.6 em.
    const w = 22 + [...name].reduce((sum, ch) => sum + (ch.charCodeAt(0) > 0x2e7f ? 12 : 7), 0);
    if (x > 0 && x + w > WIDTH - 16) {
      x = 0;
      row++;
    }
    items.push({ x, row, name, colour });
    x += w;
  });
  const header = TITLE_HEIGHT + (items.length ? (row + 1) * LEGEND_ROW + 4 : 0);
  const legend = items.map((it) => {
    const y = TITLE_HEIGHT + it.row * LEGEND_ROW;
    return `<rect x="${8 + it.x}" y="${y + 2}" width="10" height="10" fill="${it.colour}"/><text x="${22 + it.x}" y="${y + 11}" font-size="11">${escapeXml(it.name)}</text>`;
  }).join('');
  const inner = plot.outerHTML.replace(/^<svg/, `<svg x="0" y="${header}"`);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${header + height}" viewBox="0 0 ${WIDTH} ${header + height}" font-family="${escapeXml(family)}">` +
    `<rect width="100%" height="100%" fill="white"/><text x="8" y="18" font-size="14" font-weight="bold">${escapeXml(title)}</text>${legend}${inner}</svg>`;
}

/** Cost by program, scenario beside scenario (Plot). */
export function plotProgramCosts(result: Result, options: ChartOptions = {}): string {
  const r = resolveLang(options);
  const rows = programRows(result, r.lang);
  const unit = moneyUnit(Math.max(0, ...rows.map((x) => x.cost)), r.lang);
  const names = result.scenarios.map((s) => s.name);
  const data = rows.map((x) => ({ ...x, value: x.cost / unit.yuan }));
  const programs = [...new Set(rows.map((x) => x.program))];
  const many = names.length > 1;
  const xAxis = { label: withUnit(r.lang, { zh: '支出', en: 'Cost' }, unit), grid: true };
  const title = tx(r.lang, '各项目支出', 'Cost by program');
  // Several scenarios: one facet row per program, a bar per scenario inside it.
  return draw(r, title, many ? names : [], many
    ? { marginLeft: r.lang === 'both' ? 300 : 200, height: 60 + data.length * 12, x: xAxis, y: { axis: null, domain: names }, fy: { label: null, axis: 'left', domain: programs }, marks: [Plot.barX(data, { x: 'value', y: 'scenario', fy: 'program', fill: 'scenario' }), Plot.ruleX([0])] }
    : { marginLeft: r.lang === 'both' ? 300 : 200, height: 60 + data.length * 18, x: xAxis, y: { label: null, domain: programs }, marks: [Plot.barX(data, { x: 'value', y: 'program', fill: 'scenario' }), Plot.ruleX([0])] });
}

/** Mean change of income after assistance by decile of the baseline, per reform (Plot). */
export function plotDecileImpact(result: Result, options: ChartOptions = {}): string {
  if (!result.deltas.length) throw new Error('plot: the decile impact needs a comparison (two scenarios or more)');
  const r = resolveLang(options);
  const names = result.deltas.map((d) => d.scenario);
  return draw(r, tx(r.lang, '各收入十分位组的收入变化', 'Decile impact'), names.length > 1 ? names : [], {
    height: 320,
    x: { label: tx(r.lang, '收入十分位组（1 = 最低）', 'Decile (1 = poorest)'), domain: Array.from({ length: 10 }, (_, i) => i + 1) },
    y: { label: withUnit(r.lang, { zh: '收入变化', en: 'Change of income' }, UNITS.perPersonMonth), grid: true },
    fx: { axis: null },
    marks: [
      Plot.barY(decileRows(result), { x: 'decile', y: 'meanChange', fill: 'scenario', ...(names.length > 1 ? { fx: 'scenario' } : {}) }),
      Plot.ruleY([0]),
    ],
  });
}

const utcMonth = (month: string): Date => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 1, 1));
};

/** Monthly dibao cost per scenario, with the price-subsidy months shaded (Plot). */
export function plotMonths(result: Result, options: ChartOptions = {}): string {
  const r = resolveLang(options);
  const rows = monthRows(result);
  const unit = moneyUnit(Math.max(0, ...rows.map((x) => x.cost)), r.lang);
  const names = result.scenarios.map((s) => s.name);
  const fired = [...new Set(rows.filter((x) => x.priceSubsidyTriggered).map((x) => x.month))].map((m) => {
    const d = utcMonth(m);
    return { from: d, to: new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1)) };
  });
  const data = rows.map((x) => ({ scenario: x.scenario, date: new Date(utcMonth(x.month).getTime() + 14 * 86_400_000), value: x.cost / unit.yuan }));
  const shaded = [{ name: tx(r.lang, '阴影：价格补贴启动', 'Shaded: price subsidy triggered'), colour: SHADE }];
  return draw(r, tx(r.lang, '逐月低保支出与价格补贴', 'Monthly dibao cost and the price subsidy'), names, {
    height: 320,
    x: { type: 'utc', label: tx(r.lang, '月份', 'Month'), tickFormat: '%Y-%m' },
    y: { label: withUnit(r.lang, { zh: '低保月支出', en: 'Dibao cost of the month' }, unit), grid: true, zero: true },
    marks: [
      Plot.rectX(fired, { x1: 'from', x2: 'to', fill: SHADE, fillOpacity: 0.3 }),
      Plot.lineY(data, { x: 'date', y: 'value', stroke: 'scenario' }),
      Plot.dot(data, { x: 'date', y: 'value', fill: 'scenario', r: 2.5 }),
    ],
  }, fired.length ? shaded : []);
}

/** Projected cost, budget need, budget and funding gap, with bands where the rows carry intervals (Plot). */
export function plotProjection(rows: readonly ProjectionRow[], options: ProjectionChartOptions = {}): string {
  const r = resolveLang(options);
  const data = projectionMoneyRows(rows, r.lang);
  const unit = moneyUnit(Math.max(0, ...data.map((x) => Math.max(x.value, x.hi ?? 0))), r.lang);
  const names = [...new Set(data.map((x) => x.series))];
  const scaled = data.map((x) => ({ ...x, value: x.value / unit.yuan, lo: x.lo === null ? null : x.lo / unit.yuan, hi: x.hi === null ? null : x.hi / unit.yuan }));
  const bands = scaled.filter((x) => x.lo !== null && x.hi !== null);
  const u = options.real && rows[0] ? { zh: `${unit.zh}，${rows[0].year}年价格`, en: `${unit.en}, ${rows[0].year} prices` } : unit;
  return draw(r, tx(r.lang, '预测：支出、预算与资金缺口', 'Projection: cost, budget and funding gap'), names, {
    height: 320,
    x: { label: tx(r.lang, '年份', 'Year'), tickFormat: 'd', ticks: rows.map((y) => y.year) },
    y: { label: withUnit(r.lang, { zh: '金额', en: 'Amount' }, u), grid: true, zero: true },
    marks: [
      ...(bands.length ? [Plot.areaY(bands, { x: 'year', y1: 'lo', y2: 'hi', fill: 'series', fillOpacity: 0.2 })] : []),
      Plot.lineY(scaled, { x: 'year', y: 'value', stroke: 'series' }),
      Plot.dot(scaled, { x: 'year', y: 'value', fill: 'series', r: 2.5 }),
    ],
  });
}
