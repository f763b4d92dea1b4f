/**
 * Poverty and inequality of a run. Each household's monthly income before assistance
 * (household_market_income) and the assistance it receives (every program component paid to
 * households, cash or in kind, valued at cost, less the household's own contribution) are summed
 * over the months; the figures use monthly per-capita income averaged over the period, each
 * person weighted by their household's weight. Chunks merge by concatenation in chunk order.
 */
import { specialise } from '../../engine/specialise.js';
import { decileImpact, winnersLosers, type DecileImpactRow, type WinnersLosers } from '../../analytics/index.js';
import { decileShares, decileSharesOfAscending } from '../../analytics/deciles.js';
import { giniOfAscending, weightedGini } from '../../analytics/gini.js';
import { ascendingOrder, ascendingOrderWithChanged, rowsThatDiffer } from '../../analytics/input.js';
import type { MergedRuns } from '../../analytics/merge-order.js';
import { fgt012 } from '../../analytics/poverty.js';
import type { Population } from '../../engine/population.js';
import type { Simulation } from '../../engine/simulation.js';
import type { SparseColumn } from '../../engine/differential.js';
import { isSparse, type MonthColumn } from './program-accumulator.js';
import { resultReuse } from './reuse-switch.js';
import { PRESORT_MIN_HOUSEHOLDS, presortPart, sortedIncomes, type SortedIncomes } from './sorted-incomes.js';

/** Per-household arrays of a run, in dataset order (chunks concatenated). */
export interface HouseholdIncomes {
  weight: Float64Array;
  size: Float64Array;
  urban: Uint8Array;
  /** Monthly per-capita income before assistance, averaged over the period. */
  before: Float64Array;
  /** The same plus assistance received. */
  after: Float64Array;
  /** The household's local dibao standard, averaged over the period. */
  standard: Float64Array;
}

/**
 * What a month's assistance is, read from the parameters by the run (execution/costing.ts,
 * `assistanceShares`): each household-month component rule with the share of it the household
 * receives (1 − its own share of the cost), and the national rural poverty line that month.
 */
export interface MonthAssistance {
  received: readonly { rule: string; share: number; /** `program.component`, naming which component it is. */ component?: string }[];
  /** Yuan per person per month. */
  nationalLine: number;
  /** The household-month rule of each household's local line (the headline program's standard). */
  localLine: string;
}

interface Part { weight: Float64Array; size: Float64Array; urban: Uint8Array; market: Float64Array; transfers: Float64Array; standard: Float64Array; months: number; at?: Int32Array }

export class DistributionAccumulator {
  private readonly parts: Part[] = [];
  private current: { pop: Population; part: Part } | null = null;
  /** The national rural poverty line of each month, yuan per person per month. */
  readonly nationalLine: number[] = [];

  /**
   * Adds a month. `transfersAdded` says how many of `assistance.received`, from the first, the
   * caller has already added with `transfer` this month (while it read their columns anyway);
   * the rest are added here, in order, so the sums are the same either way.
   */
  addMonth(month: string, sim: Simulation, pop: Population, assistance: MonthAssistance, transfersAdded = 0): void {
    const part = this.partOf(pop);
    addInto(part.market, sim.calculate('household_market_income', month));
    addInto(part.standard, sim.calculate(assistance.localLine, month));
    const received = assistance.received;
    for (let k = transfersAdded; k < received.length; k++) addInto(part.transfers, sim.calculate(received[k]!.rule, month), received[k]!.share);
    part.months++;
    if (this.parts.length === 1) this.nationalLine.push(assistance.nationalLine);
  }

  /**
   * Adds one received component's column × its share into this month's transfers (see addMonth).
   * A sparse column adds its non-zero rows only: the other rows would add 0 × share, which leaves
   * a sum started at +0 as it is (it never becomes -0), so the bytes are the same.
   */
  transfer(pop: Population, column: MonthColumn, share: number): void {
    const transfers = this.partOf(pop).transfers;
    if (isSparse(column) && Number.isFinite(share)) addSparseKernel(column.values)(transfers, column.rows, column.values, share);
    else addInto(transfers, isSparse(column) ? dense(column) : column, share);
  }

