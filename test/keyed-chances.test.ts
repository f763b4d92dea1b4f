/**
 * Keyed chances (src/engine/random.ts `chances`, RuleContext.chance): 1 where a row's keyed
 * uniform is below its rate. The answers must be those of comparing the uniform draws
 * (`uniforms`), row for row, or every draw-driven event of the system changes; chanceFromHash
 * decides most rows from the first hash's top 27 bits and makes the second hash only when the
 * rate falls within those bits' interval. The reference here is the draws themselves.
 */
import { describe, expect, it } from 'vitest';
import { keyedDraws } from '../src/engine/random.js';

const N = 50_000;
const keys = Float64Array.from({ length: N }, (_, i) => 1_000_003 * i + 17);
const draws = keyedDraws(11, keys);
const u = draws.uniforms(204, 77);

/** The reference: uniform < rate, row by row; 0 outside the mask. */
const reference = (rate: ArrayLike<number>, where?: ArrayLike<number>): number[] => Array.from(u, (x, i) => (where && !where[i] ? 0 : +(x < rate[i]!)));

describe('keyed chances', () => {
  it('equal uniform < rate for rates at the very draw, a step either side, and ordinary rates', () => {
    // At the draw itself u < u is false; one unit of 2^-53 above it (u + 2^-53 is exact, u < 1)
    // it is true, and one below it false. These rates fall inside the interval of the first
    // hash's top bits, so the second hash decides them.
    const at = Float64Array.from(u);
    const above = Float64Array.from(u, (x) => x + 2 ** -53);
    const below = Float64Array.from(u, (x) => (x > 0 ? x - 2 ** -53 : 0));
    expect(Array.from(draws.chances(204, 77, at, undefined, new Uint8Array(N)))).toEqual(reference(at));
    expect(reference(at).every((v) => v === 0)).toBe(true);
    expect(Array.from(draws.chances(204, 77, above, undefined, new Uint8Array(N)))).toEqual(reference(above));
    expect(reference(above).every((v) => v === 1)).toBe(true);
    expect(Array.from(draws.chances(204, 77, below, undefined, new Uint8Array(N)))).toEqual(reference(below));
    // Ordinary monthly rates (1%, 23%, 0.5, 0.99) and the edges 0, 1, above 1, negative, NaN.
    const edges = [0.01, 0.23, 0.5, 0.99, 0, 1, 1.5, -0.1, NaN];
    const rate = Float64Array.from({ length: N }, (_, i) => edges[i % edges.length]!);
    const got = Array.from(draws.chances(204, 77, rate, undefined, new Uint8Array(N)));
    expect(got).toEqual(reference(rate));
    // About 1% of the rows at rate 0.01 (5,556 rows: 55.6 expected, a binomial sd of 7.4).
    const ones = got.filter((v, i) => v && i % edges.length === 0).length;
    expect(ones).toBeGreaterThan(25);
    expect(ones).toBeLessThan(90);
  });

  it('are 0 outside the mask and the draws inside it', () => {
    const where = Uint8Array.from({ length: N }, (_, i) => +(i % 3 === 1));
    const rate = Float64Array.from(u, (x, i) => (i % 2 ? x : x + 2 ** -53));
    expect(Array.from(draws.chances(204, 77, rate, where, new Uint8Array(N).fill(9)))).toEqual(reference(rate, where));
  });
});
