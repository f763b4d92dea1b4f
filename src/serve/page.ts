/**
 * The explorer page: one self-contained HTML document (inline CSS and script, no request outside
 * this server, no CDN). It holds no policy logic: it sends the scenario and the slider settings
 * to the API and shows what comes back — numbers already computed, charts already drawn as SVG.
 * The sliders are written here from SLIDERS, each with a <label for> and an <output> beside it.
 */
import { BILLION_YUAN, LARGE_MONEY, MILLION_YUAN, WAN_YUAN, YI_YUAN } from '../text/units.js';
import { createHash } from 'node:crypto';
import { escapeHtml } from '../report/html.js';
import type { Explorer } from './api.js';
import { SLIDERS, type SliderId } from './sliders.js';

export interface PageConfig {
  lang: 'zh' | 'en';
  initial: string;
  baseline: string;
  dataset: { name: string; households: number };
  scenarios: { name: string; description: { zh: string; en: string }; period: { from: string; to: string }; periodNote?: { zh: string; en: string }; defaults: Record<SliderId, number> }[];
  sliders: { id: SliderId; min: number; max: number; step: number; display: 'factor' | 'percent' }[];
  excluded: { name: string; reason: string }[];
}

/** What the page needs to know: the scenarios with their slider defaults, the sliders' ranges. */
export function pageConfig(explorer: Explorer, lang: 'zh' | 'en'): PageConfig {
  return {
    lang,
    initial: explorer.initialScenario.name,
    baseline: explorer.baseline.name,
    dataset: { name: explorer.dataset.meta.name, households: explorer.dataset.population.nHouseholds },
    scenarios: explorer.scenarios.map((s) => ({ name: s.name, description: s.description, period: s.period, ...(s.periodNote ? { periodNote: s.periodNote } : {}), defaults: s.defaults })),
    sliders: SLIDERS.map((s) => ({ id: s.id, min: s.min, max: s.max, step: s.step, display: s.display })),
    excluded: explorer.excluded.map((x) => ({ name: x.name, reason: x.reason })),
  };
}

const both = (zh: string, en: string): string => `<span class="zh" lang="zh">${escapeHtml(zh)}</span><span class="en" lang="en">${escapeHtml(en)}</span>`;

