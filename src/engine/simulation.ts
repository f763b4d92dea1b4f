/**
 * Simulation: a population, a parameter tree and a rule graph. Rules are computed on
 * demand over whole columns, once per (rule, period), and cached.
 */
import { bindAggregators, type Aggregators } from './aggregate.js';
import { bufferReuse, ColumnAllocator, populationPool, type ColumnType } from './buffers.js';
import type { Column } from './column.js';
import { JiuzhuError } from './errors.js';
import { buildRuleGraph, parseInputId, type RuleGraph } from './graph.js';
import { localityTable, releaseLocalityColumns, resolveParameter, type LocalityTable, type ParamValue } from './parameters/resolve.js';
import type { ParameterTree } from './parameters/tree.js';
import type { DatedValue } from './parameters/types.js';
import { monthFromIndex, monthIndex, monthsOfYear, periodStartDate, periodUnit, type Period } from './period.js';
import { entitySize, type Entity, type Population } from './population.js';
import { fusion, planFusion, planShape, runPlan, type Plan } from './fuse.js';
import { PeriodReuse, periodReuse } from './period-reuse.js';
import { keyedDraws, streamId, type KeyedDraws } from './random.js';
import type { Rule, RuleContext } from './rule.js';
import { columnFingerprint, leafIdentity, ruleReach, type SharedResults } from './shared-results.js';
import { Differential, type BasePart, type Change, type DifferentialHost, type DifferentialOption, type SparseColumn } from './differential.js';
import { ruleLists } from './rule-lists.js';
import { specialise } from './specialise.js';
import { category } from './values.js';
import { CALENDAR_FIRST_MONTH, CALENDAR_YEAR, calendarMonthKey, Temporal, temporal, TEMPORAL_MAX_PERSONS, type TemporalHost } from './temporal.js';

/** What compute needs of a period, worked out once per period text (each is a regular expression match). */
interface PeriodFacts { unit: 'month' | 'year'; start: string; index: number }
const periodFacts = new Map<string, PeriodFacts>();
function factsOf(p: Period): PeriodFacts {
  let f = periodFacts.get(p);
  if (!f) {
    const unit = periodUnit(p);
    periodFacts.set(p, (f = { unit, start: periodStartDate(p), index: unit === 'month' ? monthIndex(p) : Number(p) * 12 }));
  }
  return f;
}

/** The month key of persistent draws: before any real month (months count from year 0). */
const PERSISTENT = -1;

/** The household weight is readable as an input column by this name (for rules such as quotas that need population counts). */
export const WEIGHT = 'weight';

/**
 * Resolved parameters, shared by every simulation of a population: keyed by path and entity,
 * then by the dated value in force (an object of the tree). Trees made by overrides share the
 * dated values of every leaf they leave alone, so a reform or a sweep resolves only what it
 * changed; a dated value no tree holds any more drops out with it.
 *
 * Held per household index and household columns, not per population object: a resolution reads
 * only the household locality columns (prefecture, urban) and the index (broadcast to persons),
 * which a projection's uprated years of one slice share (upratePopulation makes new money columns
 * and weights only). Each year then resolves only the leaves whose dated value changed, instead
 * of every leaf again (about 110 ms of CPU a year of W4's first months, issue #25).
 */
interface ByHouseholds<T> { household: Population['household']; value: T }
/** Per parameter tree: the identities of the leaves a rule reaches (sharedKey's fingerprint less the seed), by the reached paths joined. */
const leafFingerprints = new WeakMap<ParameterTree, Map<string, string>>();
/** A rule's reach (memoised per graph) → its paths joined: one string, hashed once, per rule and graph. */
const reachPaths = new WeakMap<object, string>();
/** By path (a rule's own string, hashed once), then entity: a key `path@entity` made per call was hashed anew every lookup. */
type ByEntity = { person?: WeakMap<DatedValue, ParamValue>; household?: WeakMap<DatedValue, ParamValue> };
const resolvedParameters = new WeakMap<Population['householdStart'], ByHouseholds<Map<string, ByEntity>>>();

/** Locality tables of parameters (see Simulation.tableParameter), by household index and dated value; null: not a locality-only leaf. */
const localityTables = new WeakMap<Population['householdStart'], ByHouseholds<WeakMap<DatedValue, LocalityTable | null>>>();

/**
 * The caller will read no parameter column resolved so far for this population's households
 * (nor its uprated copies'): a projection worker once a slice's year is done, its simulation
 * released. The resolutions are dropped (the next year resolves its leaves again; a leaf whose
 * cells did not change gets its column back as it was), and a locality leaf whose cells change is
 * written into its last column instead of a new one (resolve.ts, releaseLocalityColumns). Without
 * this call every year's columns stayed reachable from the tree's dated values for the whole run.
 */
export function releaseParameters(pop: Population): void {
  resolvedParameters.delete(pop.householdStart);
  releaseLocalityColumns(pop);
}

/** What `cache` holds for a population's household index and household columns (a new entry when the columns differ). */
function byHouseholds<T>(cache: WeakMap<Population['householdStart'], ByHouseholds<T>>, pop: Population, make: () => T): T {
  let held = cache.get(pop.householdStart);
  if (!held || held.household !== pop.household) cache.set(pop.householdStart, (held = { household: pop.household, value: make() }));
  return held.value;
}

/**
 * Rules a caller outside the engine has asked for on a population (a top-level calculate):
 * their columns are kept for the rest of their month instead of freed after their last rule
 * reader, since the caller will likely ask again next month (an accumulator) and would
 * otherwise make the engine compute them twice. Learnt per population, so a sweep's later
 * variants and a run's later months know what its first month was asked. Keyed by the household
 * index (`householdStart`), not the population object: a projection's later years (uprated copies
 * that share their slice's household index) know what the first year's first month asked, instead
 * of computing some columns twice in each year's first month. A hint only: it decides when a
 * column is freed, never a value.
 */
const externallyRead = new WeakMap<Population['householdStart'], Set<string>>();

/**
 * Per rule graph: how many monthly rules read each monthly rule within the same month (so its
 * column can be freed once all have run), or Infinity when a yearly rule or a year sum reads it.
 */
const monthReaders = new WeakMap<RuleGraph, Map<string, number>>();

