/**
 * Differential runs (issue #25): recompute only the rows whose inputs changed.
 *
 * An explorer move or a sweep's variant runs the system again on the population of an earlier
 * run (its *base*) with a few parameters changed, and most households' columns come out the
 * same: a 5% urban standard moves 0.5% of the rows of the rules it reaches. A simulation given
 * a base decides, for each rule and period, from what its inputs and parameters did:
 *
 * 1. No input changed (each is the base's, row for row) and no parameter leaf it reads differs
 *    from the base's (by content, leafIdentity): its column is the base's. Nothing runs; the
 *    base's column is written out only when someone reads it in full (an accumulator, a rule
 *    computed in full).
 * A parameter leaf that changed makes every household dirty when it is a scalar or a scale, and
 * only the households whose value changed when it varies by locality (an urban standard: the
 * urban households).
 * 2. Every household is dirty, an input changed in more than a quarter of the households,
 *    the rule is not household-local (`scope: 'population'`: it ranks or rations households
 *    against each other, or reads the weights) or the base has no column of it: the formula
 *    runs in full, as without a base, and one pass against the base's column finds the
 *    households whose rows changed (a standard that changed for every urban household changes
 *    the eligibility of a few). For a household-local monthly rule, that pass reads only the
 *    dirty households' rows: the others are the base's.
 * 3. Otherwise the formula runs on the dirty households only: they are gathered into a
 *    population of their own (whole households, persons with their household), with their
 *    inputs' rows and their parameters' rows, and the result is written over the base's
 *    column. A household-local rule's row depends only on its own household's rows, the
 *    parameters, the period and keyed draws, and draws are keyed by person or household id
 *    (random.ts), so a household's rows are the same computed among few households as among
 *    all. The rows that changed are found against the base's. A sub-population made for a
 *    set of households serves later sets of the month it holds (computing a few more
 *    households' rows, which come out the base's), and sub-populations are kept from one run
 *    to the next with the rows gathered for them that no run changes (KeptSubs): a sweep's
 *    variants and an explorer's moves recompute mostly the same households (session 9).
 *
 * What changed is tracked per household (a person row that changed marks its household):
 * 'none', 'all' (unknown), or the sorted indices. Columns given with setInput (the month loop's
 * carried state) are compared with the base's given columns. The outputs are the same bytes as
 * a run without a base (test/differential.test.ts).
 *
 * The base is recorded by an ordinary run told to (`record`): every column it computes is
 * copied, sparse (the non-zero rows) when at most a third of its rows are non-zero, dense
 * otherwise. A rule's column taken from the shared results is recorded by its store key only.
 */
import type { Aggregators } from './aggregate.js';
import type { ColumnType } from './buffers.js';
import type { Column } from './column.js';
import { JiuzhuError } from './errors.js';
import { parseInputId, type RuleGraph } from './graph.js';
import { localityChange, type ParamValue } from './parameters/resolve.js';
import type { ParameterLeaf } from './parameters/types.js';
import type { ParameterTree } from './parameters/tree.js';
import { selectHouseholdRows, type Entity, type Population } from './population.js';
import type { Rule } from './rule.js';
import { leafIdentity } from './shared-results.js';
import { specialise } from './specialise.js';
import { HouseholdSets, householdSetKey, sameHouseholds } from './household-sets.js';

/** Households whose rows changed against the base: none, unknown ('all'), or their indices ascending. */
export type Change = 'none' | 'all' | Int32Array;

/**
 * A share of the households above which a dirty rule is computed in full rather than on a
 * sub-population (gathering inputs row by row then costs about what the formula does). A
 * speed knob, not a policy number.
 */
export const SUBSET_SHARE = 0.25;

/**
 * How much larger than a set of households a sub-population made for another set may be and
 * still be used for it (subOf): `factor` times the set's size plus `rows` households. The sets
 * of a month's rules are small (30–100 households on average in the explorer's moves), and
 * every rule on a larger sub-population computes, gathers and compares its extra rows: a slack
 * of ×4 + 256 made take-up moves 20% slower, ×1.5 + 8 10% faster than none (W5, session 9).
 * A speed knob, not a policy number.
 */
export const SUPERSET_SLACK = { factor: 1.5, rows: 8 };

/**
 * Of `subs`, the first of the smallest whose households (ascending) hold every one of `set` and
 * number at most `most` (by default SUPERSET_SLACK more than `set`); undefined when there is none.
 */
export function smallestSuperset<T extends { households: Int32Array }>(subs: Iterable<T>, set: Int32Array, most = SUPERSET_SLACK.factor * set.length + SUPERSET_SLACK.rows): T | undefined {
  let best: T | undefined;
  for (const sub of subs) {
    const n = sub.households.length;
    if (n < set.length || n > most || (best && n >= best.households.length)) continue;
    if (contains(sub.households, set)) best = sub;
  }
  return best;
}

/** Whether sorted set `a` holds every element of sorted set `b`. */
export function contains(a: Int32Array, b: Int32Array): boolean {
  let j = 0;
  for (let i = 0; i < b.length; i++) {
    const x = b[i]!;
    while (j < a.length && a[j]! < x) j++;
    if (j === a.length || a[j] !== x) return false;
    j++;
  }
  return true;
}

/** A recorded column: dense, or its non-zero rows (value not +0 by Object.is) and their values. */
export interface Stored {
  readonly type: ColumnType;
  readonly length: number;
  readonly dense?: Column;
  readonly rows?: Int32Array;
  readonly values?: Column;
}

const isZero = (v: number): boolean => v === 0 && 1 / v > 0;

/**
 * A copy of a column, sparse when at most a third of its rows are non-zero. One pass writes the
 * non-zero rows into scratch buffers and gives up at the first row past a third (the column is
 * then copied dense); the scan runs in a kernel compiled for the column's class (specialise.ts):
 * a recording run stores columns of every class, and one shared loop went megamorphic (issue
 * #25, the explorer's first view).
 */
export function storeColumn(c: Column): Stored {
  const type = c.constructor as ColumnType;
  const max = Math.floor(c.length / 3);
  const scratch = scratchFor(type, max);
  const nnz = nonZeroRows(c)(c, scratch.rows, scratch.values, max);
  if (nnz < 0) return { type, length: c.length, dense: c.slice() };
  return { type, length: c.length, rows: scratch.rows.slice(0, nnz), values: scratch.values.slice(0, nnz) as Column };
}

/** Scratch rows and values (of one column class) for storeColumn, grown as needed; one set per class. */
const scratches = new Map<ColumnType, { rows: Int32Array; values: Column }>();
function scratchFor(type: ColumnType, size: number): { rows: Int32Array; values: Column } {
  let s = scratches.get(type);
  if (!s || s.rows.length < size) scratches.set(type, (s = { rows: new Int32Array(size), values: new type(size) }));
  return s;
}

/**
 * The non-zero rows of `c` and their values into `rows` and `values`, and their number; -1 when
 * there are more than `max`. A row is zero when its value is +0 (Object.is): -0 and NaN are
 * kept, as their bytes differ.
 */
function nonZeroRowsKernel(c: ArrayLike<number>, rows: Int32Array, values: Column, max: number): number {
  let k = 0;
  for (let i = 0; i < c.length; i++) {
    const v = c[i]!;
    if (v !== 0 || 1 / v < 0) {
      if (k === max) return -1;
      rows[k] = i;
      values[k++] = v;
    }
  }
  return k;
}
const nonZeroRows = specialise(nonZeroRowsKernel);

