/**
 * The distribution's incomes sorted slice by slice as each slice is placed, then merged
 * (src/scenarios/results/sorted-incomes.ts, W2's tail, session 10): the figures and the deltas
 * must be the very numbers of the full sort, bit for bit, which is what the same rows added in
 * the same order give.
 */
import { describe, expect, it } from 'vitest';
import { decileImpact, decileShares, weightedGini } from '../src/analytics/index.js';
import { DistributionAccumulator, distributionDelta, distributionSummary, IncomeFiguresMemo } from '../src/scenarios/results/distribution.js';
import { PRESORT_MIN_HOUSEHOLDS } from '../src/scenarios/results/sorted-incomes.js';
import { keyedUniform } from '../src/engine/random.js';

const NATIONAL = [57.75]; // 693 ÷ 12, the 2006 rural poverty line (as test/distribution.test.ts)

/** Deterministic draws (the engine's keyed generator, engine/random.ts), so the households are the same in every run. */
function random(seed: number): () => number {
  let key = 0;
  return () => keyedUniform(seed, key++, 0, 0);
}

interface Part { weight: Float64Array; size: Float64Array; urban: Uint8Array; market: Float64Array; transfers: Float64Array; standard: Float64Array; months: number }

/**
 * A slice's parts for two scenarios over 3 months: the same market income (whole yuan, a sixth
 * none, a few −0), weights 1–3 and sizes 1–5; transfers for about a tenth of the households, the
 * reform's 10% more and to a few more households.
 */
function sliceParts(n: number, seed: number): [Part, Part] {
  const r = random(seed);
  const weight = Float64Array.from({ length: n }, () => 1 + Math.floor(r() * 3));
  const size = Float64Array.from({ length: n }, () => 1 + Math.floor(r() * 5));
  const urban = Uint8Array.from({ length: n }, () => (r() < 0.5 ? 1 : 0));
  const standard = Float64Array.from(urban, (u) => 3 * (u ? 169 : 76));
  const market = Float64Array.from(size, (s) => { const u = r(); return u < 0.001 ? -0 : u < 0.17 ? 0 : 3 * Math.round(Math.exp(5 + 2 * r()) * s); });
  const base = new Float64Array(n);
  const reform = new Float64Array(n);
  for (let h = 0; h < n; h++) {
    const gap = standard[h]! * size[h]! - market[h]!;
    const u = r();
    if (gap > 0 && u < 0.5) base[h] = gap;
    if (gap > 0 && u < 0.55) reform[h] = Math.round(gap * 110) / 100;
  }
  const part = (transfers: Float64Array): Part => ({ weight: Float64Array.from(weight), size: Float64Array.from(size), urban: Uint8Array.from(urban), market: Float64Array.from(market), transfers, standard: Float64Array.from(standard), months: 3 });
  return [part(base), part(reform)];
}

/**
 * The slice size from which the runs below presort (placeAt's presortMin): PRESORT_MIN_HOUSEHOLDS
 * (250,000) is where a real run starts, for speed and memory only; the merge is the same on fewer.
 * Lowered here as the sweep tests lower minSlicedHouseholds: slices of 20,001 and 40,002 households
 * are sorted as 250,000 are (radix order, analytics/input.ts, from 4,096 rows), and the test is
 * 12.5× less work than on 750,003 households (4.8 s of the suite, session 15).
 */
const PRESORT_MIN = 20_000;

/** A run's two accumulators, its slices placed (presorted from `presortMin` households) and merged as execute.ts merges them. */
function run(slices: readonly Int32Array[], presortMin = PRESORT_MIN): DistributionAccumulator[] {
  const merged: DistributionAccumulator[] = [];
  slices.forEach((households, k) => {
    sliceParts(households.length, 100 + k).forEach((p, i) => {
      const acc = new DistributionAccumulator();
      (acc as unknown as { parts: Part[] }).parts.push(p);
      acc.nationalLine.push(...NATIONAL);
      acc.placeAt(households, presortMin);
      merged[i] = merged[i] ? merged[i]!.merge(acc) : acc;
    });
  });
  return merged;
}