function readersInMonth(graph: RuleGraph): Map<string, number> {
  let readers = monthReaders.get(graph);
  if (readers) return readers;
  readers = new Map();
  for (const rule of graph.rules.values()) {
    for (const raw of Object.values(rule.inputs)) {
      const { id, sumYear } = parseInputId(raw);
      const input = graph.rules.get(id);
      if (!input) continue;
      const sameMonth = rule.period === 'month' && input.period === 'month' && !sumYear;
      readers.set(id, sameMonth ? (readers.get(id) ?? 0) + 1 : Infinity);
    }
  }
  // A rule once read by a yearly rule stays Infinity (Infinity + 1 is Infinity).
  monthReaders.set(graph, readers);
  return readers;
}

/**
 * What a formula gets as `ctx`. Its methods live on the class, not in closures made per call:
 * optimised formula code that calls `ctx.random` then finds the same function every month and
 * every simulation, instead of being deoptimised ("wrong call target") and run again in the
 * interpreter each time.
 */
class FormulaContext implements RuleContext {
  /** Whether the formula read anything that depends on the period (see period-reuse.ts). */
  readPeriod = false;
  /**
   * Whether it read the period other than through draws with a `where` mask (`period`, `date`,
   * `series`, a draw of every row, or more masked rows than `drawLimit`).
   */
  readMonth = false;
  /**
   * Month to month (temporal.ts): when above 0, the rows of every masked draw are collected in
   * `drawn`, up to this many (beyond it the formula counts as reading the month everywhere).
   */
  drawLimit = 0;
  /** How many rows of masked draws were collected (see drawnRows). */
  private drawnCount = 0;
  /** Calendar values read (temporal.ts, CALENDAR_* bits): month to month knows when they change. */
  calendar = 0;
  /** Parameters read by calendar month (byCalendarMonth): month to month compares their values of this month and the one before. */
  byMonth: ParamValue[] | undefined;
  /** An instance held by the class (below): never read. */
  static kept: FormulaContext | undefined;
  constructor(
    private readonly period_: Period,
    private readonly date_: string,
    readonly size: number,
    readonly agg: Aggregators,
    private readonly draws: () => KeyedDraws,
    private readonly monthIndex: number,
    private readonly allocator: ColumnAllocator,
    private readonly paths: Readonly<Record<string, string>>,
    private readonly tree: ParameterTree,
  ) {}
  get period(): Period {
    this.readPeriod = this.readMonth = true;
    return this.period_;
  }
  get date(): string {
    this.readPeriod = this.readMonth = true;
    return this.date_;
  }
  get firstMonthOfYear(): boolean {
    this.readPeriod = true;
    this.calendar |= CALENDAR_FIRST_MONTH;
    return monthIndex(this.period_) % 12 === 0;
  }
  get year(): number {
    this.readPeriod = true;
    this.calendar |= CALENDAR_YEAR;
    return Number(this.period_.slice(0, 4));
  }
  byCalendarMonth(value: ParamValue): number | Float64Array {
    this.readPeriod = true;
    (this.byMonth ??= []).push(value);
    return category(value, calendarMonthKey(this.period_));
  }
  alloc<T extends Column>(type: ColumnType<T>, length: number = this.size): T {
    return this.allocator.alloc(type, length);
  }
  allocFull<T extends Column>(type: ColumnType<T>, length: number = this.size): T {
    return this.allocator.alloc(type, length, false);
  }
  // Draws write every row (0 outside `where`): their buffer comes unzeroed.
  random(stream: string, where?: ArrayLike<number>): Float64Array {
    this.readPeriod = true;
    // A masked draw is 0 outside its mask whatever the month: the month reaches only its rows.
    this.collect(where);
    return this.draws().uniforms(this.monthIndex, streamId(stream), where, this.allocator.alloc(Float64Array, this.size, false));
  }
  chance(stream: string, rate: ArrayLike<number>, where?: ArrayLike<number>): Uint8Array {
    // As random(): the month reaches only a masked draw's rows.
    this.readPeriod = true;
    this.collect(where);
    return this.draws().chances(this.monthIndex, streamId(stream), rate, where, this.allocator.alloc(Uint8Array, this.size, false));
  }
  /** A masked draw's rows collected (up to drawLimit), or the month read everywhere. */
  private collect(where: ArrayLike<number> | undefined): void {
    if (!where || this.readMonth) {
      this.readMonth = true;
      return;
    }
    const n = collectDrawn(where)(where, drawnScratch(this.drawLimit), this.drawnCount, this.drawLimit);
    if (n < 0) this.readMonth = true;
    else this.drawnCount = n;
  }
  /**
   * The rows of the masked draws collected, when they were the only month-dependent reads (else
   * undefined): a view of a scratch shared by every context, valid until the next formula draws
   * (month to month reads it at once, into a set of households of its own).
   */
  drawnRows(): Int32Array | undefined {
    return this.readMonth ? undefined : drawnScratch(this.drawnCount).subarray(0, this.drawnCount);
  }
  randomOnce(stream: string, where?: ArrayLike<number>): Float64Array {
    return this.draws().uniforms(PERSISTENT, streamId(stream), where, this.allocator.alloc(Float64Array, this.size, false));
  }
  series(alias: string): readonly { date: string; value: number }[] {
    this.readPeriod = this.readMonth = true;
    const path = this.paths[alias];
    if (path === undefined) throw new JiuzhuError('UNKNOWN_PARAMETER', `series('${alias}'): not one of the rule's parameters (${Object.keys(this.paths).join(', ')})`, { kind: 'internal', location: { key: alias } });
    return this.tree.leaf(path).values.map((v) => {
      if (v.value === undefined) throw new JiuzhuError('SCALE_PARAMETER', `series('${alias}'): '${path}' is not a scalar`, { kind: 'internal', location: { key: path } });
      return { date: v.date, value: v.value };
    });
  }
}

/**
 * One context alive for the life of the thread (held by the class), so that the class's instance map stays alive.
 * V8 reaches that map from the class only through weak transitions: at a full collection with
 * no context alive (a worker collects between two slices, when no formula runs), the map dies,
 * and every optimised formula that checked it is thrown away ("weak objects") to run in the
 * interpreter on the next slice and be compiled again (issue #25, W2: a formula was compiled 3
 * to 21 times over three slices). This one holds no population, columns or parameters.
 */
FormulaContext.kept = new FormulaContext('', '', 0, bindAggregators({ nHouseholds: 0, nPersons: 0, householdStart: new Int32Array(1), personHousehold: new Int32Array(0) }), () => keyedDraws(0, new Float64Array(0)), 0, new ColumnAllocator(undefined), {}, undefined as unknown as ParameterTree);

/**
 * Writes the rows of a draw's mask (its non-zero rows) into `rows` from row `n` on, and returns
 * how many `rows` then holds; -1 once it would exceed `limit` (nothing is collected when the
 * limit is 0).
 */
