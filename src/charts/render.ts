/**
 * Headless rendering: a vega-lite spec → SVG (vega's `renderer: 'none'` view and `toSVG()`),
 * SVG → PNG (resvg). Chinese labels need a CJK font; without one they would come out as boxes.
 * The font comes with the package (the npm dependency @embedpdf/fonts-sc: Noto Sans SC, OFL, as
 * OTF, which resvg reads), so PNGs draw Chinese on any machine; a system CJK font (Debian's
 * fonts-noto-cjk, fonts-wqy-zenhei) is the fallback, and callers fall back to English labels when
 * there is neither.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { outlinerFor } from './glyphs.js';
import { textToPaths } from './text-paths.js';
import type * as vega from 'vega';
import type * as vl from 'vega-lite';

/** A chart: an id (file name), a title, and its vega-lite spec. */
export interface Chart {
  id: string;
  title: string;
  spec: vl.TopLevelSpec;
}

/** The CJK font shipped in the npm package @embedpdf/fonts-sc (its family as the font names it). */
const PACKAGED = { family: 'Noto Sans S Chinese', package: '@embedpdf/fonts-sc', file: 'fonts/NotoSansHans-Regular.otf' } as const;

/**
 * Font families tried for Chinese text, in order: the packaged font, then Debian's fonts-noto-cjk,
 * fonts-wqy-zenhei and Android's fallback.
 */
export const CJK_FAMILIES = [PACKAGED.family, 'Noto Sans CJK SC', 'WenQuanYi Zen Hei', 'Droid Sans Fallback'] as const;
const CJK_FILE = /notosanscjk|notoserifcjk|notosanshans|wqy-zenhei|wqy-microhei|droidsansfallback/i;
const FONT_FILE = /\.(ttf|otf|ttc|otc)$/i;
const FONT_DIRS = ['/usr/share/fonts', '/usr/local/share/fonts'];

let packaged: { family: string; file: string } | null | undefined;
/** The packaged CJK font, or null when the package is not installed; looked up once per process. */
function packagedFont(): { family: string; file: string } | null {
  if (packaged !== undefined) return packaged;
  try {
    // The package's entry is dist/index.cjs; the fonts sit beside dist/.
    const file = join(dirname(createRequire(import.meta.url).resolve(PACKAGED.package)), '..', PACKAGED.file);
    packaged = existsSync(file) ? { family: PACKAGED.family, file } : null;
  } catch {
    packaged = null;
  }
  return packaged;
}

/** Every font file under `dirs` (four folders deep). */
function fontFilesIn(dirs: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (d: string, depth: number): void => {
    if (depth > 4 || !existsSync(d)) return;
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p, depth + 1);
      else if (FONT_FILE.test(name)) out.push(p);
    }
  };
  for (const d of dirs) walk(d, 0);
  return out;
}

/** The first system CJK font under `dirs` (a regular weight when the folder has one), or null. */
function systemCjkFont(dirs: readonly string[]): { family: string; file: string } | null {
  const files = fontFilesIn(dirs).filter((f) => CJK_FILE.test(f.slice(f.lastIndexOf('/') + 1)));
  const regular = (f: string): boolean => !/bold|black|light|thin|medium/i.test(f.slice(f.lastIndexOf('/') + 1));
  const file = files.find(regular) ?? files[0];
  if (!file) return null;
  return { family: /wqy/i.test(file) ? 'WenQuanYi Zen Hei' : /droid/i.test(file) ? 'Droid Sans Fallback' : 'Noto Sans CJK SC', file };
}

let found: { family: string; file: string } | null | undefined;

/**
 * The CJK font for Chinese labels (its family and file): the packaged one, else the first system
 * one under `dirs`, else null. Looked up once per process for the default folders.
 */
export function cjkFont(dirs: readonly string[] = FONT_DIRS): { family: string; file: string } | null {
  if (dirs !== FONT_DIRS) return packagedFont() ?? systemCjkFont(dirs);
  if (found === undefined) found = packagedFont() ?? systemCjkFont(FONT_DIRS);
  return found;
}

let latinFonts: string[] | undefined;
/**
 * The fonts resvg loads: the system's, found once per process (for Latin text and any family an
 * SVG names), without its CJK fonts, plus the one CJK font when there is Chinese to draw. resvg
 * parses every file it is given for every image, and Debian's fonts-noto-cjk alone is some 300 MB
 * of collections, which made each chart take over a second.
 */
function fontsToLoad(cjk: { file: string } | null): string[] {
  latinFonts ??= fontFilesIn([...FONT_DIRS, join(homedir(), '.local/share/fonts'), join(homedir(), '.fonts')]).filter((f) => !CJK_FILE.test(f.slice(f.lastIndexOf('/') + 1)));
  return cjk ? [...latinFonts, cjk.file] : latinFonts;
}