/** The page, with the configuration inlined as JSON (`<` escaped, so no text can end the script). */
export function explorerPage(config: PageConfig): string {
  const json = JSON.stringify(config).replace(/</g, '\\u003c');
  const sliders = SLIDERS.map((s) => `
      <div class="slider">
        <label for="s-${s.id}">${both(s.label.zh, s.label.en)}</label>
        <input type="range" id="s-${s.id}" name="${s.id}" min="${s.min}" max="${s.max}" step="${s.step}" aria-describedby="h-${s.id}">
        <output id="o-${s.id}" for="s-${s.id}"></output>
        <small id="h-${s.id}">${both(s.help.zh, s.help.en)}</small>
      </div>`).join('');
  const options = config.scenarios.map((s) => `<option value="${escapeHtml(s.name)}"${s.name === config.initial ? ' selected' : ''}>${escapeHtml(s.name)}</option>`).join('');
  const excluded = config.excluded.length
    ? `<p class="note">${both('未列入（预测情景，请用 jiuzhu project）：', 'Not listed (projections; use jiuzhu project): ')}${escapeHtml(config.excluded.map((x) => x.name).join(', '))}</p>`
    : '';
  return `<!doctype html>
<html lang="${config.lang}" data-lang="${config.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>救助 jiuzhu — 情景探索 Scenario explorer</title>
<style>${CSS}</style>
</head>
<body>
<header>
  <h1>${both('救助 jiuzhu 情景探索', 'jiuzhu scenario explorer')}</h1>
  <button type="button" id="lang" aria-label="中文 / English">${both('English', '中文')}</button>
</header>
<main>
  <section class="controls" aria-labelledby="controls-h">
    <h2 id="controls-h">${both('设置', 'Settings')}</h2>
    <div class="slider">
      <label for="scenario">${both('情景', 'Scenario')}</label>
      <select id="scenario" name="scenario">${options}</select>
      <small id="scenario-description"></small>
    </div>
    ${sliders}
    <h3 id="standards-h">${both('各市（州）低保标准', 'Dibao standards by prefecture')}</h3>
    <table id="standards" aria-labelledby="standards-h"><caption>${both('元/人/月；改动一格即设定该市（州）该地区的标准', 'yuan/person/month; editing a cell sets that prefecture’s standard')}</caption>
      <thead><tr><th scope="col">${both('市（州）', 'Prefecture')}</th><th scope="col">${both('城镇', 'Urban')}</th><th scope="col">${both('农村', 'Rural')}</th></tr></thead>
      <tbody></tbody></table>
    <h3><label for="param-search">${both('查找并设定任一参数', 'Find and set any parameter')}</label></h3>
    <input type="search" id="param-search" autocomplete="off" placeholder="低保标准 / take_up / tuition" aria-describedby="param-help">
    <small id="param-help">${both('按参数路径或中英文名称查找；设定值须在其单位的范围内', 'Search by path or name (Chinese or English); a value must lie in its unit’s range')}</small>
    <ul id="param-results" class="params"></ul>
    <h3>${both('已设定的参数', 'Parameters set')}</h3>
    <ul id="overrides" class="params"><li class="none">${both('无', 'none')}</li></ul>
    <p class="buttons">
      <button type="button" id="reset">${both('恢复情景设置', 'Reset to the scenario')}</button>
      <a id="save-yaml" class="button" href="#" download>${both('保存情景 YAML', 'Save scenario YAML')}</a>
    </p>
    <p class="note">${both(`与基线 ${config.baseline} 比较；数据：${config.dataset.name}（${config.dataset.households.toLocaleString('en-US')} 户）。`, `Compared with the baseline ${config.baseline}; data: ${config.dataset.name} (${config.dataset.households.toLocaleString('en-US')} households).`)}</p>
    ${excluded}
  </section>
  <section class="results" aria-labelledby="results-h">
    <h2 id="results-h">${both('主要结果', 'Headline numbers')} <small id="period"></small></h2>
    <p id="names" class="note"></p>
    <p id="status" role="status" aria-live="polite"></p>
    <p id="error" role="alert" hidden></p>
    <div id="headline" class="cards"></div>
    <h2>${both('各项目支出', 'Cost by program')}</h2>
    <table id="programs"><caption id="programs-unit"></caption><thead><tr>
      <th scope="col">${both('项目', 'Program')}</th><th scope="col">${both('基线', 'Baseline')}</th>
      <th scope="col">${both('本情景', 'This scenario')}</th><th scope="col">${both('变化', 'Change')}</th>
    </tr></thead><tbody></tbody></table>
    <h2>${both('下载表格（CSV）', 'Download tables (CSV)')}</h2>
    <ul id="tables" class="downloads"></ul>
    <h2>${both('图表', 'Charts')} <small id="charts-status"></small></h2>
    <div id="charts"></div>
  </section>
</main>
<script type="application/json" id="explorer-config">${json}</script>
<script>${SCRIPT}</script>
</body>
</html>
`;
}

/** The Content-Security-Policy of the page: its own inline script (by hash) and requests to this server only. */
export function pageCsp(page: string): string {
  const script = /<script>([\s\S]*?)<\/script>/.exec(page)?.[1] ?? '';
  const hash = createHash('sha256').update(script, 'utf8').digest('base64');
  return [`default-src 'none'`, `script-src 'sha256-${hash}'`, `style-src 'unsafe-inline'`, `img-src data:`, `connect-src 'self'`, `base-uri 'none'`, `form-action 'none'`, `frame-ancestors 'none'`].join('; ');
}

