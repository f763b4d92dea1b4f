/**
 * The report as one self-contained HTML file: inline CSS, charts inlined as SVG, no script
 * that runs and no external URL, so it opens offline, mails as one attachment and prints.
 * Every text from data is escaped.
 */
import type { Result } from '../scenarios/results/result.js';
import type { RenderedChart } from './charts.js';
import { unitLine } from '../text/units.js';
import { executiveSummary, scenarioTitle } from './executive.js';
import { METHODOLOGY } from './methodology.js';
import { cellUnit, columnLabel, formatCell, tableMoneyUnit, UNIT_LABELS, type Bilingual, type ReportTable, type Unit } from './table.js';

type Lang = 'zh' | 'en';

/** Text escaped for HTML content and attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/**
 * An SVG ready to sit inline beside others: without an XML prolog, its ids (clip paths,
 * gradients) prefixed with the chart id so two charts never share one.
 */
export function inlineSvg(svg: string, prefix: string): string {
  const p = `${prefix.replace(/[^A-Za-z0-9_-]/g, '_')}-`;
  return svg
    .replace(/^<\?xml[^>]*>\s*/, '')
    .replace(/\bid="([^"]+)"/g, `id="${p}$1"`)
    .replace(/url\(#([^)]+)\)/g, `url(#${p}$1)`)
    .replace(/(xlink:href|href)="#([^"]+)"/g, `$1="#${p}$2"`);
}

const NUMERIC = new Set<Unit>(['persons', 'households', 'count', 'yuan', 'yuan/person/month', 'share', 'index', 'ratio']);

/** A report table as an HTML table (code columns left out, units spelled out, numbers right-aligned). */
export function tableHtml(t: ReportTable, lang: Lang): string {
  const cols = t.columns.filter((c) => !c.code);
  // The unit column of figure tables holds unit keys (yuan, share…): spelled out in the report's language.
  const unitKeys = t.columns.some((c) => c.unit === 'row');
  const money = tableMoneyUnit(t, lang);
  const head = cols.map((c) => `<th scope="col"${c.unit !== 'text' && c.unit !== 'bool' ? ' class="num"' : ''}>${escapeHtml(columnLabel(c, lang, money))}</th>`).join('');
  const body = t.rows.map((r) => `<tr>${cols.map((c) => {
    const unit = cellUnit(c, r);
    const v = r[c.key] ?? null;
    if (unitKeys && c.key === 'unit' && typeof v === 'string' && v in UNIT_LABELS) return `<td class="short">${escapeHtml(v === 'yuan' ? money[lang] : UNIT_LABELS[v as Unit][lang])}</td>`;
    const shown = formatCell(v, unit, c.signed, lang, money);
    const cls = typeof v === 'number' && NUMERIC.has(unit) ? 'num' : shown.length > 80 ? 'long' : shown.length <= 24 ? 'short' : '';
    return `<td${cls ? ` class="${cls}"` : ''}>${escapeHtml(shown)}</td>`;
  }).join('')}</tr>`).join('\n');
  return `<div class="table-wrap"><table class="data" id="table-${escapeHtml(t.id)}" data-table="${escapeHtml(t.id)}">
<thead><tr>${head}</tr></thead>
<tbody>
${body}
</tbody></table></div>`;
}

/** Whether a table holds money (and so states its unit once, above it). */
const hasMoney = (t: ReportTable): boolean => t.rows.some((r) => t.columns.some((c) => cellUnit(c, r) === 'yuan' && typeof r[c.key] === 'number'));

function tableSection(t: ReportTable, lang: Lang, level: 'h2' | 'h3' = 'h2'): string {
  return `<section id="${escapeHtml(t.id)}" class="table">
<${level}>${escapeHtml(t.title[lang])}</${level}>
${t.note ? `<p class="note">${escapeHtml(t.note[lang])}</p>` : ''}
${hasMoney(t) ? `<p class="unit">${escapeHtml(unitLine(tableMoneyUnit(t, lang), lang))}</p>` : ''}
${tableHtml(t, lang)}
<p class="files">tables/${escapeHtml(t.id)}.csv · tables/${escapeHtml(t.id)}.json</p>
</section>`;
}