// The default sink and the sinks already warned: each is told once, so a long-lived process (the
// explorer, a notebook) is not flooded, and a test's own sink always gets its warning.
const stderr = (s: string): void => { process.stderr.write(s); };
const warnedSinks = new WeakSet<(s: string) => void>();

/**
 * Tells `write` (default stderr) that Chinese labels fall back to English for want of a CJK font,
 * and how to get one; each sink is told once.
 */
export function warnNoCjkFont(write: (s: string) => void = stderr): void {
  if (warnedSinks.has(write)) return;
  warnedSinks.add(write);
  write(`warning: no CJK font found (reinstall the npm package ${PACKAGED.package}, or install the Debian package fonts-noto-cjk or fonts-wqy-zenhei); chart labels fall back to English\n`);
}

/** Compiles a vega-lite spec, collecting its warnings (a spec with warnings is a bug: tests check none). */
export async function compileSpec(spec: vl.TopLevelSpec): Promise<{ vega: vega.Spec; warnings: string[] }> {
  // Loaded on use, like vega (see loadVega): vega-lite's module graph reaches vega-canvas's top-level await.
  const vl = await import('vega-lite');
  const warnings: string[] = [];
  const logger = {
    level: () => logger,
    warn: (...a: unknown[]) => { warnings.push(a.map(String).join(' ')); return logger; },
    info: () => logger,
    debug: () => logger,
    error: (...a: unknown[]) => { throw new Error(a.map(String).join(' ')); },
  };
  const out = vl.compile(spec, { logger } as unknown as Parameters<typeof vl.compile>[1]);
  return { vega: out.spec, warnings };
}

// Without a canvas vega estimates every character at 0.8 em: Chinese glyphs (a full em) overflow
// the space laid out for them and get clipped, while Latin text (0.55–0.65 em) gets too much.
const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;
function estimateTextWidth(item: { fontSize?: number; limit?: number }, text: unknown): number {
  const size = item.fontSize != null ? +item.fontSize || 0 : 11;
  let ems = 0;
  for (const ch of String(text ?? '').trim()) ems += WIDE.test(ch) ? 1 : 0.66;
  const width = ems * size;
  // A label longer than its limit is drawn truncated to it; vega's truncation search relies on this.
  return item.limit && item.limit > 0 ? Math.min(width, item.limit) : width;
}
/**
 * vega, loaded on first use: its canvas probe is a top-level await, and a static import would
 * stop `require('jiuzhu')` (tslab loads the package with require) for every user of the package.
 */
let vegaModule: Promise<typeof vega> | undefined;
function loadVega(): Promise<typeof vega> {
  return (vegaModule ??= import('vega').then((v) => {
    // vega exports textMetrics (vega-scenegraph) but its types leave it out.
    const metrics = (v as unknown as { textMetrics?: { width: unknown; estimateWidth: unknown } }).textMetrics;
    if (metrics && metrics.width === metrics.estimateWidth) metrics.width = estimateTextWidth;
    return v;
  }));
}

/** The chart as a standalone SVG string. */
export async function renderSvg(spec: vl.TopLevelSpec): Promise<string> {
  const vg = await loadVega();
  const view = new vg.View(vg.parse((await compileSpec(spec)).vega), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/**
 * An SVG as PNG bytes, with the CJK font as the default family when the SVG has Chinese to draw.
 * `fontFiles` loads only those fonts instead of the system's and the CJK font; `defaultFontFamily`
 * replaces the default (tests draw Chinese with and without a CJK font this way).
 *
 * With the default fonts, text in the CJK font is turned into outlines first (text-paths.ts, the
 * font parsed once per process in glyphs.ts), so resvg does not lay it out with the 8 MB font for
 * every chart; text it cannot convert stays text, and resvg gets the CJK font for it as before.
 */
export function renderPng(svg: string, options: { scale?: number; fontFiles?: readonly string[]; defaultFontFamily?: string } = {}): Buffer {
  // The CJK font only where there is Chinese to draw: shaping with it is ten times slower.
  const font = WIDE.test(svg) ? cjkFont() : null;
  let fontFiles = options.fontFiles ? [...options.fontFiles] : fontsToLoad(font);
  const defaultFontFamily = options.defaultFontFamily ?? font?.family ?? 'DejaVu Sans';
  // Only with the default fonts: given files are the caller's to have resvg draw with.
  const outliner = font && !options.fontFiles ? outlinerFor(font.file) : null;
  if (font && outliner) {
    const converted = textToPaths(svg, outliner, font.family, defaultFontFamily);
    svg = converted.svg;
    if (converted.left === 0) fontFiles = fontFiles.filter((f) => f !== font.file);
  }
  const r = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: options.scale ?? 2 },
    background: 'white',
    font: { loadSystemFonts: false, fontFiles, defaultFontFamily },
  });
  return r.render().asPng();
}