/** A column given by its non-zero rows (ascending) and their values; every other row is +0. */
export interface SparseColumn {
  readonly length: number;
  readonly rows: Int32Array;
  readonly values: Column;
}

/** Bytes a stored column takes. */
export function storedBytes(s: Stored): number {
  return s.dense ? s.dense.byteLength : s.rows!.byteLength + s.values!.byteLength;
}

/** Writes a stored column into `out` (zeroed when the column is sparse). */
export function writeStored(s: Stored, out: Column): void {
  if (s.dense) {
    out.set(s.dense);
    return;
  }
  scatter(out)(out, s.rows!, s.values!);
}

/** Values of a stored column at `rows` (ascending) into `out`, from offset 0. */
export function gatherStored(s: Stored, rows: Int32Array, out: Column): void {
  if (s.dense) gather(s.dense)(out, s.dense, rows);
  else gatherSparse(out)(out, s.rows!, s.values!, rows);
}

/** out[i] ← values[j] where rows[i] is patchRows[j] (both ascending). */
function overlay(out: Column, rows: Int32Array, patchRows: Int32Array, values: Column): void {
  overlayKernel(out)(out, rows, patchRows, values);
}

function overlayKernelInto(out: Column, rows: Int32Array, patchRows: Int32Array, values: ArrayLike<number>): void {
  let j = 0;
  for (let i = 0; i < rows.length && j < patchRows.length; i++) {
    const r = rows[i]!;
    while (j < patchRows.length && patchRows[j]! < r) j++;
    if (j < patchRows.length && patchRows[j] === r) out[i] = values[j]!;
  }
}

// Kernels compiled once per column class (specialise.ts): rules' columns have many classes.
function gatherKernel(out: Column, col: ArrayLike<number>, rows: Int32Array): void {
  for (let i = 0; i < rows.length; i++) out[i] = col[rows[i]!]!;
}
const gather = specialise(gatherKernel);

function gatherSparseKernel(out: Column, sr: Int32Array, sv: ArrayLike<number>, rows: Int32Array): void {
  const n = sr.length;
  let j = 0;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    // The first stored row ≥ r, from the last one found (rows ascend), by galloping: steps of
    // 1, 2, 4… bound it, then a binary search within the last step. A sub-population's rows
    // are often close together among the stored ones, where a binary search over every stored
    // row after the last found took ~15 probes a row (the top self time of a W3 variant).
    if (j < n && sr[j]! < r) {
      let lo = j + 1;
      let hi = lo;
      let step = 1;
      while (hi < n && sr[hi]! < r) {
        lo = hi + 1;
        hi += step;
        step <<= 1;
      }
      if (hi > n) hi = n;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (sr[mid]! < r) lo = mid + 1;
        else hi = mid;
      }
      j = lo;
    }
    out[i] = j < n && sr[j] === r ? sv[j]! : 0;
  }
}
const gatherSparse = specialise(gatherSparseKernel);

function scatterKernel(out: Column, rows: Int32Array, values: ArrayLike<number>): void {
  for (let i = 0; i < rows.length; i++) out[rows[i]!] = values[i]!;
}
const scatter = specialise(scatterKernel);
const overlayKernel = specialise(overlayKernelInto);

/**
 * A sub-population kept across the runs against one base part, with the rows gathered for it
 * that no run changes: dataset columns, base columns (by their Stored object, which never
 * changes), resolved parameters (by value).
 */
interface KeptSub {
  readonly population: Population;
  readonly households: Int32Array;
  readonly persons: Int32Array;
  readonly agg: Aggregators;
  readonly dataset: Map<string, Column>;
  readonly stored: WeakMap<Stored, Column>;
  readonly params: Map<ParamValue, ParamValue>;
  /** The last run (KeptSubs.run) that used it. */
  run: number;
  bytes: number;
}

/**
 * Sub-populations of the household sets that runs against a base part met, by content, kept
 * from one run to the next (a sweep's variants, an explorer's moves): the households a run
 * recomputes are mostly those the one before recomputed (the recipients and those near the
 * standard), and so are their sets. A sub-population no run used in the last two is dropped,
 * and gathered rows are kept within a byte budget (KEPT_SUB_BYTES).
 */
export class KeptSubs {
  private readonly byHash = new Map<string, KeptSub[]>();
  private run = 0;
  bytes = 0;
  /** A new run: sub-populations the run before last used are dropped. */
  begin(): void {
    this.run++;
    for (const [k, list] of this.byHash) {
      const keep = list.filter((s) => s.run >= this.run - 1);
      for (const s of list) if (s.run < this.run - 1) this.bytes -= s.bytes;
      if (keep.length) this.byHash.set(k, keep);
      else this.byHash.delete(k);
    }
  }
  /** Whether a sub-population of these very households (ascending) is kept. */
  has(households: Int32Array): boolean {
    return !!this.byHash.get(householdSetKey(households))?.some((s) => sameHouseholds(s.households, households));
  }

  /** The kept sub-population of these households (ascending), made with `make` when there is none. */
  get(households: Int32Array, make: () => { population: Population; persons: Int32Array; agg: Aggregators }): KeptSub {
    const key = householdSetKey(households);
    let list = this.byHash.get(key);
    if (list) {
      for (const s of list) {
        if (!sameHouseholds(s.households, households)) continue;
        s.run = this.run;
        return s;
      }
    } else this.byHash.set(key, (list = []));
    const { population, persons, agg } = make();
    const bytes = households.byteLength + persons.byteLength * 3 + population.householdId.byteLength + population.weight.byteLength + population.householdStart.byteLength;
    const s: KeptSub = { population, households, persons, agg, dataset: new Map(), stored: new WeakMap(), params: new Map(), run: this.run, bytes };
    this.bytes += bytes;
    list.push(s);
    return s;
  }
  /**
   * A kept sub-population whose households hold every one of `households` (ascending) and are at
   * most `most` (see SUPERSET_SLACK), the smallest; undefined when there is none. A sweep's
   * variants move away from the reference and back: a variant nearer the reference dirties
   * fewer households than the one before, mostly among them (session 11).
   */
  superset(households: Int32Array, most: number): KeptSub | undefined {
    let best: KeptSub | undefined;
    for (const list of this.byHash.values()) {
      const s = smallestSuperset(list, households, most);
      if (s && (!best || s.households.length < best.households.length)) best = s;
    }
    if (best) best.run = this.run;
    return best;
  }

  /** Whether `bytes` more may be kept. */
  room(bytes: number): boolean {
    return this.bytes + bytes <= KEPT_SUB_BYTES;
  }
  /** `bytes` more are kept for `sub`. */
  add(sub: KeptSub, bytes: number): void {
    sub.bytes += bytes;
    this.bytes += bytes;
  }
}

let SUPERSET_KEPT = process.env.JIUZHU_ENGINE_KEPT_SUPERSET !== '0';
/**
 * Turns on or off computing a set of households on a sub-population kept from an earlier run
 * for a larger set (Differential.keptSuperset). Off, only a kept sub-population of the very
 * households is taken: kept to check that the bytes are the same either way.
 */
export function setKeptSuperset(on: boolean): void {
  SUPERSET_KEPT = on;
}

/** Bytes of gathered rows kept across runs per base part (see KeptSubs). A memory knob. */
export const KEPT_SUB_BYTES = 4 << 20;

