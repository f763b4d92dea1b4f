/**
 * Winners and losers of a reform.
 *
 * Weights are frequency weights: a weight of 3 counts the row three times. For person-level
 * shares, give each person their household's weight and per-capita income before and after.
 * With Δ = after − before, threshold t (default 0.05) and ε = 1e-9 (in money units), each row
 * falls in exactly one class:
 *
 *   noChange   |Δ| < ε
 *   gainMore   Δ ≥ ε and Δ > t·|before| + ε      (gains more than t of before)
 *   gainLess   Δ ≥ ε and Δ ≤ t·|before| + ε      (gains, at most t of before)
 *   loseLess   Δ ≤ −ε and −Δ ≤ t·|before| + ε    (loses, at most t of before)
 *   loseMore   Δ ≤ −ε and −Δ > t·|before| + ε    (loses more than t of before)
 *
 * Changes are relative to |before|; when before = 0 any gain counts as gainMore and any loss as
 * loseMore. The threshold comparison carries the same ε as "no change", so that a change of
 * exactly t in decimal money is "at most t" despite rounding (1 → 1.05 is a gain of ≤ 5 %,
 * although 1.05 − 1 > 0.05 in binary floating point). The result holds each class's share of
 * the total weight W > 0; the five shares sum to 1 (up to rounding).
 */
import { checkFinite, checkLength, checkScalar, checkWeights } from './input.js';

/** Shares of the total weight in each class of change (they sum to 1). */
export interface WinnersLosers {
  gainMore: number;
  gainLess: number;
  noChange: number;
  loseLess: number;
  loseMore: number;
}

const EPS = 1e-9;

/** Weighted shares gaining/losing more or at most `threshold` of before, or unchanged; weights are frequency weights: a weight of 3 counts the row three times. */
export function winnersLosers(before: ArrayLike<number>, after: ArrayLike<number>, weights: ArrayLike<number>, threshold = 0.05): WinnersLosers {
  const fn = 'winnersLosers';
  const n = before.length;
  checkFinite(fn, 'before', before);
  checkLength(fn, 'after', after, n);
  checkFinite(fn, 'after', after);
  const total = checkWeights(fn, weights, n, true);
  checkScalar(fn, 'threshold', threshold, 0, Number.MAX_VALUE);
  const s = { gainMore: 0, gainLess: 0, noChange: 0, loseLess: 0, loseMore: 0 };
  for (let i = 0; i < n; i++) {
    const w = weights[i]!;
    const b = before[i]!;
    const delta = after[i]! - b;
    const size = Math.abs(delta);
    if (size < EPS) s.noChange += w;
    else {
      const more = b === 0 || size > threshold * Math.abs(b) + EPS;
      if (delta > 0) {
        if (more) s.gainMore += w;
        else s.gainLess += w;
      } else if (more) s.loseMore += w;
      else s.loseLess += w;
    }
  }
  return { gainMore: s.gainMore / total, gainLess: s.gainLess / total, noChange: s.noChange / total, loseLess: s.loseLess / total, loseMore: s.loseMore / total };
}
