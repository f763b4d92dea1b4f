/**
 * Prefectures by contiguous household-index blocks: prefecture p holds households
 * [start, end), block sizes proportional to the target household counts (largest-remainder
 * rounding), so one prefecture is one index range and can be generated or written alone.
 */
import { meanSize, targetsForYear, type Targets } from './targets.js';

export interface PrefectureRange { code: number; start: number; end: number }

/**
 * Household-index ranges of the prefectures (ascending code order) for a population of
 * `totalHouseholds` households. The target household count of a prefecture is its population
 * share × total population / mean household size (the same mean everywhere, since the urban
 * share is assumed uniform), so blocks are proportional to the population shares.
 */
export function prefectureRanges(totalHouseholds: number, year = 2006): PrefectureRange[] {
  return rangesFor(totalHouseholds, targetsForYear(year));
}

export function rangesFor(totalHouseholds: number, t: Targets): PrefectureRange[] {
  if (!Number.isInteger(totalHouseholds) || totalHouseholds < 0) throw new Error(`totalHouseholds must be a non-negative integer, got ${totalHouseholds}`);
  const m = meanSize(t.sizeShares);
  const want = t.prefectures.map((p) => (p.share * t.totalPopulation) / m);
  const sum = want.reduce((a, b) => a + b, 0);
  const exact = want.map((w) => (w / sum) * totalHouseholds);
  const count = exact.map(Math.floor);
  let left = totalHouseholds - count.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (let j = 0; left > 0; j++, left--) count[order[j % order.length]!.i]!++;
  const out: PrefectureRange[] = [];
  let start = 0;
  t.prefectures.forEach((p, i) => {
    out.push({ code: p.code, start, end: start + count[i]! });
    start += count[i]!;
  });
  return out;
}