const CSS = `
:root{--fg:#1a1a1a;--muted:#5f6368;--line:#d9dce1;--accent:#b3261e;font-family:system-ui,"Noto Sans CJK SC","WenQuanYi Zen Hei",sans-serif;color:var(--fg)}
html[data-lang=zh] .en,html[data-lang=en] .zh{display:none}
body{margin:0}
header{display:flex;justify-content:space-between;align-items:center;padding:.6rem 1.2rem;border-bottom:1px solid var(--line)}
h1{font-size:1.3rem;margin:0}h2{font-size:1.05rem;margin:1.2rem 0 .5rem}
main{display:grid;grid-template-columns:minmax(16rem,22rem) 1fr;gap:1.5rem;padding:0 1.2rem 2rem}
@media (max-width:800px){main{grid-template-columns:1fr}}
.slider{display:grid;grid-template-columns:1fr 8.5em;gap:.2rem .6rem;margin:.8rem 0}
.slider label{font-weight:600;grid-column:1/-1}.slider input{grid-column:1;width:100%;margin:0}.slider select{grid-column:1/-1}.slider output{grid-column:2;font-variant-numeric:tabular-nums;text-align:right;white-space:nowrap}
.slider small{grid-column:1/-1;color:var(--muted)}
h3{font-size:.95rem;margin:1rem 0 .4rem}
#standards input{width:5em;font:inherit;text-align:right}#standards input.set{border-color:var(--accent);font-weight:600}
#param-search{width:100%;font:inherit;box-sizing:border-box}
.params{list-style:none;padding:0;margin:.4rem 0}.params li{border-bottom:1px solid var(--line);padding:.3rem 0}
.params code{font-size:.8rem;color:var(--muted);word-break:break-all}.params input{width:7em;font:inherit}
.params .none{color:var(--muted);border:0}
.buttons{display:flex;gap:.5rem;flex-wrap:wrap}
button,.button{font:inherit;padding:.35rem .7rem;border:1px solid var(--line);border-radius:4px;background:#f6f7f9;color:inherit;text-decoration:none;cursor:pointer}
.note,#status,small{color:var(--muted)}#error{color:var(--accent);font-weight:600}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(13rem,1fr));gap:.6rem}
.card{border:1px solid var(--line);border-radius:6px;padding:.5rem .7rem}
.card .label{font-size:.85rem;color:var(--muted)}.card .value{font-size:1.35rem;font-weight:600;font-variant-numeric:tabular-nums}
.card .unit{font-size:.8rem;font-weight:400;color:var(--muted);margin-left:.25em}
.delta{font-size:.85rem;font-variant-numeric:tabular-nums;color:var(--muted)}
table{border-collapse:collapse;font-variant-numeric:tabular-nums}th,td{border-bottom:1px solid var(--line);padding:.25rem .6rem;text-align:right}th:first-child,td:first-child{text-align:left}
.downloads{display:flex;flex-wrap:wrap;gap:.4rem;padding:0;list-style:none}
#charts figure{margin:0 0 1.2rem}#charts figcaption{font-weight:600;margin-bottom:.3rem}#charts svg{max-width:100%;height:auto}
body.busy #headline,body.busy #charts{opacity:.55}
`;

/**
 * The page's script: plain ES2020, no template literals (it sits in a TypeScript template). It
 * formats numbers for reading and nothing more; every figure and change comes from the API.
 */
/**
 * The page's money rule, the one of every table (src/text/units.ts): 万元 or 亿元, million or
 * billion yuan, by the largest figure. Exported so a test can run it outside a browser.
 */
export const MONEY_SCRIPT = `
var MONEY = ${JSON.stringify({ large: LARGE_MONEY, zh: [WAN_YUAN, YI_YUAN], en: [MILLION_YUAN, BILLION_YUAN] })};
function moneyUnit(v) { return MONEY[state.lang][Math.abs(v) >= MONEY.large ? 1 : 0]; }
`;