export interface ReportHtmlInput {
  result: Result;
  tables: readonly ReportTable[];
  charts: readonly RenderedChart[];
  lang: Lang;
  /** Whether report.xlsx is written beside (the HTML names the files that exist). */
  xlsx?: boolean;
}

const T = (lang: Lang, zh: string, en: string): string => (lang === 'zh' ? zh : en);

/** The first page: the executive summary in sentences (what changed, annual cost, who pays, people, poverty). */
function executiveSection(input: ReportHtmlInput): string {
  // Which named baseline each scenario rests on, and what that means, in one sentence each.
  const paras = [...executiveSummary(input.result, input.lang), ...input.result.provenance.scenarios.map((s) => s.baseline[input.lang])];
  if (!paras.length) return '';
  return `<section id="findings" class="executive">
<h2>${T(input.lang, '要点', 'Summary')}</h2>
${paras.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
</section>`;
}

function provenance(input: ReportHtmlInput): string {
  const { result, lang } = input;
  const { dataset, scenarios } = result.provenance;
  const rows: [string, string][] = [
    [T(lang, '数据集', 'Dataset'), result.meta.dataset.name],
    ...(dataset.description ? [[T(lang, '说明', 'Description'), dataset.description] as [string, string]] : []),
    [T(lang, '数据哈希（SHA-256）', 'Data hash (SHA-256)'), result.meta.dataset.sha256],
    ...(dataset.files.length ? [[T(lang, '文件', 'Files'), dataset.files.join('; ')] as [string, string]] : []),
    // A generated dataset: its calibration targets, each with its source or labelled assumption.
    ...dataset.targets.map((f) => [
      T(lang, '校准目标', 'Calibration targets'),
      T(lang, `${f}（每个目标附来源或标明的假设；生成与目标的对照见 jiuzhu calibrate-report）`, `${f} (every target with its source or labelled assumption; jiuzhu calibrate-report prints generated against target)`),
    ] as [string, string]),
    [T(lang, '期间', 'Period'), `${result.period.from} – ${result.period.to}`],
    [T(lang, '随机种子', 'Seed'), String(result.meta.seed)],
  ];
  const scen = scenarios.map((s, i) => {
    const sources = s.sources;
    return `<li><strong>${escapeHtml(s.name)}</strong>: ${escapeHtml(s.description[lang])}<br><span class="mono">${escapeHtml(s.files.join(' ← '))}</span> · sha256 <span class="mono">${escapeHtml(result.meta.scenarios[i]?.sha256 ?? '')}</span>${sources.length ? `<ul>${sources.map((x) => `<li><span class="mono">${escapeHtml(x.subject)}</span>: ${escapeHtml(x.text)}</li>`).join('')}</ul>` : ''}</li>`;
  });
  return `<section id="provenance">
<h2>${T(lang, '数据来源', 'Data provenance')}</h2>
<dl class="kv">${rows.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join('')}</dl>
<h3>${T(lang, '情景', 'Scenarios')}</h3>
<ul>${scen.join('\n')}</ul>
</section>`;
}

function chartsSection(charts: readonly RenderedChart[], lang: Lang, id = 'charts', heading = T(lang, '图表', 'Charts')): string {
  if (!charts.length) return '';
  const figs = charts.map((c) => `<figure class="chart" id="chart-${escapeHtml(c.id)}" data-chart="${escapeHtml(c.id)}">
${inlineSvg(c.svg, `c-${c.id}`)}
<figcaption>${escapeHtml(c.title)} · charts/${escapeHtml(c.id)}.svg · charts/${escapeHtml(c.id)}.png</figcaption>
</figure>`);
  return `<section id="${id}">
<h2>${escapeHtml(heading)}</h2>
${figs.join('\n')}
</section>`;
}

