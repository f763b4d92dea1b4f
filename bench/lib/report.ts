/**
 * What a workload reports, and the two ways `npm run bench` prints it: a readable table,
 * or (with --json) JSON lines only: timings, ratios and peak memory.
 */

/** One timed step. `step` is the JSON name ('baseline', 'limit.baseline', …). */
export interface Timing {
  step: string;
  ms: number;
  /** What the step measures, for the table. */
  label: string;
  /** Shown in the table only (e.g. "2 workers"). */
  note?: string;
  /** Informational rows are printed in the table and in JSON, but are not a workload step. */
  info?: boolean;
}

/** A ratio named numerator/denominator, e.g. 'engine/limit'. */
export interface Ratio {
  ratio: string;
  value: number;
  label: string;
}

/** A target of the workload and whether this run met it. */
export interface Target {
  label: string;
  /** Measured value, as printed. */
  measured: string;
  holds: boolean;
}

export interface WorkloadResult {
  workload: string;
  title: string;
  timings: Timing[];
  ratios: Ratio[];
  peakRssMiB?: number;
  peakRssNote?: string;
  targets: Target[];
  /** Result figures and notes for the table (recipients, cost, how warm-up was done…). */
  notes: string[];
}

const fmtMs = (ms: number): string => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1));
const round = (x: number, d: number): number => Number(x.toFixed(d));

/** JSON lines: one per timing, ratio and memory figure; nothing else. */
export function jsonLines(r: WorkloadResult): string[] {
  const out: string[] = [];
  for (const t of r.timings) out.push(JSON.stringify({ workload: r.workload, step: t.step, ms: round(t.ms, 2) }));
  for (const q of r.ratios) out.push(JSON.stringify({ workload: r.workload, ratio: q.ratio, value: round(q.value, 3) }));
  if (r.peakRssMiB !== undefined) out.push(JSON.stringify({ workload: r.workload, peakRssMiB: Math.round(r.peakRssMiB) }));
  return out;
}

function pad(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows.map((r) => r.map((cell, c) => (c === 1 ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join('  ').trimEnd());
}

/** A readable table of one workload's results. */
export function tableText(r: WorkloadResult): string {
  const lines: string[] = [`${r.workload} — ${r.title}`, ''];
  const rows: string[][] = [['step', 'ms', 'what', 'note']];
  for (const t of r.timings) rows.push([t.info ? `  ${t.step}` : t.step, fmtMs(t.ms), t.label, t.note ?? '']);
  lines.push(...pad(rows), '');
  if (r.ratios.length) {
    const rr: string[][] = [['ratio', 'value', 'what']];
    for (const q of r.ratios) rr.push([q.ratio, q.value.toFixed(2), q.label]);
    lines.push(...pad(rr), '');
  }
  if (r.peakRssMiB !== undefined) lines.push(`peak RSS: ${Math.round(r.peakRssMiB)} MiB${r.peakRssNote ? ` (${r.peakRssNote})` : ''}`, '');
  if (r.targets.length) {
    lines.push('targets:');
    for (const t of r.targets) lines.push(`  [${t.holds ? 'ok  ' : 'MISS'}] ${t.label}: ${t.measured}`);
    lines.push('');
  }
  for (const n of r.notes) lines.push(`- ${n}`);
  return lines.join('\n');
}

export { fmtMs };