  private partOf(pop: Population): Part {
    if (this.current?.pop !== pop) {
      const n = pop.nHouseholds;
      const { weight, size, urban } = resultReuse() ? householdsOf(pop) : householdArraysOf(pop);
      const part: Part = { weight, size, urban, market: new Float64Array(n), transfers: new Float64Array(n), standard: new Float64Array(n), months: 0 };
      this.parts.push(part);
      this.current = { pop, part };
    }
    return this.current.part;
  }

  /**
   * The population is done: its part stays, the population is let go. Held on, it kept the slice's
   * population alive (and with it its buffer pool, gigabytes on a full-count prefecture) until
   * the next slice was merged (issue #25).
   */
  closePopulation(): this {
    this.current = null;
    return this;
  }

  /** Adds another accumulator's households after this one's (chunk order). */
  merge(other: DistributionAccumulator): this {
    this.parts.push(...other.parts);
    if (!this.nationalLine.length) this.nationalLine.push(...other.nationalLine);
    this.current = null;
    return this;
  }

  /**
   * Records where this accumulator's households sit in the whole population (a slice's household
   * indices): incomes() then puts every household back in the population's order. Callers place
   * a slice's sums once they are complete: a large slice's incomes are sorted here (sorted-incomes.ts),
   * one of at least `presortMin` households (PRESORT_MIN_HOUSEHOLDS; a test lowers it, as
   * minSlicedHouseholds lowers where slicing starts, to check the merge on thousands of households).
   */
  placeAt(households: Int32Array, presortMin = PRESORT_MIN_HOUSEHOLDS): this {
    for (const p of this.parts) {
      p.at ??= households;
      presortPart(p, presortMin);
    }
    return this;
  }

  /** incomes()' before and after in ascending order, when every part was sorted as it was placed (else undefined). */
  sortedIncomes(): SortedIncomes | undefined {
    return sortedIncomes(this.parts);
  }

  /** The per-household arrays: in the population's order when every part is placed (placeAt), else the parts concatenated. */
  incomes(): HouseholdIncomes {
    const placed = this.parts.every((p) => p.at);
    const a = assemble(this.parts, placed);
    this.assembled = a;
    const n = a.weight.length;
    // The result's own copies: a caller may write to them, and the assembly serves later runs.
    const out: HouseholdIncomes = { weight: a.weight.slice(), size: a.size.slice(), urban: a.urban.slice(), before: new Float64Array(n), after: new Float64Array(n), standard: new Float64Array(n) };
    let next = 0;
    for (const p of this.parts) {
      const m = Math.max(p.months, 1);
      for (let h = 0; h < p.weight.length; h++) {
        const o = placed ? p.at![h]! : next++;
        out.before[o] = p.market[h]! / m / p.size[h]!;
        out.after[o] = (p.market[h]! + p.transfers[h]!) / m / p.size[h]!;
        out.standard[o] = p.standard[h]! / m;
      }
    }
    return out;
  }

  /**
   * Each household's weight × size in the order of incomes() (call it first), as
   * distributionSummary works them out: an array nothing writes to, the same object for every
   * run on the same slices (see assemble).
   */
  personWeights(): Float64Array | undefined {
    return resultReuse() ? this.assembled?.persons : undefined;
  }

  private assembled: Assembly | undefined;
}

/** The parts' weights, sizes and areas in the population's order, and the person weights (weight × size), by the parts' arrays. */
interface Assembly { keys: readonly unknown[]; weight: Float64Array; size: Float64Array; urban: Uint8Array; persons: Float64Array }

/**
 * The last assembly made, for the next run on the same slices: a sweep's variants and an
 * explorer's moves have the very same parts' weights, sizes, areas and places (householdsOf,
 * placeAt), which nothing writes to, so the same arrays assembled give the same numbers (issue
 * #25: three scatters and a product of every household a W3 variant, and the comparisons of the
 * person weights recentFigures made, the same object now being found at once). Not kept above a
 * million households (memory; the full count is run once).
 */