const CSS = `
:root{--fg:#1d1d1f;--muted:#5f6368;--rule:#d0d4d9;--band:#f4f6f8;--accent:#4c78a8}
*{box-sizing:border-box}
body{font-family:"Noto Sans CJK SC","Noto Sans SC","PingFang SC","Microsoft YaHei","WenQuanYi Zen Hei",system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:var(--fg);margin:0 auto;max-width:1200px;padding:24px;line-height:1.5;font-size:15px}
h1{font-size:1.7em;margin:0 0 .2em}h2{font-size:1.3em;border-bottom:2px solid var(--accent);padding-bottom:.2em;margin-top:2em}h3{font-size:1.1em;margin-top:1.5em}
.sub,.note,.files,figcaption{color:var(--muted)}.note{margin:.2em 0 .6em}.files{font-size:.8em;margin:.3em 0 0}
nav ol{columns:3;font-size:.9em;padding-left:1.2em}nav a{color:var(--accent);text-decoration:none}
.table-wrap{overflow-x:auto}
table.data{border-collapse:collapse;font-size:.82em;width:auto;min-width:50%}
table.data th,table.data td{border-bottom:1px solid var(--rule);padding:3px 8px;text-align:left;vertical-align:top}
table.data th{background:var(--band);position:sticky;top:0}
table.data td.num,table.data th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
table.data tbody tr:nth-child(even){background:#fafbfc}
table.data td.short{white-space:nowrap}table.data td.long{min-width:28em}
figure.chart{margin:1.2em 0;break-inside:avoid;page-break-inside:avoid}
figure.chart svg{max-width:100%;height:auto;display:block}
dl.kv{display:grid;grid-template-columns:max-content 1fr;gap:2px 16px;font-size:.9em}dl.kv dt{color:var(--muted)}dl.kv dd{margin:0;word-break:break-all}
.mono{font-family:"DejaVu Sans Mono",Menlo,Consolas,monospace;font-size:.85em;word-break:break-all}
ul.findings>li{margin-bottom:.6em}
footer{margin-top:3em;color:var(--muted);font-size:.8em;border-top:1px solid var(--rule);padding-top:.6em}
section.executive p{font-size:1.05em;max-width:60em}
p.unit{margin:.2em 0;font-size:.85em;color:var(--muted)}
@page{size:A4;margin:12mm 10mm}
@media print{
  body{max-width:none;padding:0;font-size:10.5pt}
  nav,.files{display:none}
  h2{break-after:avoid;page-break-after:avoid}
  /* Page 1 is the title and the executive summary; the rest starts on page 2. */
  section.executive{break-after:page;page-break-after:always}
  section.executive h2{margin-top:1em}
  /* Tables fit the page width: cells wrap, long words break, no column is cut at the right. */
  .table-wrap{overflow:visible}
  table.data{font-size:7pt;width:100%;table-layout:auto}
  table.data th,table.data td{white-space:normal;overflow-wrap:anywhere;word-break:break-word;padding:2px 4px}
  table.data td.num,table.data th.num,table.data td.short{white-space:normal}
  table.data td.long{min-width:0}
  table.data th{position:static}
  thead{display:table-header-group}
  tr{break-inside:avoid;page-break-inside:avoid}
  a{color:inherit;text-decoration:none}
}
`;

