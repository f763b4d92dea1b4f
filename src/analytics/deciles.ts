/**
 * Decile income shares and decile membership.
 *
 * Weights are frequency weights: a weight of 3 counts the row three times. For person-level
 * deciles, give each person their household's weight and per-capita income. Rows are ranked by
 * ascending value; W = Σ w_i > 0.
 *
 * decileShares — the share of total income Σ w_i x_i held by each tenth of the weight. Group g
 * (g = 1…10) is the cumulative-weight interval [(g−1)·W/10, g·W/10) of the ranked rows; a row
 * whose interval [C, C + w) straddles a boundary is split proportionally: each group receives the
 * overlapping part of its weight times its value. Every group thus holds exactly W/10 of weight,
 * and the ten shares sum to 1 (up to rounding). Tied rows have equal values, so the order among
 * ties cannot change a share. Integer weights equal replicated rows. Requires Σ w x > 0.
 *
 * decileIndex — a decile 1…10 for every row, for decile tables of impacts. With C the weight of
 * all rows of smaller value and T the total weight of the row's tie group (rows of equal value,
 * including itself), its weighted rank is the midpoint m = C + T/2 and its decile is
 *
 *   d = min(10, floor(10 · m / W) + 1),   i.e. (d − 1)/10 ≤ m/W < d/10.
 *
 * Using the tie group's midpoint (rather than the row's own) puts equal values in the same
 * decile whatever their order — so with many equal incomes some deciles may be empty. Unlike
 * decileShares, rows are not split, so groups hold only approximately W/10. Zero-weight rows
 * still get a decile (the one at their position).
 */
import { ascendingOrder, checkFinite, checkWeights } from './input.js';

const D = 10;

/** Income share of each decile group (equal-weight groups, boundary rows split), summing to 1; weights are frequency weights: a weight of 3 counts the row three times. */
export function decileShares(values: ArrayLike<number>, weights: ArrayLike<number>): number[] {
  const fn = 'decileShares';
  checkFinite(fn, 'values', values);
  checkWeights(fn, weights, values.length, true);
  const order = ascendingOrder(values);
  let total = 0;
  for (const i of order) total += weights[i]!;
  return sharesAlong(fn, values, weights, order, total);
}

/**
 * decileShares of rows the caller has checked and put in ascending order (the distribution
 * figures gather them so), with `total` their weights' sum in row order: finite values, finite
 * weights ≥ 0, total > 0. Their order is the identity, so these are decileShares' sums in its
 * order, without making it; it still throws, as decileShares does, when the total is not positive.
 */
export function decileSharesOfAscending(values: Float64Array, weights: Float64Array, total: number): number[] {
  return sharesAlong('decileShares', values, weights, undefined, total);
}

/** The shares, the rows taken along `order` (undefined: row order). */
function sharesAlong(fn: string, values: ArrayLike<number>, weights: ArrayLike<number>, order: Uint32Array | undefined, total: number): number[] {
  // Doubles from the start: an array of small integers turned into one of doubles at its first
  // fractional addition, a change of shape the optimised loop did not expect (it deoptimised).
  const income = new Float64Array(D);
  let g = 0; // current group, 0-based
  let cum = 0;
  let sum = 0;
  const n = values.length;
  // The upper edge of group g, worked out again only when g moves on (the same value each time).
  const edgeOf = (group: number): number => (group < D - 1 ? ((group + 1) * total) / D : Infinity);
  let edge = edgeOf(g);
  for (let k = 0; k < n; k++) {
    const i = order ? order[k]! : k;
    const x = values[i]!;
    let w = weights[i]!;
    sum += w * x;
    let lo = cum;
    const hi = cum + w;
    while (w > 0) {
      if (hi <= edge) {
        income[g]! += w * x;
        break;
      }
      const part = edge - lo;
      income[g]! += part * x;
      w -= part;
      lo = edge;
      edge = edgeOf(++g);
    }
    cum = hi;
  }
  if (!(sum > 0)) throw new Error(`${fn}: the total weighted income is ${sum}; income shares need a positive total`);
  return Array.from(income, (v) => v / sum);
}

/**
 * Decile 1–10 of each row by the midpoint of its tie group's cumulative weight; weights are frequency weights: a weight of 3 counts the row three times.
 * `sorted`: the rows' ascending order if the caller has it (ties by index, as ascendingOrder
 * gives it); used only if it is exactly that order for these values (checked in one pass), else
 * the rows are sorted here.
 */
