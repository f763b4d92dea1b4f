/**
 * The frame every chart shares: the title, the palette, room for long bilingual labels, and the
 * CJK font as the text font when the labels are Chinese (so the SVG names a family that has the
 * glyphs, in resvg and in a browser alike). No `$schema` URL: reports must be self-contained.
 */
import type * as vl from 'vega-lite';
import type { Resolved } from './labels.js';
import type { Chart } from './render.js';

/** Colours of categories: scenarios, levels, series (vega's tableau10, listed so Plot helpers match). */
export const PALETTE = ['#4c78a8', '#f58518', '#e45756', '#72b7b2', '#54a24b', '#eeca3b', '#b279a2', '#ff9da6', '#9d755d', '#bab0ac'] as const;

/** A chart from the body of a vega-lite spec (data, marks, encodings). */
export function makeChart(id: string, title: string, body: Record<string, unknown>, r: Resolved, subtitle?: string): Chart {
  const font = r.lang !== 'en' && r.font ? `${r.font.family}, sans-serif` : undefined;
  const spec = {
    title: subtitle ? { text: title, subtitle } : title,
    ...body,
    // Vega caps an axis at 200 px (maxExtent) and labels at 180 px: bilingual labels need more.
    config: { ...(font ? { font } : {}), range: { category: [...PALETTE] }, axis: { labelLimit: 360, maxExtent: 400 }, legend: { labelLimit: 360 } },
  };
  return { id, title, spec: spec as unknown as vl.TopLevelSpec };
}

/** A number rounded for a chart's data (keeps the specs small and their text stable). */
export const round = (x: number, digits = 6): number => {
  if (!Number.isFinite(x)) return 0;
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};
