/**
 * The report's charts, rendered: each chart of `reportCharts` (src/charts/) as SVG, for the
 * HTML and `charts/*.svg`, and as PNG for `charts/*.png`.
 */
import type { Result } from '../scenarios/results/result.js';

export interface RenderedChart {
  id: string;
  title: string;
  svg: string;
  png: Buffer;
}

/** Every chart of the result as SVG and PNG, in order. Chinese falls back to English (one warning) without a CJK font. */
export async function renderReportCharts(result: Result, lang: 'zh' | 'en', onChart?: (done: number, total: number) => void, names?: Readonly<Record<string, string>>): Promise<RenderedChart[]> {
  // Loaded on use: vega's canvas probe is a top-level await, and a static import would make the
  // whole package impossible to require() (tslab notebooks require it).
  const { renderPng, renderSvg, reportCharts } = await import('../charts/index.js');
  const list = reportCharts(names ? withNames(result, names) : result, { lang });
  const out: RenderedChart[] = [];
  for (const c of list) {
    const svg = await renderSvg(c.spec);
    out.push({ id: c.id, title: c.title, svg, png: renderPng(svg) });
    onChart?.(out.length, list.length);
  }
  return out;
}

/** The result with its scenarios named for readers (legends and titles), their order and figures unchanged. */
export function withNames(result: Result, names: Readonly<Record<string, string>>): Result {
  const n = (x: string): string => names[x] ?? x;
  return {
    ...result,
    scenarios: result.scenarios.map((s) => ({ ...s, name: n(s.name) })),
    deltas: result.deltas.map((d) => ({ ...d, scenario: n(d.scenario), against: n(d.against) })),
  };
}
