/**
 * The weighted measures of src/analytics. Every expected number is worked out by hand in the
 * comment beside it, or taken from the cited source. Property tests (fixed seed) check that
 * integer weights are the same as replicated rows.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decileImpact,
  decileIndex,
  decileShares,
  fgt,
  povertyGap,
  targetingErrors,
  weightedGini,
  weightedQuantile,
  weightedQuantiles,
  winnersLosers,
} from '../src/analytics/index.js';
import { findFiles } from '../src/engine/paths.js';
import { ascendingOrder, ascendingOrderFrom, comparisonOrder, radixKeys, radixOrderCarry, radixOrderLookup } from '../src/analytics/input.js';
import { fgt012 } from '../src/analytics/poverty.js';
import { isAscendingOrder } from '../src/analytics/deciles.js';
import { keyedUniforms } from '../src/engine/random.js';
import { ROOT } from './helpers.js';

const ones = (n: number): number[] => new Array<number>(n).fill(1);
const RUNS = { seed: 7, numRuns: 200 } as const;

/** Each value repeated weight times (weights are non-negative integers). */
function replicate(values: readonly number[], weights: readonly number[]): number[] {
  return values.flatMap((v, i) => new Array<number>(weights[i]!).fill(v));
}

describe('weightedQuantile (inverse of the weighted empirical CDF: smallest x with F(x) ≥ p)', () => {
  it('ties: [1,2,2,2,3] unweighted', () => {
    // F(1) = 0.2, F(2) = 0.8, F(3) = 1: the median is the smallest x with F(x) ≥ 0.5, i.e. 2.
    expect(weightedQuantile([1, 2, 2, 2, 3], ones(5), 0.5)).toBe(2);
    // p = 0 → min, p = 1 → max; p = 0.2 hits F(1) = 0.2 exactly → 1; p = 0.21 → 2; p = 0.8 → 2 (boundary); 0.81 → 3.
    expect(weightedQuantiles([1, 2, 2, 2, 3], ones(5), [0, 0.2, 0.21, 0.8, 0.81, 1])).toEqual([1, 1, 2, 2, 3, 3]);
  });
  it('at a cumulative-weight boundary it takes the lower value (no averaging)', () => {
    // [10, 20] equal weights: F(10) = 0.5 ≥ 0.5, so the median is 10 (not 15).
    expect(weightedQuantile([10, 20], [1, 1], 0.5)).toBe(10);
    // values [1,2,3], weights [2,1,3], W = 6: F(1) = 2/6, F(2) = 3/6, F(3) = 1.
    // p = 0.5: F(2) = 0.5 exactly → 2 (lower side); p = 0.51 → 3; p = 0.25 → 1; p = 0.4 → 2.
    expect(weightedQuantiles([1, 2, 3], [2, 1, 3], [0.25, 0.4, 0.5, 0.51])).toEqual([1, 2, 2, 3]);
    // Replicated rows [1,1,2,3,3,3]: Hyndman & Fan (1996) definition 1, Q(p) = x_(⌈np⌉): ⌈3⌉ = 3rd = 2.
    expect(weightedQuantile([1, 1, 2, 3, 3, 3], ones(6), 0.5)).toBe(2);
  });
  it('fractional weights, unsorted input', () => {
    // Sorted: 1 (0.25), 3 (0.25), 5 (0.5): F = 0.25, 0.5, 1. Median: F(3) = 0.5 → 3; p = 0.2 → 1; p = 0.75 → 5.
    expect(weightedQuantiles([5, 1, 3], [0.5, 0.25, 0.25], [0.2, 0.5, 0.75])).toEqual([1, 3, 5]);
  });
  it('zero-weight rows are ignored, also for p = 0 and p = 1', () => {
    // Only 5 has positive weight, so every quantile is 5.
    expect(weightedQuantiles([0, 5, 100], [0, 1, 0], [0, 0.5, 1])).toEqual([5, 5, 5]);
  });
  it('validates its inputs, naming the index', () => {
    expect(() => weightedQuantile([1, NaN, 3], ones(3), 0.5)).toThrow(/values\[1\] is NaN/);
    expect(() => weightedQuantile([1, Infinity], ones(2), 0.5)).toThrow(/values\[1\] is Infinity/);
    expect(() => weightedQuantile([1, 2], [1], 0.5)).toThrow(/weights has length 1, but the values have length 2/);
    expect(() => weightedQuantile([1, 2], [1, -1], 0.5)).toThrow(/weights\[1\] is negative/);
    expect(() => weightedQuantile([1, 2], [1, NaN], 0.5)).toThrow(/weights\[1\] is NaN/);
    expect(() => weightedQuantile([1, 2], [0, 0], 0.5)).toThrow(/total weight is 0/);
    expect(() => weightedQuantile([], [], 0.5)).toThrow(/total weight is 0/);
    expect(() => weightedQuantile([1, 2], [1, 1], 1.5)).toThrow(/p is 1.5/);
    expect(() => weightedQuantile([1, 2], [1, 1], NaN)).toThrow(/p is NaN/);
    expect(() => weightedQuantiles([1, 2], [1, 1], [0.5, -0.1])).toThrow(/ps\[1\] is -0.1/);
  });
});

