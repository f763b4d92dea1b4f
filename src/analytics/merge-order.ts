/**
 * Sorting rows in parts and merging them (internal: not re-exported). A run's rows can be sorted
 * slice by slice as each slice's sums arrive, while the other slices are still being simulated,
 * and the sorted runs merged at the end: ascending value, ties by the row's index in the whole
 * population, which is exactly the order ascendingOrder gives the whole array (−0 taken as +0).
 * The rows then come out with their values and weights already in that order, so the measures
 * read them in sequence and add every sum in the same order as after a full sort: the same
 * numbers, bit for bit (W2's tail, issue #25).
 */
import { ascendingOrder } from './input.js';

/** Rows ascending by value, ties by row; each with its weight and its row in the whole population. */
export interface SortedRun {
  values: Float64Array;
  weights: Float64Array;
  rows: Uint32Array;
}

/** Every row of some runs in ascending order: values, weights, their rows (the order), and the weights' sum in that order. */
export interface MergedRuns {
  values: Float64Array;
  weights: Float64Array;
  order: Uint32Array;
  total: number;
}

/**
 * The rows of one part sorted: `values` finite (a NaN has no place in an order), `rows` their
 * indices in the whole population, ascending (so ascendingOrder's ties by position are ties by
 * row). Undefined when a value is not finite or the rows do not ascend: the caller sorts in full.
 */
export function sortedRun(values: Float64Array, weights: Float64Array, rows: ArrayLike<number>): SortedRun | undefined {
  const n = values.length;
  if (weights.length !== n || rows.length !== n) return undefined;
  for (let i = 0; i < n; i++) if (!Number.isFinite(values[i]!) || (i > 0 && !(rows[i]! > rows[i - 1]!))) return undefined;
  const order = ascendingOrder(values);
  const out: SortedRun = { values: new Float64Array(n), weights: new Float64Array(n), rows: new Uint32Array(n) };
  for (let k = 0; k < n; k++) {
    const i = order[k]!;
    out.values[k] = values[i]!;
    out.weights[k] = weights[i]!;
    out.rows[k] = rows[i]!;
  }
  return out;
}

/**
 * The runs merged (any number, in any order; their rows distinct): ascending value, ties by row,
 * with a tournament of the runs' heads (a loser tree: about log2(runs) comparisons a row), each
 * run read in sequence. `total` is the weights added in the merged order.
 */
export function mergeRuns(runs: readonly SortedRun[]): MergedRuns {
  const k = runs.length;
  const n = runs.reduce((s, r) => s + r.values.length, 0);
  const out: MergedRuns = { values: new Float64Array(n), weights: new Float64Array(n), order: new Uint32Array(n), total: 0 };
  if (k === 0) return out;
  // Each run's head: its value and row; a run that is done heads with (Infinity, Infinity),
  // after every finite value.
  const values = runs.map((r) => r.values);
  const weights = runs.map((r) => r.weights);
  const rows = runs.map((r) => r.rows);
  const pos = new Int32Array(k);
  const headValue = new Float64Array(k);
  const headRow = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    headValue[j] = values[j]!.length ? values[j]![0]! : Infinity;
    headRow[j] = values[j]!.length ? rows[j]![0]! : Infinity;
  }
  // −0 === 0 and neither is < the other: tied, then by row, as ascendingOrder ranks them.
  const before = (a: number, b: number): boolean => headValue[a]! < headValue[b]! || (headValue[a] === headValue[b] && headRow[a]! < headRow[b]!);
  // The loser tree: leaves k…2k−1 are the runs, node p plays its children 2p and 2p + 1 and
  // keeps the loser; tree[0] is the winner.
  const tree = new Int32Array(k);
  const winner = new Int32Array(2 * k);
  for (let j = 0; j < k; j++) winner[k + j] = j;
  for (let p = k - 1; p >= 1; p--) {
    const a = winner[2 * p]!;
    const b = winner[2 * p + 1]!;
    if (before(b, a)) { winner[p] = b; tree[p] = a; } else { winner[p] = a; tree[p] = b; }
  }
  let win: number = k === 1 ? 0 : winner[1]!;
  const outValues = out.values;
  const outWeights = out.weights;
  const outOrder = out.order;
  let total = 0;
  for (let o = 0; o < n; o++) {
    const j = win;
    const p = pos[j]!;
    const v = values[j]!;
    const w = weights[j]![p]!;
    outValues[o] = v[p]!;
    outWeights[o] = w;
    outOrder[o] = rows[j]![p]!;
    total += w;
    pos[j] = p + 1;
    // The run's next head, played up the tree against the losers kept on its way.
    let hv = Infinity;
    let hr = Infinity;
    if (p + 1 < v.length) { hv = v[p + 1]!; hr = rows[j]![p + 1]!; }
    headValue[j] = hv;
    headRow[j] = hr;
    for (let q = (j + k) >> 1; q >= 1; q >>= 1) {
      const l = tree[q]!;
      const lv = headValue[l]!;
      if (lv < hv || (lv === hv && headRow[l]! < hr)) { tree[q] = win; win = l; hv = lv; hr = headRow[l]!; }
    }
  }
  out.total = total;
  return out;
}

