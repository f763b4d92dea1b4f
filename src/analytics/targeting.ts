/**
 * Targeting errors of a transfer programme.
 *
 * Weights are frequency weights: a weight of 3 counts the row (unit: household or person) three
 * times. `eligible` and `receives` are 0/1 per unit (truly eligible; receives the transfer),
 * `benefit` the payment per unit (the amount for one unit, before weighting).
 *
 *   inclusionError = Σ w·receives·(1 − eligible) / Σ w·receives    recipients not truly eligible
 *   exclusionError = Σ w·eligible·(1 − receives) / Σ w·eligible    eligible receiving nothing
 *   leakage        = Σ w·benefit·(1 − eligible) / Σ w·benefit      spending going to the non-eligible
 *   coverageOfPoor = 1 − exclusionError                            eligible who receive
 *
 * Empty denominators (no recipients, no eligible units, no spending) give 0, never NaN — so with
 * nobody eligible exclusionError = 0 and coverageOfPoor = 1. The denominators are returned too
 * (recipientWeight, eligibleWeight, spending) so callers can tell such cases apart. `receives`
 * is taken as given (not derived from benefit > 0). These are Cornia & Stewart's F-mistakes
 * (exclusion) and E-mistakes (inclusion), expressed as shares: G. A. Cornia and F. Stewart (1993),
 * "Two errors of targeting", Journal of International Development 5(5): 459–496.
 */
import { checkBinary, checkFinite, checkLength, checkWeights } from './input.js';

/** Targeting error rates and their denominators. */
export interface TargetingErrors {
  inclusionError: number;
  exclusionError: number;
  leakage: number;
  coverageOfPoor: number;
  /** Σ w·receives. */
  recipientWeight: number;
  /** Σ w·eligible. */
  eligibleWeight: number;
  /** Σ w·benefit. */
  spending: number;
}

/** Inclusion and exclusion errors, leakage and coverage, 0 for empty denominators; weights are frequency weights: a weight of 3 counts the row three times. */
export function targetingErrors(eligible: ArrayLike<number>, receives: ArrayLike<number>, benefit: ArrayLike<number>, weights: ArrayLike<number>): TargetingErrors {
  const fn = 'targetingErrors';
  const n = eligible.length;
  checkBinary(fn, 'eligible', eligible);
  checkLength(fn, 'receives', receives, n);
  checkBinary(fn, 'receives', receives);
  checkLength(fn, 'benefit', benefit, n);
  checkFinite(fn, 'benefit', benefit);
  checkWeights(fn, weights, n, false);
  let rec = 0;
  let recInel = 0;
  let elig = 0;
  let eligNot = 0;
  let spend = 0;
  let spendInel = 0;
  for (let i = 0; i < n; i++) {
    const w = weights[i]!;
    const e = eligible[i] === 1;
    const r = receives[i] === 1;
    const pay = w * benefit[i]!;
    spend += pay;
    if (!e) spendInel += pay;
    if (r) {
      rec += w;
      if (!e) recInel += w;
    }
    if (e) {
      elig += w;
      if (!r) eligNot += w;
    }
  }
  const ratio = (a: number, b: number): number => (b !== 0 ? a / b : 0);
  const exclusionError = ratio(eligNot, elig);
  return { inclusionError: ratio(recInel, rec), exclusionError, leakage: ratio(spendInel, spend), coverageOfPoor: 1 - exclusionError, recipientWeight: rec, eligibleWeight: elig, spending: spend };
}