let lastAssembly: Assembly | undefined;
/** Person weights nothing writes to (assemblies'): recentFigures keeps them by reference, not a copy. */
const heldWeights = new WeakSet<Float64Array>();
const ASSEMBLY_MAX_HOUSEHOLDS = 1_000_000;

function assemble(parts: readonly Part[], placed: boolean): Assembly {
  const keys: unknown[] = [placed];
  for (const p of parts) keys.push(p.weight, p.size, p.urban, p.at);
  const known = resultReuse() ? lastAssembly : undefined;
  if (known && known.keys.length === keys.length && known.keys.every((k, i) => k === keys[i])) return known;
  const n = parts.reduce((s, p) => s + p.weight.length, 0);
  const a: Assembly = { keys, weight: new Float64Array(n), size: new Float64Array(n), urban: new Uint8Array(n), persons: new Float64Array(n) };
  let next = 0;
  for (const p of parts) {
    for (let h = 0; h < p.weight.length; h++) {
      const o = placed ? p.at![h]! : next++;
      a.weight[o] = p.weight[h]!;
      a.size[o] = p.size[h]!;
      a.urban[o] = p.urban[h]!;
    }
  }
  // As personWeights(x) over incomes()'s arrays.
  for (let h = 0; h < n; h++) a.persons[h] = a.weight[h]! * a.size[h]!;
  if (!resultReuse()) return a;
  heldWeights.add(a.persons);
  if (n <= ASSEMBLY_MAX_HOUSEHOLDS) lastAssembly = a;
  return a;
}

/**
 * A population's weights, sizes and areas as the parts hold them, made once per population: a
 * sweep's variants and an explorer's moves accumulate the same slices again and again (a copy of
 * three columns per slice and run, 1% of a W3 variant). Nothing writes to them; a part sent to
 * another thread takes them along (packSums transfers their buffers), after which the population
 * gets new ones.
 */
const householdArrays = new WeakMap<Population, { source: ArrayLike<number>; weight: Float64Array; size: Float64Array; urban: Uint8Array }>();
function householdsOf(pop: Population): { weight: Float64Array; size: Float64Array; urban: Uint8Array } {
  const n = pop.nHouseholds;
  const known = householdArrays.get(pop);
  // A transferred buffer is detached: its arrays' length is 0.
  if (known && known.source === pop.weight && known.weight.length === n && known.size.length === n && known.urban.length === n) return known;
  const made = { source: pop.weight, ...householdArraysOf(pop) };
  householdArrays.set(pop, made);
  return made;
}

function householdArraysOf(pop: Population): { weight: Float64Array; size: Float64Array; urban: Uint8Array } {
  const size = new Float64Array(pop.nHouseholds);
  for (let h = 0; h < size.length; h++) size[h] = pop.householdStart[h + 1]! - pop.householdStart[h]!;
  return { weight: Float64Array.from(pop.weight), size, urban: Uint8Array.from(pop.household.urban!) };
}

function addInto(a: Float64Array, b: ArrayLike<number>, k = 1): void {
  addScaledKernel(b)(a, b, k);
}

// Compiled once per column class (src/engine/specialise.ts): program components have their own dtypes.
function addScaledInto(a: Float64Array, b: ArrayLike<number>, k: number): void {
  for (let i = 0; i < a.length; i++) a[i]! += b[i]! * k;
}
const addScaledKernel = specialise(addScaledInto);

function addSparseInto(a: Float64Array, rows: Int32Array, values: ArrayLike<number>, k: number): void {
  for (let j = 0; j < rows.length; j++) a[rows[j]!]! += values[j]! * k;
}
const addSparseKernel = specialise(addSparseInto);

/** A sparse column written out in full. */
function dense(c: SparseColumn): Float64Array {
  const out = new Float64Array(c.length);
  for (let j = 0; j < c.rows.length; j++) out[c.rows[j]!] = c.values[j]!;
  return out;
}

/** FGT α = 0, 1, 2: the share of persons poor, the average poverty gap ratio, its square. */
export interface Fgt { headcount: number; gap: number; severity: number }