describe('weightedGini (population Gini, G = ΣΣ w_i w_j |x_i − x_j| / (2 W² μ))', () => {
  it('closed forms', () => {
    // Perfect equality: every |x_i − x_j| = 0.
    expect(weightedGini([1, 1, 1, 1], ones(4))).toBe(0);
    // One of n = 4 has everything: ΣΣ|.| = 2·3·1 = 6, μ = 1/4, G = 6 / (2·16·0.25) = 0.75 = (n−1)/n
    // (Cowell, Measuring Inequality, 3rd ed., 2011: the population Gini's maximum is 1 − 1/n).
    expect(weightedGini([0, 0, 0, 1], ones(4))).toBe(0.75);
    // [1..5]: Σ_{i<j}(j−i) = 4·1 + 3·2 + 2·3 + 1·4 = 20, ΣΣ = 40, μ = 3: G = 40 / (2·25·3) = 4/15.
    expect(weightedGini([1, 2, 3, 4, 5], ones(5))).toBeCloseTo(4 / 15, 15);
    expect(weightedGini([5, 3, 1, 4, 2], ones(5))).toBeCloseTo(4 / 15, 15);
  });
  it('integer weights equal replicated rows exactly', () => {
    // [1,2,3] with weights [2,1,3] ≡ [1,1,2,3,3,3]: pairs (1,2): 2·1·1 = 2, (1,3): 2·3·2 = 12, (2,3): 1·3·1 = 3,
    // ΣΣ = 2·17 = 34; W = 6, Σwx = 13: G = 34 / (2·6·13) = 17/78.
    const g = weightedGini([1, 2, 3], [2, 1, 3]);
    expect(g).toBe(weightedGini([1, 1, 2, 3, 3, 3], ones(6)));
    expect(g).toBeCloseTo(17 / 78, 15);
  });
  it('fractional weights scale out: weights [0.5, 0.5] give the same as [1, 1]', () => {
    // [0, 1] unweighted: ΣΣ = 2, μ = 0.5, W = 2: G = 2 / (2·4·0.5) = 0.5.
    expect(weightedGini([0, 1], [0.5, 0.5])).toBe(0.5);
    expect(weightedGini([0, 1], [1, 1])).toBe(0.5);
  });
  it('needs a positive mean', () => {
    expect(() => weightedGini([0, 0], ones(2))).toThrow(/positive mean/);
    expect(() => weightedGini([-1, 0], ones(2))).toThrow(/positive mean/);
    expect(() => weightedGini([1, NaN], ones(2))).toThrow(/values\[1\] is NaN/);
  });
});