function collectDrawnKernel(where: ArrayLike<number>, rows: Int32Array, n: number, limit: number): number {
  if (limit <= 0) return -1;
  for (let i = 0; i < where.length; i++) {
    if (!where[i]) continue;
    if (n >= limit) return -1;
    rows[n++] = i;
  }
  return n;
}
const collectDrawn = specialise(collectDrawnKernel);

let drawnRowsScratch = new Int32Array(1024);
/**
 * The rows of masked draws, collected for month to month (temporal.ts), in one array reused by
 * every formula context: a formula's draws are read as soon as it returns, before another
 * formula runs. Their own growing arrays were 8 MB of garbage over two years of a projection's
 * slice loop (session 13). Grown keeping what it holds.
 */
function drawnScratch(n: number): Int32Array {
  if (drawnRowsScratch.length < n) {
    const grown = new Int32Array(Math.max(n, 2 * drawnRowsScratch.length));
    grown.set(drawnRowsScratch);
    drawnRowsScratch = grown;
  }
  return drawnRowsScratch;
}

/**
 * The simulation's columns by `id@period`, counting the keys each column is held under: a
 * column held under two keys (a month's state given to the next month) must not be written over
 * for one of them. Month to month asks that of every rule patched in place (temporal.ts,
 * takeOver), and a scan of the whole cache each time was about 2% of a month.
 */
class ColumnCache extends Map<string, Column> {
  private readonly holders = new Map<Column, number>();
  override set(key: string, column: Column): this {
    const old = super.get(key);
    if (old === column) return this;
    if (old !== undefined) this.unheld(old);
    this.holders.set(column, (this.holders.get(column) ?? 0) + 1);
    return super.set(key, column);
  }
  override delete(key: string): boolean {
    const old = super.get(key);
    if (old === undefined) return false;
    this.unheld(old);
    return super.delete(key);
  }
  override clear(): void {
    this.holders.clear();
    super.clear();
  }
  /** Whether the column is held under any key. */
  holds(column: Column): boolean {
    return this.holders.has(column);
  }
  /** Whether the column is held under a key other than `key`. */
  heldElsewhere(column: Column, key: string): boolean {
    return (this.holders.get(column) ?? 0) > (super.get(key) === column ? 1 : 0);
  }
  private unheld(c: Column): void {
    const n = this.holders.get(c)! - 1;
    if (n > 0) this.holders.set(c, n);
    else this.holders.delete(c);
  }
}

export interface SimulationOptions {
  population: Population;
  parameters: ParameterTree;
  rules: readonly Rule[] | RuleGraph;
  /** Seed of the keyed random generator. */
  seed?: number;
  /**
   * Results shared with other simulations of the same population (a comparison, a sweep):
   * a rule whose fingerprint matches a column there takes it instead of computing it.
   */
  shared?: SharedResults;
  /**
   * Columns handed to callers are lent, not given: valid until their period is forgotten or
   * the simulation released, when their buffers may be reused. For callers that only read a
   * month's columns within the month (the scenario accumulators); one that keeps a column
   * longer must copy it. A lending simulation also frees a column within its month once its
   * last rule reader has run, unless a caller has asked for that rule: asked later, it is
   * computed again (the same values), so a formula may then run twice for one period.
   * Default: given (never reused), every formula once per period.
   */
  lend?: boolean;
  /**
   * Record every column computed into a base part, or compute against one: only the rows whose
   * inputs changed since that run are computed again (differential.ts). A base of another seed
   * is not used (the run is then as without one).
   */
  differential?: DifferentialOption;
  /**
   * Compute each month against the month before (temporal.ts): for a month loop, whose months
   * differ for few households. Not with a differential base (a recording may), nor above
   * TEMPORAL_MAX_PERSONS persons; off with `setTemporal(false)`. Replaces period reuse. With
   * `lend`, a column of month m − 1 may be written over in month m to make the rule's new column
   * (its callers read a month's columns within the month, as the accumulators do).
   */
  temporal?: boolean;
}

export class Simulation {
  readonly population: Population;
  readonly parameters: ParameterTree;
  readonly graph: RuleGraph;
  readonly seed: number;
  private readonly cache = new ColumnCache();
  /** Keys `id@period` whose values were given with setInput rather than computed. */
  private readonly given = new Set<string>();
  /** The columns given with setInput: the caller's, who may rewrite them (never a reuse entry's input). */
  private readonly givenColumns = new WeakSet<Column>();
  private readonly agg_: Aggregators;
  private readonly draws: { person?: KeyedDraws; household?: KeyedDraws } = {};
  private readonly shared: SharedResults | undefined;
  /** Per rule: the seed and the identities of every parameter leaf it reaches (see shared-results.ts). */
  private readonly fingerprints = new Map<string, string>();
  /** Content fingerprints of the given columns, by `id@period`. */
  private readonly givenFingerprints = new Map<string, string>();
  /**
   * Given columns of a differential run whose fingerprint is taken only when a shared key
   * needs it (by `id@period`; its fingerprint is '' until then): a move's rules that the
   * shared results hold seldom reach the month's state, and hashing every state column every
   * month was ~4% of an explorer move. Nothing writes a given column while its month is
   * cached (no month to month against a base), so the fingerprint is the same when taken later.
   */
  private readonly unfingerprinted = new Map<string, Column>();
  /** Where formulas' columns come from and go back to (buffers.ts). */
  private readonly allocator: ColumnAllocator;
  /** Computed monthly columns, by `id@period`: how many of their same-month rule readers have not run yet. */
  private readonly readersLeft = new Map<string, number>();
  private readonly readers: Map<string, number>;
  /**
   * Monthly results (`id@period`) whose inputs have been counted as read. A rule computed again
   * in its month (asked by a caller after its column was freed) must not count its inputs twice:
   * that freed an input another reader still had to read, while that reader was on the stack
   * holding it (its buffer then reused and overwritten under it).
   */
  private readonly counted = new Set<string>();
  /** Cache keys by period and id (keyOf). */
  private readonly keys = new Map<Period, Map<string, string>>();
  private readonly asked: Set<string>;
  /** Nesting of calculate: 0 is a caller outside the engine. */
  private depth = 0;
  private readonly lend: boolean;
  /** Monthly results reused for later months with the same inputs and parameters (period-reuse.ts). */
  private readonly reuse: PeriodReuse | undefined;
  /** The base part this simulation records into, if it does. */
  private readonly recording: BasePart | undefined;
  /** Computing against a base: what changed since it (differential.ts). */
  readonly differential: Differential | undefined;
  /** Month-to-month computation (temporal.ts), when on. */
  readonly temporal: Temporal | undefined;

