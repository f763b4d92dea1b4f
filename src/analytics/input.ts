/**
 * Input checks and the sort shared by the analytics measures (internal: not re-exported).
 *
 * Every measure validates all of its inputs before computing and throws an Error naming the
 * function, the argument and the offending index, instead of returning NaN. Values must be
 * finite numbers; weights finite and ≥ 0 (a zero weight means "absent", as for a row replicated
 * zero times).
 */

type Row = ArrayLike<number>;

function show(v: unknown): string {
  return typeof v === 'number' && Number.isNaN(v) ? 'NaN' : String(v);
}

/** Throws unless `arr` has length `n` (the length of the first argument). */
export function checkLength(fn: string, name: string, arr: Row, n: number): void {
  if (arr.length !== n) throw new Error(`${fn}: ${name} has length ${arr.length}, but the values have length ${n}`);
}

/** Throws naming the first index whose entry is NaN, ±Infinity or not a number. */
export function checkFinite(fn: string, name: string, arr: Row): void {
  for (let i = 0; i < arr.length; i++) {
    const v = arr[i];
    if (!Number.isFinite(v)) throw new Error(`${fn}: ${name}[${i}] is ${show(v)}; ${name} must be finite numbers`);
  }
}

/** Throws naming the first index whose entry is not exactly 0 or 1. */
export function checkBinary(fn: string, name: string, arr: Row): void {
  for (let i = 0; i < arr.length; i++) {
    const v = arr[i];
    if (v !== 0 && v !== 1) throw new Error(`${fn}: ${name}[${i}] is ${show(v)}; ${name} must be 0 or 1`);
  }
}

/** Checks a scalar lies in [lo, hi] (NaN fails). */
export function checkScalar(fn: string, name: string, v: number, lo: number, hi: number): void {
  if (!(v >= lo && v <= hi)) throw new Error(`${fn}: ${name} is ${show(v)}; it must lie in [${lo}, ${hi}]`);
}

/**
 * Checks weights (length n, finite, ≥ 0) and returns their total; with `positiveTotal`,
 * also that the total is > 0 (for measures that divide by it).
 */
export function checkWeights(fn: string, weights: Row, n: number, positiveTotal: boolean): number {
  checkLength(fn, 'weights', weights, n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const w = weights[i];
    if (!Number.isFinite(w)) throw new Error(`${fn}: weights[${i}] is ${show(w)}; weights must be finite`);
    if (w! < 0) throw new Error(`${fn}: weights[${i}] is negative (${w}); weights must be ≥ 0`);
    total += w!;
  }
  if (positiveTotal && !(total > 0)) throw new Error(`${fn}: the total weight is ${total}; it must be > 0`);
  return total;
}

/** Row indices ordered by ascending value (ties by index; every caller treats ties as a group). */
export function ascendingOrder(values: Row): Uint32Array {
  const order = new Uint32Array(values.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  order.sort((a, b) => values[a]! - values[b]! || a - b);
  return order;
}
