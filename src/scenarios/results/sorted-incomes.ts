/**
 * The distribution's incomes sorted slice by slice (W2's tail, issue #25). On the full count the
 * distribution figures sort 8.8M households' incomes and then read each income and weight in
 * that order, one random access per household: with both workers idle, 5–6 s of the main
 * thread's tail. Instead, when a large slice's sums are placed (DistributionAccumulator.placeAt,
 * while the workers still simulate other slices), its incomes before and after assistance are
 * sorted there, slice-local and cache-friendly; the figures then merge the slices' runs
 * (analytics/merge-order.ts). Merged by value, ties by household, the rows come in the very order
 * the full sort gives, so every sum is added in the same order: the same figures, bit for bit.
 */
import { mergeRuns, runFrom, sortedRun, type MergedRuns, type SortedRun } from '../../analytics/merge-order.js';

/** The fields of a distribution part (distribution.ts) the runs are made from. */
export interface PartSums { weight: Float64Array; size: Float64Array; market: Float64Array; transfers: Float64Array; months: number; at?: Int32Array }

/** A part's runs, and the month count they were made with (a part changed since has none). */
interface PartRuns { months: number; before: SortedRun; after: SortedRun }

/** The incomes of a run's households in ascending order, merged when first asked for (HouseholdIncomes' before and after). */
export interface SortedIncomes { before(): MergedRuns; after(): MergedRuns }

/**
 * Slices smaller than this are not sorted as they arrive: a population of 100,000 households
 * (nine slices) sorts in milliseconds at the end, and keeps its memory. A speed and memory knob,
 * not a policy number: the figures are the same either way.
 */
export const PRESORT_MIN_HOUSEHOLDS = 250_000;

const runsOf = new WeakMap<PartSums, PartRuns>();
/**
 * The parts sorted on each slice's households (its placement), to share a run with: the
 * scenarios of a comparison have the same income before assistance (no lever reaches market
 * income), so the second scenario's is found by content and not sorted again. Weak: an entry
 * lives as long as the slice's households array.
 */
const sortedOn = new WeakMap<Int32Array, PartSums[]>();

/**
 * Sorts a placed part's incomes, as incomes() will compute them, each with its person weight
 * (weight × size, as the figures weigh them): nothing when the part is small, not placed, or
 * sorted already, or when an income is not finite (the figures then sort in full).
 */
export function presortPart(p: PartSums): void {
  const n = p.weight.length;
  const at = p.at;
  if (n < PRESORT_MIN_HOUSEHOLDS || !at || runsOf.get(p)?.months === p.months) return;
  const m = Math.max(p.months, 1);
  const w = new Float64Array(n);
  for (let h = 0; h < n; h++) w[h] = p.weight[h]! * p.size[h]!;
  // The incomes as incomes() computes them, the same operations in the same order.
  const yBefore = new Float64Array(n);
  const yAfter = new Float64Array(n);
  for (let h = 0; h < n; h++) {
    yBefore[h] = p.market[h]! / m / p.size[h]!;
    yAfter[h] = (p.market[h]! + p.transfers[h]!) / m / p.size[h]!;
  }
  const same = sortedOn.get(at)?.find((q) => runsOf.get(q)?.months === p.months && sameNumbers(q.market, p.market) && sameNumbers(q.size, p.size) && sameNumbers(q.weight, p.weight));
  const before = same ? runsOf.get(same)!.before : sortedRun(yBefore, w, at);
  // Most households receive nothing: their income after is their income before, already in order.
  const after = before && runFrom(before, yBefore, yAfter, w, at);
  if (!before || !after) return;
  runsOf.set(p, { months: p.months, before, after });
  const list = sortedOn.get(at) ?? [];
  sortedOn.set(at, [p, ...list].slice(0, SHARE_AMONG));
}
/** How many scenarios' parts of one slice are looked through for a run to share. */
const SHARE_AMONG = 4;

/** The parts' incomes in ascending order, merged from their runs; undefined unless every part was sorted (and has not changed since). */
export function sortedIncomes(parts: readonly PartSums[]): SortedIncomes | undefined {
  if (!parts.length) return undefined;
  const runs = parts.map((p) => runsOf.get(p));
  if (runs.some((r, i) => r?.months !== parts[i]!.months)) return undefined;
  return {
    before: () => mergeRuns(runs.map((r) => r!.before)),
    after: () => mergeRuns(runs.map((r) => r!.after)),
  };
}

/** The same numbers, zeros by sign too (as the figures would add them). */
function sameNumbers(a: Float64Array, b: Float64Array): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i] || (a[i] === 0 && 1 / a[i]! !== 1 / b[i]!)) return false;
  return true;
}