  constructor(options: SimulationOptions) {
    this.population = options.population;
    this.parameters = options.parameters;
    this.seed = options.seed ?? 1;
    const pop = options.population;
    this.graph = 'order' in options.rules
      ? options.rules
      : buildRuleGraph(options.rules, { person: Object.keys(pop.person), household: [...Object.keys(pop.household), WEIGHT] }, options.parameters);
    this.allocator = new ColumnAllocator(bufferReuse() ? populationPool(pop) : undefined);
    this.agg_ = bindAggregators(pop, this.allocator);
    this.readers = readersInMonth(this.graph);
    let asked = externallyRead.get(pop.householdStart);
    if (!asked) externallyRead.set(pop.householdStart, (asked = new Set()));
    this.asked = asked;
    if (options.shared && options.shared.population !== pop) {
      throw new JiuzhuError('SHARED_POPULATION', 'shared results belong to another population', { kind: 'internal' });
    }
    this.shared = options.shared;
    this.lend = options.lend ?? false;
    const d = options.differential;
    const base = d && 'base' in d && d.base.seed === this.seed && d.base.parameters ? d.base : undefined;
    // Against a base, every rule's column is one the differential logic can follow: no period
    // reuse, no fused loops (their inlined rules have no column); a recording run makes every
    // column too, so that each is recorded.
    this.recording = d && 'record' in d ? d.record : undefined;
    // A recording run may compute month to month: it copies each column as it is made (the
    // same bytes as without), before a later month could write over it.
    const monthToMonth = !!options.temporal && temporal() && !(d && 'base' in d) && pop.nPersons <= TEMPORAL_MAX_PERSONS;
    this.temporal = monthToMonth ? new Temporal(this.temporalHost()) : undefined;
    // Month to month covers what period reuse does (a rule whose inputs did not change takes the
    // month before's column) and more; the two would hold columns for each other.
    this.reuse = periodReuse() && !base && !monthToMonth ? new PeriodReuse() : undefined;
    if (this.recording) {
      this.recording.parameters = this.parameters;
      this.recording.seed = this.seed;
    }
    this.differential = base ? new Differential(this.differentialHost(), base) : undefined;
  }

  /** Entity of a rule or dataset column. */
  entityOf(id: string): Entity {
    return this.graph.entityOf(id);
  }

  /**
   * Computing against a base: a monthly rule's column for a period as its non-zero rows, when it
   * is the base's column stored sparse, maybe with a sub-population's rows over it
   * (differential.ts); else undefined, and the
   * caller reads it with `calculate`. For readers that add up a column's non-zero rows only (the
   * accumulators): no column is made.
   */
  unchangedSparse(id: string, period: Period): SparseColumn | undefined {
    const rule = this.differential && this.graph.rules.get(id);
    if (!rule || rule.period !== 'month') return undefined;
    this.depth++;
    try {
      return this.differential!.unchangedSparse(rule, period, `${id}@${period}`);
    } finally {
      this.depth--;
    }
  }

  /**
   * Whether a column this simulation gave is one of the shared results': never written again,
   * so what a reader works out from it holds as long as the column lives (the accumulators'
   * sums of a column no lever reaches, the same in every run of a sweep or explorer session).
   */
  isShared(column: Column): boolean {
    return this.shared?.isHeld(column) ?? false;
  }

  /**
   * Month to month (temporal.ts): whether a monthly rule's column for a month, computed or given,
   * holds the very values of its column for the month before (every row, bit for bit). False
   * when not known.
   */
  sameAsMonthBefore(id: string, month: Period): boolean {
    return this.temporal?.changeOf(id, month) === 'none';
  }

  /**
   * Month to month: the households whose rows of a monthly rule's column for a month differ from
   * its column for the month before (ascending), 'none', or 'all'; undefined when not known.
   */
  changeFromMonthBefore(id: string, month: Period): Change | undefined {
    return this.temporal?.changeOf(id, month);
  }

  /** The column of a rule (or dataset column) for a period, computed once and cached. */
  calculate(id: string, period: Period): Column {
    if (this.depth > 0) return this.compute(id, period);
    // A caller outside the engine: it may hold the column, so its buffer is never reused.
    this.asked.add(id);
    const col = this.compute(id, period);
    if (!this.lend) this.allocator.pin(col);
    return col;
  }

  private compute(id: string, period: Period): Column {
    const pop = this.population;
    // A rule wins over a dataset column of its name; the dataset's columns are looked up only
    // for a name no rule has (two dictionary lookups fewer for each rule read).
    const rule = this.graph.rules.get(id);
    if (!rule) {
      const col = pop.person[id] ?? pop.household[id] ?? (id === WEIGHT ? pop.weight : undefined);
      if (col) return col;
    }
    if (!rule) throw new JiuzhuError('UNKNOWN_RULE', `no rule or column named '${id}'`, { kind: 'usage', location: { key: id } });
    const p = this.periodFor(rule, period);
    const key = this.keyOf(id, p);
    const hit = this.cache.get(key);
    if (hit) return hit;
    if (this.differential) {
      this.depth++;
      try {
        return this.differential.compute(rule, p, key);
      } finally {
        this.depth--;
      }
    }
    const out = this.computeRule(rule, p, key);
    if (this.recording) this.record(rule, p, key, out);
    return out;
  }

