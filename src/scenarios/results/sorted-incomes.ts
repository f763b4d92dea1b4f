/**
 * The distribution's incomes sorted slice by slice (W2's tail, issue #25). On the full count the
 * distribution figures sort 8.8M households' incomes and then read each income and weight in
 * that order, one random access per household: with both workers idle, 5–6 s of the main
 * thread's tail. Instead, when a large slice's sums are placed (DistributionAccumulator.placeAt,
 * while the workers still simulate other slices), its income before assistance is sorted there,
 * slice-local and cache-friendly; the figures then merge the slices' runs, and work the income
 * after assistance out from that merge, as most households receive nothing (analytics/merge-order.ts).
 * Merged by value, ties by household, the rows come in the very order the full sort gives, so
 * every sum is added in the same order: the same figures, bit for bit.
 */
import { mergeRuns, runFrom, sortedRun, type MergedRuns, type SortedRun } from '../../analytics/merge-order.js';

/** The fields of a distribution part (distribution.ts) the runs are made from. */
export interface PartSums { weight: Float64Array; size: Float64Array; market: Float64Array; transfers: Float64Array; months: number; at?: Int32Array }

/** A part's sorted income before assistance, and the month count it was made with (a part changed since has none). */
interface PartRun { months: number; before: SortedRun }

/**
 * The incomes of a run's households in ascending order (HouseholdIncomes' before and after),
 * worked out when first asked for: the income before merged from the slices' runs, the income
 * after from that (the same for most households: runFrom), given incomes()' arrays and the
 * person weights (weight × size) of the very rows the runs were made from.
 */
export interface SortedIncomes { before(): MergedRuns; after(before: Float64Array, after: Float64Array, weights: Float64Array): MergedRuns | undefined }

/**
 * Slices smaller than this are not sorted as they arrive: a population of 100,000 households
 * (nine slices) sorts in milliseconds at the end, and keeps its memory. A speed and memory knob,
 * not a policy number: the figures are the same either way.
 */
export const PRESORT_MIN_HOUSEHOLDS = 250_000;

const runOf = new WeakMap<PartSums, PartRun>();
/**
 * The parts sorted on each slice's households (its placement), to share a run with: the
 * scenarios of a comparison have the same income before assistance (no lever reaches market
 * income), so the second scenario's is found by content and not sorted again. Weak: an entry
 * lives as long as the slice's households array.
 */
const sortedOn = new WeakMap<Int32Array, PartSums[]>();

/**
 * Sorts a placed part's income before assistance, as incomes() will compute it, each household
 * with its person weight (weight × size, as the figures weigh them): nothing when the part is
 * small, not placed, or sorted already, or when an income is not finite (the figures then sort
 * in full). Only the income before: the income after is worked out from it at the end, so the
 * slices' runs hold 20 bytes a household while the workers still run (W2's peak memory).
 */
export function presortPart(p: PartSums, minHouseholds = PRESORT_MIN_HOUSEHOLDS): void {
  const n = p.weight.length;
  const at = p.at;
  if (n < minHouseholds || !at || runOf.get(p)?.months === p.months) return;
  const same = sortedOn.get(at)?.find((q) => runOf.get(q)?.months === p.months && sameNumbers(q.market, p.market) && sameNumbers(q.size, p.size) && sameNumbers(q.weight, p.weight));
  let before = same && runOf.get(same)!.before;
  if (!before) {
    const m = Math.max(p.months, 1);
    const w = new Float64Array(n);
    // The income as incomes() computes it, the same operations in the same order.
    const y = new Float64Array(n);
    for (let h = 0; h < n; h++) {
      w[h] = p.weight[h]! * p.size[h]!;
      y[h] = p.market[h]! / m / p.size[h]!;
    }
    before = sortedRun(y, w, at);
  }
  if (!before) return;
  runOf.set(p, { months: p.months, before });
  const list = sortedOn.get(at) ?? [];
  sortedOn.set(at, [p, ...list].slice(0, SHARE_AMONG));
}
/** How many scenarios' parts of one slice are looked through for a run to share. */
const SHARE_AMONG = 4;

/** The parts' incomes in ascending order (SortedIncomes); undefined unless every part was sorted (and has not changed since). */
export function sortedIncomes(parts: readonly PartSums[]): SortedIncomes | undefined {
  if (!parts.length) return undefined;
  const found = parts.map((p) => runOf.get(p));
  if (found.some((r, i) => r?.months !== parts[i]!.months)) return undefined;
  const runs = found.map((r) => r!.before);
  const before = (): MergedRuns => mergedOnce(runs);
  return {
    before,
    after: (x, y, w) => {
      // Most households receive nothing: their income after is their income before, already in order.
      const b = before();
      const run = runFrom({ values: b.values, weights: b.weights, rows: b.order }, x, y, w);
      if (!run) return undefined;
      let total = 0;
      for (let k = 0; k < run.weights.length; k++) total += run.weights[k]!;
      return { values: run.values, weights: run.weights, order: run.rows, total };
    },
  };
}

/**
 * The runs merged, once for the same runs: the scenarios of a comparison share their runs (the
 * same income before assistance), and each works its income after out from the merge. Kept as
 * long as the first run is.
 */
function mergedOnce(runs: readonly SortedRun[]): MergedRuns {
  const known = merges.get(runs[0]!);
  if (known && known.runs.length === runs.length && known.runs.every((r, i) => r === runs[i])) return known.merged;
  const merged = mergeRuns(runs);
  merges.set(runs[0]!, { runs, merged });
  return merged;
}
const merges = new WeakMap<SortedRun, { runs: readonly SortedRun[]; merged: MergedRuns }>();
/** The same numbers, zeros by sign too (as the figures would add them). */
function sameNumbers(a: Float64Array, b: Float64Array): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i] || (a[i] === 0 && 1 / a[i]! !== 1 / b[i]!)) return false;
  return true;
}
