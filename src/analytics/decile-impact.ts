/**
 * Decile impacts of a reform: the mean change in each decile.
 *
 * Weights are frequency weights: a weight of 3 counts the row three times. For person-level
 * impacts, give each person their household's weight and per-capita income before and after.
 * Deciles are decileIndex(rankBy, weights) — by default ranked on the income BEFORE the reform
 * (pass `after`, or another income, to rank differently). For decile d, over its rows with
 * weight sum W_d:
 *
 *   meanBefore = Σ w·before / W_d,   meanAfter = Σ w·after / W_d,
 *   totalChange = Σ w·(after − before),   meanChange = totalChange / W_d,
 *   relativeChange = Σ w·(after − before) / Σ w·before  (= meanChange / meanBefore),
 *
 * relativeChange being the percentage change of the decile's mean income, as a FRACTION
 * (0.05 = +5 %) — not the mean of individual percentage changes, which is undefined for zero
 * incomes. relativeChange is null when meanBefore ≤ 0 (it is then undefined or misleading) or
 * the decile is empty. An empty decile (possible with many tied incomes, see decileIndex) has
 * weight 0 and 0 for every mean and total.
 */
import { decileIndexOfChecked } from './deciles.js';
import { checkFinite, checkLength, checkWeights } from './input.js';

/** One decile's row of a decile-impact table. */
export interface DecileImpactRow {
  /** 1 (poorest) … 10. */
  decile: number;
  /** Total weight W_d of the decile's rows. */
  weight: number;
  meanBefore: number;
  meanAfter: number;
  meanChange: number;
  totalChange: number;
  /** Change of the decile's mean as a fraction of its mean before; null if that mean is ≤ 0 or the decile is empty. */
  relativeChange: number | null;
}

/** Weighted mean and relative change of after − before per decile of rankBy (default before); weights are frequency weights: a weight of 3 counts the row three times. */
export function decileImpact(before: ArrayLike<number>, after: ArrayLike<number>, weights: ArrayLike<number>, rankBy: ArrayLike<number> = before, rankOrder?: Uint32Array): DecileImpactRow[] {
  const fn = 'decileImpact';
  const n = before.length;
  checkFinite(fn, 'before', before);
  checkLength(fn, 'after', after, n);
  checkFinite(fn, 'after', after);
  checkWeights(fn, weights, n, true);
  checkLength(fn, 'rankBy', rankBy, n);
  if (rankBy !== before && rankBy !== after) checkFinite(fn, 'rankBy', rankBy);
  // rankOrder: rankBy's ascending order if the caller has sorted it already (decileIndex checks
  // it). Every input checked above as decileIndex would check it: not a second time.
  const decile = decileIndexOfChecked(rankBy, weights, rankOrder);
  const w = new Float64Array(10);
  const b = new Float64Array(10);
  const a = new Float64Array(10);
  const c = new Float64Array(10);
  for (let i = 0; i < n; i++) {
    const d = decile[i]! - 1;
    const wi = weights[i]!;
    w[d]! += wi;
    b[d]! += wi * before[i]!;
    a[d]! += wi * after[i]!;
    c[d]! += wi * (after[i]! - before[i]!);
  }
  return Array.from({ length: 10 }, (_, d) => {
    const wd = w[d]!;
    const mean = (s: number): number => (wd > 0 ? s / wd : 0);
    return {
      decile: d + 1,
      weight: wd,
      meanBefore: mean(b[d]!),
      meanAfter: mean(a[d]!),
      meanChange: mean(c[d]!),
      totalChange: c[d]!,
      relativeChange: wd > 0 && b[d]! > 0 ? c[d]! / b[d]! : null,
    };
  });
}