export function decileIndex(values: ArrayLike<number>, weights: ArrayLike<number>, sorted?: Uint32Array): Uint8Array {
  const fn = 'decileIndex';
  checkFinite(fn, 'values', values);
  checkWeights(fn, weights, values.length, true);
  return decileIndexOfChecked(values, weights, sorted);
}

/**
 * decileIndex of inputs the caller has checked as decileIndex checks them (decileImpact). The
 * rows are gathered once along the order, values and weights, and then read in sequence: on the
 * full count (W2's decile impact, 8.8M households) the tie groups and their weights read along
 * the order meant a random access per household and measure. The same rows in the same order:
 * the same sums.
 */
export function decileIndexOfChecked(values: ArrayLike<number>, weights: ArrayLike<number>, sorted?: Uint32Array): Uint8Array {
  const n = values.length;
  const rows = (sorted && gatherAscending(values, weights, sorted)) ?? gatherAlong(values, weights, ascendingOrder(values));
  const { order, v, w } = rows;
  let total = 0;
  for (let k = 0; k < n; k++) total += w[k]!;
  const out = new Uint8Array(n);
  let before = 0;
  for (let k = 0; k < n; ) {
    const x = v[k]!;
    let e = k;
    let tie = 0;
    while (e < n && v[e] === x) tie += w[e++]!;
    const d = Math.min(D, Math.floor((D * (before + tie / 2)) / total) + 1);
    for (let j = k; j < e; j++) out[order[j]!] = d;
    before += tie;
    k = e;
  }
  return out;
}

interface Gathered { order: Uint32Array; v: Float64Array; w: Float64Array }

function gatherAlong(values: ArrayLike<number>, weights: ArrayLike<number>, order: Uint32Array): Gathered {
  const n = order.length;
  const v = new Float64Array(n);
  const w = new Float64Array(n);
  for (let k = 0; k < n; k++) { const i = order[k]!; v[k] = values[i]!; w[k] = weights[i]!; }
  return { order, v, w };
}

/**
 * The rows gathered along `order` if it is the ascending order of `values` with ties by index
 * (isAscendingOrder's test), else undefined. Each row is written to its place in the order
 * rather than read from it: on millions of rows, writes at random places cost less than reads
 * at random places, which wait for memory (W2's decile impact).
 */
function gatherAscending(values: ArrayLike<number>, weights: ArrayLike<number>, order: Uint32Array): Gathered | undefined {
  const n = values.length;
  if (order.length !== n) return undefined;
  // Each row's place in the order; n places written and none left unwritten: a permutation.
  const place = new Uint32Array(n).fill(UNPLACED);
  for (let k = 0; k < n; k++) {
    const i = order[k]!;
    if (!(i < n)) return undefined;
    place[i] = k;
  }
  for (let i = 0; i < n; i++) if (place[i] === UNPLACED) return undefined;
  const v = new Float64Array(n);
  const w = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const k = place[i]!;
    v[k] = values[i]!;
    w[k] = weights[i]!;
  }
  for (let k = 1; k < n; k++) {
    // + 0: −0 and 0 are one value, as ascendingOrder ranks them.
    const a = v[k - 1]! + 0;
    const b = v[k]! + 0;
    if (a > b || (a === b && order[k - 1]! > order[k]!)) return undefined;
  }
  return { order, v, w };
}
/** No place yet (rows are fewer than 2³² − 1). */
const UNPLACED = 0xffffffff;

/**
 * Whether `order` is the ascending order of `values` with ties by index, the one ascendingOrder
 * gives: a permutation of the rows along which values never fall and tied rows keep index order.
 * That order is unique, so an order that passes is ascendingOrder's, whoever made it.
 */
export function isAscendingOrder(values: ArrayLike<number>, order: ArrayLike<number>): boolean {
  const n = values.length;
  if (order.length !== n) return false;
  const seen = new Uint8Array(n);
  for (let k = 0; k < n; k++) {
    const i = order[k]!;
    if (!(i >= 0 && i < n) || seen[i]) return false;
    seen[i] = 1;
    if (k > 0) {
      const j = order[k - 1]!;
      // + 0: −0 and 0 are one value, as ascendingOrder ranks them.
      const a = values[j]! + 0;
      const b = values[i]! + 0;
      if (a > b || (a === b && j > i)) return false;
    }
  }
  return true;
}
