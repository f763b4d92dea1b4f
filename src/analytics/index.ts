/**
 * Analytics: weighted distributional measures over plain arrays (ArrayLike<number> values and
 * weights). This layer imports nothing else from src/.
 *
 * Weights are used everywhere and are required: every measure takes (values, weights), and
 * callers pass ones for unweighted results. Weights are frequency weights — a weight of 3 counts
 * the row three times, so integer weights give the same result as replicated rows. Person-level
 * measures weight each person by their household's weight and use the household's per-capita
 * income; callers expand households to persons before calling.
 */
export { weightedQuantile, weightedQuantiles } from './quantile.js';
export { weightedGini } from './gini.js';
export { fgt, povertyGap } from './poverty.js';
export { decileShares, decileIndex } from './deciles.js';
export { decileImpact, type DecileImpactRow } from './decile-impact.js';
export { winnersLosers, type WinnersLosers } from './winners-losers.js';
export { targetingErrors, type TargetingErrors } from './targeting.js';
