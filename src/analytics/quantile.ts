/**
 * Weighted quantiles.
 *
 * Weights are frequency weights: a weight of 3 counts the row three times; zero-weight rows are
 * ignored. With W = Σ w_i > 0 the weighted empirical CDF is
 *
 *   F(x) = (1/W) · Σ_i w_i · 1[x_i ≤ x],
 *
 * and the p-quantile is its inverse, the smallest value whose cumulative share reaches p:
 *
 *   Q(p) = min { x_i : w_i > 0 and F(x_i) ≥ p }   for 0 < p ≤ 1,   Q(0) = min { x_i : w_i > 0 }.
 *
 * So Q(1) is the largest value of positive weight. This is Hyndman & Fan's definition 1 ("inverse
 * of the empirical distribution function"; R's `quantile(type = 1)`), extended to weights.
 * - It is the definition that makes integer weights identical to replicated rows: replicating
 *   row i w_i times gives the same F, hence the same Q — bit for bit, since the comparison is
 *   done on cumulative weights (`cum ≥ p·W`), which are the same exact integers either way.
 * - It never interpolates: Q(p) is always one of the values.
 * - Ties: tied values form one step of F of height (their total weight)/W.
 * - At a cumulative-weight boundary (F(x_k) = p exactly) it takes the LOWER value x_k:
 *   the median of [1, 2] with equal weights is 1, not 1.5.
 *
 * Reference: R. J. Hyndman and Y. Fan (1996), "Sample quantiles in statistical packages",
 * The American Statistician 50(4): 361–365, definition 1.
 */
import { ascendingOrder, checkFinite, checkScalar, checkWeights } from './input.js';

function quantiles(fn: string, values: ArrayLike<number>, weights: ArrayLike<number>, ps: ArrayLike<number>): number[] {
  checkFinite(fn, 'values', values);
  checkWeights(fn, weights, values.length, true);
  for (let k = 0; k < ps.length; k++) checkScalar(fn, ps.length === 1 ? 'p' : `ps[${k}]`, ps[k]!, 0, 1);
  // The positive-weight rows in ascending order, with their cumulative weights.
  const order = ascendingOrder(values);
  const xs = new Float64Array(order.length);
  const cum = new Float64Array(order.length);
  let m = 0;
  let c = 0;
  for (const i of order) {
    const w = weights[i]!;
    if (w > 0) {
      c += w;
      xs[m] = values[i]!;
      cum[m] = c;
      m++;
    }
  }
  const total = c;
  return Array.from(ps, (p) => {
    if (p <= 0) return xs[0]!;
    if (p >= 1) return xs[m - 1]!;
    const target = p * total;
    let lo = 0;
    let hi = m - 1; // cum[m − 1] = total ≥ target
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cum[mid]! >= target) hi = mid;
      else lo = mid + 1;
    }
    return xs[lo]!;
  });
}

/** The weighted p-quantile, smallest x with F(x) ≥ p; weights are frequency weights: a weight of 3 counts the row three times. */
export function weightedQuantile(values: ArrayLike<number>, weights: ArrayLike<number>, p: number): number {
  return quantiles('weightedQuantile', values, weights, [p])[0]!;
}

/** Several weighted quantiles with one sort (same definition as weightedQuantile); weights are frequency weights: a weight of 3 counts the row three times. */
export function weightedQuantiles(values: ArrayLike<number>, weights: ArrayLike<number>, ps: ArrayLike<number>): number[] {
  return quantiles('weightedQuantiles', values, weights, ps);
}
