/**
 * Weighted Gini coefficient.
 *
 * Weights are frequency weights: a weight of 3 counts the row three times; zero-weight rows are
 * ignored. With W = Σ w_i and mean μ = Σ w_i x_i / W,
 *
 *   G = Σ_i Σ_j w_i w_j |x_i − x_j| / (2 W² μ)
 *
 * (the mean-difference form, e.g. F. A. Cowell, Measuring Inequality, 3rd ed., Oxford 2011, with
 * each row counted w_i times). It is the POPULATION Gini: no n/(n−1) sample correction, so among
 * n people one holding everything gives (n−1)/n, not 1. Integer weights give the same value as
 * replicating each row w_i times (both are the same double sum; for integer values and weights
 * every partial sum is an exact integer, so the results are bit-identical).
 *
 * Computed in O(n log n): sort ascending and let C_k be the weight strictly before row k. Row k
 * differs positively from the C_k weight below it and negatively from the W − C_k − w_k above it
 * (pairs with itself and with tied rows contribute 0 either way, so the order among ties does
 * not matter), hence
 *
 *   Σ_i Σ_j w_i w_j |x_i − x_j| = 2 Σ_k w_k x_k (2 C_k + w_k − W),
 *   G = Σ_k w_k x_k (2 C_k + w_k − W) / (W · Σ_k w_k x_k).
 *
 * Requires μ > 0 (throws otherwise, e.g. when everyone has zero income). Negative values are
 * allowed; G may then exceed 1.
 */
import { ascendingOrder, checkFinite, checkWeights } from './input.js';

/** The population Gini coefficient; weights are frequency weights: a weight of 3 counts the row three times. */
export function weightedGini(values: ArrayLike<number>, weights: ArrayLike<number>): number {
  const fn = 'weightedGini';
  checkFinite(fn, 'values', values);
  checkWeights(fn, weights, values.length, true);
  const order = ascendingOrder(values);
  let total = 0;
  for (const i of order) total += weights[i]!;
  let below = 0;
  let sum = 0;
  let num = 0;
  for (const i of order) {
    const w = weights[i]!;
    const wx = w * values[i]!;
    sum += wx;
    num += wx * (2 * below + w - total);
    below += w;
  }
  if (!(sum > 0)) throw new Error(`${fn}: the weighted mean is ${sum / total}; the Gini coefficient needs a positive mean`);
  return num / (total * sum);
}

/**
 * weightedGini of rows the caller has checked and put in ascending order (the distribution
 * figures gather them so), with `total` their weights' sum in row order: finite values, finite
 * weights ≥ 0, total > 0. Their order is the identity, so these are weightedGini's sums in its
 * order, without making that order and reading every row through it; it still throws, as
 * weightedGini does, when the weighted mean is not positive.
 */
export function giniOfAscending(values: Float64Array, weights: Float64Array, total: number): number {
  let below = 0;
  let sum = 0;
  let num = 0;
  for (let i = 0; i < values.length; i++) {
    const w = weights[i]!;
    const wx = w * values[i]!;
    sum += wx;
    num += wx * (2 * below + w - total);
    below += w;
  }
  if (!(sum > 0)) throw new Error(`weightedGini: the weighted mean is ${sum / total}; the Gini coefficient needs a positive mean`);
  return num / (total * sum);
}
