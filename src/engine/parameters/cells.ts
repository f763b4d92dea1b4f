/** Cells of a breakdown: every combination of the leaf's dimensions, keyed 'a|b|c'. */
import { AREAS, PREFECTURE_CODES } from '../locality.js';
import type { Dimension } from './types.js';

/** Values a dimension takes, as strings. */
export function dimensionDomain(dim: Dimension, categories: readonly string[]): string[] {
  if (dim === 'prefecture') return PREFECTURE_CODES.map(String);
  if (dim === 'area') return [...AREAS];
  return [...categories];
}

/** Every cell key of a breakdown, in a fixed order. */
export function allCellKeys(breakdown: readonly Dimension[], categories: readonly string[]): string[] {
  let keys: string[][] = [[]];
  for (const dim of breakdown) {
    const next: string[][] = [];
    for (const k of keys) for (const v of dimensionDomain(dim, categories)) next.push([...k, v]);
    keys = next;
  }
  return keys.map((k) => k.join('|'));
}

/** Key of one cell from its coordinates. */
export function cellKey(breakdown: readonly Dimension[], coord: { prefecture?: number | string; area?: string; category?: string }): string {
  return breakdown.map((d) => String(coord[d])).join('|');
}