/** Every number of a and b the same, bit for bit (−0 told from 0). */
function sameBits(a: unknown, b: unknown, path = ''): void {
  if (typeof a === 'number') {
    if (!Object.is(a, b)) throw new Error(`${path}: ${a} against ${String(b)}`);
  } else if (a && typeof a === 'object') {
    expect(Object.keys(b as object)).toEqual(Object.keys(a));
    for (const [k, v] of Object.entries(a)) sameBits(v, (b as Record<string, unknown>)[k], `${path}.${k}`);
  } else expect(b).toBe(a);
}

describe('incomes sorted slice by slice and merged', () => {
  // Households 0…N−1 in two slices that interleave (as a dataset in memory is cut by prefecture):
  // every third household in one, the rest in the other, each above PRESORT_MIN.
  const n = 3 * PRESORT_MIN + 3;
  const all = Array.from({ length: n }, (_, h) => h);
  const slices = [Int32Array.from(all.filter((h) => h % 3 !== 2)), Int32Array.from(all.filter((h) => h % 3 === 2))];
  it('give the full sort’s figures and deltas, bit for bit', () => {
    const [base, reform] = run(slices);
    expect(base!.sortedIncomes()).toBeDefined();
    let merges = 0;
    const memo = new IncomeFiguresMemo();
    const x = [base!, reform!].map((a) => a.incomes());
    const summaries = x.map((xi, i) => {
      const s = [base!, reform!][i]!.sortedIncomes()!;
      return distributionSummary(xi, NATIONAL, 3, memo, undefined, { before: () => (merges++, s.before()), after: (...a) => (merges++, s.after(...a)) });
    });
    // Asked for the baseline's incomes before and after and the reform's after (its before is the baseline's: the memo's).
    expect(merges).toBe(3);
    const merged = { summaries, delta: distributionDelta(x[0]!, x[1]!) };
    // The full sort: each measure sorting its own input (analytics/), persons weighted weight × size.
    // (Not distributionSummary again: it would find these figures by content, recentFigures.)
    const w = Float64Array.from(x[0]!.weight, (v, h) => v * x[0]!.size[h]!);
    const figures = (y: Float64Array) => ({ gini: weightedGini(y, w), decileShares: decileShares(y, w) });
    sameBits(merged.summaries.map((d) => ({ before: { gini: d.before.gini, decileShares: d.before.decileShares }, after: { gini: d.after.gini, decileShares: d.after.decileShares } })),
      x.map((xi) => ({ before: figures(xi.before), after: figures(xi.after) })));
    sameBits(merged.delta.decileImpact, decileImpact(x[0]!.after, x[1]!.after, w));
    // Not a comparison of nothing: the reform raised incomes after assistance, and the Gini is a real one.
    expect(merged.summaries[1]!.after.mean).toBeGreaterThan(merged.summaries[0]!.after.mean);
    expect(merged.summaries[0]!.before.gini).toBeGreaterThan(0.2);
  });
  it('are not made for small slices, nor used once a part has changed', () => {
    const small = run([Int32Array.of(0, 2, 4), Int32Array.of(1, 3)]);
    expect(small[0]!.sortedIncomes()).toBeUndefined();
    // Nor, in a real run, for these slices: under PRESORT_MIN_HOUSEHOLDS, the default of placeAt.
    expect(PRESORT_MIN_HOUSEHOLDS).toBeGreaterThan(slices[0]!.length);
    expect(run(slices, PRESORT_MIN_HOUSEHOLDS)[0]!.sortedIncomes()).toBeUndefined();
    const [base] = run(slices);
    // Another month added after the slice was placed: its runs no longer stand for its incomes.
    (base as unknown as { parts: Part[] }).parts[1]!.months++;
    expect(base!.sortedIncomes()).toBeUndefined();
  });
});