  /** A rule's column as computed without a base: from the shared results, a fused loop or its formula; cached. */
  private computeRule(rule: Rule, p: Period, key: string): Column {
    const id = rule.id;
    const pop = this.population;
    const sharedKey = this.shared?.holds(this.graph, id) ? this.sharedKey(id, p) : undefined;
    const sharedHit = sharedKey === undefined ? undefined : this.shared!.get(sharedKey);
    if (sharedHit) {
      this.reuse?.markFixed(sharedHit);
      this.cache.set(key, sharedHit);
      if (this.temporal && rule.period === 'month') this.temporal.observed(rule, p, factsOf(p).index, sharedHit);
      return sharedHit;
    }
    const size = entitySize(pop, rule.entity);
    // Month to month needs every rule's column: no fused loops (their inlined rules have none).
    if (rule.kernel && rule.period === 'month' && fusion() && !this.recording && !this.differential && !this.temporal) {
      const fused = this.computeFused(rule, p, key, size, sharedKey);
      if (fused) return fused;
    }
    const inputs: Record<string, Column> = {};
    let out: Column;
    let ctx: FormulaContext;
    // Period reuse (period-reuse.ts) is for monthly rules whose inputs nothing can overwrite.
    const reuse = rule.period === 'month' ? this.reuse : undefined;
    let stable = reuse !== undefined;
    let inputList: Column[] = [];
    let paramList: ParamValue[] = [];
    const monthly = rule.period === 'month' ? this.temporal : undefined;
    let dirty: Change | undefined;
    let paramsUsed: Record<string, ParamValue> = {};
    this.depth++;
    try {
      const { inputAliases, inputRaws, inputIds, inputSumYear, paramAliases, paramPaths } = ruleLists(rule);
      for (let k = 0; k < inputAliases.length; k++) {
        const raw = inputRaws[k]!;
        const c = (inputs[inputAliases[k]!] = this.inputOf(inputIds[k]!, inputSumYear[k]!, p));
        if (stable && this.graph.rules.has(raw) && (this.givenColumns.has(c) || !reuse!.stable(c))) stable = false;
      }
      const facts = factsOf(p);
      const date = facts.start;
      const params: Record<string, ParamValue> = {};
      for (let k = 0; k < paramAliases.length; k++) params[paramAliases[k]!] = this.parameter(paramPaths[k]!, date, rule.entity);
      if (stable) {
        inputList = Object.values(inputs);
        paramList = Object.values(params);
        const again = reuse!.find(id, inputList, paramList);
        if (again) {
          this.cache.set(key, again);
          this.offerReused(sharedKey, again);
          this.afterMonthly(rule, key, p);
          return again;
        }
      }
      const mi = facts.index;
      if (monthly) {
        const decided = monthly.before(rule, p, mi, inputs, params);
        if ('column' in decided) {
          this.cache.set(key, decided.column);
          this.offerReused(sharedKey, decided.column);
          this.afterMonthly(rule, key, p);
          return decided.column;
        }
        dirty = decided.dirty;
        paramsUsed = params;
      }
      const entity = rule.entity;
      this.allocator.begin();
      try {
        ctx = new FormulaContext(p, date, size, this.agg_, () => this.keyed(entity), mi, this.allocator, rule.parameters, this.parameters);
        if (monthly) ctx.drawLimit = monthly.drawLimit(rule);
        out = rule.formula(inputs, params, ctx);
      } catch (e) {
        this.allocator.abandon();
        throw e;
      }
    } finally {
      this.depth--;
    }
    if (!out || out.length !== size) {
      this.allocator.abandon();
      throw new JiuzhuError('BAD_RULE_OUTPUT', `rule '${id}' returned ${out?.length} values for ${size} ${rule.entity}s`, { kind: 'internal', location: { key: id } });
    }
    this.allocator.settle(out, Object.values(inputs));
    this.cache.set(key, out);
    // A column the store keeps may be read by other simulations: never reused. One it turns
    // down (its budget spent, as after the first month of a year) stays this simulation's to
    // give back, like any other.
    if (sharedKey !== undefined && this.shared!.offer(sharedKey, out)) this.allocator.pin(out);
    // A result that cannot be reused replaces any earlier one: that rule's inputs change from
    // month to month here (carried state), so its held column would only take memory.
    if (reuse) for (const c of stable && !ctx!.readPeriod ? reuse.record(id, inputList, paramList, out) : reuse.drop(id)) this.giveBack(c);
    monthly?.computed(rule, p, factsOf(p).index, out, ctx!.readPeriod, dirty, paramsUsed, ctx!.drawnRows(), ctx!.calendar, ctx!.byMonth);
    this.afterMonthly(rule, key, p);
    return out;
  }

  /**
   * A rule with a kernel, fused with the kernel rules it alone reads into one loop (fuse.ts);
   * undefined when the rule cannot be fused (its formula then runs). Its result is reused for a
   * later month like a formula's (period-reuse.ts): a kernel reads no `ctx`, so only the plan's
   * columns and parameter values decide it.
   */
  private computeFused(rule: Rule, p: Period, key: string, size: number, sharedKey: string | undefined): Column | undefined {
    const date = factsOf(p).start;
    const entityOf = (id: string): Entity => this.graph.entityOf(id);
    this.depth++;
    let plan: Plan | undefined;
    try {
      plan = planFusion(rule, {
        entityOf,
        rule: (id) => this.graph.rules.get(id),
        inlinable: (id) => this.inlinable(id, p),
        column: (id) => this.input(id, p),
        params: (r) => {
          const out: Record<string, ParamValue | LocalityTable> = {};
          for (const [alias, path] of Object.entries(r.parameters)) out[alias] = this.tableParameter(path, date) ?? this.parameter(path, date, r.entity);
          return out;
        },
      });
    } finally {
      this.depth--;
    }
    if (!plan) return undefined;
    const shape = planShape(plan, entityOf);
    const params = plan.nodes.flatMap((n) => Object.values(n.params));
    const reuse = this.reuse;
    const { columns, columnRule } = plan;
    const stable = !!reuse && columns.every((c, k) => columnRule[k] === undefined || (!this.givenColumns.has(c) && reuse.stable(c)));
    const inlined = plan.nodes.slice(0, -1).map((n) => n.rule);
    const again = stable ? reuse!.find(rule.id, plan.columns, params, shape) : undefined;
    if (again) {
      this.cache.set(key, again);
      this.offerReused(sharedKey, again);
      this.afterFused(rule, inlined, key, p);
      return again;
    }
    this.allocator.begin();
    // The fused loop writes every row of its output (fuse.ts): no zeroing first.
    const out = this.allocator.alloc(plan.nodes[plan.nodes.length - 1]!.type, size, false);
    try {
      runPlan(plan, shape, this.population.householdStart, out, entityOf);
    } catch (e) {
      this.allocator.abandon();
      throw e;
    }
    this.allocator.settle(out, plan.columns);
    this.cache.set(key, out);
    if (sharedKey !== undefined && this.shared!.offer(sharedKey, out)) this.allocator.pin(out);
    if (reuse) for (const c of stable ? reuse.record(rule.id, plan.columns, params, out, shape) : reuse.drop(rule.id)) this.giveBack(c);
    this.afterFused(rule, inlined, key, p);
    return out;
  }

  /**
   * A result reused from an earlier month goes to the shared store under this month's key too,
   * as a computed one would: otherwise a later run finds the store missing that month, computes
   * it (only then offering it) and reuses that for the months after, so the store would fill by
   * one month per run (18 rules a slice, about 60 MB of fresh buffers an explorer move).
   */
  private offerReused(sharedKey: string | undefined, column: Column): void {
    if (sharedKey !== undefined && this.shared!.offer(sharedKey, column)) this.allocator.pin(column);
  }