/**
 * The sorted run of `values` worked out from `base`, the run of `baseValues` over the same rows
 * and weights (base = sortedRun(baseValues, weights, rows)), when most rows have the same value
 * in both: a household's income after assistance is its income before for every household that
 * receives nothing. The rows equal in both (as bits, so −0 stays −0) keep base's order; the others
 * are sorted among themselves and merged in by (value, row), as ascendingOrderFrom does: the
 * run sortedRun(values, weights, rows) would give, read in sequence instead of sorted again.
 * `rows` absent: the rows are 0…n−1 (a whole population's). Undefined when a changed value is
 * not finite or the lengths differ.
 */
export function runFrom(base: SortedRun, baseValues: Float64Array, values: Float64Array, weights: Float64Array, rows?: ArrayLike<number>): SortedRun | undefined {
  const n = values.length;
  if (base.values.length !== n || baseValues.length !== n || weights.length !== n || (rows && rows.length !== n)) return undefined;
  const rowOf = rows ? (i: number): number => rows[i]! : (i: number): number => i;
  let changed = new Uint32Array(Math.max(16, n >> 4));
  let k = 0;
  for (let i = 0; i < n; i++) {
    const a = values[i]!;
    const b = baseValues[i]!;
    if (a === b && (a !== 0 || 1 / a === 1 / b)) continue;
    if (!Number.isFinite(a)) return undefined;
    if (k === changed.length) {
      const more = new Uint32Array(changed.length * 2);
      more.set(changed);
      changed = more;
    }
    changed[k++] = i;
  }
  // The changed rows sorted among themselves (ties by position, which is row order).
  const movedValues = new Float64Array(k);
  for (let j = 0; j < k; j++) movedValues[j] = values[changed[j]!]!;
  const byValue = ascendingOrder(movedValues);
  const mv = new Float64Array(k);
  const mw = new Float64Array(k);
  const mr = new Uint32Array(k);
  for (let j = 0; j < k; j++) {
    const i = changed[byValue[j]!]!;
    mv[j] = values[i]!;
    mw[j] = weights[i]!;
    mr[j] = rowOf(i);
  }
  // Which rows moved, a bit per row from the first (the rows ascend: base's first row is not the
  // smallest): a bit, not a byte, so that the full count's 8.8M rows (1.1 MB) stay in the cache
  // as base's rows are looked up in value order, at random.
  const first = n ? rowOf(0) : 0;
  const isMoved = new Int32Array(n ? ((rowOf(n - 1) - first) >>> 5) + 1 : 0);
  for (let j = 0; j < k; j++) { const b = mr[j]! - first; isMoved[b >>> 5]! |= 1 << (b & 31); }
  const out: SortedRun = { values: new Float64Array(n), weights: new Float64Array(n), rows: new Uint32Array(n) };
  const { values: bv, weights: bw, rows: br } = base;
  let j = 0;
  let o = 0;
  for (let p = 0; p < n; p++) {
    const r = br[p]!;
    const b = r - first;
    if (isMoved[b >>> 5]! & (1 << (b & 31))) continue;
    const v = bv[p]!;
    // The moved rows that come before this one: a smaller value, or the same and a smaller row.
    while (j < k && (mv[j]! < v || (mv[j] === v && mr[j]! < r))) {
      out.values[o] = mv[j]!;
      out.weights[o] = mw[j]!;
      out.rows[o++] = mr[j++]!;
    }
    out.values[o] = v;
    out.weights[o] = bw[p]!;
    out.rows[o++] = r;
  }
  for (; j < k; j++) {
    out.values[o] = mv[j]!;
    out.weights[o] = mw[j]!;
    out.rows[o++] = mr[j]!;
  }
  return out;
}