/** One run's recorded columns on one population (a slice). */
export class BasePart {
  readonly columns = new Map<string, Stored>();
  /** Store keys of the columns the run took from the shared results, by `id@period`. */
  readonly sharedKeys = new Map<string, string>();
  /** Given columns (setInput) that were the run's own column of another key: given key → that key. */
  readonly givenFrom = new Map<string, string>();
  /**
   * Keys the recorded run was given (setInput) rather than computed. A run that computes such a
   * key (its run was not given it: no price path where the base had one) cannot take the base's
   * column for unchanged inputs: the base's is not what the rule gives.
   */
  readonly givenKeys = new Set<string>();
  /** The parameter tree and seed of the run recorded. */
  parameters: ParameterTree | undefined;
  seed: number | undefined;
  bytes = 0;
  /** Sub-populations of the runs computed against this part, kept from one run to the next. */
  readonly kept = new KeptSubs();
  constructor(readonly population: Population) {}

  record(key: string, column: Column): void {
    if (this.columns.has(key)) return;
    const s = storeColumn(column);
    this.columns.set(key, s);
    this.bytes += storedBytes(s);
  }

  /**
   * A column of the shared results, recorded by reference: a store never gives its columns back
   * or writes them again, so no copy is needed.
   */
  recordShared(key: string, column: Column): void {
    if (!this.columns.has(key)) this.columns.set(key, { type: column.constructor as ColumnType, length: column.length, dense: column });
  }

  /** `key` holds the very column recorded under `from` (a month's state given to the next). */
  alias(key: string, from: string): boolean {
    const s = this.columns.get(from);
    if (!s || this.columns.has(key)) return false;
    this.columns.set(key, s);
    return true;
  }
}

/**
 * A recorded run, for later runs on the same population and seed to compare against: one part
 * per slice of the population (scenarios/execution/plan.ts). Complete once the run finished.
 */
export class DifferentialBase {
  private readonly parts = new Map<number, BasePart>();
  complete = false;

  /** The part of slice k (made when recording; undefined when using a base without it). */
  part(k: number, population: Population, make: boolean): BasePart | undefined {
    let p = this.parts.get(k);
    if (p && p.population !== population) return undefined;
    if (!p && make) this.parts.set(k, (p = new BasePart(population)));
    return p;
  }

  /** Bytes of every part's stored columns. */
  get bytes(): number {
    let n = 0;
    for (const p of this.parts.values()) n += p.bytes;
    return n;
  }
}

/** How a run uses a base: records one, or computes against one. */
export type DifferentialUse = { record: DifferentialBase } | { base: DifferentialBase };

/** A simulation's side of it: a part to record into, or one to compare against. */
export type DifferentialOption = { record: BasePart } | { base: BasePart };

/** The part of slice k for a run's option, or undefined (no base to use for that slice). */
export function differentialPart(use: DifferentialUse | undefined, k: number, population: Population): DifferentialOption | undefined {
  if (!use) return undefined;
  if ('record' in use) {
    const record = use.record.part(k, population, true);
    return record ? { record } : undefined;
  }
  if (!use.base.complete) return undefined;
  const base = use.base.part(k, population, false);
  return base ? { base } : undefined;
}

/** Counts of what a differential simulation did (for tests and the bench). */
export interface DifferentialStats {
  /** Rule-periods whose column was the base's. */
  unchanged: number;
  /** Rule-periods computed in full. */
  full: number;
  /** Rule-periods computed on a sub-population, and the rows they computed. */
  subset: number;
  subsetRows: number;
  /** Rows of every rule-period computed in full. */
  fullRows: number;
  /** Rule-periods computed on a sub-population made for a larger set of households (see subOf). */
  sharedSubs: number;
  /** Sub-populations taken from an earlier run or month instead of made (see KeptSubs). */
  keptSubs: number;
}

/** The counts of every differential simulation of the process, added up (see differentialCounts). */
const totals: DifferentialStats = { unchanged: 0, full: 0, subset: 0, subsetRows: 0, fullRows: 0, sharedSubs: 0, keptSubs: 0 };

/** What the differential simulations of this process did so far, added up (a copy). */
export function differentialCounts(): DifferentialStats {
  return { ...totals };
}

/** A rule-period's state in a differential simulation. */
interface Status {
  change: Change;
  /** The base's column, when the value is it (change 'none'), or is it with `patch` written over. */
  stored?: Stored;
  /** Rows computed on a sub-population (ascending) and their values, over `stored`. */
  patch?: { rows: Int32Array; values: Column };
  /** The value as a column, once made (the simulation's cache holds it). */
  column?: Column;
  /** The value as its non-zero rows, once made (a sparse stored column with a patch). */
  sparse?: SparseColumn;
}

/** What the differential logic needs of its simulation. */
export interface DifferentialHost {
  readonly population: Population;
  readonly graph: RuleGraph;
  readonly parameters: ParameterTree;
  readonly seed: number;
  /** The rule's column as without a base (shared results, formula; inputs through `column`), cached by the host. */
  full(rule: Rule, p: string, key: string): Column;
  /** The value of a rule or dataset column for a period, made a column (through the host's cache). */
  column(id: string, p: string): Column;
  /** The store key and column of a rule the shared results hold, if they hold it. */
  shared(rule: Rule, p: string): { key: string; column: Column | undefined } | undefined;
  /** A parameter resolved for the host's population (from the host's tree, or from `tree`). */
  param(path: string, date: string, entity: Entity, tree?: ParameterTree): ParamValue;
  /** Runs a formula on a sub-population of the host's. */
  runOn(rule: Rule, p: string, sub: Population, agg: Aggregators, inputs: Record<string, Column>, params: Record<string, ParamValue>): Column;
  /** Aggregators bound to a sub-population. */
  aggregators(sub: Population): Aggregators;
  /** A column owned by the host (back to its pool when its period is forgotten). */
  alloc(type: ColumnType, length: number, zeroed: boolean): Column;
  /** The host caches a column under a key. */
  cache(key: string, column: Column): void;
  /** The first day of a period. */
  date(p: string): string;
}

/** A rule's input, parsed once per simulation, with its status key for the last period asked. */
interface ParsedInput {
  readonly id: string;
  readonly sumYear: boolean;
  readonly input: Rule | undefined;
  period: string | undefined;
  key: string;
}

/**
 * The status key `id@period` of an input, made once per period and kept: a key built anew for
 * every lookup is a new string that each map lookup hashes again (the statuses' lookup was
 * about 2% of a W3 variant, session 11).
 */
function keyOf(parsed: ParsedInput, period: string): string {
  if (parsed.period !== period) {
    parsed.key = `${parsed.id}@${period}`;
    parsed.period = period;
  }
  return parsed.key;
}

/** An input of a rule computed on sub-populations, with its gathered key `raw@period` for the last period asked (see keyOf). */
interface GatheredInput {
  readonly alias: string;
  readonly raw: string;
  period: string | undefined;
  key: string;
  /** Its id parsed, with the status key of the last period asked (the `input` rule is looked up in each graph). */
  readonly parsed: ParsedInput;
}

/** What `subset` reads of a rule, listed once. */
interface SubsetPlan {
  readonly inputs: GatheredInput[];
  readonly params: [string, string][];
}

/**
 * Lists made once per rule (or graph) rather than once per simulation: a sweep makes nine
 * simulations a variant, each of which made them again for every rule it decided (session 12).
 */
const subsetPlans = new WeakMap<Rule, SubsetPlan>();
const parsedInputs = new WeakMap<RuleGraph, Map<string, ParsedInput[]>>();