export interface IncomeFigures {
  /** Mean monthly per-capita income (yuan), person-weighted. */
  mean: number;
  gini: number;
  /** Share of total income held by each tenth of persons, poorest first. */
  decileShares: number[];
}

export interface DistributionSummary {
  before: IncomeFigures;
  after: IncomeFigures;
  poverty: {
    /** Every person against their locality's dibao standard. */
    localStandard: { before: Fgt; after: Fgt };
    /** Rural persons against the national rural poverty line ÷ 12. */
    nationalRuralLine: { before: Fgt; after: Fgt; line: number };
  };
  /** Assistance received by households over the period (yuan), at cost. */
  transfers: number;
  /** Fall of the poverty gap against the local standard over the period (yuan). */
  povertyGapClosed: number;
  /** povertyGapClosed ÷ transfers: yuan of poverty gap closed per yuan of assistance. */
  gapClosedPerYuan: number;
}

function personWeights(x: HouseholdIncomes): Float64Array {
  const w = new Float64Array(x.weight.length);
  for (let h = 0; h < w.length; h++) w[h] = x.weight[h]! * x.size[h]!;
  return w;
}
// The three α in one pass (fgt012), each the same value as fgt(y, w, line, α).
const fgtAll = (y: ArrayLike<number>, w: ArrayLike<number>, line: number | ArrayLike<number>): Fgt => fgt012(y, w, line);
const mean = (y: ArrayLike<number>, w: ArrayLike<number>): number => { let s = 0; let t = 0; for (let i = 0; i < y.length; i++) { s += y[i]! * w[i]!; t += w[i]!; } return t > 0 ? s / t : 0; };

/**
 * `checked`: the caller has checked that every income is finite and every weight finite and ≥ 0
 * (summaryInOnePass), so the measures need not check them again, each its own pass. `sorted`: the
 * rows of y with the weights w, already in ascending order (merged from sorted slices), used on
 * checked inputs.
 */
function incomeFigures(y: Float64Array, w: Float64Array, memo?: IncomeFiguresMemo, checked = false, sorted?: () => MergedRuns | undefined): IncomeFigures {
  const known = memo?.find(y, w) ?? findRecent(y, w);
  if (known) return { ...known.figures, decileShares: [...known.figures.decileShares] };
  const m = mean(y, w);
  let figures: IncomeFigures = { mean: m, gini: 0, decileShares: new Array<number>(10).fill(0) };
  let order: Uint32Array | undefined;
  if (m > 0) {
    // Both measures walk the rows in ascending order: sorted once, and the rows gathered in that
    // order, each measure reads them in sequence (their order is then the identity) instead of
    // sorting again and jumping about 8.8M households of the full count (W2, issue #25).
    // The same rows in the same order: the same sums, bit for bit.
    // Merged from the slices' sorted rows (sorted-incomes.ts), they come in that order with no gather.
    const merged = checked ? sorted?.() : undefined;
    if (merged && merged.order.length !== y.length) throw new Error(`incomeFigures: ${merged.order.length} sorted rows for ${y.length} incomes`);
    order = merged?.order ?? orderNear(y, memo) ?? ascendingOrder(y);
    sortedOrders.set(y, order);
    // Scratch: read by the measures below and let go.
    const { ys, ws } = merged ? { ys: merged.values, ws: merged.weights } : sortedScratch(y.length);
    // The total weight in that order, as both measures add it up.
    let total = merged?.total ?? 0;
    if (!merged) for (let k = 0; k < order.length; k++) { const i = order[k]!; ys[k] = y[i]!; ws[k] = w[i]!; total += ws[k]!; }
    figures = checked
      ? { mean: m, gini: giniOfAscending(ys, ws, total), decileShares: decileSharesOfAscending(ys, ws, total) }
      : { mean: m, gini: weightedGini(ys, ws), decileShares: decileShares(ys, ws) };
  }
  if ((y.byteLength + w.byteLength + (order?.byteLength ?? 0)) * RECENT_FIGURES <= RECENT_FIGURES_BYTES) {
    // The weights are the same in every run on a population: one copy serves every entry (none is written to).
    const wKept = recentFigures.find((r) => sameValues(r.w, w))?.w ?? (heldWeights.has(w) ? w : Float64Array.from(w));
    recentFigures.unshift({ y: Float64Array.from(y), w: wKept, figures: { ...figures, decileShares: [...figures.decileShares] }, order });
    recentFigures.length = Math.min(recentFigures.length, RECENT_FIGURES);
  }
  memo?.add(y, w, figures, order);
  return figures;
}

