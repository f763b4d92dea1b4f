/**
 * An SVG's <text> elements as <path>s of their glyphs (glyphs.ts), so resvg has no text to lay
 * out. A <text> is converted only when its layout is fully known from its own attributes: plain
 * character data, no ancestor or stylesheet setting a text property, the CJK family first (or no
 * family and the CJK family as default), a size in px, a single x/y/dx/dy, left-to-right text the
 * font has every glyph for. Anything else stays a <text> for resvg, drawn with the font as before.
 */
import { textPath, type Outliner } from './glyphs.js';

// Properties that change how text is laid out or drawn; set on an ancestor (or a stylesheet
// anywhere), they leave every <text> below to resvg.
const LAYOUT_ATTRS = new Set([
  'style', 'font', 'font-family', 'font-size', 'font-weight', 'font-style', 'font-variant', 'font-stretch', 'font-kerning', 'font-feature-settings',
  'kerning', 'text-anchor', 'letter-spacing', 'word-spacing', 'dominant-baseline', 'alignment-baseline', 'baseline-shift', 'writing-mode',
  'direction', 'unicode-bidi', 'text-decoration', 'text-rendering', 'xml:space',
]);
// On the <text> itself, these are read here (and not copied to the <path>).
const READ_ATTRS = new Set(['x', 'y', 'dx', 'dy', 'font-family', 'font-size', 'font-weight', 'font-style', 'text-anchor']);
const RTL = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/;
const TOKEN = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<[^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*>|[^<]+/g;
const ATTR = /([^\s=/]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tag.replace(/^<\/?[^\s/>]+/, '').matchAll(ATTR)) out.set(m[1]!, m[2] ?? m[3] ?? '');
  return out;
}

function decode(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[e.toLowerCase()]!;
  });
}

/** A length in px (a bare number or "Npx"; `em` relative to `size` when given), or null. */
function length(v: string | undefined, fallback: number, size?: number): number | null {
  if (v === undefined) return fallback;
  const m = /^\s*(-?(?:\d+\.?\d*|\.\d+)(?:e-?\d+)?)\s*(px|em)?\s*$/i.exec(v);
  if (!m) return null;
  if (m[2]?.toLowerCase() === 'em') return size === undefined ? null : +m[1]! * size;
  return +m[1]!;
}

/** The <path> for a simple <text>, or null when its layout is not fully known here. */
function convert(o: Outliner, attrs: Map<string, string>, content: string, family: string, defaultFamily: string): string | null {
  for (const k of attrs.keys()) if (LAYOUT_ATTRS.has(k) && !READ_ATTRS.has(k)) return null;
  for (const k of ['textLength', 'lengthAdjust', 'rotate']) if (attrs.has(k)) return null;
  const families = (attrs.get('font-family') ?? defaultFamily).split(',').map((f) => f.trim().replace(/^["']|["']$/g, ''));
  if (families[0] !== family) return null;
  const style = attrs.get('font-style');
  if (style !== undefined && style !== 'normal') return null;
  const size = length(attrs.get('font-size'), 12);
  if (size === null || size <= 0) return null;
  const x = length(attrs.get('x'), 0);
  const y = length(attrs.get('y'), 0);
  const dx = length(attrs.get('dx'), 0, size);
  const dy = length(attrs.get('dy'), 0, size);
  if (x === null || y === null || dx === null || dy === null) return null;
  const anchor = attrs.get('text-anchor') ?? 'start';
  if (anchor !== 'start' && anchor !== 'middle' && anchor !== 'end') return null;
  // XML whitespace as SVG treats it without xml:space="preserve".
  const text = decode(content).replace(/[\r\n]/g, '').replace(/\t/g, ' ').replace(/ +/g, ' ').trim();
  if (RTL.test(text)) return null;
  for (const ch of text) if (!o.font.hasGlyphForCodePoint(ch.codePointAt(0)!)) return null;
  // resvg draws regular for every weight: the family has no other face loaded, and no faux bold.
  const d = text ? textPath(o, text, size, x + dx, y + dy, anchor === 'middle' ? 0.5 : anchor === 'end' ? 1 : 0) : '';
  let copied = '';
  for (const [k, v] of attrs) if (!READ_ATTRS.has(k)) copied += ` ${k}="${v.replace(/"/g, '&quot;')}"`;
  return d ? `<path${copied} d="${d}"/>` : '';
}

/**
 * The SVG with each <text> that `o`'s font can draw, in `family`, replaced by its outlines; `left`
 * counts the <text> elements left for resvg. `defaultFamily` is the family of text that names none.
 */
export function textToPaths(svg: string, o: Outliner, family: string, defaultFamily: string): { svg: string; left: number } {
  if (/<style[\s>]/i.test(svg)) return { svg, left: (svg.match(/<text[\s>]/g) ?? []).length };
  const tokens = svg.match(TOKEN) ?? [];
  const out: string[] = [];
  // For each open element: whether it or an ancestor sets a text property.
  const blocked: boolean[] = [];
  let left = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t[0] !== '<' || t.startsWith('<!') || t.startsWith('<?')) { out.push(t); continue; }
    if (t[1] === '/') { blocked.pop(); out.push(t); continue; }
    const selfClosing = t.endsWith('/>');
    const attrs = attributes(t);
    const name = /^<([^\s/>]+)/.exec(t)?.[1] ?? '';
    const above = blocked.length > 0 && blocked[blocked.length - 1]!;
    if (name === 'text') {
      // Simple: character data only, then </text>.
      const hasData = tokens[i + 1] !== undefined && tokens[i + 1]![0] !== '<';
      const close = tokens[i + (hasData ? 2 : 1)];
      if (!selfClosing && close === '</text>') {
        const path = above ? null : convert(o, attrs, hasData ? tokens[i + 1]! : '', family, defaultFamily);
        if (path !== null) {
          out.push(path);
          i += hasData ? 2 : 1;
          continue;
        }
      }
      if (!selfClosing) left++;
    }
    if (!selfClosing) blocked.push(above || [...attrs.keys()].some((k) => LAYOUT_ATTRS.has(k)));
    out.push(t);
  }
  return { svg: out.join(''), left };
}
