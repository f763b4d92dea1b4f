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
  const { lo, hi } = radixKeys(values);
  return n < RADIX_CARRY_MIN_ROWS ? radixOrderLookup(lo, hi) : radixOrderCarry(lo, hi);
}

/**
 * Above this many rows the radix sort carries the keys with the indices (radixOrderCarry).
 * Measured on this project's machine (2026-12-07, load 15): at 2.5M rows the lookup sort took
 * 170–220 ms and the carrying one 200–280; at 5M, 370–490 and 375–410; at 8.8M (the full
 * count, W2), 1.0–1.5 s and 0.65–0.8 s. A speed knob, not a policy number: both give the same order.
 */
export const RADIX_CARRY_MIN_ROWS = 6_000_000;

/** The radix keys: each value's IEEE-754 words, flipped so that unsigned order is numeric order (−0 taken as +0). */
export function radixKeys(values: Row): { lo: Uint32Array; hi: Uint32Array } {
  const n = values.length;
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
  return { lo, hi };
}

/** LSD radix sort of row indices by (hi, lo), 4 stable passes of 16 bits, each looking its row's key up: quickest while the keys fit the caches. */
export function radixOrderLookup(lo: Uint32Array, hi: Uint32Array): Uint32Array {
  const n = lo.length;
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

/**
 * The same order, the keys moved with the indices: each pass reads in sequence instead of
 * looking a key up at a random place per row, and digits of 10–11 bits (6 stable passes) keep the
 * 2,048 places a pass writes to within the caches. Quicker on millions of rows (RADIX_CARRY_MIN_ROWS).
 * The keys are scratch: they are moved about (radixKeys makes them for this sort alone).
 */
export function radixOrderCarry(keysLo: Uint32Array, keysHi: Uint32Array): Uint32Array {
  const n = keysLo.length;
  let lo = keysLo;
  let hi = keysHi;
  let order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  let lo2 = new Uint32Array(n);
  let hi2 = new Uint32Array(n);
  let next = new Uint32Array(n);
  const count = new Uint32Array(1 << 11);
  for (const [word, shift, width] of CARRY_DIGITS) {
    const mask = (1 << width) - 1;
    const key = word === 0 ? lo : hi;
    count.fill(0);
    for (let i = 0; i < n; i++) count[(key[i]! >>> shift) & mask]!++;
    if (count[(key[0]! >>> shift) & mask] === n) continue; // every key has this digit: nothing to move
    let sum = 0;
    for (let d = 0; d <= mask; d++) { const c = count[d]!; count[d] = sum; sum += c; }
    for (let i = 0; i < n; i++) {
      const o = count[(key[i]! >>> shift) & mask]!++;
      lo2[o] = lo[i]!;
      hi2[o] = hi[i]!;
      next[o] = order[i]!;
    }
    [lo, lo2] = [lo2, lo];
    [hi, hi2] = [hi2, hi];
    [order, next] = [next, order];
  }
  return order;
}

/** radixOrderCarry's digits, least significant first: [word (0 low, 1 high), shift, width in bits]. */
const CARRY_DIGITS: readonly (readonly [number, number, number])[] = [[0, 0, 11], [0, 11, 11], [0, 22, 10], [1, 0, 11], [1, 11, 11], [1, 22, 10]];

/** The comparison sort ascendingOrder stands for (and uses on small inputs). */
export function comparisonOrder(values: Row): Uint32Array {
  const order = new Uint32Array(values.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  order.sort((a, b) => values[a]! - values[b]! || a - b);
  return order;
}

/**
 * The ascending order of `values` (ascendingOrder's, ties by index) worked out from the order of
 * `base`, values of the same length that differ in few rows (the income after assistance of a
 * sweep's variant against the reference's: a standard moved 5% changes a few percent of the
 * households). The rows equal in both keep their relative order, so that order, with the rows
 * that changed taken out, is merged with the changed rows sorted among themselves, comparing
 * (value, index) as the full sort does (−0 taken as +0): the same order, in one pass over the
 * rows instead of four radix passes. Undefined when more than `maxChanged` rows differ, or a changed value is not
 * finite (NaN has no place in a comparison): the caller then sorts in full.
 * `baseOrder` must be ascendingOrder(base) (or this function's answer for it).
 */
export function ascendingOrderFrom(values: Row, base: Row, baseOrder: Uint32Array, maxChanged: number): Uint32Array | undefined {
  const n = values.length;
  if (base.length !== n || baseOrder.length !== n) return undefined;
  const changed = rowsThatDiffer(values, base, maxChanged);
  return changed && ascendingOrderWithChanged(values, baseOrder, changed);
}

/**
 * ascendingOrderFrom, given the rows where `values` differ from the values `baseOrder` is the
 * ascending order of (rowsThatDiffer's answer): a caller that found them already (choosing the
 * closest of several bases) does not look for them again. Undefined when a changed value is not finite.
 */
export function ascendingOrderWithChanged(values: Row, baseOrder: Uint32Array, changed: Uint32Array): Uint32Array | undefined {
  const n = values.length;
  if (baseOrder.length !== n) return undefined;
  const k = changed.length;
  for (let j = 0; j < k; j++) if (!Number.isFinite(values[changed[j]!]!)) return undefined;
  if (k === 0) return Uint32Array.from(baseOrder);
  // The changed rows sorted among themselves: their values in row order, sorted by ascendingOrder
  // (ties by position, which is row order).
  const changedValues = new Float64Array(k);
  for (let j = 0; j < k; j++) changedValues[j] = values[changed[j]!]!;
  const byValue = ascendingOrder(changedValues);
  const moved = new Uint32Array(k);
  for (let j = 0; j < k; j++) moved[j] = changed[byValue[j]!]!;
  const out = new Uint32Array(n);
  const isMoved = new Uint8Array(n);
  for (let j = 0; j < k; j++) isMoved[moved[j]!] = 1;
  let j = 0;
  let o = 0;
  for (let p = 0; p < n; p++) {
    const i = baseOrder[p]!;
    if (isMoved[i]) continue;
    const v = values[i]!;
    // The changed rows that come before row i: a smaller value, or the same value and a smaller index.
    while (j < k) {
      const m = moved[j]!;
      const u = values[m]!;
      if (u < v || (u === v && m < i)) { out[o++] = m; j++; } else break;
    }
    out[o++] = i;
  }
  while (j < k) out[o++] = moved[j++]!;
  return out;
}

/**
 * The rows where `a` and `b` differ as numbers (−0 equal to +0, NaN to nothing), ascending; undefined
 * once there are more than `max`.
 */
export function rowsThatDiffer(a: Row, b: Row, max: number): Uint32Array | undefined {
  let rows = new Uint32Array(Math.min(max, 1024));
  let k = 0;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    if (k === max) return undefined;
    if (k === rows.length) {
      const more = new Uint32Array(Math.min(max, rows.length * 4));
      more.set(rows);
      rows = more;
    }
    rows[k++] = i;
  }
  return rows.subarray(0, k);
}

/** How many rows of `a` and `b` differ as numbers (as rowsThatDiffer), counting no further than `max` + 1. */
export function countRowsThatDiffer(a: Row, b: Row, max: number): number {
  let k = 0;
  for (let i = 0; i < a.length && k <= max; i++) if (a[i] !== b[i]) k++;
  return k;
}