let scratch: { ys: Float64Array; ws: Float64Array } | undefined;
/**
 * Two arrays of n rows for the sorted incomes and weights, reused from run to run (the measures
 * only read them) up to RECENT_FIGURES_BYTES ÷ 4 (a million households): the full count's are
 * made for the run and let go.
 */
function sortedScratch(n: number): { ys: Float64Array; ws: Float64Array } {
  if (16 * n * RECENT_FIGURES > RECENT_FIGURES_BYTES) return { ys: new Float64Array(n), ws: new Float64Array(n) };
  if (scratch?.ys.length !== n) scratch = { ys: new Float64Array(n), ws: new Float64Array(n) };
  return scratch;
}

/** An input met recently with the very same numbers, moved to the front (the income before assistance is met in every variant). */
function findRecent(y: Float64Array, w: Float64Array): Recent | undefined {
  const k = recentFigures.findIndex((r) => sameValues(r.y, y) && sameValues(r.w, w));
  if (k < 0) return undefined;
  const [hit] = recentFigures.splice(k, 1);
  recentFigures.unshift(hit!);
  return hit;
}

/**
 * The ascending order of `y` from a sorted input met recently that differs from it in few rows,
 * at most a share ORDER_FROM_SHARE of them (ascendingOrderWithChanged: the same order as sorting
 * again, from whichever input); undefined when none is that close. A variant's income after
 * assistance differs from the reference's (or the previous variant's) in the households the lever
 * moved. The inputs are tried closest first as a sample of the rows ranks them (sampleDiffer),
 * and the first close enough is taken: every input looked at in full was a pass over every row,
 * four a W3 variant (issue #25).
 */
function orderNear(y: Float64Array, memo: IncomeFiguresMemo | undefined): Uint32Array | undefined {
  const limit = Math.floor(ORDER_FROM_SHARE * y.length);
  const inputs = [...(memo?.sorted() ?? []), ...recentFigures].filter((r) => r.order && r.y.length === y.length && r.y !== y);
  const ranked = inputs.length > 1 ? inputs.map((r) => ({ r, k: sampleDiffer(y, r.y) })).sort((a, b) => a.k - b.k).map((e) => e.r) : inputs;
  for (const r of ranked) {
    const changed = rowsThatDiffer(y, r.y, limit);
    if (changed) return ascendingOrderWithChanged(y, r.order!, changed);
  }
  return undefined;
}

/** Rows of a sample (every SAMPLE_STEP-th) where `a` and `b` differ as numbers (as rowsThatDiffer). */
function sampleDiffer(a: Float64Array, b: Float64Array): number {
  let k = 0;
  for (let i = 0; i < a.length; i += SAMPLE_STEP) if (a[i] !== b[i]) k++;
  return k;
}
/** One row in this many is compared to rank the inputs (a speed knob: any input gives the same order). */
const SAMPLE_STEP = 17;

/**
 * Above this share of rows changed, an order is sorted again rather than worked out from a
 * close one. Measured (2026-12-07, load 8, the default dataset's income after assistance over
 * 2006 against the reference's): 9.2–9.7% of the rows changed, 1.9–2.1 ms against 3.3–4.2 ms
 * sorting again; 10.4%, 2.3 against 4.2 ms; 14.0%, 4.8 against 4.0 ms. A speed knob, not a
 * policy number: both give the same order.
 */
const ORDER_FROM_SHARE = 0.11;

/**
 * The income figures of the scenarios of one run, also for inputs too large for recentFigures
 * (the full count): the scenarios of a comparison share the income before assistance (no lever
 * reaches market income), so its Gini and deciles, two passes over a sort of 8.8M households
 * (W2), are computed once. Found by content, as recentFigures, but the arrays are held, not
 * copied: a memo lives only while one run's results are built (runScenarios), from arrays that
 * incomes() has just made and nothing writes to.
 */