/** A sub-population of the dirty households: the households' and persons' rows in the parent. */
export interface Sub {
  population: Population;
  households: Int32Array;
  persons: Int32Array;
  agg: Aggregators;
  /** Inputs already gathered for it, by `id@period` (a rule-period's value never changes once decided). */
  gathered: Map<string, Column>;
}

/** A run's sub-population: its gathered inputs are the run's, the rest is kept across runs. */
interface RunSub extends Sub {
  kept: KeptSub;
}

/** The differential logic of one simulation computing against a base part. */
export class Differential {
  private readonly statuses = new Map<string, Status>();
  /** Whether a rule's parameters differ, by rule id: one map per pair of trees (a variant's slices share it). */
  private readonly paramsChanged: Map<string, boolean>;
  /** Change sets met this month, by content, so that equal sets are one object (and one sub-population). */
  private readonly sets = new HouseholdSets();
  private readonly subs = new WeakMap<Int32Array, RunSub>();
  /** The sub-populations used this month (for later sets they hold: see subOf). */
  private monthSubs: RunSub[] = [];
  readonly stats: DifferentialStats = { unchanged: 0, full: 0, subset: 0, subsetRows: 0, fullRows: 0, sharedSubs: 0, keptSubs: 0 };

  constructor(private readonly host: DifferentialHost, readonly base: BasePart) {
    if (base.population !== host.population) throw new JiuzhuError('BASE_POPULATION', 'a differential base belongs to another population', { kind: 'internal' });
    base.kept.begin();
    this.paramsChanged = paramsChangedOf(host.parameters, base.parameters);
  }

  /**
   * A rule's column for a period as its non-zero rows, when it is the base's column stored
   * sparse, or that with a sub-population's rows written over it; undefined otherwise (read the
   * column). Makes no column.
   */
  unchangedSparse(rule: Rule, p: string, key: string): SparseColumn | undefined {
    const st = this.status(rule, p, key);
    const s = st.stored;
    if (!s || s.dense) return undefined;
    if (!st.patch) return st.change === 'none' ? { length: s.length, rows: s.rows!, values: s.values! } : undefined;
    return (st.sparse ??= patchedSparse(s, st.patch.rows, st.patch.values));
  }

  /** A rule's column for a period, computed against the base (the host then caches it). */
  compute(rule: Rule, p: string, key: string): Column {
    const st = this.status(rule, p, key);
    return this.materialise(st, rule, p, key);
  }

  private count(k: keyof DifferentialStats, n: number): void {
    this.stats[k] += n;
    totals[k] += n;
  }

  /** A column was given for `key` (setInput), `from` the key of the host's column it is, if any. */
  given(key: string, column: Column, from: string | undefined): void {
    const stored = this.base.columns.get(key);
    let change: Change = 'all';
    const src = from === undefined ? undefined : this.statuses.get(from);
    // The base was given its own column of the same key: the change is that column's.
    if (src && src.column === column && from !== undefined && this.base.givenFrom.get(key) === from) change = src.change;
    else if (stored && stored.length === column.length && stored.type === column.constructor) change = this.compareFull(column, stored, this.entityOfLength(column.length));
    this.statuses.set(key, { change, column });
  }

  /** The host let go of a column (its buffer may now hold other values). */
  released(key: string): void {
    const st = this.statuses.get(key);
    if (!st) return;
    // A value the base (and a patch) still give can be written out again; another is recomputed.
    if (st.stored || (st.change === 'none' && !st.column)) st.column = undefined;
    else this.statuses.delete(key);
  }

  /** A period is over: its statuses go (and this month's change sets with them). */
  forgetPeriod(period: string): void {
    const suffix = `@${period}`;
    for (const k of [...this.statuses.keys()]) if (k.endsWith(suffix)) this.statuses.delete(k);
    this.sets.clear();
    this.monthSubs = [];
  }

  clear(): void {
    this.statuses.clear();
    this.sets.clear();
    this.monthSubs = [];
  }

  private entityOfLength(n: number): Entity {
    return n === this.host.population.nHouseholds ? 'household' : 'person';
  }

  private materialise(st: Status, rule: Rule, p: string, key: string): Column {
    if (st.column) {
      this.host.cache(key, st.column);
      return st.column;
    }
    if (!st.stored) {
      // Unchanged, but the base has no column of it: computed as without a base (same values).
      st.column = this.host.full(rule, p, key);
      return st.column;
    }
    const s = st.stored;
    const out = this.host.alloc(s.type, s.length, !s.dense);
    writeStored(s, out);
    if (st.patch) scatter(out)(out, st.patch.rows, st.patch.values);
    st.column = out;
    this.host.cache(key, out);
    return out;
  }

  private status(rule: Rule, p: string, key: string): Status {
    const known = this.statuses.get(key);
    if (known) return known;
    const st = this.decide(rule, p, key);
    this.statuses.set(key, st);
    return st;
  }

  private decide(rule: Rule, p: string, key: string): Status {
    const host = this.host;
    const stored = this.base.columns.get(key);
    const size = rule.entity === 'person' ? host.population.nPersons : host.population.nHouseholds;
    const usable = stored !== undefined && stored.length === size;
    // The shared results first: a column there needs none of its inputs.
    const shared = host.shared(rule, p);
    if (shared?.column) {
      const change: Change = shared.key === this.base.sharedKeys.get(key) ? 'none' : usable ? this.compareFull(shared.column, stored!, rule.entity) : 'all';
      if (change === 'none') this.count('unchanged', 1);
      return { change, column: shared.column };
    }
    let dirty: Change = this.base.givenKeys.has(key) ? 'all' : this.paramsDiffer(rule) ? this.paramChange(rule, p) : 'none';
    if (dirty !== 'all') {
      const changes: Int32Array[] = dirty === 'none' ? [] : [dirty];
      for (const parsed of this.inputsOf(rule)) {
        const { sumYear, input } = parsed;
        if (!input) continue; // a dataset column, or the weights: the base's
        const ip = input.period === 'year' && p.length > 4 ? p.slice(0, 4) : p;
        const c = sumYear ? 'all' : this.status(input, ip, keyOf(parsed, ip)).change;
        if (c === 'all') {
          dirty = 'all';
          break;
        }
        if (c !== 'none') changes.push(c);
      }
      if (dirty !== 'all' && changes.length) dirty = this.union(changes);
      if (dirty !== 'all' && dirty.length === host.population.nHouseholds) dirty = 'all';
    }
    if (dirty === 'none') {
      this.count('unchanged', 1);
      return usable ? { change: 'none', stored } : { change: 'none' };
    }
    const nH = host.population.nHouseholds;
    const local = rule.scope !== 'population' && rule.period === 'month';
    if (dirty === 'all' || !usable || !local || dirty.length > SUBSET_SHARE * nH) {
      const column = host.full(rule, p, key);
      this.count('full', 1);
      this.count('fullRows', size);
      if (!usable || column.constructor !== stored!.type) return { change: 'all', column };
      // A household-local rule's rows outside the dirty households are the base's: only the
      // dirty ones are compared.
      const change = dirty !== 'all' && local ? this.compareRows(column, stored!, rule.entity, dirty) : this.compareFull(column, stored!, rule.entity);
      return { change, column };
    }
    return this.subset(rule, p, key, dirty, stored!);
  }