  /** Readers' bookkeeping of a fused result: the root's, and one reader fewer for the inputs of every inlined rule. */
  private afterFused(rule: Rule, inlined: readonly Rule[], key: string, p: Period): void {
    this.afterMonthly(rule, key, p);
    if (this.lend) for (const r of inlined) this.readInputs(r, p);
  }

  /** Whether a rule may be taken into a fused loop for period p, its column never made (fuse.ts). */
  private inlinable(id: string, p: Period): boolean {
    const r = this.graph.rules.get(id);
    if (!r || r.period !== 'month') return false;
    const k = `${id}@${p}`;
    return !this.cache.has(k) && !this.given.has(k) && !this.asked.has(id) && (this.readers.get(id) ?? 0) === 1 && !this.shared?.holds(this.graph, id);
  }

  /** Lending simulations: the month's readers of this result, and one reader fewer for its inputs. */
  private afterMonthly(rule: Rule, key: string, p: Period): void {
    if (this.lend && rule.period === 'month') {
      this.readersLeft.set(key, this.readers.get(rule.id) ?? 0);
      this.readInputs(rule, p);
    }
  }

  /** A column no reuse entry holds any more goes back to the pool unless the cache still holds it. */
  private giveBack(c: Column): void {
    if (this.cache.holds(c)) return;
    this.allocator.release(c);
  }

  /**
   * A monthly rule has run: each monthly input it read this month has one reader fewer to
   * wait for. An input whose readers have all run, that no caller has asked for and that this
   * simulation made, goes back to the pool (a caller asking later gets it computed again, the
   * same values: rules are pure and their draws keyed).
   */
  private readInputs(rule: Rule, p: Period): void {
    const reader = this.keyOf(rule.id, p);
    if (this.counted.has(reader)) return;
    this.counted.add(reader);
    const { inputIds, inputSumYear } = ruleLists(rule);
    for (let k = 0; k < inputIds.length; k++) {
      if (inputSumYear[k]) continue;
      const id = inputIds[k]!;
      const key = this.keyOf(id, p);
      const left = this.readersLeft.get(key);
      if (left === undefined) continue;
      if (left > 1) {
        this.readersLeft.set(key, left - 1);
        continue;
      }
      this.readersLeft.delete(key);
      const col = this.cache.get(key);
      if (!col || this.asked.has(id) || this.given.has(key) || !this.allocator.releasable(col) || this.reuse?.holds(col) || this.temporal?.holds(col)) continue;
      this.cache.delete(key);
      this.differential?.released(key);
      this.allocator.release(col);
    }
  }

  /** A recording simulation copies a column it made into its base part, or notes the store key of one it took from the shared results. */
  private record(rule: Rule, p: Period, key: string, out: Column): void {
    const part = this.recording!;
    const sharedKey = this.shared?.holds(this.graph, rule.id) ? this.sharedKey(rule.id, p) : undefined;
    if (sharedKey !== undefined) part.sharedKeys.set(key, sharedKey);
    if (sharedKey !== undefined && this.shared!.get(sharedKey) === out) part.recordShared(key, out);
    else part.record(key, out);
  }

  /** The key of another cached column that is this very column (a month's state given to the next), if any. */
  private cachedAs(column: Column, key: string): string | undefined {
    for (const [k, c] of this.cache) if (c === column && k !== key) return k;
    return undefined;
  }

  /** A column from this simulation's allocator, settled at once as the result of no rule (the hosts' `alloc`). */
  private ownColumn(type: ColumnType, length: number, zeroed: boolean): Column {
    this.allocator.begin();
    const c = this.allocator.alloc(type, length, zeroed);
    this.allocator.settle(c, []);
    return c;
  }

  /** What month-to-month computation reads and calls of this simulation. */
  private temporalHost(): TemporalHost {
    return new Simulation.MonthHost(this);
  }

  /**
   * temporalHost's object: a class, not an object literal of arrow functions made per
   * simulation. A closure's optimised code lives only while some closure of it does, so each
   * projection year's new simulation (one per slice-year in a worker) had its host's functions
   * compiled again after the next major GC (`previousKey`, `takeOver`, `runOn`, `alloc`: about
   * 100 TurboFan compiles a W4 run); a method's code stays with the class. Declared in this
   * class's body so that it reads the simulation's private members.
   */
  private static readonly MonthHost = class implements TemporalHost {
    readonly population: Population;
    readonly graph: RuleGraph;

    constructor(private readonly sim: Simulation) {
      this.population = sim.population;
      this.graph = sim.graph;
    }

    alloc(type: ColumnType, length: number): Column {
      return this.sim.ownColumn(type, length, false);
    }

    giveBack(c: Column): void {
      this.sim.giveBack(c);
    }

    takeOver(key: string, c: Column): boolean {
      const sim = this.sim;
      if (sim.cache.get(key) !== c || !sim.allocator.releasable(c) || sim.cache.heldElsewhere(c, key)) return false;
      sim.cache.delete(key);
      sim.readersLeft.delete(key);
      return true;
    }

    previousKey(id: string, p: string): string {
      return `${id}@${monthFromIndex(factsOf(p).index - 1)}`;
    }

    runOn(rule: Rule, p: string, sub: Population, rows: Int32Array, agg: Aggregators, inputs: Record<string, Column>, params: Record<string, ParamValue>): ReturnType<TemporalHost['runOn']> {
      const sim = this.sim;
      const facts = factsOf(p);
      let draws: KeyedDraws | undefined;
      const size = entitySize(sub, rule.entity);
      // Only when a formula draws: the population's hash prefixes of the sub-population's rows
      // (the same draws as over its ids, without hashing them again), in the month's arena.
      const keyed = (): KeyedDraws => (draws ??= sim.keyed(rule.entity).at(rows, sim.temporal!.arena.alloc(Uint32Array, rows.length, false)));
      const ctx = new FormulaContext(p, facts.start, size, agg, keyed, facts.index, sim.temporal!.arena.allocator(), rule.parameters, sim.parameters);
      ctx.drawLimit = sim.temporal!.drawLimit(rule) > 0 ? size : 0;
      const out = rule.formula(inputs, params, ctx);
      if (!out || out.length !== size) throw new JiuzhuError('BAD_RULE_OUTPUT', `rule '${rule.id}' returned ${out?.length} values for ${size} ${rule.entity}s`, { kind: 'internal', location: { key: rule.id } });
      return { out, readPeriod: ctx.readPeriod, drawn: ctx.drawnRows(), calendar: ctx.calendar, byMonth: ctx.byMonth };
    }

    aggregators(sub: Population): Aggregators {
      return bindAggregators(sub);
    }
  };