export class IncomeFiguresMemo {
  /** The last few inputs, the one met most recently first: a lookup compares at most RECENT_FIGURES arrays, however many scenarios. */
  private readonly seen: Recent[] = [];
  find(y: Float64Array, w: Float64Array): { figures: IncomeFigures } | undefined {
    const k = this.seen.findIndex((r) => sameValues(r.y, y) && sameValues(r.w, w));
    if (k < 0) return undefined;
    const [hit] = this.seen.splice(k, 1);
    this.seen.unshift(hit!);
    return hit;
  }
  add(y: Float64Array, w: Float64Array, figures: IncomeFigures, order?: Uint32Array): void {
    this.seen.unshift({ y, w, figures: { ...figures, decileShares: [...figures.decileShares] }, order });
    this.seen.length = Math.min(this.seen.length, RECENT_FIGURES);
  }
  /** The inputs held, with their ascending order when they were sorted (orderNear). */
  sorted(): readonly Recent[] {
    return this.seen;
  }
}

/**
 * The ascending order of each income array incomeFigures sorted: a comparison's decile impact
 * ranks households by the baseline's income after assistance, sorted already for its figures
 * (on the full count, a radix sort of 8.8M households). decileIndex takes it only after checking
 * it is that array's order now, so an array changed since cannot mislead it.
 */
const sortedOrders = new WeakMap<Float64Array, Uint32Array>();

/**
 * The income figures of the last few distinct inputs. Runs on one population share many: the
 * income before assistance is the same in every variant of a sweep or explorer move (no lever
 * reaches market income), and its Gini and deciles are two weighted sorts of every household.
 * Kept by content (the arrays compared element by element, about 0.1 ms), so a figure comes from
 * here only when it would be computed from the very same numbers.
 */
const RECENT_FIGURES = 4;
/**
 * Memory knob: the copies kept stay under 80 MB (4 × 20 bytes × 1,000,000 households: incomes,
 * weights and the ascending order); a larger population (the full count) is not kept, as its
 * figures are computed once per run anyway.
 */
const RECENT_FIGURES_BYTES = 80 * 1024 * 1024;
/** An input met, its figures, and its ascending order when it was sorted (to work out a close input's from). */
interface Recent { y: Float64Array; w: Float64Array; figures: IncomeFigures; order?: Uint32Array | undefined }
const recentFigures: Recent[] = [];
function sameValues(a: Float64Array, b: Float64Array): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  // Zeros compared by sign too (−0 and 0 are equal to !==, not to the sums they feed).
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i] || (a[i] === 0 && 1 / a[i]! !== 1 / b[i]!)) return false;
  return true;
}

/** Money poverty gap Σ persons × (line − income) over the poor, per month (yuan). */
function moneyGap(y: ArrayLike<number>, w: ArrayLike<number>, line: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < y.length; i++) if (y[i]! < line[i]!) s += w[i]! * (line[i]! - y[i]!);
  return s;
}

/**
 * Persons measured against their local standard: those of localities with a standard above 0
 * (a scenario may set a standard to 0, abolishing dibao there: no one is below a line of 0, and a
 * poverty gap ratio against it is undefined). Others get weight 0, i.e. are left out. Undefined
 * when no person is left.
 */
function localStandardRows(standard: Float64Array, w: Float64Array): { z: Float64Array; w: Float64Array } | undefined {
  const z = new Float64Array(standard.length);
  const wz = new Float64Array(standard.length);
  let any = false;
  for (let h = 0; h < z.length; h++) {
    const positive = standard[h]! > 0;
    z[h] = positive ? standard[h]! : 1; // any line > 0: the row's weight is 0
    wz[h] = positive ? w[h]! : 0;
    any ||= wz[h]! > 0;
  }
  return any ? { z, w: wz } : undefined;
}

