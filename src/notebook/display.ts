/**
 * Rich output in a notebook: tables, vega-lite charts, Observable Plot figures, SVG, PNG.
 *
 * Inside the tslab kernel this writes Jupyter display data through tslab's own `display`;
 * anywhere else (a script, a test) it prints a plain-text stand-in, so notebook code also runs
 * under `tsx`. Two tslab quirks are handled here so that notebooks never meet them:
 * - tslab turns a cell's `import` into `require()`, and `require('vega')` gets vega's UMD
 *   browser build; charts are rendered by the package itself (ESM vega, headless, to SVG), so
 *   a notebook never imports vega;
 * - tslab loads the package with `require()`, which Node cannot do for an ES module graph with a
 *   top-level await — and vega's ESM build has one (vega-canvas awaits `import('canvas')`). So
 *   the renderer is imported lazily, with `import()`, the first time a chart is drawn;
 * - tslab compiles cells against the package's `.d.ts` files only (its rootDir stops it from
 *   compiling `src/`), so everything a notebook needs is exported from `jiuzhu/notebook`.
 * tslab is loaded lazily, only when something is displayed: it is a devDependency, never needed
 * by the library's main entry.
 */
import { fmtMoneyIn, moneyUnitOf } from '../text/units.js';
import { writeFileSync, renameSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { TopLevelSpec } from 'vega-lite';
import type { Chart } from '../charts/render.js';
import { flattenRow, toColumns, type Cell, type Columns } from './interop.js';

/** What tslab's `display` offers (the subset used here). */
interface RawDisplay {
  html(s: string): void;
  markdown(s: string): void;
  svg(s: string): void;
  png(b: Uint8Array): void;
  text(s: string): void;
}

let kernelDisplay: RawDisplay | null = null;

/** tslab's display when this code runs in a tslab kernel, else null. */
function kernel(): RawDisplay | null {
  if (kernelDisplay) return kernelDisplay;
  try {
    // The kernel's own tslab module instance (same file, same require cache): the one whose
    // display channel is connected. Its jupyter module holds that channel once a cell runs.
    const req = createRequire(import.meta.url);
    const channel = (req('tslab/dist/jupyter.js') as { lastWriteDisplayData?: unknown }).lastWriteDisplayData;
    if (channel) kernelDisplay = (req('tslab') as { display: RawDisplay }).display;
  } catch {
    // tslab is not installed (it is a devDependency): plain-text output.
  }
  return kernelDisplay;
}

/** A display message of tslab's kernel: a bundle of representations of one output, the front end picks the best. */
type DisplayChannel = (message: { data: Record<string, string>; metadata: object; transient: object }, update: boolean) => void;

/**
 * tslab's own channel for display messages, when this code runs in a tslab kernel. Its `display`
 * sends one representation per message; a chart needs several in one (SVG, with PNG and text
 * for front ends and exporters that do not draw SVG), so the bundle goes out on the channel.
 */
function displayChannel(): DisplayChannel | null {
  try {
    const req = createRequire(import.meta.url);
    return ((req('tslab/dist/jupyter.js') as { lastWriteDisplayData?: DisplayChannel | null }).lastWriteDisplayData) ?? null;
  } catch {
    return null;
  }
}

/** True inside a tslab kernel (rich output), false in a plain Node process (text output). */
export function inNotebook(): boolean {
  return kernel() !== null;
}

export interface TableOptions {
  /** Rows shown (default 20); the rest are counted in a footer. */
  limit?: number;
  /** Only these columns, in this order. */
  columns?: readonly string[];
  /** A caption above the table. */
  caption?: string;
  /** Fraction digits of numbers (default: 0 from 1,000 up, 2 from 1, else 4 significant). */
  digits?: number;
  /**
   * Columns holding yuan: shown in the reader's unit (万元 or 亿元, million or billion yuan, chosen
   * from their largest figure, as every jiuzhu table), their headers naming it.
   */
  money?: readonly string[];
  /** Language of the money unit (default en). */
  lang?: 'zh' | 'en';
}

/** The columns to show, money columns divided into the reader's unit and renamed with it. */
function inReaderUnits(cols: Columns, names: string[], options: TableOptions): { cols: Columns; names: string[]; fmt: (c: string, v: Cell | undefined) => string } {
  const money = new Set(options.money ?? []);
  if (!money.size) return { cols, names, fmt: (_c, v) => formatCell(v, options.digits) };
  const lang = options.lang ?? 'en';
  const unit = moneyUnitOf(names.filter((c) => money.has(c)).flatMap((c) => [...(cols[c] ?? [])].map((v) => (typeof v === 'number' ? v : null))), lang);
  const label = (c: string): string => (money.has(c) ? (lang === 'zh' ? `${c}（${unit.zh}）` : `${c} (${unit.en})`) : c);
  const out: Columns = {};
  for (const c of names) out[label(c)] = cols[c] ?? [];
  return {
    cols: out,
    names: names.map(label),
    fmt: (c, v) => (typeof v === 'number' && c !== undefined && names.some((n) => money.has(n) && label(n) === c) ? fmtMoneyIn(v, unit) : formatCell(v, options.digits)),
  };
}

/** A number for reading: thousands separators, few digits. */
export function formatCell(v: Cell | undefined, digits?: number): string {
  if (v === null || v === undefined) return '';
  if (typeof v !== 'number') return String(v);
  if (!Number.isFinite(v)) return String(v);
  if (Number.isInteger(v) && digits === undefined) return v.toLocaleString('en-US');
  const a = Math.abs(v);
  const opts: Intl.NumberFormatOptions =
    digits !== undefined ? { minimumFractionDigits: digits, maximumFractionDigits: digits } : a >= 1000 ? { maximumFractionDigits: 0 } : a >= 1 ? { maximumFractionDigits: 2 } : { maximumSignificantDigits: 4 };
  return v.toLocaleString('en-US', opts);
}

const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Something with rows: an array of objects, plain columns, or an arquero table (anything with `objects()`). */
export type TableData = readonly object[] | Columns | { objects(): object[] };

function asColumns(data: TableData): Columns {
  if (Array.isArray(data)) return toColumns(data);
  if (typeof (data as { objects?: unknown }).objects === 'function') return toColumns((data as { objects(): object[] }).objects());
  return data as Columns;
}

/** A table as HTML (what `table` displays in a notebook). */
export function tableHtml(data: TableData, options: TableOptions = {}): string {
  const raw = asColumns(data);
  const { cols, names, fmt } = inReaderUnits(raw, options.columns ? [...options.columns] : Object.keys(raw), options);
  const n = names.length ? (cols[names[0]!]?.length ?? 0) : 0;
  const limit = options.limit ?? 20;
  const shown = Math.min(n, limit);
  const head = names.map((c) => `<th>${escapeHtml(c)}</th>`).join('');
  const body: string[] = [];
  for (let i = 0; i < shown; i++) {
    body.push(`<tr>${names.map((c) => {
      const v = cols[c]?.[i] ?? null;
      return `<td style="text-align:${typeof v === 'number' ? 'right' : 'left'}">${escapeHtml(fmt(c, v))}</td>`;
    }).join('')}</tr>`);
  }
  const caption = options.caption ? `<caption style="caption-side:top;text-align:left;font-weight:bold">${escapeHtml(options.caption)}</caption>` : '';
  const more = n > shown ? `<p style="font-size:smaller">${shown} of ${n} rows shown</p>` : '';
  return `<table>${caption}<thead><tr>${head}</tr></thead><tbody>${body.join('')}</tbody></table>${more}`;
}

/** A table as aligned plain text (what `table` prints outside a notebook). */
export function tableText(data: TableData, options: TableOptions = {}): string {
  const raw = asColumns(data);
  const { cols, names, fmt } = inReaderUnits(raw, options.columns ? [...options.columns] : Object.keys(raw), options);
  const n = names.length ? (cols[names[0]!]?.length ?? 0) : 0;
  const shown = Math.min(n, options.limit ?? 20);
  const cells = names.map((c) => [c, ...Array.from({ length: shown }, (_, i) => fmt(c, cols[c]?.[i] ?? null))]);
  const widths = cells.map((col) => Math.max(...col.map((s) => s.length)));
  const lines = Array.from({ length: shown + 1 }, (_, r) => cells.map((col, j) => (r > 0 && typeof cols[names[j]!]?.[r - 1] === 'number' ? col[r]!.padStart(widths[j]!) : col[r]!.padEnd(widths[j]!))).join('  ').trimEnd());
  if (options.caption) lines.unshift(options.caption);
  if (n > shown) lines.push(`(${shown} of ${n} rows shown)`);
  return lines.join('\n');
}

/** The renderer, loaded on first use (see above: it cannot be part of the required graph). */
const renderer = (): Promise<typeof import('../charts/render.js')> => import('../charts/render.js');

/** The installed CJK font for Chinese chart labels (family and file), or null: then label in English. */
export async function chartFont(): Promise<{ family: string; file: string } | null> {
  return (await renderer()).cjkFont();
}

const isChart = (x: TopLevelSpec | Chart): x is Chart => typeof (x as Chart).id === 'string' && 'spec' in x;
const specOf = (x: TopLevelSpec | Chart): TopLevelSpec => (isChart(x) ? x.spec : x);

/** A vega-lite spec (or a `Chart` from the chart builders) rendered to a standalone SVG string. */
export async function chartSvg(chart: TopLevelSpec | Chart): Promise<string> {
  return (await renderer()).renderSvg(specOf(chart));
}

/** A vega-lite spec rendered to PNG bytes (Chinese labels drawn with the installed CJK font). */
export async function chartPng(chart: TopLevelSpec | Chart, options: { scale?: number } = {}): Promise<Buffer> {
  const svg = await chartSvg(chart);
  return (await renderer()).renderPng(svg, options);
}

/** Writes a chart to `file`: `.svg` or `.png` by the extension (written beside, then renamed). */
export async function saveChart(chart: TopLevelSpec | Chart, file: string, options: { scale?: number } = {}): Promise<string> {
  const lower = file.toLowerCase();
  let bytes: string | Buffer;
  if (lower.endsWith('.svg')) bytes = await chartSvg(chart);
  else if (lower.endsWith('.png')) bytes = await chartPng(chart, options);
  else throw new Error(`saveChart: '${file}' must end in .svg or .png`);
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, bytes);
  renameSync(tmp, file);
  return file;
}