  /** What the differential logic reads and calls of this simulation. */
  private differentialHost(): DifferentialHost {
    return new Simulation.DifferentialPart(this);
  }

  /**
   * differentialHost's object: a class for the reason MonthHost is one. The explorer makes a
   * simulation with a base per slider move (and per slice in its helper thread); an object
   * literal of arrow functions made per simulation had `full`, `runOn`, `alloc` and `cache`
   * compiled again by TurboFan at every move, a method's code stays with the class.
   */
  private static readonly DifferentialPart = class implements DifferentialHost {
    readonly population: Population;
    readonly graph: RuleGraph;
    readonly parameters: ParameterTree;
    readonly seed: number;

    constructor(private readonly sim: Simulation) {
      this.population = sim.population;
      this.graph = sim.graph;
      this.parameters = sim.parameters;
      this.seed = sim.seed;
    }

    full(rule: Rule, p: string, key: string): Column {
      return this.sim.computeRule(rule, p, key);
    }

    column(raw: string, p: string): Column {
      return this.sim.input(raw, p);
    }

    shared(rule: Rule, p: string): { key: string; column: Column | undefined } | undefined {
      const sim = this.sim;
      if (!sim.shared?.holds(sim.graph, rule.id)) return undefined;
      const key = sim.sharedKey(rule.id, p);
      return { key, column: sim.shared.get(key) };
    }

    param(path: string, date: string, entity: Entity, tree?: ParameterTree): ParamValue {
      return this.sim.parameter(path, date, entity, tree);
    }

    runOn(rule: Rule, p: string, sub: Population, agg: Aggregators, inputs: Record<string, Column>, params: Record<string, ParamValue>): Column {
      const facts = factsOf(p);
      const allocator = new ColumnAllocator(undefined);
      const keys = rule.entity === 'household' ? sub.householdId : sub.personId;
      const seed = this.sim.seed;
      let draws: KeyedDraws | undefined;
      const size = entitySize(sub, rule.entity);
      const ctx = new FormulaContext(p, facts.start, size, agg, () => (draws ??= keyedDraws(seed, keys)), facts.index, allocator, rule.parameters, this.sim.parameters);
      const out = rule.formula(inputs, params, ctx);
      if (!out || out.length !== size) throw new JiuzhuError('BAD_RULE_OUTPUT', `rule '${rule.id}' returned ${out?.length} values for ${size} ${rule.entity}s`, { kind: 'internal', location: { key: rule.id } });
      return out;
    }

    aggregators(sub: Population): Aggregators {
      return bindAggregators(sub);
    }

    alloc(type: ColumnType, length: number, zeroed: boolean): Column {
      return this.sim.ownColumn(type, length, zeroed);
    }

    cache(key: string, column: Column): void {
      this.sim.cache.set(key, column);
    }

    date(p: string): string {
      return factsOf(p).start;
    }
  };

  /**
   * The key of a rule's column in the shared store: rule, period, the seed and parameter
   * leaves it reaches, and the content of every given column of a rule it reaches.
   */
  private sharedKey(id: string, period: Period): string {
    let fp = this.fingerprints.get(id);
    if (fp === undefined) {
      // The leaves' identities are the same for every simulation of this tree whose rule reaches
      // the same leaves (a variant's slices, each with its population's graph): kept with the tree,
      // by the reached paths (their joined text made once per reach).
      const reach = ruleReach(this.graph, id);
      let paths = reachPaths.get(reach);
      if (paths === undefined) reachPaths.set(reach, (paths = reach.paths.join('\n')));
      let byPaths = leafFingerprints.get(this.parameters);
      if (!byPaths) leafFingerprints.set(this.parameters, (byPaths = new Map()));
      let ids = byPaths.get(paths);
      if (ids === undefined) byPaths.set(paths, (ids = reach.paths.map((path) => leafIdentity(this.parameters, path)).join(',')));
      fp = `${this.seed}|${ids}`;
      this.fingerprints.set(id, fp);
    }
    let given = '';
    if (this.givenFingerprints.size) {
      const { rules } = ruleReach(this.graph, id);
      for (const [k, f] of this.givenFingerprints) if (rules.has(k.slice(0, k.lastIndexOf('@')))) given += `|${k}=${f || this.lateFingerprint(k)}`;
    }
    return `${id}@${period}|${fp}${given}`;
  }

  /** The fingerprint of a given column of a differential run, taken now (see unfingerprinted). */
  private lateFingerprint(key: string): string {
    const f = columnFingerprint(this.unfingerprinted.get(key)!);
    this.givenFingerprints.set(key, f);
    this.unfingerprinted.delete(key);
    return f;
  }

  /**
   * Gives a rule's value for one period instead of computing it, as the month loop does for
   * state carried from the previous month. It must come before anything reads that period.
   */
  setInput(id: string, period: Period, column: Column): void {
    const rule = this.graph.rules.get(id);
    if (!rule) throw new JiuzhuError('UNKNOWN_RULE', `setInput: no rule named '${id}'`, { kind: 'internal', location: { key: id } });
    const size = entitySize(this.population, rule.entity);
    if (column.length !== size) throw new JiuzhuError('BAD_INPUT_LENGTH', `setInput: '${id}' needs ${size} values, got ${column.length}`, { kind: 'internal', location: { key: id } });
    const key = `${id}@${this.periodFor(rule, period)}`;
    if (this.cache.has(key)) throw new JiuzhuError('INPUT_TOO_LATE', `setInput: '${id}' for ${period} was already computed`, { kind: 'internal', location: { key: id } });
    const from = this.recording || this.differential ? this.cachedAs(column, key) : undefined;
    this.cache.set(key, column);
    this.given.add(key);
    this.givenColumns.add(column);
    if (this.shared && this.differential) {
      this.givenFingerprints.set(key, '');
      this.unfingerprinted.set(key, column);
    } else if (this.shared) this.givenFingerprints.set(key, columnFingerprint(column));
    if (this.recording) {
      this.recording.givenKeys.add(key);
      if (from !== undefined) this.recording.givenFrom.set(key, from);
      if (from === undefined || !this.recording.alias(key, from)) this.recording.record(key, column);
    }
    this.differential?.given(key, column, from);
    if (rule.period === 'month') this.temporal?.given(id, this.periodFor(rule, period), factsOf(period).index, column);
  }