/**
 * The run's distribution figures (`summary.distribution`). `held`: x's person weights (personWeights(x)) in an array nothing writes to, which the figures
 * may then keep by reference (DistributionAccumulator.personWeights). `sorted`: x's incomes in ascending
 * order from the accumulator that has just made x (DistributionAccumulator.sortedIncomes), which
 * the caller has not written to since.
 */
export function distributionSummary(x: HouseholdIncomes, nationalLine: readonly number[], months: number, memo?: IncomeFiguresMemo, held?: Float64Array, sorted?: SortedIncomes): DistributionSummary {
  const w = held ?? personWeights(x);
  const line = nationalLine.length ? nationalLine.reduce((a, b) => a + b, 0) / nationalLine.length : 0;
  return (Number.isFinite(line) && summaryInOnePass(x, w, line, months, memo, sorted)) || summaryMeasureByMeasure(x, w, line, months, memo);
}

/**
 * Incomes above this in size make summaryInOnePass give way to the measures: a left-out row's
 * squared gap against the line 1 the measures give it then stays finite (0 × it is 0).
 */
const HUGE = 1e150;

/**
 * The figures with every poverty sum, the transfers and the money gaps added in one pass over
 * the households, each sum the same additions in the same order as the measure it stands for
 * (summaryMeasureByMeasure): a row the measures leave out (weight 0: a standard not above 0) adds
 * +0 there, which leaves a sum as it is (sums of terms ≥ 0 start at +0), so it is skipped here;
 * the rural rows are the picked rows, in order. Eight passes, three checks of every weight and
 * five new arrays a run before (issue #25, W3).
 *
 * Undefined, as soon as a row shows it, when the inputs are not numbers no measure would refuse
 * and no sum here could tell from the measures' own (the caller then runs the measures, which
 * name what is wrong): incomes finite and at most HUGE in size, weights finite and ≥ 0, every
 * positive standard finite (the caller checks the national line). The check was a pass of its
 * own before (session 10).
 */
function summaryInOnePass(x: HouseholdIncomes, w: Float64Array, line: number, months: number, memo?: IncomeFiguresMemo, sorted?: SortedIncomes): DistributionSummary | undefined {
  const { before, after, standard, urban } = x;
  let transfers = 0, gapBefore = 0, gapAfter = 0;
  let localTotal = 0, lb0 = 0, lb1 = 0, lb2 = 0, la0 = 0, la1 = 0, la2 = 0, anyLocal = false;
  let ruralTotal = 0, rb0 = 0, rb1 = 0, rb2 = 0, ra0 = 0, ra1 = 0, ra2 = 0, anyRural = false;
  for (let h = 0; h < w.length; h++) {
    const wh = w[h]!, yb = before[h]!, ya = after[h]!, s = standard[h]!;
    if (!(wh >= 0 && wh < Infinity && Math.abs(yb) <= HUGE && Math.abs(ya) <= HUGE && (!(s > 0) || s < Infinity))) return undefined;
    transfers += wh * (ya - yb) * months;
    if (yb < s) gapBefore += wh * (s - yb);
    if (ya < s) gapAfter += wh * (s - ya);
    if (s > 0) {
      localTotal += wh;
      anyLocal ||= wh > 0;
      if (yb < s) { const g = (s - yb) / s; lb0 += wh * 1; lb1 += wh * g; lb2 += wh * (g * g); }
      if (ya < s) { const g = (s - ya) / s; la0 += wh * 1; la1 += wh * g; la2 += wh * (g * g); }
    }
    if (!urban[h]) {
      ruralTotal += wh;
      anyRural ||= wh > 0;
      if (yb < line) { const g = (line - yb) / line; rb0 += wh * 1; rb1 += wh * g; rb2 += wh * (g * g); }
      if (ya < line) { const g = (line - ya) / line; ra0 += wh * 1; ra1 += wh * g; ra2 += wh * (g * g); }
    }
  }
  const none: Fgt = { headcount: 0, gap: 0, severity: 0 };
  const hasRural = anyRural && line > 0;
  const fgtOf = (s0: number, s1: number, s2: number, total: number): Fgt => ({ headcount: s0 / total, gap: s1 / total, severity: s2 / total });
  const closed = (gapBefore - gapAfter) * months;
  return {
    before: incomeFigures(before, w, memo, true, sorted?.before),
    after: incomeFigures(after, w, memo, true, sorted && (() => sorted.after(before, after, w))),
    poverty: {
      localStandard: anyLocal ? { before: fgtOf(lb0, lb1, lb2, localTotal), after: fgtOf(la0, la1, la2, localTotal) } : { before: none, after: none },
      nationalRuralLine: { before: hasRural ? fgtOf(rb0, rb1, rb2, ruralTotal) : none, after: hasRural ? fgtOf(ra0, ra1, ra2, ruralTotal) : none, line },
    },
    transfers,
    povertyGapClosed: closed,
    gapClosedPerYuan: transfers > 0 ? closed / transfers : 0,
  };
}

