/**
 * Headless rendering: a vega-lite spec → SVG (vega's `renderer: 'none'` view and `toSVG()`),
 * SVG → PNG (resvg). Chinese labels need a CJK font; without one they would come out as boxes,
 * so `cjkFont()` looks for one and callers fall back to English labels when there is none.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import type * as vega from 'vega';
import type * as vl from 'vega-lite';

/** A chart: an id (file name), a title, and its vega-lite spec. */
export interface Chart {
  id: string;
  title: string;
  spec: vl.TopLevelSpec;
}

/** Font families tried for Chinese text, in order (Debian: fonts-noto-cjk, fonts-wqy-zenhei). */
export const CJK_FAMILIES = ['Noto Sans CJK SC', 'WenQuanYi Zen Hei', 'Droid Sans Fallback'] as const;
const CJK_FILE = /notosanscjk|notoserifcjk|wqy-zenhei|wqy-microhei|droidsansfallback/i;
const FONT_DIRS = ['/usr/share/fonts', '/usr/local/share/fonts'];

let found: { family: string; file: string } | null | undefined;

/** The first installed CJK font (its family and file), or null; looked up once per process. */
export function cjkFont(dirs: readonly string[] = FONT_DIRS): { family: string; file: string } | null {
  if (found !== undefined && dirs === FONT_DIRS) return found;
  let hit: { family: string; file: string } | null = null;
  const walk = (d: string, depth: number): void => {
    if (hit || depth > 4 || !existsSync(d)) return;
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p, depth + 1);
      else if (CJK_FILE.test(name) && (!/bold|black|light|thin|medium/i.test(name) || !readdirSync(d).some((n) => CJK_FILE.test(n) && /regular/i.test(n)))) {
        hit = { family: /wqy/i.test(name) ? 'WenQuanYi Zen Hei' : /droid/i.test(name) ? 'Droid Sans Fallback' : 'Noto Sans CJK SC', file: p };
        return;
      }
    }
  };
  for (const d of dirs) walk(d, 0);
  if (dirs === FONT_DIRS) found = hit;
  return hit;
}

let warned = false;
/** Warns once on stderr that Chinese labels fall back to English, naming the Debian package. */
export function warnNoCjkFont(write: (s: string) => void = (s) => process.stderr.write(s)): void {
  if (warned) return;
  warned = true;
  write('warning: no CJK font found (install the Debian package fonts-noto-cjk or fonts-wqy-zenhei); chart labels fall back to English\n');
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
 * An SVG as PNG bytes, with the CJK font (when installed) as the default family. `fontFiles` loads
 * only those fonts instead of the system's; `defaultFontFamily` replaces the CJK default (tests
 * draw Chinese with and without a CJK font this way).
 */
export function renderPng(svg: string, options: { scale?: number; fontFiles?: readonly string[]; defaultFontFamily?: string } = {}): Buffer {
  // The CJK font only where there is Chinese to draw: shaping with it is ten times slower.
  const font = WIDE.test(svg) ? cjkFont() : null;
  const r = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: options.scale ?? 2 },
    background: 'white',
    font: {
      loadSystemFonts: options.fontFiles === undefined,
      fontFiles: options.fontFiles ? [...options.fontFiles] : [],
      defaultFontFamily: options.defaultFontFamily ?? font?.family ?? 'DejaVu Sans',
    },
  });
  return r.render().asPng();
}