describe('fgt and povertyGap (Foster, Greer & Thorbecke 1984)', () => {
  const y = [1, 2, 3, 4, 10];
  it('unweighted example: incomes [1,2,3,4,10], line 5', () => {
    // Poor: 1,2,3,4 (4 of 5) → P0 = 0.8.
    expect(fgt(y, ones(5), 5, 0)).toBe(0.8);
    // Gaps (5−y)/5 = 4/5, 3/5, 2/5, 1/5: P1 = (10/5)/5 = 0.4.
    expect(fgt(y, ones(5), 5, 1)).toBeCloseTo(0.4, 15);
    // Squared: (16 + 9 + 4 + 1)/25 = 1.2; P2 = 1.2/5 = 0.24.
    expect(fgt(y, ones(5), 5, 2)).toBeCloseTo(0.24, 15);
    // Money gap: 4 + 3 + 2 + 1 = 10.
    expect(povertyGap(y, ones(5), 5)).toBe(10);
  });
  it('weighted example: incomes [1,4,10], weights [2,1,3], line 5', () => {
    // W = 6. P0 = (2 + 1)/6 = 0.5; P1 = (2·0.8 + 1·0.2)/6 = 1.8/6 = 0.3; P2 = (2·0.64 + 0.04)/6 = 1.32/6 = 0.22.
    expect(fgt([1, 4, 10], [2, 1, 3], 5, 0)).toBe(0.5);
    expect(fgt([1, 4, 10], [2, 1, 3], 5, 1)).toBeCloseTo(0.3, 15);
    expect(fgt([1, 4, 10], [2, 1, 3], 5, 2)).toBeCloseTo(0.22, 15);
    // Money gap: 2·4 + 1·1 = 9.
    expect(povertyGap([1, 4, 10], [2, 1, 3], 5)).toBe(9);
  });
  it('a per-row line (each household its local standard)', () => {
    // Incomes [100,150,200], lines [120,140,250], weights [1,1,2], W = 4.
    // Poor: row 0 (gap 20/120 = 1/6) and row 2 (gap 50/250 = 1/5); row 1 is above its line.
    const inc = [100, 150, 200];
    const z = [120, 140, 250];
    const w = [1, 1, 2];
    expect(fgt(inc, w, z, 0)).toBe(0.75); // (1 + 2)/4
    expect(fgt(inc, w, z, 1)).toBeCloseTo(17 / 120, 15); // (1/6 + 2/5)/4 = (17/30)/4
    expect(fgt(inc, w, z, 2)).toBeCloseTo((1 / 36 + 2 / 25) / 4, 15);
    expect(povertyGap(inc, w, z)).toBe(120); // 1·20 + 2·50
  });
  it('poverty is strict: an income equal to the line is not poor', () => {
    expect(fgt([5, 5], ones(2), 5, 0)).toBe(0);
    expect(povertyGap([5, 5], ones(2), 5)).toBe(0);
  });
  it('validates line and alpha', () => {
    expect(() => fgt(y, ones(5), 0, 0)).toThrow(/line is 0/);
    expect(() => fgt(y, ones(5), [5, 5, 5, 5, -1], 0)).toThrow(/line\[4\] is -1/);
    expect(() => fgt(y, ones(5), [5, 5], 0)).toThrow(/line has length 2/);
    expect(() => fgt(y, ones(5), 5, -1)).toThrow(/alpha is -1/);
    expect(() => fgt(y, ones(5), 5, NaN)).toThrow(/alpha is NaN/);
    expect(() => povertyGap(y, ones(5), -5)).toThrow(/line is -5/);
    // A total needs no positive total weight: no one, no gap.
    expect(povertyGap([], [], 5)).toBe(0);
  });
  it('fgt012: P0, P1 and P2 in one pass, each fgt’s value bit for bit', () => {
    // The weighted example above: P0 = 0.5, P1 = 0.3, P2 = 0.22.
    const p = fgt012([1, 4, 10], [2, 1, 3], 5);
    expect(p.headcount).toBe(0.5);
    expect(p.gap).toBeCloseTo(0.3, 15);
    expect(p.severity).toBeCloseTo(0.22, 15);
    // 20,000 rows with a per-row line, and with one line: the very numbers of three fgt calls.
    const n = 20000;
    const ids = Float64Array.from({ length: n }, (_, i) => i);
    const [u0, u1, u2] = [0, 1, 2].map((stream) => keyedUniforms(11, ids, 0, stream));
    const inc = u0!.map((v) => 400 * v - 20);
    const w = u1!.map((v) => Math.floor(5 * v));
    const z = u2!.map((v) => 60 + 150 * v);
    for (const line of [z, 169]) {
      const all = fgt012(inc, w, line);
      expect([all.headcount, all.gap, all.severity]).toEqual([fgt(inc, w, line, 0), fgt(inc, w, line, 1), fgt(inc, w, line, 2)]);
    }
    // The same checks as fgt.
    expect(() => fgt012(y, ones(5), 0)).toThrow(/fgt: line is 0/);
    expect(() => fgt012([1, NaN], ones(2), 5)).toThrow(/fgt: values\[1\] is NaN/);
  });
});