/** The figures measure by measure, each checking its inputs (and naming what is wrong with them). */
function summaryMeasureByMeasure(x: HouseholdIncomes, w: Float64Array, line: number, months: number, memo?: IncomeFiguresMemo): DistributionSummary {
  // Plain loops rather than map/from callbacks: about a tenth of the time on 100,000 households.
  let nRural = 0;
  for (let h = 0; h < x.urban.length; h++) if (!x.urban[h]) nRural++;
  const rural = new Int32Array(nRural);
  for (let h = 0, k = 0; h < x.urban.length; h++) if (!x.urban[h]) rural[k++] = h;
  const pick = (a: Float64Array): Float64Array => {
    const out = new Float64Array(rural.length);
    for (let k = 0; k < rural.length; k++) out[k] = a[rural[k]!]!;
    return out;
  };
  const wr = pick(w);
  let anyRural = false;
  for (let k = 0; k < wr.length && !anyRural; k++) anyRural = wr[k]! > 0;
  const hasRural = anyRural && line > 0;
  const none: Fgt = { headcount: 0, gap: 0, severity: 0 };
  let transfers = 0;
  for (let h = 0; h < w.length; h++) transfers += w[h]! * (x.after[h]! - x.before[h]!) * months;
  const closed = (moneyGap(x.before, w, x.standard) - moneyGap(x.after, w, x.standard)) * months;
  const local = localStandardRows(x.standard, w);
  return {
    before: incomeFigures(x.before, w, memo),
    after: incomeFigures(x.after, w, memo),
    poverty: {
      localStandard: local ? { before: fgtAll(x.before, local.w, local.z), after: fgtAll(x.after, local.w, local.z) } : { before: none, after: none },
      nationalRuralLine: { before: hasRural ? fgtAll(pick(x.before), wr, line) : none, after: hasRural ? fgtAll(pick(x.after), wr, line) : none, line },
    },
    transfers,
    povertyGapClosed: closed,
    gapClosedPerYuan: transfers > 0 ? closed / transfers : 0,
  };
}

/**
 * Poverty after assistance against a line held fixed at the baseline's local standard. The
 * moving-line measure (summary.distribution.poverty.localStandard) counts each scenario against
 * its own standard, so raising the standard raises measured poverty even when nobody is worse
 * off; this one counts both scenarios against the same (baseline) line, so it moves only when
 * incomes do.
 */
export interface FixedLinePoverty { baseline: Fgt; reform: Fgt }

/** How a reform changes persons' incomes after assistance: winners and losers, by decile of the baseline, and poverty at the baseline's line. */
export interface DistributionDelta { winnersLosers: WinnersLosers; decileImpact: DecileImpactRow[]; povertyFixedLine: FixedLinePoverty }

export function distributionDelta(base: HouseholdIncomes, reform: HouseholdIncomes): DistributionDelta {
  const w = personWeights(base);
  const local = localStandardRows(base.standard, w);
  const none: Fgt = { headcount: 0, gap: 0, severity: 0 };
  return {
    winnersLosers: winnersLosers(base.after, reform.after, w),
    decileImpact: decileImpact(base.after, reform.after, w, base.after, sortedOrders.get(base.after)),
    povertyFixedLine: local ? { baseline: fgtAll(base.after, local.w, local.z), reform: fgtAll(reform.after, local.w, local.z) } : { baseline: none, reform: none },
  };
}
