/**
 * The CJK font, parsed once per process, and text set in it as SVG path data. resvg (resvg-js)
 * takes fonts only as files and lays out every <text> anew for each image: with the 8 MB CFF font
 * of Noto Sans SC that costs about 3 ms a label and 1 ms a glyph, some 200 ms a chart (session 11,
 * docs/performance.md). Here the font is opened once with fontkit (npm, MIT, pure JavaScript), text
 * is shaped with it (OpenType GSUB/GPOS, as resvg's rustybuzz does) and drawn from glyph outlines
 * cached by glyph id; text-paths.ts puts the result in place of an SVG's <text> elements.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** The parts of a fontkit font used here (fontkit ships no types). */
interface FontkitFont {
  unitsPerEm: number;
  hasGlyphForCodePoint(codePoint: number): boolean;
  layout(text: string): {
    glyphs: { id: number; path: { commands: { command: string; args: number[] }[] } }[];
    positions: { xAdvance: number; xOffset: number; yOffset: number }[];
  };
}

/** One glyph's outline in font units (y up): SVG path letters and their coordinates. */
interface Outline { ops: string; args: number[] }

/** A font opened for outlining, with its glyph outlines cached by glyph id. */
export interface Outliner {
  font: FontkitFont;
  glyphs: Map<number, Outline>;
}

let parses = 0;
/** How many times a font file was parsed in this process (a test checks it stays at one per file). */
export function fontParses(): number {
  return parses;
}

const outliners = new Map<string, Outliner | null>();

/**
 * The font in `file`, parsed on first use and kept for the process; null when fontkit cannot
 * open it as a single font (a collection such as Debian's .ttc files, or no fontkit).
 */
export function outlinerFor(file: string): Outliner | null {
  const known = outliners.get(file);
  if (known !== undefined) return known;
  let out: Outliner | null = null;
  try {
    // Loaded on use, through require: fontkit's CommonJS build, so the module graph stays synchronous.
    const fontkit = createRequire(import.meta.url)('fontkit') as { create(buf: Buffer): unknown };
    parses++;
    const font = fontkit.create(readFileSync(file)) as Partial<FontkitFont>;
    if (typeof font.layout === 'function' && typeof font.unitsPerEm === 'number') out = { font: font as FontkitFont, glyphs: new Map() };
  } catch {
    out = null;
  }
  outliners.set(file, out);
  return out;
}

const PATH_OPS: Record<string, string> = { moveTo: 'M', lineTo: 'L', quadraticCurveTo: 'Q', bezierCurveTo: 'C', closePath: 'Z' };

function outline(o: Outliner, glyph: { id: number; path: { commands: { command: string; args: number[] }[] } }): Outline {
  let g = o.glyphs.get(glyph.id);
  if (!g) {
    let ops = '';
    const args: number[] = [];
    for (const c of glyph.path.commands) {
      ops += PATH_OPS[c.command] ?? '';
      args.push(...c.args);
    }
    g = { ops, args };
    o.glyphs.set(glyph.id, g);
  }
  return g;
}

// Four decimals: the PNGs come out as resvg draws the text itself (session 11: 8 of 9 report charts
// byte for byte, the ninth 12 channel values of 3.8 million off by at most 16); two decimals moved
// anti-aliased edges by up to 64.
const num = (v: number): string => String(Math.round(v * 10000) / 10000);

/**
 * `text` set in `o`'s font at `size` px on the baseline y, as SVG path data in user units: its
 * start at x when `anchor` is 0, its middle at x for 0.5, its end for 1 (SVG's text-anchor).
 */
export function textPath(o: Outliner, text: string, size: number, x: number, y: number, anchor = 0): string {
  const run = o.font.layout(text);
  const s = size / o.font.unitsPerEm;
  let width = 0;
  for (const p of run.positions) width += p.xAdvance;
  let pen = -anchor * width;
  let d = '';
  run.glyphs.forEach((glyph, i) => {
    const pos = run.positions[i]!;
    const g = outline(o, glyph);
    const ox = x + (pen + pos.xOffset) * s;
    const oy = y - pos.yOffset * s;
    let k = 0;
    for (const op of g.ops) {
      d += op;
      const n = op === 'Z' ? 0 : op === 'Q' ? 2 : op === 'C' ? 3 : 1;
      for (let j = 0; j < n; j++, k += 2) d += (j ? ' ' : '') + num(ox + g.args[k]! * s) + ',' + num(oy - g.args[k + 1]! * s);
    }
    pen += pos.xAdvance;
  });
  return d;
}