  /** The rule on the dirty households only, written over the base's column. */
  private subset(rule: Rule, p: string, key: string, dirty: Int32Array, stored: Stored): Status {
    const host = this.host;
    const sub = this.subOf(dirty);
    if (sub.households.length !== dirty.length) this.count('sharedSubs', 1);
    const plan = this.planOf(rule);
    const inputs: Record<string, Column> = {};
    for (const g of plan.inputs) inputs[g.alias] = this.gather(g, p, sub);
    const date = host.date(p);
    const params: Record<string, ParamValue> = {};
    for (const [alias, path] of plan.params) params[alias] = this.subParam(sub, host.param(path, date, rule.entity), rule.entity);
    const out = host.runOn(rule, p, sub.population, sub.agg, inputs, params);
    const rows = rule.entity === 'person' ? sub.persons : sub.households;
    this.count('subset', 1);
    this.count('subsetRows', rows.length);
    if (out.constructor !== stored.type) {
      // Another class than the base's: written in full instead (never expected of a pure rule).
      const column = host.full(rule, p, key);
      return { change: 'all', column };
    }
    // Rows that changed (byte for byte), by household.
    const a = wordsOf(out);
    const pairs = a.length === 2 * out.length;
    const changed = rowsScratch(out.length);
    // Against the base's rows kept for this sub-population when there are, else against the
    // stored column at its rows directly: gathering them into a new column to compare once
    // was most of a comparison's cost (session 12).
    const base = sub.kept.stored.get(stored);
    const found = base ? (pairs ? diffPairs : diffWords(a))(a, wordsOf(base), changed) : diffAtRows(out, stored, rows, changed);
    if (!found) return { change: 'none', stored };
    const ph = rule.entity === 'person' ? sub.population.personHousehold : undefined;
    let n = 0;
    for (let k = 0; k < found; k++) {
      const h = sub.households[ph ? ph[changed[k]!]! : changed[k]!]!;
      if (n === 0 || h !== changed[n - 1]) changed[n++] = h;
    }
    // Written out over the base's column only when a reader needs the whole column.
    return { change: this.canonical(changed.slice(0, n)), stored, patch: { rows, values: out } };
  }

  /**
   * A resolved parameter's rows of the sub-population (a locality column gathered), once per
   * resolved value: the rules of a sub-population read the same few (a standard, its lines).
   */
  private subParam(sub: RunSub, v: ParamValue, entity: Entity): ParamValue {
    if (typeof v === 'number') return v;
    const params = sub.kept.params;
    let g = params.get(v);
    if (g === undefined) {
      const pop = this.host.population;
      g = gatherParam(v, entity === 'person' ? sub.persons : sub.households, entity === 'person' ? pop.nPersons : pop.nHouseholds);
      // Kept while there is room (a value no tree holds any more is dropped with its sub-population).
      const bytes = paramBytes(g);
      if (this.base.kept.room(bytes)) {
        params.set(v, g);
        this.base.kept.add(sub.kept, bytes);
      }
    }
    return g;
  }

  /** The base's stored column at a sub-population's rows (of its entity), kept across runs while there is room. */
  private storedRows(sub: RunSub, s: Stored, rows: Int32Array): Column {
    let out = sub.kept.stored.get(s);
    if (out) return out;
    out = new s.type(rows.length);
    gatherStored(s, rows, out);
    if (this.base.kept.room(out.byteLength)) {
      sub.kept.stored.set(s, out);
      this.base.kept.add(sub.kept, out.byteLength);
    }
    return out;
  }

  /** An input's rows of the sub-population's households (or persons), as a column of its class. */
  private gather(input: GatheredInput, p: string, sub: RunSub): Column {
    if (input.period !== p) {
      input.key = `${input.raw}@${p}`;
      input.period = p;
    }
    const known = sub.gathered.get(input.key);
    if (known) return known;
    const out = this.gatherNew(input, p, sub);
    sub.gathered.set(input.key, out);
    return out;
  }

  /** A rule's inputs and parameters as lists, made once per rule (not two `Object.entries` per rule-slice). */
  private planOf(rule: Rule): SubsetPlan {
    let plan = subsetPlans.get(rule);
    if (!plan) {
      plan = {
        inputs: Object.entries(rule.inputs).map(([alias, raw]) => {
          const { id, sumYear } = parseInputId(raw);
          return { alias, raw, period: undefined, key: '', parsed: { id, sumYear, input: undefined, period: undefined, key: '' } };
        }),
        params: Object.entries(rule.parameters),
      };
      subsetPlans.set(rule, plan);
    }
    return plan;
  }

  private gatherNew(input: GatheredInput, p: string, sub: RunSub): Column {
    const host = this.host;
    const raw = input.raw;
    const { id, sumYear } = input.parsed;
    const rule = host.graph.rules.get(id);
    const entity = rule ? rule.entity : host.graph.entityOf(id);
    const rows = entity === 'person' ? sub.persons : sub.households;
    let st: Status | undefined;
    if (rule && !sumYear) {
      const period = rule.period === 'year' && p.length > 4 ? p.slice(0, 4) : p;
      st = this.status(rule, period, keyOf(input.parsed, period));
      // Computed on this very sub-population: its rows are the patch's values (never written to).
      if (!st.column && st.patch && st.patch.rows === rows) return st.patch.values;
      if (!st.column && st.stored) {
        // The base's rows (kept across runs; formulas never write their inputs), with the patch over a copy.
        const base = this.storedRows(sub, st.stored, rows);
        if (!st.patch) return base;
        const out = base.slice();
        overlay(out, rows, st.patch.rows, st.patch.values);
        return out;
      }
    }
    // A dataset column (or the weights): the same in every period and run.
    const dataset = !rule && !sumYear;
    const kept = dataset ? sub.kept.dataset.get(raw) : undefined;
    if (kept) return kept;
    const col = st?.column ?? host.column(raw, p);
    const out = new (col.constructor as ColumnType)(rows.length);
    gather(col)(out, col, rows);
    if (dataset && this.base.kept.room(out.byteLength)) {
      sub.kept.dataset.set(raw, out);
      this.base.kept.add(sub.kept, out.byteLength);
    }
    return out;
  }

  /** A rule's inputs parsed, with the rule each names (undefined: a dataset column); kept per graph, for every run on it. */
  private inputsOf(rule: Rule): ParsedInput[] {
    let byRule = parsedInputs.get(this.host.graph);
    if (!byRule) parsedInputs.set(this.host.graph, (byRule = new Map()));
    let list = byRule.get(rule.id);
    if (!list) {
      list = Object.values(rule.inputs).map((raw) => {
        const { id, sumYear } = parseInputId(raw);
        return { id, sumYear, input: this.host.graph.rules.get(id), period: undefined, key: '' };
      });
      byRule.set(rule.id, list);
    }
    return list;
  }

  /**
   * Households whose values of the rule's changed parameters differ from the base's, on the
   * rule's date: 'all' when a changed leaf is a scalar or a scale (one value for every row, and
   * a formula may read a scalar's whole series), the rows that differ when it varies by locality.
   */
  private paramChange(rule: Rule, p: string): Change {
    const baseTree = this.base.parameters;
    if (!baseTree) return 'all';
    const date = this.host.date(p);
    const changes: Int32Array[] = [];
    for (const path of Object.values(rule.parameters)) {
      if (leafIdentity(this.host.parameters, path) === leafIdentity(baseTree, path)) continue;
      const c = this.paramRows(path, date, baseTree);
      if (c === 'all') return 'all';
      if (c !== 'none') changes.push(c);
    }
    return changes.length ? this.union(changes) : 'none';
  }

