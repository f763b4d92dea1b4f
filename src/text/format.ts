/** Terminal text helpers: display width of Chinese text, padding, number formats. */

/** Columns a string takes in a terminal: CJK and full-width characters take two. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    w += (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) ? 2 : 1;
  }
  return w;
}

export function padEnd(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - displayWidth(s)));
}

export function padStart(s: string, width: number): string {
  return ' '.repeat(Math.max(0, width - displayWidth(s))) + s;
}

/** A table with a left label column and right-aligned value columns. */
export function formatTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, j) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[j] ?? ''))));
  const line = (cells: string[]): string => cells.map((c, j) => (j === 0 ? padEnd(c, widths[j]!) : padStart(c, widths[j]!))).join('  ');
  const rule = widths.map((w) => '─'.repeat(w)).join('  ');
  return [line(header), rule, ...rows.map(line)].join('\n');
}

export const fmtInt = (x: number): string => Math.round(x).toLocaleString('en-US');
export const fmtMoney = (x: number): string => x.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
export const fmtPct = (x: number | null): string => (x === null || !Number.isFinite(x) ? '–' : `${(x * 100).toFixed(2)}%`);
export const fmt2 = (x: number): string => x.toFixed(2);
export const fmtSigned = (x: number, f: (x: number) => string): string => (x > 0 ? `+${f(x)}` : x < 0 ? `−${f(-x)}` : f(0));

/**
 * A line folded to at most `width` terminal columns, continuation lines indented by `indent`
 * spaces; breaks at spaces or after Chinese punctuation, else mid-word as a last resort.
 */
export function wrapLine(s: string, width = 120, indent = 4): string[] {
  const out: string[] = [];
  let rest = s;
  let first = true;
  while (displayWidth(rest) + (first ? 0 : indent) > width) {
    const room = width - (first ? 0 : indent);
    let w = 0;
    let cut = 0;
    let lastBreak = -1;
    for (const ch of rest) {
      const cw = displayWidth(ch);
      if (w + cw > room) break;
      w += cw;
      cut += ch.length;
      if (ch === ' ' || '，；。、）'.includes(ch)) lastBreak = cut;
    }
    const at = lastBreak > room / 3 ? lastBreak : cut;
    out.push((first ? '' : ' '.repeat(indent)) + rest.slice(0, at).trimEnd());
    rest = rest.slice(at).trimStart();
    first = false;
  }
  out.push((first ? '' : ' '.repeat(indent)) + rest);
  return out;
}

/** Text cut to a display width, ending in '…' when cut. */
export function clipText(s: string, width: number): string {
  if (displayWidth(s) <= width) return s;
  let out = '';
  for (const ch of s) {
    if (displayWidth(out + ch) > width - 1) break;
    out += ch;
  }
  return `${out}…`;
}
