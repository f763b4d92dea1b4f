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

/**
 * Below this many rows a comparison sort is as quick as the radix sort's 65,536-slot histograms.
 * A speed knob, not a policy number.
 */
const RADIX_MIN_ROWS = 4096;

/** True where a Float64Array's high word comes second in memory, as the radix keys assume. */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/**
 * Row indices ordered by ascending value, ties by index (every caller treats ties as a group).
 * Large inputs use an LSD radix sort over the IEEE-754 bits (flipped so that unsigned order is
 * numeric order, −0 taken as +0): 4 stable passes of 16 bits, so ties keep index order and the
 * result is exactly the comparison sort's, about ten times faster on 100,000 rows.
 */
export function ascendingOrder(values: Row): Uint32Array {
  const n = values.length;
  // Values already in order (the distribution figures sort once and pass sorted rows): the
  // stable order is the identity, found in one pass instead of four.
  let sorted = 1;
  while (sorted < n && values[sorted]! >= values[sorted - 1]!) sorted++;
  if (sorted >= n) {
    const identity = new Uint32Array(n);
    for (let i = 0; i < n; i++) identity[i] = i;
    return identity;
  }
  if (n < RADIX_MIN_ROWS || !LITTLE_ENDIAN) return comparisonOrder(values);
  const bits = new Float64Array(n);
  for (let i = 0; i < n; i++) bits[i] = values[i]! + 0; // + 0 turns −0 into +0
  const words = new Uint32Array(bits.buffer);
  const lo = new Uint32Array(n);
  const hi = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const h = words[2 * i + 1]!;
    const l = words[2 * i]!;
    // Negative numbers: flip every bit (larger magnitude sorts first); others: set the sign bit.
    if (h & 0x80000000) { hi[i] = ~h >>> 0; lo[i] = ~l >>> 0; } else { hi[i] = (h | 0x80000000) >>> 0; lo[i] = l; }
  }
  let order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  let next = new Uint32Array(n);
  const count = new Uint32Array(65536);
  for (let pass = 0; pass < 4; pass++) {
    const key = pass < 2 ? lo : hi;
    const shift = pass % 2 === 0 ? 0 : 16;
    count.fill(0);
    for (let i = 0; i < n; i++) count[(key[i]! >>> shift) & 0xffff]!++;
    if (count[(key[0]! >>> shift) & 0xffff] === n) continue; // every key has this digit: nothing to move
    let sum = 0;
    for (let d = 0; d < 65536; d++) { const c = count[d]!; count[d] = sum; sum += c; }
    for (let k = 0; k < n; k++) { const i = order[k]!; next[count[(key[i]! >>> shift) & 0xffff]!++] = i; }
    [order, next] = [next, order];
  }
  return order;
}

/** The comparison sort ascendingOrder stands for (and uses on small inputs). */
export function comparisonOrder(values: Row): Uint32Array {
  const order = new Uint32Array(values.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  order.sort((a, b) => values[a]! - values[b]! || a - b);
  return order;
}