/** The report's index.html. */
export function reportHtml(input: ReportHtmlInput): string {
  const { result, tables, charts, lang } = input;
  const byId = new Map(tables.map((t) => [t.id, t]));
  const section = (id: string, level: 'h2' | 'h3' = 'h2'): string => {
    const t = byId.get(id);
    return t ? tableSection(t, lang, level) : '';
  };
  // Scenarios by their names for readers (the head of their description), not their file names.
  const names = result.scenarios.map((s, i) => scenarioTitle(result.provenance.scenarios[i], s.name, lang));
  const title = T(lang, `吉林省城乡社会救助微观模拟报告：${names.join(' 与 ')}`, `Jilin social assistance microsimulation: ${names.join(' vs ')}`);
  // Three or four charts right after the summary; the rest after the detail tables.
  const KEY_CHARTS = 4;
  const first = charts.slice(0, KEY_CHARTS);
  const more = charts.slice(KEY_CHARTS);
  const toc: [string, string][] = [
    ['findings', T(lang, '要点', 'Summary')], ['charts', T(lang, '主要图表', 'Key charts')], ['summary', byId.get('summary')?.title[lang] ?? ''], ['deltas', byId.get('deltas')?.title[lang] ?? ''],
    ['more-charts', T(lang, '更多图表', 'More charts')],
    ...['programs', 'funding', 'prefectures', 'months', 'distribution', 'decile-impact', 'checks', 'compliance-cost'].filter((id) => byId.has(id)).map((id) => [id, byId.get(id)!.title[lang]] as [string, string]),
    ['methodology', T(lang, '方法', 'Methodology')], ['parameters', T(lang, '参数', 'Parameters')], ['assumptions', T(lang, '假设', 'Assumptions')],
    ['provenance', T(lang, '数据来源', 'Data provenance')], ['meta', T(lang, '运行标识', 'Run identity')],
  ].filter(([id, label]) => label && (id !== 'charts' || first.length) && (id !== 'more-charts' || more.length) && (id !== 'deltas' || byId.has('deltas')) && (id !== 'findings' || result.deltas.length)) as [string, string][];
  // The meta block also as JSON, for tools (type application/json: data, not a script that runs).
  const metaJson = JSON.stringify({ ...result.meta, period: result.period }, null, 2).replace(/</g, '\\u003c');
  const files = [
    'tables/*.csv', 'tables/*.json', ...(charts.length ? ['charts/*.svg', 'charts/*.png'] : []), ...(input.xlsx ? ['report.xlsx'] : []), 'result.json',
  ];
  return `<!DOCTYPE html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="jiuzhu ${escapeHtml(result.meta.jiuzhu)}">
<title>${escapeHtml(title)}</title>
<style>${CSS}</style>
</head>
<body>
<header>
<h1>${escapeHtml(title)}</h1>
<p class="sub">吉政发〔2006〕48号 · ${escapeHtml(T(lang, '期间', 'period'))} ${escapeHtml(result.period.from)} – ${escapeHtml(result.period.to)} · ${escapeHtml(T(lang, '数据集', 'dataset'))} ${escapeHtml(result.meta.dataset.name)} · jiuzhu ${escapeHtml(result.meta.jiuzhu)}${result.meta.createdAt ? ` · ${escapeHtml(result.meta.createdAt)}` : ''}</p>
</header>
${executiveSection(input)}
<nav><ol>${toc.map(([id, label]) => `<li><a href="#${escapeHtml(id)}">${escapeHtml(label)}</a></li>`).join('')}</ol></nav>
${chartsSection(first, lang, 'charts', T(lang, '主要图表', 'Key charts'))}
${section('summary')}
${section('deltas')}
${chartsSection(more, lang, 'more-charts', T(lang, '更多图表', 'More charts'))}
${['programs', 'funding', 'prefectures', 'months', 'distribution', 'decile-impact', 'checks', 'compliance-cost'].map((id) => section(id)).join('\n')}
<section id="methodology">
<h2>${T(lang, '方法', 'Methodology')}</h2>
${METHODOLOGY.map((p) => `<h3>${escapeHtml(p.heading[lang])}</h3>\n<p>${escapeHtml(p.text[lang])}</p>`).join('\n')}
${section('clauses', 'h3')}
${section('outcomes', 'h3')}
</section>
${section('parameters')}
${section('assumptions')}
${provenance(input)}
<section id="meta">
<h2>${T(lang, '运行标识', 'Run identity (meta)')}</h2>
${byId.get('meta') ? tableHtml(byId.get('meta')!, lang) : ''}
<script type="application/json" id="jiuzhu-meta">${metaJson}</script>
</section>
<footer>${escapeHtml(T(lang, '本报告的文件：', 'Files of this report: '))}${files.map(escapeHtml).join(' · ')}. ${escapeHtml(T(lang, '由 jiuzhu report 生成。', 'Written by jiuzhu report.'))}</footer>
</body>
</html>
`;
}
