/**
 * Sorting in parts and merging (src/analytics/merge-order.ts, W2's tail, session 10): the merged
 * rows must come in exactly the order of the full sort (comparisonOrder: ascending value, −0 as
 * +0, ties by row), with each row's own value and weight, so the figures add every sum in the
 * same order as before.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { comparisonOrder } from '../src/analytics/input.js';
import { mergeRuns, runFrom, sortedRun, type SortedRun } from '../src/analytics/merge-order.js';

/** The rows of `part` (ascending) of the whole arrays, sorted. */
const runOf = (values: Float64Array, weights: Float64Array, part: number[]): SortedRun =>
  sortedRun(Float64Array.from(part, (r) => values[r]!), Float64Array.from(part, (r) => weights[r]!), part)!;

/** What the merged runs must equal: the full sort's order, the values and weights gathered along it (bits: −0 stays −0), the weights summed in it. */
function expectFullSort(got: { values: Float64Array; weights: Float64Array; order: Uint32Array; total: number }, values: Float64Array, weights: Float64Array): void {
  const order = comparisonOrder(values);
  expect(Array.from(got.order)).toEqual(Array.from(order));
  let total = 0;
  for (let k = 0; k < order.length; k++) {
    const i = order[k]!;
    if (!Object.is(got.values[k], values[i]) || !Object.is(got.weights[k], weights[i])) throw new Error(`row ${k}: ${got.values[k]}, ${got.weights[k]} against ${values[i]}, ${weights[i]}`);
    total += weights[i]!;
  }
  expect(Object.is(got.total, total)).toBe(true);
}

describe('sortedRun and mergeRuns', () => {
  it('merge ties across runs by row, −0 tied with +0, by hand', () => {
    // Rows 0–5 with values 2, −0, 2, 0, 1, 2, weights 1…6; runs {0, 3, 4} and {1, 2, 5}.
    // Full sort: the zeros by row (1 at −0, then 3), then 4 (the 1), then the 2s by row: 0, 2, 5.
    const values = Float64Array.of(2, -0, 2, 0, 1, 2);
    const weights = Float64Array.of(1, 2, 3, 4, 5, 6);
    const merged = mergeRuns([runOf(values, weights, [1, 2, 5]), runOf(values, weights, [0, 3, 4])]);
    expect(Array.from(merged.order)).toEqual([1, 3, 4, 0, 2, 5]);
    expect(Object.is(merged.values[0], -0)).toBe(true);
    expect(Array.from(merged.weights)).toEqual([2, 4, 5, 1, 3, 6]);
    expect(merged.total).toBe(21);
  });
  it('refuses a value that is not finite, or rows that do not ascend', () => {
    expect(sortedRun(Float64Array.of(1, NaN), Float64Array.of(1, 1), [0, 1])).toBeUndefined();
    expect(sortedRun(Float64Array.of(1, Infinity), Float64Array.of(1, 1), [0, 1])).toBeUndefined();
    expect(sortedRun(Float64Array.of(1, 2), Float64Array.of(1, 1), [1, 0])).toBeUndefined();
    expect(mergeRuns([]).order.length).toBe(0);
  });
  it('equal the full sort on fast-check inputs: rows dealt to 1–12 runs, many ties, −0, above and below the radix sort’s 4,096 rows', () => {
    const pool = [0, -0, 1, 2, 2.5, -3, 1e300, -1e300, 5e-324, 100];
    const value = fc.oneof(fc.constantFrom(...pool), fc.double({ noNaN: true, noDefaultInfinity: true }));
    const row = fc.tuple(value, fc.oneof(fc.constantFrom(0, 1, 2.5), fc.double({ min: 0, max: 1e6, noNaN: true })), fc.nat());
    fc.assert(fc.property(fc.array(row, { minLength: 1, maxLength: 9000, size: 'max' }), fc.integer({ min: 1, max: 12 }), (rows, k) => {
      const values = Float64Array.from(rows, (r) => r[0]);
      const weights = Float64Array.from(rows, (r) => r[1]);
      const parts: number[][] = Array.from({ length: k }, () => []);
      rows.forEach((r, i) => parts[r[2] % k]!.push(i));
      expectFullSort(mergeRuns(parts.filter((p) => p.length).map((p) => runOf(values, weights, p))), values, weights);
    }), { seed: 20261207, numRuns: 40 });
  });
});

describe('runFrom (the run of the income after assistance from the run of the income before)', () => {
  it('merges the changed rows into the unchanged ones as the full sort orders them, by hand', () => {
    // Rows 10, 13, 16, 19 (a slice's households, ascending, not contiguous), before 5, 3, 5, 1:
    // sorted 19 (1), 13 (3), 10 and 16 (5s by row). After: row 13 becomes 5 and row 19 becomes +0
    // from 1: sorted 19 (0), then the 5s by row: 10, 13, 16.
    const rows = [10, 13, 16, 19];
    const w = Float64Array.of(1, 2, 3, 4);
    const before = Float64Array.of(5, 3, 5, 1);
    const after = Float64Array.of(5, 5, 5, 0);
    const run = runFrom(sortedRun(before, w, rows)!, before, after, w, rows)!;
    expect(Array.from(run.rows)).toEqual([19, 10, 13, 16]);
    expect(Array.from(run.values)).toEqual([0, 5, 5, 5]);
    expect(Array.from(run.weights)).toEqual([4, 1, 2, 3]);
  });
  it('equals sortedRun of the new values on fast-check inputs, −0 turned to +0 and back counted as a change', () => {
    const pool = [0, -0, 1, 2, 2.5, -3, 1e300, 5e-324, 100];
    const value = fc.oneof(fc.constantFrom(...pool), fc.double({ noNaN: true, noDefaultInfinity: true }));
    fc.assert(fc.property(fc.array(value, { minLength: 1, maxLength: 9000, size: 'max' }), fc.array(fc.tuple(fc.nat(), value), { maxLength: 5000, size: 'max' }), fc.integer({ min: 1, max: 4 }), (xs, changes, step) => {
      const before = Float64Array.from(xs);
      const after = Float64Array.from(before);
      for (const [r, v] of changes) after[r % after.length] = v;
      const rows = Array.from(before, (_, i) => 7 + i * step);
      const w = Float64Array.from(before, (_, i) => (i % 5) * 0.5);
      const got = runFrom(sortedRun(before, w, rows)!, before, after, w, rows)!;
      const want = sortedRun(after, w, rows)!;
      expect(Array.from(got.rows)).toEqual(Array.from(want.rows));
      for (let k = 0; k < want.values.length; k++) {
        if (!Object.is(got.values[k], want.values[k]) || !Object.is(got.weights[k], want.weights[k])) throw new Error(`row ${k} differs`);
      }
    }), { seed: 20261207, numRuns: 40 });
  });
  it('refuses a changed value that is not finite', () => {
    const before = Float64Array.of(1, 2);
    const w = Float64Array.of(1, 1);
    expect(runFrom(sortedRun(before, w, [0, 1])!, before, Float64Array.of(1, NaN), w, [0, 1])).toBeUndefined();
  });
});