  /** Changes by the two trees' dated values of a leaf (the same objects for every month they are in force). */
  private readonly paramRowsCache = new WeakMap<object, WeakMap<object, Change>>();
  /** Households whose value of a leaf on a date differs from the base tree's (by household; cached). */
  private paramRows(path: string, date: string, baseTree: ParameterTree): Change {
    const now = this.host.parameters.entryAt(path, date);
    const was = baseTree.entryAt(path, date);
    let byWas = this.paramRowsCache.get(now);
    if (!byWas) this.paramRowsCache.set(now, (byWas = new WeakMap()));
    let c = byWas.get(was);
    if (c === undefined) {
      c = sameLeafShape(this.host.parameters.leaf(path), baseTree.leaf(path)) ? localityChange(this.host.parameters.leaf(path), now, was, this.host.population) : undefined;
      c ??= paramValueChange(this.host.param(path, date, 'household'), this.host.param(path, date, 'household', baseTree));
      // Every household: 'all', which readers take without merging or comparing household by household.
      if (c !== 'none' && c !== 'all' && c.length === this.host.population.nHouseholds) c = 'all';
      // Kept across periods: a set is made canonical again in each period that meets it.
      byWas.set(was, c);
    }
    return c === 'none' || c === 'all' ? c : this.canonical(c);
  }

  /** Whether a parameter leaf the rule reads differs from the base's (by content). */
  private paramsDiffer(rule: Rule): boolean {
    let d = this.paramsChanged.get(rule.id);
    if (d === undefined) {
      const baseTree = this.base.parameters;
      // A loop, not `some` with a callback made per call: its optimised code was dropped at each
      // full GC and compiled again every few variants of a sweep (issue #25, W3, session 16).
      d = !baseTree;
      if (baseTree) for (const path of Object.values(rule.parameters)) if (leafIdentity(this.host.parameters, path) !== leafIdentity(baseTree, path)) { d = true; break; }
      this.paramsChanged.set(rule.id, d);
    }
    return d;
  }

  /** Households whose rows of `column` differ from the stored column's, byte for byte. */
  private compareFull(column: Column, stored: Stored, entity: Entity): Change {
    const changed = rowsScratch(column.length);
    return this.householdsOfRows(changed, diffStored(column, stored, changed), entity);
  }

  /**
   * Households whose rows of `column` differ from the stored column's, among the `dirty` ones
   * only (the caller knows every other row is the base's).
   */
  private compareRows(column: Column, stored: Stored, entity: Entity, dirty: Int32Array): Change {
    const start = entity === 'person' ? this.host.population.householdStart : this.identity();
    const changed = rowsScratch(column.length);
    const a = wordsOf(column);
    const pairs = a.length === 2 * column.length;
    const n = stored.dense
      ? (pairs ? diffRowsPairs : diffRowsWords(a))(a, wordsOf(stored.dense), dirty, start, changed)
      : (pairs ? diffRowsSparsePairs : diffRowsSparseWords(a))(a, stored.rows!, wordsOf(stored.values!), dirty, start, changed);
    return this.householdsOfRows(changed, n, entity);
  }

  /** The households of the first `count` changed rows (ascending, of `entity`), each once; 'none' when there are none. */
  private householdsOfRows(changed: Int32Array, count: number, entity: Entity): Change {
    if (!count) return 'none';
    const hh = entity === 'person' ? this.host.population.personHousehold : undefined;
    let n = 0;
    for (let k = 0; k < count; k++) {
      const h = hh ? hh[changed[k]!]! : changed[k]!;
      if (n === 0 || h !== changed[n - 1]) changed[n++] = h;
    }
    // Every household changed (a standard's column when every household's standard moved): 'all'
    // is the same for every reader (it computes in full), without a set to merge and compare by.
    if (n === this.host.population.nHouseholds) return 'all';
    return this.canonical(changed.slice(0, n));
  }

  private identityStart: Int32Array | undefined;
  /** Row ranges of households as their own rows: household h is rows h to h + 1. */
  private identity(): Int32Array {
    if (!this.identityStart) {
      const n = this.host.population.nHouseholds;
      this.identityStart = new Int32Array(n + 1);
      for (let i = 0; i <= n; i++) this.identityStart[i] = i;
    }
    return this.identityStart;
  }

  /** The union of sorted household sets (merged two at a time; a set met twice is one object, see canonical). */
  private union(sets: Int32Array[]): Int32Array {
    let acc = sets[0]!;
    for (let k = 1; k < sets.length; k++) if (sets[k] !== acc) acc = this.union2(acc, sets[k]!);
    return acc;
  }

  /** Unions of two sets met this month (many rules read the same two). */
  private readonly unions = new WeakMap<Int32Array, WeakMap<Int32Array, Int32Array>>();
  private union2(a: Int32Array, b: Int32Array): Int32Array {
    if (b.length > a.length) [a, b] = [b, a];
    let byB = this.unions.get(a);
    if (!byB) this.unions.set(a, (byB = new WeakMap()));
    let u = byB.get(b);
    if (!u) byB.set(b, (u = this.canonical(mergeSorted(a, b))));
    return u;
  }

  private canonical(set: Int32Array): Int32Array {
    return this.sets.canonical(set);
  }

  /**
   * The sub-population to compute a set of households on: one made this month for a set that
   * holds them all and is not much larger (see SUPERSET_SLACK), else one of their own. A
   * household-local rule's rows of the other households of the superset are the base's (their
   * inputs and parameters are), so computing them too changes no byte, and the rules of a
   * month share one sub-population, its gathered inputs and each other's rows (a rule computed
   * on it is read by the next without gathering).
   */
  private subOf(households: Int32Array): RunSub {
    let sub = this.subs.get(households);
    if (sub) return sub;
    sub = this.supersetSub(households);
    if (!sub) {
      let made = false;
      const kept = this.keptSuperset(households) ?? this.base.kept.get(households, () => {
        made = true;
        // Formulas read columns through their inputs, gathered: a sub-population carries none.
        const { population, persons } = selectHouseholdRows(this.host.population, households, false);
        return { population, persons, agg: this.host.aggregators(population) };
      });
      if (!made) this.count('keptSubs', 1);
      sub = { population: kept.population, households: kept.households, persons: kept.persons, agg: kept.agg, gathered: new Map(), kept };
      this.monthSubs.push(sub);
    }
    this.subs.set(households, sub);
    return sub;
  }

  /**
   * A sub-population kept from an earlier run for a larger set that holds every one of `set`
   * (at most SUPERSET_SLACK more), when no run kept one of these very households: computing a
   * household-local rule on it changes no byte (its other households' rows are the base's, as
   * in supersetSub), and its gathered dataset columns, base rows and parameters are reused.
   */
  private keptSuperset(set: Int32Array): KeptSub | undefined {
    if (!SUPERSET_KEPT || this.base.kept.has(set)) return undefined;
    const kept = this.base.kept.superset(set, SUPERSET_SLACK.factor * set.length + SUPERSET_SLACK.rows);
    if (kept) this.count('sharedSubs', 1);
    return kept;
  }

  /** The smallest sub-population made this month whose households hold every one of `set` and are at most SUPERSET_SLACK more. */
  private supersetSub(set: Int32Array): RunSub | undefined {
    return smallestSuperset(this.monthSubs, set);
  }
}