/** Adds the SVG namespace an inline `<svg>` from a DOM (linkedom, Plot) may lack, so it also renders as an image. */
function standaloneSvg(svg: string): string {
  return /^<svg\b[^>]*\sxmlns=/.test(svg) ? svg : svg.replace(/^<svg\b/, '<svg xmlns="http://www.w3.org/2000/svg"');
}

/**
 * Display helpers. Each shows rich output in a tslab notebook and prints a text stand-in
 * elsewhere. `chart` and `png` return what they rendered, for saving.
 */
export const display = {
  /** HTML as is. */
  html(html: string): void {
    const k = kernel();
    if (k) k.html(html);
    else console.log(html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim());
  },
  /** Markdown text (a heading, a sentence with figures worked into it). */
  markdown(md: string): void {
    const k = kernel();
    if (k) k.markdown(md);
    else console.log(md);
  },
  /** Rows, plain columns or an arquero table, as an HTML table (numbers right-aligned, thousands separated). */
  table(data: TableData, options: TableOptions = {}): void {
    const k = kernel();
    if (k) k.html(tableHtml(data, options));
    else console.log(tableText(data, options));
  },
  /** One object's fields as a two-column table (figure, value); nested figures flattened. */
  record(obj: object, options: TableOptions = {}): void {
    const flat = flattenRow(obj);
    this.table(Object.entries(flat).map(([figure, value]) => ({ figure, value })), { limit: 200, ...options });
  },
  /** An SVG string. */
  svg(svg: string): void {
    const k = kernel();
    if (k) k.svg(standaloneSvg(svg));
    else console.log(`[SVG image, ${svg.length} characters]`);
  },
  /** PNG bytes. */
  png(png: Uint8Array): void {
    const k = kernel();
    if (k) k.png(png);
    else console.log(`[PNG image, ${png.byteLength} bytes]`);
  },
  /**
   * A vega-lite spec (or a `Chart`), rendered server-side by the package (no browser, no vega in
   * the notebook) and shown as one rich output: SVG, with a PNG fallback (and a line of text) in
   * the same bundle, so `nbconvert --to html` and viewers without SVG still show the picture.
   * `{png: true}` sends the PNG alone. Returns nothing, so the notebook prints nothing else
   * under the chart; `chartSvg` and `saveChart` give the SVG or a file.
   */
  async chart(chart: TopLevelSpec | Chart, options: { png?: boolean; scale?: number } = {}): Promise<void> {
    const svg = await chartSvg(chart);
    const png = (await renderer()).renderPng(svg, options);
    const title = isChart(chart) ? chart.title : 'chart';
    const channel = displayChannel();
    if (!channel) {
      console.log(`[${title}: SVG ${svg.length} characters, PNG ${png.byteLength} bytes]`);
      return;
    }
    const data: Record<string, string> = options.png ? {} : { 'image/svg+xml': standaloneSvg(svg) };
    data['image/png'] = Buffer.from(png).toString('base64');
    data['text/plain'] = `[${title}]`;
    channel({ data, metadata: {}, transient: {} }, false);
  },
  /** An Observable Plot figure (or any DOM node with `outerHTML`, e.g. from linkedom), or its markup. */
  plot(figure: { outerHTML: string } | string): void {
    const html = typeof figure === 'string' ? figure : figure.outerHTML;
    if (/^\s*<svg\b/.test(html)) this.svg(html.trim());
    else this.html(html);
  },
};