describe('decileShares and decileIndex', () => {
  const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);
  it('equal values: each decile holds 0.1', () => {
    const s = decileShares(ones(7), [1, 2, 3, 4, 5, 6, 7]);
    for (const v of s) expect(v).toBeCloseTo(0.1, 15);
    expect(sum(s)).toBeCloseTo(1, 15);
  });
  it('rows 1..10: shares i/55', () => {
    // Each row is one decile; total income 1 + … + 10 = 55.
    const s = decileShares([10, 9, 8, 7, 6, 5, 4, 3, 2, 1], ones(10));
    s.forEach((v, i) => expect(v).toBeCloseTo((i + 1) / 55, 15));
    expect(sum(s)).toBeCloseTo(1, 15);
  });
  it('splits a row that straddles a decile boundary', () => {
    // Values [1,2], weights [0.25,0.75]; W = 1, deciles of 0.1. Row 1 covers [0,0.25): deciles 1, 2 and half of 3;
    // row 2 covers [0.25,1): the other half of 3 and deciles 4–10. Total income 0.25 + 1.5 = 1.75.
    // Shares: d1 = d2 = 0.1/1.75; d3 = (0.05·1 + 0.05·2)/1.75 = 0.15/1.75; d4..d10 = 0.2/1.75.
    const s = decileShares([1, 2], [0.25, 0.75]);
    const want = [0.1, 0.1, 0.15, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2].map((v) => v / 1.75);
    s.forEach((v, i) => expect(v).toBeCloseTo(want[i]!, 14));
    expect(sum(s)).toBeCloseTo(1, 14);
    // Two equal-weight rows [1, 3]: deciles 1–5 hold 0.2·1 each, 6–10 hold 0.2·3 each; total 4.
    const two = decileShares([3, 1], [1, 1]);
    [0.05, 0.05, 0.05, 0.05, 0.05, 0.15, 0.15, 0.15, 0.15, 0.15].forEach((v, i) => expect(two[i]).toBeCloseTo(v, 15));
  });
  it('needs a positive total income', () => {
    expect(() => decileShares([0, 0], ones(2))).toThrow(/positive total/);
    expect(() => decileShares([1, 2], [1, -2])).toThrow(/weights\[1\] is negative/);
  });
  it('decileIndex: by the midpoint of cumulative weight', () => {
    // Rows 1..10 unweighted: midpoints 0.5..9.5 of W = 10, decile floor(m) + 1 = the row itself.
    expect([...decileIndex([10, 9, 8, 7, 6, 5, 4, 3, 2, 1], ones(10))]).toEqual([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
    // [3,1,2]: midpoints of 1, 2, 3 are 0.5, 1.5, 2.5 of W = 3; 10m/W = 1.67, 5, 8.33 → deciles 2, 6, 9.
    expect([...decileIndex([3, 1, 2], ones(3))]).toEqual([9, 2, 6]);
    // Weights [3,1]: rows [0,3) and [3,4) of W = 4; midpoints 1.5, 3.5 → 10m/W = 3.75, 8.75 → deciles 4, 9.
    expect([...decileIndex([1, 2], [3, 1])]).toEqual([4, 9]);
  });
  it('decileIndex: tied values share their tie group midpoint, so they land in one decile', () => {
    // All equal: the group midpoint is W/2, 10·0.5 = 5 → decile 6 for everyone.
    expect([...decileIndex([7, 7, 7, 7], [1, 2, 3, 4])]).toEqual([6, 6, 6, 6]);
    // [1, 2, 2, 2] unweighted: 1 has midpoint 0.5 (10m/W = 1.25 → 2); the 2s have group midpoint 1 + 1.5 = 2.5 (6.25 → 7).
    expect([...decileIndex([2, 1, 2, 2], ones(4))]).toEqual([7, 2, 7, 7]);
    // A zero-weight row at the top sits at m = W → capped at decile 10.
    expect([...decileIndex([1, 2], [1, 0])]).toEqual([6, 10]);
  });
  it('decileIndex takes a caller’s sort only when it is the rows’ ascending order (ties by index)', () => {
    // [3, 1, 2, 1]: ascending with ties by index is rows 1, 3, 2, 0.
    const v = [3, 1, 2, 1];
    expect(isAscendingOrder(v, Uint32Array.of(1, 3, 2, 0))).toBe(true);
    expect(isAscendingOrder(v, Uint32Array.of(3, 1, 2, 0))).toBe(false); // tied rows out of index order
    expect(isAscendingOrder(v, Uint32Array.of(1, 2, 3, 0))).toBe(false); // 2 before 1
    expect(isAscendingOrder(v, Uint32Array.of(1, 1, 2, 0))).toBe(false); // not a permutation
    expect(isAscendingOrder(v, Uint32Array.of(1, 3, 2))).toBe(false);
    expect(isAscendingOrder([0, -0], Uint32Array.of(0, 1))).toBe(true); // −0 and 0 are one value
    // Midpoints of W = 4: the 1s share 1 (10m/W = 2.5 → 3), 2 at 2.5 (6.25 → 7), 3 at 3.5 (8.75 → 9).
    expect([...decileIndex(v, ones(4), Uint32Array.of(1, 3, 2, 0))]).toEqual([9, 3, 7, 3]);
    // A wrong order is not used: the same deciles.
    expect([...decileIndex(v, ones(4), Uint32Array.of(0, 1, 2, 3))]).toEqual([9, 3, 7, 3]);
    // Nor one that is not ascending, not a permutation (row 3 left out, or a row 7 of 4), or too short (session 10:
    // decileIndex checks it as it gathers the rows; used, each would give other deciles or leave a row without one).
    for (const wrong of [[1, 2, 3, 0], [1, 1, 2, 0], [1, 3, 2, 7], [1, 3, 2]]) expect([...decileIndex(v, ones(4), Uint32Array.from(wrong))]).toEqual([9, 3, 7, 3]);
    // ascendingOrder's own order passes, on 20,000 values with ties.
    const many = Float64Array.from({ length: 20000 }, (_, i) => (i * 7919) % 1000);
    expect(isAscendingOrder(many, ascendingOrder(many))).toBe(true);
  });
});

describe('decileImpact', () => {
  it('unweighted: gains in the two bottom deciles', () => {
    // before 100..1000 (one row per decile); the bottom two gain 50.
    const before = [100, 200, 300, 400, 500, 600, 700, 800, 900, 1000];
    const after = before.map((b, i) => b + (i < 2 ? 50 : 0));
    const t = decileImpact(before, after, ones(10));
    expect(t.map((r) => r.decile)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(t.map((r) => r.meanChange)).toEqual([50, 50, 0, 0, 0, 0, 0, 0, 0, 0]);
    // Relative change of the decile mean: 50/100 = 0.5, 50/200 = 0.25, then 0.
    expect(t.map((r) => r.relativeChange)).toEqual([0.5, 0.25, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(t[0]).toEqual({ decile: 1, weight: 1, meanBefore: 100, meanAfter: 150, meanChange: 50, totalChange: 50, relativeChange: 0.5 });
  });
  it('weighted: pairs of rows with weights 3 and 1 per decile', () => {
    // 10 pairs (weights 3, 1), W = 40; pair k covers [4k, 4k+4), midpoints 4k+1.5 and 4k+3.5 → both decile k+1.
    // Decile 1: before [100 (w 3), 150 (w 1)], change [+10, +30]: totalChange = 30 + 30 = 60, meanChange = 60/4 = 15,
    // meanBefore = (300 + 150)/4 = 112.5, relativeChange = 60/450 = 2/15.
    const before: number[] = [];
    const change: number[] = [];
    const w: number[] = [];
    for (let k = 0; k < 10; k++) {
      before.push(100 * (k + 1), 100 * (k + 1) + 50);
      change.push(k === 0 ? 10 : 0, k === 0 ? 30 : 0);
      w.push(3, 1);
    }
    const after = before.map((b, i) => b + change[i]!);
    const d1 = decileImpact(before, after, w)[0]!;
    expect(d1.weight).toBe(4);
    expect(d1.meanBefore).toBe(112.5);
    expect(d1.meanChange).toBe(15);
    expect(d1.totalChange).toBe(60);
    expect(d1.relativeChange).toBeCloseTo(2 / 15, 15);
  });
  it('rankBy changes the grouping', () => {
    // after = before except the poorest row goes 100 → 1100. Ranked by before, decile 1 gains 1000;
    // ranked by after, that row is the richest (decile 10) and decile 1 is the row at 200, unchanged.
    const before = [100, 200, 300, 400, 500, 600, 700, 800, 900, 1000];
    const after = [1100, 200, 300, 400, 500, 600, 700, 800, 900, 1000];
    expect(decileImpact(before, after, ones(10))[0]!.meanChange).toBe(1000);
    const byAfter = decileImpact(before, after, ones(10), after);
    expect(byAfter[0]!.meanChange).toBe(0);
    expect(byAfter[9]!).toMatchObject({ weight: 1, meanBefore: 100, meanChange: 1000, relativeChange: 10 });
  });
  it('empty deciles give 0 and relativeChange null; so does a zero mean before', () => {
    // All before-incomes equal: everyone is in decile 6 (see decileIndex); the other deciles are empty.
    const t = decileImpact([0, 0, 0], [10, 20, 30], [1, 1, 2]);
    expect(t[0]).toEqual({ decile: 1, weight: 0, meanBefore: 0, meanAfter: 0, meanChange: 0, totalChange: 0, relativeChange: null });
    // Decile 6: weight 4, total change 10 + 20 + 2·30 = 90, mean 22.5; before-mean 0 → relativeChange null.
    expect(t[5]).toEqual({ decile: 6, weight: 4, meanBefore: 0, meanAfter: 22.5, meanChange: 22.5, totalChange: 90, relativeChange: null });
  });
  it('validates lengths', () => {
    expect(() => decileImpact([1, 2], [1], ones(2))).toThrow(/after has length 1/);
    expect(() => decileImpact([1, 2], [1, 2], ones(2), [1])).toThrow(/rankBy has length 1/);
    expect(() => decileImpact([1, 2], [1, NaN], ones(2))).toThrow(/after\[1\] is NaN/);
  });
});

describe('winnersLosers', () => {
  it('a worked example with weights', () => {
    // Rows (before → after, weight): 100→110 (+10 %, 1) gainMore; 100→103 (+3 %, 2) gainLess; 100→100 (3) noChange;
    // 100→97 (−3 %, 1) loseLess; 100→90 (−10 %, 1) loseMore; 0→50 (1) gainMore (before 0); 100→105 (+5 % exactly, 1) gainLess.
    // W = 10: gainMore 2/10, gainLess 3/10, noChange 3/10, loseLess 1/10, loseMore 1/10.
    const r = winnersLosers([100, 100, 100, 100, 100, 0, 100], [110, 103, 100, 97, 90, 50, 105], [1, 2, 3, 1, 1, 1, 1]);
    expect(r).toEqual({ gainMore: 0.2, gainLess: 0.3, noChange: 0.3, loseLess: 0.1, loseMore: 0.1 });
  });
  it('boundaries: exactly 5 % in decimal money, tiny changes, zero before, another threshold', () => {
    // 1 → 1.05 is +5 % (≤ 5 %) although 1.05 − 1 > 0.05 in binary; 1 → 0.95 is −5 % (≤ 5 %).
    expect(winnersLosers([1, 1], [1.05, 0.95], ones(2))).toEqual({ gainMore: 0, gainLess: 0.5, noChange: 0, loseLess: 0.5, loseMore: 0 });
    // |Δ| = 1e-10 < 1e-9 is no change; 0 → −5 loses more than 5 %.
    expect(winnersLosers([100, 0], [100 + 1e-10, -5], ones(2))).toEqual({ gainMore: 0, gainLess: 0, noChange: 0.5, loseLess: 0, loseMore: 0.5 });
    // With threshold 0.1, +10 % is "at most 10 %" and +11 % is more.
    expect(winnersLosers([100, 100], [110, 111], ones(2), 0.1)).toEqual({ gainMore: 0.5, gainLess: 0.5, noChange: 0, loseLess: 0, loseMore: 0 });
  });
  it('validates', () => {
    expect(() => winnersLosers([1], [1, 2], ones(1))).toThrow(/after has length 2/);
    expect(() => winnersLosers([1], [1], [0])).toThrow(/total weight is 0/);
    expect(() => winnersLosers([1], [1], [1], -0.05)).toThrow(/threshold is -0.05/);
  });
});

describe('targetingErrors', () => {
  it('a worked example with weights', () => {
    // eligible [1,1,1,0,0,1], receives [1,1,0,1,0,0], benefit [100,50,0,80,0,0], weights [1,2,1,1,3,2].
    // Recipients: rows 0,1,3 → weight 4; of them not eligible: row 3 → 1. Inclusion error 1/4.
    // Eligible: rows 0,1,2,5 → weight 6; of them receiving nothing: rows 2,5 → 3. Exclusion error 1/2, coverage 1/2.
    // Spending 1·100 + 2·50 + 1·80 = 280; to the non-eligible 80. Leakage 80/280 = 2/7.
    const r = targetingErrors([1, 1, 1, 0, 0, 1], [1, 1, 0, 1, 0, 0], [100, 50, 0, 80, 0, 0], [1, 2, 1, 1, 3, 2]);
    expect(r).toMatchObject({ inclusionError: 0.25, exclusionError: 0.5, coverageOfPoor: 0.5, recipientWeight: 4, eligibleWeight: 6, spending: 280 });
    expect(r.leakage).toBeCloseTo(2 / 7, 15);
  });
  it('empty denominators give 0, not NaN', () => {
    // Nobody receives, nobody is eligible, nothing is spent.
    expect(targetingErrors([0, 0], [0, 0], [0, 0], ones(2))).toEqual({ inclusionError: 0, exclusionError: 0, leakage: 0, coverageOfPoor: 1, recipientWeight: 0, eligibleWeight: 0, spending: 0 });
    // Eligible but nobody receives: exclusion 1, coverage 0; inclusion and leakage have empty denominators → 0.
    expect(targetingErrors([1], [0], [0], [5])).toMatchObject({ inclusionError: 0, exclusionError: 1, leakage: 0, coverageOfPoor: 0 });
  });
  it('validates 0/1 flags and lengths', () => {
    expect(() => targetingErrors([1, 2], [1, 1], [1, 1], ones(2))).toThrow(/eligible\[1\] is 2; eligible must be 0 or 1/);
    expect(() => targetingErrors([1, 1], [1, 0.5], [1, 1], ones(2))).toThrow(/receives\[1\] is 0.5/);
    expect(() => targetingErrors([1, 1], [1, 1], [1], ones(2))).toThrow(/benefit has length 1/);
    expect(() => targetingErrors([1, 1], [1, 1], [1, 1], [1, Infinity])).toThrow(/weights\[1\] is Infinity/);
  });
});

describe('properties (fast-check, seed 7): integer weights ≡ replicated rows', () => {
  /** Rows of (value, integer weight 0–4, per-row line); values often tied, never negative. */
  const rows = fc.array(
    fc.record({
      x: fc.oneof(fc.integer({ min: 0, max: 5 }), fc.double({ min: 0, max: 1e5, noNaN: true })),
      w: fc.integer({ min: 0, max: 4 }),
      z: fc.oneof(fc.constant(3), fc.double({ min: 0.5, max: 1e5, noNaN: true })),
    }),
    { minLength: 1, maxLength: 30 },
  );
  const split = (rs: readonly { x: number; w: number; z: number }[]) => {
    const x = rs.map((r) => r.x);
    const w = rs.map((r) => r.w);
    const z = rs.map((r) => r.z);
    return { x, w, z, rx: replicate(x, w), rz: replicate(z, w) };
  };
  const close = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-12;
  const hasWeight = (w: readonly number[]): boolean => w.some((v) => v > 0);
  const hasIncome = (x: readonly number[], w: readonly number[]): boolean => x.some((v, i) => v > 0 && w[i]! > 0);

  it('quantiles are identical, including at cumulative-weight boundaries', () => {
    const ps = fc.array(fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 20 }).map((k) => k / 20)), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(rows, ps, (rs, p) => {
        const { x, w, rx } = split(rs);
        fc.pre(hasWeight(w));
        const q = weightedQuantiles(x, w, p);
        expect(q).toEqual(weightedQuantiles(rx, ones(rx.length), p));
        expect(q).toEqual(p.map((pi) => weightedQuantile(x, w, pi)));
      }),
      RUNS,
    );
  });
  it('Gini agrees within 1e-12, and with the O(n²) double sum', () => {
    fc.assert(
      fc.property(rows, (rs) => {
        const { x, w, rx } = split(rs);
        fc.pre(hasIncome(x, w));
        const g = weightedGini(x, w);
        expect(close(g, weightedGini(rx, ones(rx.length)))).toBe(true);
        let dd = 0;
        let wt = 0;
        let s = 0;
        x.forEach((xi, i) => {
          wt += w[i]!;
          s += w[i]! * xi;
          x.forEach((xj, j) => (dd += w[i]! * w[j]! * Math.abs(xi - xj)));
        });
        expect(close(g, dd / (2 * wt * s))).toBe(true);
      }),
      RUNS,
    );
  });
  it('FGT P0, P1, P2 and the money gap agree, for a scalar and a per-row line', () => {
    fc.assert(
      fc.property(rows, (rs) => {
        const { x, w, z, rx, rz } = split(rs);
        fc.pre(hasWeight(w));
        const o = ones(rx.length);
        for (const a of [0, 1, 2]) {
          expect(close(fgt(x, w, 3, a), fgt(rx, o, 3, a))).toBe(true);
          expect(close(fgt(x, w, z, a), fgt(rx, o, rz, a))).toBe(true);
        }
        const gap = povertyGap(x, w, z);
        expect(Math.abs(gap - povertyGap(rx, o, rz)) <= 1e-12 * Math.max(1, gap)).toBe(true);
      }),
      RUNS,
    );
  });
  it('decile shares agree within 1e-12 and sum to 1; decile indices agree exactly', () => {
    fc.assert(
      fc.property(rows, (rs) => {
        const { x, w, rx } = split(rs);
        fc.pre(hasIncome(x, w));
        const s = decileShares(x, w);
        const rsh = decileShares(rx, ones(rx.length));
        s.forEach((v, i) => expect(close(v, rsh[i]!)).toBe(true));
        expect(close(s.reduce((a, b) => a + b, 0), 1)).toBe(true);
        expect([...decileIndex(rx, ones(rx.length))]).toEqual(replicate([...decileIndex(x, w)], w));
      }),
      RUNS,
    );
  });
});

describe('layer', () => {
  it('src/analytics imports nothing else from src/ (only its own files)', () => {
    const files = findFiles(join(ROOT, 'src/analytics'), '.ts');
    expect(files.length).toBeGreaterThan(5);
    for (const f of files) {
      const imports = [...readFileSync(f, 'utf8').matchAll(/from '([^']+)'/g)].map((m) => m[1]!);
      for (const i of imports) expect(i.startsWith('./') && !i.includes('/', 2), `${f} imports ${i}`).toBe(true);
    }
  });
});

describe('ascendingOrder (the sort under the Gini, deciles and quantiles)', () => {
  // The radix sort must give exactly the comparison sort's order (ties by index), which the
  // measures' tie handling relies on; inputs of ≥ 4,096 rows take the radix path.
  // Both radix sorts are checked (ascendingOrder takes the key-carrying one only from 6M rows, W2).
  const check = (values: Float64Array): void => {
    const expected = Array.from(comparisonOrder(values));
    expect(Array.from(ascendingOrder(values))).toEqual(expected);
    const a = radixKeys(values);
    expect(Array.from(radixOrderLookup(a.lo, a.hi))).toEqual(expected);
    const b = radixKeys(values);
    expect(Array.from(radixOrderCarry(b.lo, b.hi))).toEqual(expected);
  };
  it('equals the comparison sort on 20,000 rows with ties, negatives, −0, subnormals and huge values', () => {
    const specials = [0, -0, 5e-324, -5e-324, 1e308, -1e308, 1, -1, 0.1, 473.99999999999994, 474];
    const rnd = keyedUniforms(7, Float64Array.from({ length: 20000 }, (_, i) => i), 0, 1);
    const v = Float64Array.from(rnd, (u, i) => (i % 3 === 0 ? specials[i % specials.length]! : i % 3 === 1 ? Math.round((u - 0.5) * 200) : (u - 0.3) * 1e6));
    check(v);
    expect(ascendingOrder(v)[0]).toBe(v.indexOf(-1e308));
  });
  it('equals it on every fast-check input of 4,096–6,000 rows', () => {
    fc.assert(fc.property(fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { minLength: 4096, maxLength: 6000 }), (a) => check(Float64Array.from(a))), { seed: 20261128, numRuns: 30 });
  });
});