/**
 * Whether each rule's parameters differ between a run's tree and its base's, by rule id, kept per
 * pair of trees: the answer is the same in every slice of a variant (one tree, nine simulations),
 * where each simulation asked it again for its ~160 rules (session 12).
 */
const paramsChangedByTrees = new WeakMap<ParameterTree, WeakMap<ParameterTree, Map<string, boolean>>>();
function paramsChangedOf(tree: ParameterTree, baseTree: ParameterTree | undefined): Map<string, boolean> {
  if (!baseTree) return new Map();
  let byBase = paramsChangedByTrees.get(tree);
  if (!byBase) paramsChangedByTrees.set(tree, (byBase = new WeakMap()));
  let m = byBase.get(baseTree);
  if (!m) byBase.set(baseTree, (m = new Map()));
  return m;
}

/** Whether two trees' leaves of one path break down alike (their cells then mean the same localities and categories). */
function sameLeafShape(a: ParameterLeaf, b: ParameterLeaf): boolean {
  return a === b || (a.breakdown.join() === b.breakdown.join() && a.categories.join() === b.categories.join());
}

/**
 * Households whose value of a resolved parameter differs between two trees (both resolved for
 * households): the rows that differ of a locality column (by category too), 'all' for a scalar
 * or a scale that differs in content, or a shape that differs.
 */
export function paramValueChange(now: ParamValue, was: ParamValue): Change {
  if (now instanceof Float64Array && was instanceof Float64Array && now.length === was.length) {
    const rows = new Int32Array(now.length);
    const n = diffPairs(wordsOf(now), wordsOf(was), rows);
    return n ? rows.slice(0, n) : 'none';
  }
  if (typeof now === 'number' || typeof was === 'number' || now instanceof Float64Array || was instanceof Float64Array) return 'all';
  if ('brackets' in now || 'brackets' in was) return 'all';
  const a = now as Record<string, number | Float64Array>, b = was as Record<string, number | Float64Array>;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length || keys.some((k) => !(k in b))) return 'all';
  let acc: Int32Array | undefined;
  for (const k of keys) {
    const c = paramValueChange(a[k]!, b[k]!);
    if (c === 'all') return 'all';
    if (c !== 'none') acc = acc ? mergeSorted(acc, c) : c;
  }
  return acc ?? 'none';
}

/**
 * A sparse stored column with `patch` rows (ascending) written over it, as its non-zero rows:
 * the rows a dense write-out would hold non-zero, with the same values, in order.
 */
export function patchedSparse(s: Stored, patchRows: Int32Array, patchValues: Column): SparseColumn {
  const sr = s.rows!, sv = s.values!;
  const rows = new Int32Array(sr.length + patchRows.length);
  const values = new s.type(sr.length + patchRows.length);
  let i = 0, j = 0, n = 0;
  while (i < sr.length || j < patchRows.length) {
    if (j >= patchRows.length || (i < sr.length && sr[i]! < patchRows[j]!)) {
      rows[n] = sr[i]!;
      values[n++] = sv[i++]!;
      continue;
    }
    if (i < sr.length && sr[i] === patchRows[j]) i++;
    const v = patchValues[j]!;
    if (!isZero(v)) {
      rows[n] = patchRows[j]!;
      values[n++] = v;
    }
    j++;
  }
  return { length: s.length, rows: rows.subarray(0, n), values: values.subarray(0, n) };
}

/** Two sorted sets merged, without repeats. */
export function mergeSorted(a: Int32Array, b: Int32Array): Int32Array {
  const out = new Int32Array(a.length + b.length);
  let i = 0, j = 0, n = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!, y = b[j]!;
    if (x < y) { out[n++] = x; i++; }
    else if (y < x) { out[n++] = y; j++; }
    else { out[n++] = x; i++; j++; }
  }
  while (i < a.length) out[n++] = a[i++]!;
  while (j < b.length) out[n++] = b[j++]!;
  return n === out.length ? out : out.slice(0, n);
}

/**
 * A column's bytes as integers to compare: a float64 column as pairs of 32-bit words, a float32
 * one as 32-bit words (so that -0 and 0 differ, and NaN equals the same NaN), an integer column
 * as itself.
 */
export function wordsOf(c: Column): Int32Array | Int16Array | Int8Array | Uint32Array | Uint16Array | Uint8Array {
  if (c instanceof Float64Array) return new Int32Array(c.buffer, c.byteOffset, c.length * 2);
  if (c instanceof Float32Array) return new Int32Array(c.buffer, c.byteOffset, c.length);
  return c;
}

type Words = ArrayLike<number>;

let rowScratch = new Int32Array(1024);
/**
 * Scratch for the diff kernels' rows (at most one per row compared), reused: the changed rows
 * were pushed onto a new array per comparison, whole slices of them when a standard changed
 * every row, about half of the JavaScript heap a W3 variant allocated (session 11). Read before
 * the next comparison, never kept. Month to month (temporal.ts) uses it the same way.
 */
export function rowsScratch(n: number): Int32Array {
  if (rowScratch.length < n) rowScratch = new Int32Array(Math.max(n, 2 * rowScratch.length));
  return rowScratch;
}

/** Rows of float64 words (pairs) that differ (into `out`, ascending; their number). */
function diffPairs(a: Words, b: Words, out: Int32Array): number {
  let n = 0;
  const rows = a.length >>> 1;
  for (let i = 0; i < rows; i++) if (a[2 * i] !== b[2 * i] || a[2 * i + 1] !== b[2 * i + 1]) out[n++] = i;
  return n;
}

function diffWordsKernel(a: Words, b: Words, out: Int32Array): number {
  let n = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) out[n++] = i;
  return n;
}
const diffWords = specialise(diffWordsKernel);

/**
 * Rows of float64 words (pairs) that differ from a sparse column's (0 outside its rows). The
 * rows between two stored rows are checked for zero in a loop of their own: one branch per row
 * fewer than asking each row whether it is the next stored one (comparing the standard's flags
 * in full was the top self time of the differential, session 12).
 */
function diffSparsePairs(a: Words, rows: Int32Array, values: Words, out: Int32Array): number {
  let n = 0;
  const length = a.length >>> 1;
  let i = 0;
  for (let j = 0; j < rows.length; j++) {
    const r = rows[j]!;
    for (; i < r; i++) if (a[2 * i] !== 0 || a[2 * i + 1] !== 0) out[n++] = i;
    if (a[2 * r] !== values[2 * j] || a[2 * r + 1] !== values[2 * j + 1]) out[n++] = r;
    i = r + 1;
  }
  for (; i < length; i++) if (a[2 * i] !== 0 || a[2 * i + 1] !== 0) out[n++] = i;
  return n;
}

function diffSparseWordsKernel(a: Words, rows: Int32Array, values: Words, out: Int32Array): number {
  let n = 0;
  let i = 0;
  for (let j = 0; j < rows.length; j++) {
    const r = rows[j]!;
    for (; i < r; i++) if (a[i] !== 0) out[n++] = i;
    if (a[r] !== values[j]) out[n++] = r;
    i = r + 1;
  }
  for (; i < a.length; i++) if (a[i] !== 0) out[n++] = i;
  return n;
}
const diffSparseWords = specialise(diffSparseWordsKernel);

/**
 * The diff kernels below go over the rows of the `households` given (ascending): household h's
 * rows are start[h] to start[h + 1] (householdStart for a person column, h alone for a household
 * one), and they write the rows that differ into `out` (ascending) and return their number.
 */