const SCRIPT = `
'use strict';
var cfg = JSON.parse(document.getElementById('explorer-config').textContent);
var client = Math.random().toString(36).slice(2);
var state = { lang: cfg.lang, scenario: cfg.initial, settings: {}, overrides: [], seq: 0, timer: 0, searchTimer: 0, last: null };
var $ = function (id) { return document.getElementById(id); };
var T = function (zh, en) { return state.lang === 'zh' ? zh : en; };
var both = function (l) { return '<span class="zh" lang="zh">' + esc(l.zh) + '</span><span class="en" lang="en">' + esc(l.en) + '</span>'; };
function esc(s) { return String(s).replace(/[&<>"']/g, function (c) { return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]; }); }
function scenarioCfg() { return cfg.scenarios.find(function (s) { return s.name === state.scenario; }); }
function group(x, d) { return x.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d }); }
${MONEY_SCRIPT}
// A number for reading, as [digits, unit]: money in the reader's unit; persons whole.
function parts(v, unit) {
  if (v === null || v === undefined || !isFinite(v)) return ['–', ''];
  if (unit === 'share') return [(v * 100).toFixed(2), '%'];
  if (unit === 'yuan') {
    var u = moneyUnit(v);
    return [group(v / u.yuan, u.digits), state.lang === 'zh' ? u.zh : u.en];
  }
  if (unit === 'yuan/person/month') return [group(v, 2), T('元/人/月', 'yuan/person/month')];
  return [group(Math.round(v), 0), ''];
}
function fmt(v, unit) { var p = parts(v, unit); return p[1] === '%' ? p[0] + '%' : p[1] ? p[0] + ' ' + p[1] : p[0]; }
function fmtDelta(f) {
  var sign = f.absolute > 0 ? '+' : f.absolute < 0 ? '−' : '±';
  var abs = f.unit === 'share' ? (Math.abs(f.absolute) * 100).toFixed(2) + T('个百分点', ' pp') : fmt(Math.abs(f.absolute), f.unit);
  var rel = f.relative === null ? '' : ' (' + (f.relative >= 0 ? '+' : '−') + (Math.abs(f.relative) * 100).toFixed(1) + '%)';
  return sign + abs + (f.unit === 'share' ? '' : rel);
}
function sliderText(s, v) { return s.display === 'percent' ? Math.round(v * 1000) / 10 + '%' : '×' + Number(v).toFixed(2); }
function valueOf(s) { var v = state.settings[s.id]; return v === undefined ? scenarioCfg().defaults[s.id] : v; }
function showSliders() {
  cfg.sliders.forEach(function (s) {
    var v = valueOf(s);
    var input = $('s-' + s.id);
    input.value = String(v);
    var text = sliderText(s, v);
    var std = state.last && state.last.averageStandard;
    if (std && s.id === 'standardUrban') text += ' → ' + group(std.urban, 1) + T(' 元', ' yuan');
    if (std && s.id === 'standardRural') text += ' → ' + group(std.rural, 1) + T(' 元', ' yuan');
    $('o-' + s.id).textContent = text;
    input.setAttribute('aria-valuetext', text);
  });
  var sc = scenarioCfg();
  $('scenario-description').textContent = T(sc.description.zh, sc.description.en);
  $('period').textContent = sc.periodNote ? T(sc.periodNote.zh, sc.periodNote.en) : sc.period.from === sc.period.to ? sc.period.from : sc.period.from + ' – ' + sc.period.to;
}
// A set value's query key, as src/serve/request.ts reads it: set:PATH[@PREFECTURE][@AREA].
function overrideKey(o) {
  var k = 'set:' + o.path;
  if (o.where && o.where.prefecture !== undefined) k += '@' + o.where.prefecture;
  if (o.where && o.where.area) k += '@' + o.where.area;
  return k;
}
function query() {
  var q = new URLSearchParams({ scenario: state.scenario, lang: state.lang });
  cfg.sliders.forEach(function (s) { if (state.settings[s.id] !== undefined) q.set(s.id, String(state.settings[s.id])); });
  state.overrides.forEach(function (o) { q.append(overrideKey(o), String(o.set)); });
  return q.toString();
}
function body() { return JSON.stringify({ scenario: state.scenario, settings: state.settings, overrides: state.overrides, lang: state.lang }); }
function post(path) {
  return fetch(path, { method: 'POST', headers: { 'content-type': 'application/json', 'x-jiuzhu-client': client }, body: body() })
    .then(function (r) { return r.json().then(function (j) {
      if (!r.ok) { var e = new Error(j.error && j.error.message || r.statusText); e.key = j.error && j.error.key; throw e; }
      return j;
    }); });
}
// Sets a value (replacing one for the same parameter and cells) and recomputes.
function setOverride(o) {
  var k = overrideKey(o);
  state.overrides = state.overrides.filter(function (x) { return overrideKey(x) !== k; });
  state.overrides.push(o);
  showOverrides();
  schedule();
}
function removeOverride(k) {
  state.overrides = state.overrides.filter(function (x) { return overrideKey(x) !== k; });
  showOverrides();
  schedule();
}
function overrideLabel(o) {
  var cell = [];
  if (o.where && o.where.prefecture !== undefined) {
    var row = state.last && state.last.standards.find(function (s) { return s.code === o.where.prefecture; });
    cell.push(row ? T(row.name.zh, row.name.en) : String(o.where.prefecture));
  }
  if (o.where && o.where.area) cell.push(o.where.area === 'urban' ? T('城镇', 'urban') : T('农村', 'rural'));
  return o.path + (cell.length ? ' (' + cell.join(' ') + ')' : '') + ' = ' + o.set;
}
function showOverrides() {
  var ul = $('overrides');
  if (!state.overrides.length) { ul.innerHTML = '<li class="none">' + T('无', 'none') + '</li>'; return; }
  ul.innerHTML = state.overrides.map(function (o) {
    return '<li data-override="' + esc(overrideKey(o)) + '"><span>' + esc(overrideLabel(o)) + '</span> <button type="button" class="remove" aria-label="' + esc(T('移除 ', 'Remove ') + overrideLabel(o)) + '">×</button></li>';
  }).join('');
}
function showStandards(r) {
  var set = {};
  state.overrides.forEach(function (o) { if (o.path === 'dibao.standard' && o.where && o.where.prefecture !== undefined && o.where.area) set[o.where.prefecture + '@' + o.where.area] = true; });
  var tb = $('standards').tBodies[0];
  if (tb.rows.length !== r.standards.length) {
    tb.innerHTML = r.standards.map(function (s) {
      var cell = function (area) {
        return '<td><input type="number" min="0" step="1" inputmode="decimal" data-prefecture="' + s.code + '" data-area="' + area + '" id="std-' + s.code + '-' + area + '" aria-label="' + esc(s.name.zh + ' ' + s.name.en + ' ' + area) + '"></td>';
      };
      return '<tr data-prefecture="' + s.code + '"><th scope="row">' + both(s.name) + '</th>' + cell('urban') + cell('rural') + '</tr>';
    }).join('');
  }
  r.standards.forEach(function (s) {
    ['urban', 'rural'].forEach(function (area) {
      var input = $('std-' + s.code + '-' + area);
      if (document.activeElement !== input) input.value = String(Math.round(s[area] * 100) / 100);
      input.classList.toggle('set', !!set[s.code + '@' + area]);
    });
  });
}
function search() {
  var q = $('param-search').value.trim();
  if (!q) { $('param-results').innerHTML = ''; return; }
  fetch('/api/parameters?' + new URLSearchParams({ scenario: state.scenario, q: q }).toString())
    .then(function (r) { return r.json(); })
    .then(function (j) {
      if (q !== $('param-search').value.trim()) return;
      $('param-results').innerHTML = j.matches.length ? j.matches.map(function (m, i) {
        var now = m.value === null ? T('（按地区/类别分列）', '(by prefecture, area or category)') : String(m.value);
        return '<li data-path="' + esc(m.path) + '"><div>' + both(m.label) + ' <code>' + esc(m.path) + '</code></div>' +
          '<small>' + esc(m.unit + ' · ' + T('现值 ', 'now ') + now + ' · ' + m.range.text) + '</small><br>' +
          '<input type="number" id="pv-' + i + '" step="any" min="' + m.range.min + '" max="' + m.range.max + '" aria-label="' + esc(T('新值 ', 'New value of ') + m.path) + '"' + (m.value === null ? '' : ' value="' + m.value + '"') + '> ' +
          '<button type="button" class="set" data-input="pv-' + i + '">' + T('设定', 'Set') + '</button></li>';
      }).join('') : '<li class="none">' + T('没有匹配的参数', 'no parameter matches') + '</li>';
    })
    .catch(showError);
}
function showError(e) { var el = $('error'); if (e) { el.textContent = String(e.message || e); el.hidden = false; } else { el.hidden = true; el.textContent = ''; } }
function showRun(r, ms) {
  state.last = r;
  showStandards(r);
  showOverrides();
  $('names').textContent = T('比较：', 'Comparing: ') + r.names.baseline + T(' → ', ' → ') + r.names.explored;
  $('headline').innerHTML = r.headline.map(function (f) {
    var p = parts(f.value, f.unit);
    return '<div class="card" data-metric="' + f.id + '" data-value="' + f.value + '" data-baseline="' + f.baseline + '">' +
      '<div class="label">' + both(f.label) + '</div><div class="value">' + esc(p[0]) + '<span class="unit">' + esc(p[1]) + '</span></div>' +
      '<div class="delta">' + esc(fmtDelta(f)) + ' <span class="zh" lang="zh">较基线</span><span class="en" lang="en">vs baseline</span></div></div>';
  }).join('');
  // One unit for the whole table, stated once in its caption.
  var tu = moneyUnit(r.programs.reduce(function (m, p) { return Math.max(m, Math.abs(p.baseline || 0), Math.abs(p.value || 0)); }, 0));
  var inTu = function (v) { return v === null || v === undefined || !isFinite(v) ? '–' : group(v / tu.yuan, tu.digits); };
  $('programs-unit').textContent = T('单位：' + tu.zh, 'Unit: ' + tu.en);
  $('programs').tBodies[0].innerHTML = r.programs.map(function (p) {
    var sign = p.absolute > 0 ? '+' : p.absolute < 0 ? '−' : '±';
    var rel = p.relative === null ? '' : ' (' + (p.relative >= 0 ? '+' : '−') + (Math.abs(p.relative) * 100).toFixed(1) + '%)';
    return '<tr data-program="' + esc(p.id) + '"><td>' + both(p.label) + '</td><td>' + esc(inTu(p.baseline)) + '</td><td>' + esc(inTu(p.value)) + '</td><td>' + esc(sign + inTu(Math.abs(p.absolute)) + rel) + '</td></tr>';
  }).join('');
  $('save-yaml').href = '/api/scenario.yaml?' + query();
  showSliders();
  var tm = r.timing;
  $('status').textContent = T('计算用时 ', 'Computed in ') + group(ms, 0) + ' ms' +
    (tm.cached ? T('（缓存）', ' (cached)') : T('（引擎 ', ' (engine ') + group(tm.runMs + tm.baselineMs, 0) + ' ms' + (tm.baselineMs ? T('，含基线 ', ', baseline ') + group(tm.baselineMs, 0) + ' ms' : '') + T('）', ')')) +
    T(' · 数据 ', ' · data ') + r.dataset.name + ' (' + group(r.dataset.households, 0) + T(' 户)', ' households)');
}
function showCharts(c) {
  var q = query();
  $('tables').innerHTML = c.tables.map(function (t) {
    return '<li><a class="button" download href="/api/table/' + t.id + '.csv?' + q + '">' + both(t.title) + '</a></li>';
  }).join('');
  $('charts').innerHTML = c.charts.map(function (ch) {
    return '<figure class="chart" data-chart="' + ch.id + '"><figcaption>' + esc(ch.title) +
      ' <a class="button" download href="/api/chart/' + ch.id + '.png?' + q + '">PNG</a></figcaption>' + ch.svg + '</figure>';
  }).join('');
  $('charts-status').textContent = T('绘图 ', 'drawn in ') + group(c.timing.chartsMs, 0) + ' ms';
}
function update() {
  var seq = ++state.seq;
  var t0 = performance.now();
  document.body.classList.add('busy');
  document.body.dataset.state = 'computing';
  return post('/api/run').then(function (r) {
    if (r.superseded || seq !== state.seq) return;
    showError(null);
    showRun(r, performance.now() - t0);
    document.body.dataset.state = 'charts';
    return post('/api/charts').then(function (c) {
      if (c.superseded || seq !== state.seq) return;
      showCharts(c);
      document.body.classList.remove('busy');
      document.body.dataset.state = 'ready';
      document.body.dataset.seq = String(seq);
    });
  }).catch(function (e) {
    if (seq !== state.seq) return;
    // A value the server refused (its unit's range, a cell the parameter has not) is dropped, with the reason shown.
    var m = /^overrides[.]([0-9]+)/.exec(e.key || "");
    if (m) { state.overrides.splice(Number(m[1]), 1); showOverrides(); }
    showError(e);
    document.body.classList.remove('busy');
    document.body.dataset.state = 'error';
  });
}
function schedule() { clearTimeout(state.timer); state.timer = setTimeout(update, 100); }
cfg.sliders.forEach(function (s) {
  var input = $('s-' + s.id);
  var moved = function () { state.settings[s.id] = Number(input.value); showSliders(); schedule(); };
  input.addEventListener('input', moved);
  input.addEventListener('change', moved);
});
$('scenario').addEventListener('change', function () { state.scenario = $('scenario').value; state.settings = {}; state.overrides = []; state.last = null; showSliders(); showOverrides(); search(); schedule(); });
$('reset').addEventListener('click', function () { state.settings = {}; state.overrides = []; showSliders(); showOverrides(); schedule(); });
$('standards').addEventListener('change', function (ev) {
  var input = ev.target;
  if (!input.dataset || !input.dataset.prefecture || input.value === '') return;
  setOverride({ path: 'dibao.standard', set: Number(input.value), where: { prefecture: Number(input.dataset.prefecture), area: input.dataset.area } });
});
$('param-search').addEventListener('input', function () { clearTimeout(state.searchTimer); state.searchTimer = setTimeout(search, 150); });
$('param-results').addEventListener('click', function (ev) {
  var b = ev.target;
  if (!b.classList || !b.classList.contains('set')) return;
  var input = $(b.dataset.input);
  if (input.value === '') return;
  setOverride({ path: b.closest('li').dataset.path, set: Number(input.value) });
});
$('overrides').addEventListener('click', function (ev) {
  var b = ev.target;
  if (!b.classList || !b.classList.contains('remove')) return;
  removeOverride(b.closest('li').dataset.override);
});
$('lang').addEventListener('click', function () {
  state.lang = state.lang === 'zh' ? 'en' : 'zh';
  document.documentElement.lang = state.lang;
  document.documentElement.dataset.lang = state.lang;
  update();
});
showSliders();
update();
`;