describe('ascendingOrderFrom (a sorted order updated for the rows that changed, session 9)', () => {
  // The order of values that differ from sorted ones in a few rows must be exactly the full
  // sort's (comparisonOrder: ascending value, −0 as +0, ties by index), which the decile impact
  // and the measures' tie handling rely on.
  it('puts changed rows among ties by index, as the full sort does', () => {
    // Base 5, 3, 5, 1, 5 sorts to rows 3 (1), 1 (3), then the tie of 5s by index: 0, 2, 4.
    const base = Float64Array.of(5, 3, 5, 1, 5);
    const baseOrder = ascendingOrder(base);
    expect(Array.from(baseOrder)).toEqual([3, 1, 0, 2, 4]);
    // Row 3 becomes 5 (joins the tie between rows 2 and 4) and row 4 becomes 3 (ties row 1, after it):
    // values 5, 3, 5, 5, 3 sort to rows 1, 4 (the 3s by index), then 0, 2, 3 (the 5s by index).
    const values = Float64Array.of(5, 3, 5, 5, 3);
    expect(Array.from(ascendingOrderFrom(values, base, baseOrder, 2)!)).toEqual([1, 4, 0, 2, 3]);
    // −0 ties +0: row 0 at −0 and row 1 at +0 come by index.
    const zeros = Float64Array.of(-0, 0, 5, 1, 5);
    expect(Array.from(ascendingOrderFrom(zeros, base, baseOrder, 2)!)).toEqual([0, 1, 3, 2, 4]);
  });
  it('gives up past maxChanged rows, or on a changed value that is NaN', () => {
    const base = Float64Array.of(5, 3, 5, 1, 5);
    const baseOrder = ascendingOrder(base);
    expect(ascendingOrderFrom(Float64Array.of(4, 4, 4, 1, 5), base, baseOrder, 2)).toBeUndefined(); // three rows changed
    expect(ascendingOrderFrom(Float64Array.of(5, NaN, 5, 1, 5), base, baseOrder, 2)).toBeUndefined();
    // Nothing changed: the base's order, as a copy.
    const same = ascendingOrderFrom(Float64Array.from(base), base, baseOrder, 0)!;
    expect(Array.from(same)).toEqual(Array.from(baseOrder));
    expect(same).not.toBe(baseOrder);
  });
  it('equals the comparison sort on fast-check inputs: many ties, −0, some rows changed (above and below 4,096 changed rows)', () => {
    // Values drawn from few distinct numbers, so most rows tie; the changed rows take values of
    // the same set (into existing tie groups) or new ones.
    const pool = [0, -0, 1, 2, 2.5, -3, 1e300, -1e300, 5e-324, 100];
    const value = fc.oneof(fc.constantFrom(...pool), fc.double({ noNaN: true, noDefaultInfinity: true }));
    fc.assert(fc.property(fc.array(value, { minLength: 1, maxLength: 9000 }), fc.array(fc.tuple(fc.nat(), value), { maxLength: 6000 }), (rows, changes) => {
      const base = Float64Array.from(rows);
      const values = Float64Array.from(base);
      for (const [r, v] of changes) values[r % values.length] = v;
      const got = ascendingOrderFrom(values, base, ascendingOrder(base), values.length);
      expect(Array.from(got!)).toEqual(Array.from(comparisonOrder(values)));
    }), { seed: 20261207, numRuns: 40 });
  });
});