function diffRowsPairs(a: Words, b: Words, households: Int32Array, start: Int32Array, out: Int32Array): number {
  let n = 0;
  for (let k = 0; k < households.length; k++) {
    const h = households[k]!;
    for (let i = start[h]!; i < start[h + 1]!; i++) if (a[2 * i] !== b[2 * i] || a[2 * i + 1] !== b[2 * i + 1]) out[n++] = i;
  }
  return n;
}

function diffRowsWordsKernel(a: Words, b: Words, households: Int32Array, start: Int32Array, out: Int32Array): number {
  let n = 0;
  for (let k = 0; k < households.length; k++) {
    const h = households[k]!;
    for (let i = start[h]!; i < start[h + 1]!; i++) if (a[i] !== b[i]) out[n++] = i;
  }
  return n;
}
const diffRowsWords = specialise(diffRowsWordsKernel);

/** The same against a sparse column's words (0 outside its rows). */
function diffRowsSparsePairs(a: Words, sr: Int32Array, values: Words, households: Int32Array, start: Int32Array, out: Int32Array): number {
  let n = 0;
  let j = 0;
  for (let k = 0; k < households.length; k++) {
    const h = households[k]!;
    for (let i = start[h]!; i < start[h + 1]!; i++) {
      while (j < sr.length && sr[j]! < i) j++;
      if (j < sr.length && sr[j] === i) {
        if (a[2 * i] !== values[2 * j] || a[2 * i + 1] !== values[2 * j + 1]) out[n++] = i;
      } else if (a[2 * i] !== 0 || a[2 * i + 1] !== 0) out[n++] = i;
    }
  }
  return n;
}

function diffRowsSparseWordsKernel(a: Words, sr: Int32Array, values: Words, households: Int32Array, start: Int32Array, out: Int32Array): number {
  let n = 0;
  let j = 0;
  for (let k = 0; k < households.length; k++) {
    const h = households[k]!;
    for (let i = start[h]!; i < start[h + 1]!; i++) {
      while (j < sr.length && sr[j]! < i) j++;
      if (j < sr.length && sr[j] === i) {
        if (a[i] !== values[j]) out[n++] = i;
      } else if (a[i] !== 0) out[n++] = i;
    }
  }
  return n;
}
const diffRowsSparseWords = specialise(diffRowsSparseWordsKernel);

/**
 * Rows (ascending) where `column` differs byte for byte from a stored column of its class and
 * length, into `out`; their number.
 */
export function diffStored(column: Column, stored: Stored, out: Int32Array): number {
  const a = wordsOf(column);
  const pairs = a.length === 2 * column.length;
  return stored.dense
    ? (pairs ? diffPairs : diffWords(a))(a, wordsOf(stored.dense), out)
    : (pairs ? diffSparsePairs : diffSparseWords(a))(a, stored.rows!, wordsOf(stored.values!), out);
}

/**
 * Indices i (ascending) where `column`'s row i differs byte for byte from a stored column's
 * row rows[i] (`rows` ascending; the stored column of `column`'s class), into `out`; their number.
 */
export function diffAtRows(column: Column, stored: Stored, rows: Int32Array, out: Int32Array): number {
  const a = wordsOf(column);
  const pairs = a.length === 2 * column.length;
  return stored.dense
    ? (pairs ? diffAtRowsPairs : diffAtRowsWords(a))(a, wordsOf(stored.dense), rows, out)
    : (pairs ? diffAtRowsSparsePairs : diffAtRowsSparseWords(a))(a, stored.rows!, wordsOf(stored.values!), rows, out);
}

/**
 * The diff kernels below compare a sub-population's column `a` (its words) with a stored
 * column at the sub-population's `rows` (ascending): they write the indices i (ascending) where
 * `a`'s row i differs from the stored row rows[i] into `out` and return their number.
 */
function diffAtRowsPairs(a: Words, b: Words, rows: Int32Array, out: Int32Array): number {
  let n = 0;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    if (a[2 * i] !== b[2 * r] || a[2 * i + 1] !== b[2 * r + 1]) out[n++] = i;
  }
  return n;
}

function diffAtRowsWordsKernel(a: Words, b: Words, rows: Int32Array, out: Int32Array): number {
  let n = 0;
  for (let i = 0; i < rows.length; i++) if (a[i] !== b[rows[i]!]) out[n++] = i;
  return n;
}
const diffAtRowsWords = specialise(diffAtRowsWordsKernel);

/** The same against a sparse column (0 outside its rows `sr`), finding each row by galloping as gatherSparse does. */
function diffAtRowsSparsePairs(a: Words, sr: Int32Array, values: Words, rows: Int32Array, out: Int32Array): number {
  const m = sr.length;
  let n = 0;
  let j = 0;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    if (j < m && sr[j]! < r) {
      let lo = j + 1;
      let hi = lo;
      let step = 1;
      while (hi < m && sr[hi]! < r) {
        lo = hi + 1;
        hi += step;
        step <<= 1;
      }
      if (hi > m) hi = m;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (sr[mid]! < r) lo = mid + 1;
        else hi = mid;
      }
      j = lo;
    }
    if (j < m && sr[j] === r) {
      if (a[2 * i] !== values[2 * j] || a[2 * i + 1] !== values[2 * j + 1]) out[n++] = i;
    } else if (a[2 * i] !== 0 || a[2 * i + 1] !== 0) out[n++] = i;
  }
  return n;
}

function diffAtRowsSparseWordsKernel(a: Words, sr: Int32Array, values: Words, rows: Int32Array, out: Int32Array): number {
  const m = sr.length;
  let n = 0;
  let j = 0;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    if (j < m && sr[j]! < r) {
      let lo = j + 1;
      let hi = lo;
      let step = 1;
      while (hi < m && sr[hi]! < r) {
        lo = hi + 1;
        hi += step;
        step <<= 1;
      }
      if (hi > m) hi = m;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (sr[mid]! < r) lo = mid + 1;
        else hi = mid;
      }
      j = lo;
    }
    if (j < m && sr[j] === r) {
      if (a[i] !== values[j]) out[n++] = i;
    } else if (a[i] !== 0) out[n++] = i;
  }
  return n;
}
const diffAtRowsSparseWords = specialise(diffAtRowsSparseWordsKernel);

/** Bytes of the columns in a resolved parameter (0 for a number or a scale). */
function paramBytes(v: ParamValue): number {
  if (typeof v === 'number') return 0;
  if (v instanceof Float64Array) return v.byteLength;
  if ('brackets' in v) return 0;
  let n = 0;
  for (const x of Object.values(v as Record<string, number | Float64Array>)) n += typeof x === 'number' ? 0 : x.byteLength;
  return n;
}

/** A parameter's rows of a sub-population: a column per row is gathered; a number or a scale is the same. */
export function gatherParam(v: ParamValue, rows: Int32Array, size: number, alloc: (n: number) => Float64Array = (n) => new Float64Array(n)): ParamValue {
  if (typeof v === 'number') return v;
  if (v instanceof Float64Array) {
    if (v.length !== size) return v;
    const out = alloc(rows.length);
    for (let i = 0; i < rows.length; i++) out[i] = v[rows[i]!]!;
    return out;
  }
  if ('brackets' in v && Array.isArray((v as { brackets: unknown }).brackets)) return v;
  const out: Record<string, number | Float64Array> = {};
  for (const [k, x] of Object.entries(v as Record<string, number | Float64Array>)) out[k] = gatherParam(x, rows, size, alloc) as number | Float64Array;
  return out;
}