  /** True if the rule's value for the period was given with setInput (state carried by the month loop). */
  isGiven(id: string, period: Period): boolean {
    const rule = this.graph.rules.get(id);
    return !!rule && this.given.has(`${id}@${this.periodFor(rule, period)}`);
  }

  /**
   * A parameter resolved for an entity on a date. Cached by the dated value in force, not by
   * the date: the months under one value share one resolution (locality lookups run once), and
   * so do the simulations of one population and its uprated copies (see resolvedParameters).
   */
  parameter(path: string, date: string, entity: Entity, tree: ParameterTree = this.parameters): ParamValue {
    const entry = tree.entryAt(path, date);
    const byPath = byHouseholds(resolvedParameters, this.population, () => new Map<string, ByEntity>());
    let byEntity = byPath.get(path);
    if (!byEntity) byPath.set(path, (byEntity = {}));
    let byEntry = byEntity[entity];
    if (!byEntry) byEntity[entity] = byEntry = new WeakMap();
    let v = byEntry.get(entry);
    if (v === undefined) {
      v = resolveParameter(tree, path, date, this.population, entity);
      byEntry.set(entry, v);
    }
    return v;
  }

  /**
   * A leaf varying by locality only, as a table looked up per household (for fused loops, so
   * no column is made for it); undefined for other leaves. Cached like `parameter`.
   */
  private tableParameter(path: string, date: string): LocalityTable | undefined {
    const entry = this.parameters.entryAt(path, date);
    const byEntry = byHouseholds(localityTables, this.population, () => new WeakMap<DatedValue, LocalityTable | null>());
    let t = byEntry.get(entry);
    if (t === undefined) byEntry.set(entry, (t = localityTable(this.parameters, path, date, this.population) ?? null));
    return t ?? undefined;
  }

  /** Person ↔ household helpers bound to this simulation's population. */
  agg(): Aggregators {
    return this.agg_;
  }

  /**
   * Drops every cached result of a period: the month loop frees months it has moved past.
   * Their buffers go back to the pool, except those a caller outside the engine has seen.
   */
  forgetPeriod(period: Period): void {
    const suffix = `@${period}`;
    const dropped: Column[] = [];
    for (const k of [...this.cache.keys()]) {
      if (!k.endsWith(suffix)) continue;
      const col = this.cache.get(k)!;
      // A given column is the caller's, except one this lending simulation made and lent (the
      // month loop gives a month's state back as the next month's input): once that month is
      // forgotten too, nothing reads it, and it goes back to the pool like any other (it used
      // to be left to the collector: about 55 MB of state a 12-month explorer move).
      if (!this.given.has(k) || (this.lend && this.allocator.releasable(col))) dropped.push(col);
      this.cache.delete(k);
      this.readersLeft.delete(k);
    }
    // A column also held under another period (a month's state given to the next) stays.
    const kept = new Set(this.cache.values());
    for (const col of dropped) {
      if (kept.has(col) || this.reuse?.holds(col) || this.temporal?.holds(col)) continue;
      this.givenColumns.delete(col);
      this.allocator.release(col);
    }
    for (const k of [...this.given]) if (k.endsWith(suffix)) this.given.delete(k);
    this.differential?.forgetPeriod(period);
    this.temporal?.forgetPeriod(period);
    for (const k of [...this.counted]) if (k.endsWith(suffix)) this.counted.delete(k);
    this.keys.delete(period);
    // A forgotten month's given columns are read no more; keeping their fingerprints would only
    // make later keys longer (never wrong: a key may name more than a rule reads).
    for (const k of [...this.givenFingerprints.keys()]) if (k.endsWith(suffix)) this.givenFingerprints.delete(k);
    for (const k of [...this.unfingerprinted.keys()]) if (k.endsWith(suffix)) this.unfingerprinted.delete(k);
  }

  /**
   * The simulation is done: every column it computed and never handed out goes back to the
   * population's pool, for the next simulation (a sweep's next variant, the next scenario).
   * The cache is emptied; anything asked later is computed again.
   */
  release(): void {
    for (const [k, col] of this.cache) if (!this.given.has(k)) this.allocator.release(col);
    for (const col of this.reuse?.clear() ?? []) this.allocator.release(col);
    for (const col of this.temporal?.clear() ?? []) this.allocator.release(col);
    this.cache.clear();
    this.readersLeft.clear();
    this.differential?.clear();
    this.counted.clear();
    this.keys.clear();
  }

  /**
   * The cache key `id@p`, one string per rule and period until the period is forgotten: a key
   * made per look-up (a new string, hashed again by every map it met) for each rule asked and
   * each input counted was about 15 MB of garbage over two years of a projection's slice loop
   * (session 13).
   */
  private keyOf(id: string, p: Period): string {
    let byId = this.keys.get(p);
    if (!byId) this.keys.set(p, (byId = new Map()));
    let k = byId.get(id);
    if (k === undefined) byId.set(id, (k = `${id}@${p}`));
    return k;
  }

  /** Number of cached rule results (for tests of the cache). */
  get cacheSize(): number {
    return this.cache.size;
  }

  /** Keyed draws over the ids of an entity (their hash prefixes are shared by the population's simulations). */
  private keyed(entity: Entity): KeyedDraws {
    const pop = this.population;
    return (this.draws[entity] ??= keyedDraws(this.seed, entity === 'household' ? pop.householdId : pop.personId));
  }

  private input(raw: string, period: Period): Column {
    const { id, sumYear } = parseInputId(raw);
    return this.inputOf(id, sumYear, period);
  }

  /** An input parsed already (ruleLists). */
  private inputOf(id: string, sumYear: boolean, period: Period): Column {
    if (!sumYear) return this.calculate(id, period);
    const months = monthsOfYear(period);
    const first = this.calculate(id, months[0]!);
    const sum = Float64Array.from(first);
    for (const m of months.slice(1)) {
      const c = this.calculate(id, m);
      for (let i = 0; i < sum.length; i++) sum[i]! += c[i]!;
    }
    return sum;
  }

  /** A yearly rule asked for a month is computed for that month's year. */
  private periodFor(rule: Rule, period: Period): Period {
    const unit = factsOf(period).unit;
    if (rule.period === unit) return period;
    if (rule.period === 'year' && unit === 'month') return period.slice(0, 4);
    throw new JiuzhuError('BAD_PERIOD', `rule '${rule.id}' is monthly; ask for a month (YYYY-MM), not ${period}`, { kind: 'usage', location: { key: rule.id } });
  }
}
