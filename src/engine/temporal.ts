/**
 * Month to month (issue #25, W4): in the month loop, month m is computed against month m − 1 of
 * the same simulation, recomputing only the households whose rows changed.
 *
 * A month of the system differs from the month before for few households: a job lost or found,
 * an illness, an entry to or exit from dibao (0.01–1% of the households per rule on the default
 * dataset). Period reuse (period-reuse.ts) cannot see it, since it needs the very same input
 * columns, and the carried state is a new column each month. This is its row-level
 * generalisation, the differential logic (differential.ts) with the previous month as the base.
 * For each monthly rule and month m, with its column of month m − 1 held:
 *
 * 1. The formula read something month-dependent last time (`ctx.period`, `date`, `random`,
 *    `series`: keyed draws are keyed by month), the rule ranks households against each other
 *    (`scope: 'population'`), a parameter value differs from last month's (a dated value's
 *    boundary), or no column of month m − 1 is held: the formula runs in full, as without this,
 *    and one pass against month m − 1's column finds the households whose rows changed.
 *    Except masked draws (`ctx.random(stream, where)`, 0 outside `where`) and the calendar
 *    (`ctx.firstMonthOfYear`, `ctx.year`, `ctx.byCalendarMonth`): when they were a formula's
 *    only month-dependent reads, with draws for at most a quarter of the households, the
 *    households of the draws' rows count as dirty next month (cases 2 and 3; see drawLimit),
 *    unless a calendar value read differs from the month before's (calendarChanges: January and
 *    February; byMonthChanges: a parameter's value of the calendar month).
 * 2. Otherwise, no input changed (row for row, by household): the column is month m − 1's, the
 *    very same object (as period reuse would hand it out).
 * 3. Otherwise, the inputs changed for at most a quarter of the households: the formula runs on
 *    a sub-population of those households (their rows of the inputs and parameters gathered),
 *    and its rows are written over a copy of month m − 1's column. If that run reads anything
 *    month-dependent, it is thrown away and the formula runs in full (case 1).
 *    Above a quarter the formula runs in full, compared with month m − 1's column on the dirty
 *    households' rows only.
 *
 * Why the rows outside the dirty households are month m − 1's: a household-local rule's row
 * depends only on its household's rows of its inputs, the parameters, and what it reads of
 * `ctx` (differential.ts; audited in test/differential.test.ts). Their inputs and parameters are
 * last month's, and the formula read nothing month-dependent last month, nor on the
 * sub-population this month. That takes one assumption beyond differential.ts's: a formula that
 * reads no month-dependent value on a set of households reads none on a subset of them (true of
 * every formula here: `ctx.random` and `ctx.period` are read unconditionally or when some row
 * needs them). The whole-system result is the same bytes with this on or off, for every example
 * scenario (test/temporal.test.ts).
 *
 * Memory: every monthly column of month m − 1 is held until month m replaces it (two months of
 * columns instead of one; a rule unchanged shares one column between the two). A month of
 * every rule is about 130 MB on the default dataset's 309,000 persons, so 10–35 MB more a
 * prefecture slice. A simulation of more than TEMPORAL_MAX_PERSONS persons (a full-count
 * prefecture, W2) does not use it.
 */
import type { Aggregators } from './aggregate.js';
import type { ColumnType } from './buffers.js';
import type { Column } from './column.js';
import { gatherParam, mergeSorted, rowsScratch, smallestSuperset, wordsOf, type Change, type Sub as DifferentialSub } from './differential.js';
import { parseInputId, type RuleGraph } from './graph.js';
import { ruleLists } from './rule-lists.js';
import type { ParamValue } from './parameters/resolve.js';
import { entitySize, type Entity, type Population } from './population.js';
import type { Rule } from './rule.js';
import { specialise } from './specialise.js';
import { HouseholdSets } from './household-sets.js';
import { MonthArena } from './month-arena.js';
import { category } from './values.js';

let enabled = process.env.JIUZHU_ENGINE_TEMPORAL !== '0';
let confinedDraws = process.env.JIUZHU_ENGINE_TEMPORAL_DRAWS !== '0';
// Sub-populations shared between close sets (subOf); `JIUZHU_ENGINE_TEMPORAL_SUPERSETS=0` starts a process without (a speed knob).
const useSupersets = process.env.JIUZHU_ENGINE_TEMPORAL_SUPERSETS !== '0';

/**
 * Turns month-to-month computation on or off for simulations made from now on (off: every
 * month computed as before; kept to check that it changes no byte). `JIUZHU_ENGINE_TEMPORAL=0`
 * starts a process with it off.
 */
export function setTemporal(on: boolean): void {
  enabled = on;
}

/** Whether simulations made now compute months against the month before. */
export function temporal(): boolean {
  return enabled;
}

/**
 * Turns on or off, for rule-months computed from now on, the month-to-month handling of rules
 * whose only month-dependent reads are masked draws (see `drawLimit`; off: such a rule runs in
 * full every month, as before). `JIUZHU_ENGINE_TEMPORAL_DRAWS=0` starts a process with it off.
 */
export function setTemporalDraws(on: boolean): void {
  confinedDraws = on;
}

/**
 * Above this many persons a simulation does not hold last month's columns: a full-count
 * prefecture slice (over a million persons each) would hold 0.4–3 GB more per worker, against
 * W2's 8 GiB; at this size at most about 210 MB. The default dataset (309,000 persons) is under
 * it even unsliced. A memory knob, not a policy number.
 */
export const TEMPORAL_MAX_PERSONS = 500_000;

/** Share of the households above which a dirty rule runs in full (as in differential.ts: gathering costs about what the formula does). */
export const TEMPORAL_SUBSET_SHARE = 0.25;

/** Calendar values a formula may read (RuleContext.firstMonthOfYear, year), as bits of what it read. */
export const CALENDAR_FIRST_MONTH = 1;
export const CALENDAR_YEAR = 2;

/** Whether a calendar value read (CALENDAR_* bits) differs between month p and the month before. */
export function calendarChanges(bits: number, p: string): boolean {
  const m = p.slice(5, 7);
  return ((bits & CALENDAR_FIRST_MONTH) !== 0 && (m === '01' || m === '02')) || ((bits & CALENDAR_YEAR) !== 0 && m === '01');
}

/** The category of month p ('YYYY-MM') in a parameter broken down by calendar month (RuleContext.byCalendarMonth). */
export function calendarMonthKey(p: string): string {
  return `m${p.slice(5, 7)}`;
}

/**
 * Whether a parameter read by calendar month (RuleContext.byCalendarMonth) has another value in
 * month p than in the month before (a value by locality, a column, counts as changed).
 */
export function byMonthChanges(values: readonly ParamValue[] | undefined, p: string): boolean {
  if (!values) return false;
  const m = Number(p.slice(5, 7));
  const before = `m${String(m === 1 ? 12 : m - 1).padStart(2, '0')}`;
  const now = calendarMonthKey(p);
  for (const v of values) {
    const a = category(v, now), b = category(v, before);
    if (typeof a !== 'number' || !Object.is(a, b)) return true;
  }
  return false;
}

/** Counts of what month-to-month computation did (tests and the bench). */
export interface TemporalStats {
  /** Rule-months whose column was the previous month's (no input changed). */
  unchanged: number;
  /** Rule-months computed on a sub-population, and its rows. */
  subset: number;
  subsetRows: number;
  /** Rule-months computed in full: because of a month-dependent read, a parameter, scope or a missing previous month; or too many dirty households. */
  full: number;
  fullRows: number;
  /** Sub-population runs thrown away because the formula read something month-dependent. */
  fallback: number;
  /**
   * Of `unchanged` and `subset`: rule-months of a rule that reads the month, not run in full for
   * it (its reads were masked draws or calendar values the same as the month before's).
   */
  followed: number;
}

const totals: TemporalStats = { unchanged: 0, subset: 0, subsetRows: 0, full: 0, fullRows: 0, fallback: 0, followed: 0 };

/** What the simulations of this process did so far, added up (a copy). */
export function temporalCounts(): TemporalStats {
  return { ...totals };
}

/** What the month-to-month logic needs of its simulation. */
export interface TemporalHost {
  readonly population: Population;
  readonly graph: RuleGraph;
  /** A column from the simulation's pool, owned by it. */
  alloc(type: ColumnType, length: number): Column;
  /** A column no longer held: back to the pool unless the simulation's cache still holds it. */
  giveBack(c: Column): void;
  /**
   * Whether last month's column of a rule (cached under `key`) may be written over to make this
   * month's: the simulation made it, nobody outside holds it, and no other key holds it (a
   * month's state given to the next). If so, the simulation forgets it under `key`.
   */
  takeOver(key: string, c: Column): boolean;
  /**
   * A formula run on a sub-population (`rows`: its rows of the rule's entity in the population); readPeriod: whether it read anything month-dependent;
   * drawn: when that was only masked draws and calendar values (see Temporal.drawLimit), the
   * draws' rows; calendar: the calendar values read (CALENDAR_* bits); byMonth: the parameters
   * read by calendar month.
   */
  runOn(rule: Rule, p: string, sub: Population, rows: Int32Array, agg: Aggregators, inputs: Record<string, Column>, params: Record<string, ParamValue>): { out: Column; readPeriod: boolean; drawn: ArrayLike<number> | undefined; calendar: number; byMonth: ParamValue[] | undefined };
  /** The key of a rule's column for the month before p. */
  previousKey(id: string, p: string): string;
  aggregators(sub: Population): Aggregators;
}

/** A rule's column of its latest month, held for the next. */
interface Held {
  index: number;
  column: Column;
  /** The latest run (in full or on a sub-population) read something month-dependent. */
  readPeriod: boolean;
  /**
   * When the latest run's only month-dependent reads were masked draws and calendar values: the
   * households of the draws' rows (ascending; see Temporal.drawLimit).
   */
  drawn?: Int32Array;
  /** Calendar values the rule's runs read since it was last run in full (CALENDAR_* bits): they stay read. */
  calendar: number;
  /** Parameters its runs read by calendar month since it was last run in full: they stay read too. */
  byMonth?: readonly ParamValue[];
  params: readonly ParamValue[];
}

/** A differential run's sub-population, with its parameters' rows gathered too. */
interface Sub extends DifferentialSub {
  /** Parameters' rows (a locality column gathered), by resolved value. */
  params: Map<ParamValue, ParamValue>;
}

/** What to do with a rule this month: its column (decided), or run the formula in full, knowing the dirty households when they are known. */
export type TemporalDecision = { column: Column } | { dirty: Change | undefined };

export class Temporal {
  private readonly held = new Map<string, Held>();
  private readonly holding = new Map<Column, number>();
  /** Households whose rows changed against the month before, by period then id (no key string made per look-up). */
  private readonly changes = new Map<string, Map<string, Change>>();
  /** inputChange's list of its inputs' change sets, reused. */
  private readonly inputSets: Int32Array[] = [];
  private readonly lastGiven = new Map<string, { index: number; column: Column }>();
  /**
   * Of a rule's column of some month: the rule, the month, and the column it was compared
   * against (the month before's). A month's state given to the next month is such a column, and
   * its change is then known without comparing it again.
   */
  private readonly owners = new WeakMap<Column, { id: string; p: string; index: number; against: Column | undefined }>();
  private readonly sets = new HouseholdSets();
  /** Sub-populations of this month's change sets, with their inputs' rows gathered (this month's). */
  private readonly subs = new Map<Int32Array, Sub>();
  /** The sub-populations made this month, for sets they hold (subOf). */
  private monthSubs: Sub[] = [];
  private setsIndex = -1;
  /** The month's sub-populations' columns (their gathered inputs, membership, formulas' allocations): taken back when the next month starts. */
  readonly arena = new MonthArena();
  private readonly arenaFloat64 = (n: number): Float64Array => this.arena.alloc(Float64Array, n, false);
  readonly stats: TemporalStats = { unchanged: 0, subset: 0, subsetRows: 0, full: 0, fullRows: 0, fallback: 0, followed: 0 };

  constructor(private readonly host: TemporalHost) {}

  /** Whether the column is held for next month (it must not go back to the pool). */
  holds(c: Column): boolean {
    return this.holding.has(c);
  }

  /**
   * Before a monthly rule's formula runs for month `index` (its inputs computed, its parameters
   * resolved): its column when it follows from last month's, else what is known of its dirty
   * households for `computed`.
   */
  before(rule: Rule, p: string, index: number, inputs: Record<string, Column>, params: Record<string, ParamValue>): TemporalDecision {
    this.newMonth(index);
    const prev = this.held.get(rule.id);
    if (!prev || prev.index !== index - 1 || (prev.readPeriod && !prev.drawn) || rule.scope === 'population' || calendarChanges(prev.calendar, p) || byMonthChanges(prev.byMonth, p)) return { dirty: undefined };
    // The same parameter values as last month's, in order (then prev.params stands for them).
    const aliases = ruleLists(rule).paramAliases;
    if (aliases.length !== prev.params.length) return { dirty: undefined };
    for (let k = 0; k < aliases.length; k++) if (!Object.is(params[aliases[k]!], prev.params[k])) return { dirty: undefined };
    let dirty = this.inputChange(rule, p);
    // A rule that drew last month: the households it drew for are recomputed too (new draws).
    const followed = prev.drawn !== undefined;
    if (followed && dirty !== 'all' && prev.drawn!.length) dirty = this.canonical(dirty === 'none' ? prev.drawn! : mergeSorted(dirty, prev.drawn!));
    if (dirty === 'none') {
      this.count('unchanged', 1);
      if (followed) this.count('followed', 1);
      this.changesOf(p).set(rule.id, 'none');
      // No input changed and no draw last month: none this month either (the same masks).
      this.hold(rule.id, { index, column: prev.column, readPeriod: prev.readPeriod, drawn: prev.drawn, calendar: prev.calendar, byMonth: prev.byMonth, params: prev.params });
      return { column: prev.column };
    }
    if (dirty === 'all' || dirty.length > TEMPORAL_SUBSET_SHARE * this.host.population.nHouseholds) return { dirty: followed ? undefined : dirty };
    return this.subset(rule, p, index, dirty, prev, inputs, params) ?? { dirty: undefined };
  }

  /**
   * How many rows of masked draws a formula run in full may make and still be followed month to
   * month (0: not at all). A draw of month m is 0 outside its mask (`ctx.random(stream, where)`),
   * so a household-local rule whose only month-dependent reads are masked draws depends on the
   * month only at the households of their rows: next month it is recomputed on those households
   * and the dirty ones, not in full (the rows outside are last month's: the same inputs, hence the
   * same masks, and no draw). Above a quarter of the households, it runs in full as before.
   * A rule whose run last month read the month otherwise, or drew for more than that, is not
   * collected for again (issue #25, W4: job_lost, serious_illness_onset and legal_aid_case
   * collected a quarter of the households' rows every month only to give up): it runs in full
   * next month, which is always sound (a rule whose draws would fall back under the limit is
   * then run in full where it could have been followed: time, never a value).
   */
  drawLimit(rule: Rule): number {
    const prev = this.held.get(rule.id);
    if (prev && prev.readPeriod && !prev.drawn) return 0;
    return confinedDraws && rule.scope !== 'population' ? Math.floor(TEMPORAL_SUBSET_SHARE * this.host.population.nHouseholds) : 0;
  }

  /**
   * A rule's formula ran in full for month `index`: the households that changed, and the column
   * held for next month. `drawn`: the rows of its masked draws, when they were its only
   * month-dependent reads.
   */
  computed(rule: Rule, p: string, index: number, out: Column, readPeriod: boolean, dirty: Change | undefined, params: Record<string, ParamValue>, drawn?: ArrayLike<number>, calendar = 0, byMonth?: readonly ParamValue[]): void {
    this.count('full', 1);
    this.count('fullRows', out.length);
    const drawnSet = readPeriod && drawn ? householdsOf(drawn, rule.entity === 'person' ? this.host.population.personHousehold : undefined, undefined) : undefined;
    const prev = this.held.get(rule.id);
    let change: Change = 'all';
    if (prev && prev.index === index - 1 && prev.column.constructor === out.constructor && prev.column.length === out.length) {
      // Rows outside the dirty households are last month's when neither run read the month.
      const rows = dirty instanceof Int32Array && !readPeriod && !prev.readPeriod && rule.scope !== 'population' ? dirty : undefined;
      change = prev.column === out ? 'none' : this.compare(out, prev.column, rule.entity, rows);
      this.owners.set(out, { id: rule.id, p, index, against: prev.column });
    }
    this.changesOf(p).set(rule.id, change);
    this.hold(rule.id, { index, column: out, readPeriod, drawn: drawnSet, calendar, byMonth, params: Object.values(params) });
  }

  /** A rule's column taken from elsewhere (the shared results): compared with last month's. */
  observed(rule: Rule, p: string, index: number, column: Column): void {
    this.computed(rule, p, index, column, true, undefined, {});
    this.stats.full--;
    totals.full--;
    this.stats.fullRows -= column.length;
    totals.fullRows -= column.length;
  }

  /** A column given for a month (the month loop's carried state): compared with the one given or computed the month before. */
  given(id: string, p: string, index: number, column: Column): void {
    this.newMonth(index);
    const entity = this.host.graph.entityOf(id);
    const last = this.lastGiven.get(id);
    const h = this.held.get(id);
    const against = last?.index === index - 1 ? last.column : h?.index === index - 1 ? h.column : undefined;
    const o = this.owners.get(column);
    const known = o && o.index === index - 1 && against !== undefined && o.against === against ? this.changeOf(o.id, o.p) : undefined;
    const change: Change = !against || against.constructor !== column.constructor || against.length !== column.length ? 'all' : against === column ? 'none' : known ?? this.compare(column, against, entity, undefined);
    this.changesOf(p).set(id, change);
    this.lastGiven.set(id, { index, column });
    if (h) this.drop(id);
  }

  /**
   * The households whose rows of a rule's (or given column's) month `p` differ from its month
   * before, when known: 'none' when every row is the same, 'all' when not tracked row by row.
   */
  changeOf(id: string, p: string): Change | undefined {
    return this.changes.get(p)?.get(id);
  }

  /** A period is over: its changes go. */
  forgetPeriod(period: string): void {
    this.changes.delete(period);
  }

  /** The change sets of period p, by id. */
  private changesOf(p: string): Map<string, Change> {
    let m = this.changes.get(p);
    if (!m) this.changes.set(p, (m = new Map()));
    return m;
  }

  /** Every held column, and the store emptied (the simulation is released). */
  clear(): Column[] {
    const all = [...this.holding.keys()];
    this.held.clear();
    this.holding.clear();
    this.changes.clear();
    this.lastGiven.clear();
    this.sets.clear();
    this.subs.clear();
    this.monthSubs = [];
    this.inputSets.length = 0;
    this.arena.clear();
    return all;
  }

  private count(k: keyof TemporalStats, n: number): void {
    this.stats[k] += n;
    totals[k] += n;
  }

  /** Change sets are canonical within a month; a sub-population's gathered inputs are its month's. */
  private newMonth(index: number): void {
    if (index === this.setsIndex) return;
    this.setsIndex = index;
    this.sets.clear();
    this.subs.clear();
    this.monthSubs = [];
    this.arena.reset();
  }

  private hold(id: string, h: Held): void {
    const old = this.held.get(id);
    this.held.set(id, h);
    this.holding.set(h.column, (this.holding.get(h.column) ?? 0) + 1);
    if (old) this.unhold(old.column);
  }

  private drop(id: string): void {
    const old = this.held.get(id);
    if (!old) return;
    this.held.delete(id);
    this.unhold(old.column);
  }

  private unhold(c: Column): void {
    const n = this.holding.get(c)! - 1;
    if (n > 0) this.holding.set(c, n);
    else {
      this.holding.delete(c);
      this.host.giveBack(c);
    }
  }

  /** Households whose rows of the rule's inputs changed since last month. */
  private inputChange(rule: Rule, p: string): Change {
    // A list kept from call to call and filled from its start (emptying it with `length = 0`
    // would let its backing store go, to be grown again at the next push).
    const changes = this.inputSets;
    let count = 0;
    const { inputIds, inputSumYear } = ruleLists(rule);
    const month = this.changes.get(p);
    for (let k = 0; k < inputIds.length; k++) {
      const id = inputIds[k]!;
      const input = this.host.graph.rules.get(id);
      if (!input) continue; // a dataset column or the weights: the same every month
      if (inputSumYear[k]) return 'all';
      // A yearly rule's column is the same within its year; a new year (January) is unknown
      // (the rule's own parameters would have differed too, most likely).
      if (input.period === 'year') {
        if (p.endsWith('-01')) return 'all';
        continue;
      }
      const c = month?.get(id) ?? 'all';
      if (c === 'all') return 'all';
      if (c !== 'none') changes[count++] = c;
    }
    if (!count) return 'none';
    let acc = changes[0]!;
    for (let k = 1; k < count; k++) if (changes[k] !== acc) acc = mergeSorted(acc, changes[k]!);
    return this.canonical(acc);
  }

  /** The rule on the dirty households, written over a copy of last month's column; undefined when the run read the month. */
  private subset(rule: Rule, p: string, index: number, dirty: Int32Array, prev: Held, inputs: Record<string, Column>, params: Record<string, ParamValue>): TemporalDecision | undefined {
    const host = this.host;
    const sub = this.subOf(dirty);
    const person = rule.entity === 'person';
    const rows = person ? sub.persons : sub.households;
    const { inputAliases, inputRaws, paramAliases } = ruleLists(rule);
    const subInputs: Record<string, Column> = {};
    for (let k = 0; k < inputAliases.length; k++) {
      const alias = inputAliases[k]!;
      subInputs[alias] = this.gathered(sub, inputRaws[k]!, inputs[alias]!);
    }
    const subParams: Record<string, ParamValue> = {};
    const size = entitySize(host.population, rule.entity);
    for (const alias of paramAliases) {
      const v = params[alias]!;
      let g = typeof v === 'number' ? v : sub.params.get(v);
      if (g === undefined) sub.params.set(v, (g = gatherParam(v, rows, size, this.arenaFloat64)));
      subParams[alias] = g;
    }
    const run = host.runOn(rule, p, sub.population, rows, sub.agg, subInputs, subParams);
    const { out, drawn } = run;
    // Masked draws and calendar values are followed only for a rule whose reads were followed
    // last month (the households it drew for are in `dirty`); any other month-dependent read, or
    // a calendar value that differs from the month before's, means a run in full. Calendar
    // values once read stay read: a run on a few households may not read what others would.
    const followed = prev.drawn !== undefined;
    const calendar = prev.calendar | run.calendar;
    const byMonth = run.byMonth ? [...(prev.byMonth ?? []), ...run.byMonth] : prev.byMonth;
    const readPeriod = run.readPeriod || calendar !== 0 || byMonth !== undefined;
    if ((run.readPeriod && !(followed && drawn && !calendarChanges(run.calendar, p) && !byMonthChanges(run.byMonth, p))) || out.constructor !== prev.column.constructor) {
      this.count('fallback', 1);
      return undefined;
    }
    this.count('subset', 1);
    this.count('subsetRows', rows.length);
    if (followed) this.count('followed', 1);
    // Its rows of this month's column: what a later rule on the same households would gather.
    sub.gathered.set(rule.id, out);
    const drawnSet = readPeriod ? householdsOf(drawn ?? [], person ? sub.population.personHousehold : undefined, sub.households) : undefined;
    // The rows that differ go to a reused scratch (they were a new array grown a row at a time,
    // 28 MB of the heap's garbage over two years of a slice loop, session 13), then their
    // households, once each, copied out.
    const words = wordsOf(out);
    const changed = rowsScratch(rows.length);
    const found = diffAt(words)(words, wordsOf(prev.column), rows, words.length / out.length, changed);
    // The parameters are last month's (before compared them): prev.params stands for them.
    const values = prev.params;
    const changes = this.changesOf(p);
    if (!found) {
      changes.set(rule.id, 'none');
      this.hold(rule.id, { index, column: prev.column, readPeriod, drawn: drawnSet, calendar, byMonth, params: values });
      return { column: prev.column };
    }
    const ph = person ? sub.population.personHousehold : undefined;
    let n = 0;
    for (let k = 0; k < found; k++) {
      const h = sub.households[ph ? ph[changed[k]!]! : changed[k]!]!;
      if (n === 0 || h !== changed[n - 1]) changed[n++] = h;
    }
    const households = this.canonical(changed.slice(0, n));
    // Last month's column is written over when nothing else holds it (most rules): no copy.
    const inPlace = this.holding.get(prev.column) === 1 && host.takeOver(host.previousKey(rule.id, p), prev.column);
    const column = inPlace ? prev.column : host.alloc(prev.column.constructor as ColumnType, prev.column.length);
    if (!inPlace) {
      column.set(prev.column);
      this.owners.set(column, { id: rule.id, p, index, against: prev.column });
    } else this.owners.delete(column);
    scatter(column)(column, rows, out);
    changes.set(rule.id, households);
    if (inPlace) this.held.set(rule.id, { index, column, readPeriod, drawn: drawnSet, calendar, byMonth, params: values });
    else this.hold(rule.id, { index, column, readPeriod, drawn: drawnSet, calendar, byMonth, params: values });
    return { column };
  }

  private gathered(sub: Sub, raw: string, col: Column): Column {
    let out = sub.gathered.get(raw);
    if (out) return out;
    const rows = this.host.graph.entityOf(parseInputId(raw).id) === 'person' ? sub.persons : sub.households;
    out = this.arena.alloc(col.constructor as ColumnType, rows.length, false);
    gather(col)(out, col, rows);
    sub.gathered.set(raw, out);
    return out;
  }

  /** Households whose rows differ (`rows`: only those households', the others known equal). */
  private compare(a: Column, b: Column, entity: Entity, households: Int32Array | undefined): Change {
    const pop = this.host.population;
    const nH = pop.nHouseholds;
    const wa = wordsOf(a), wb = wordsOf(b);
    const per = wa.length / a.length;
    // The rows that differ go to a reused scratch (at most one per row), not a new array grown a
    // row at a time: those were the largest garbage of a later month (34 MB over two years of a
    // slice loop, many of them large enough to go straight to the old generation; session 13).
    const changed = rowsScratch(a.length);
    // A household column stops at the first row beyond a quarter of the households: the answer is
    // then 'all' (as below). A column that changes everywhere (the month loop's month counter,
    // given every month; events_active in the second month) is not collected row by row. A person
    // column's rows are not its households, so it is compared in full.
    const limit = entity === 'household' ? Math.floor(TEMPORAL_SUBSET_SHARE * nH) : Infinity;
    let found: number;
    if (households) found = diffHouseholds(wa)(wa, wb, households, entity === 'person' ? pop.householdStart : undefined, per, changed);
    else if (a instanceof Float64Array) found = diffFloat64(a, b as Float64Array, changed, limit);
    else if (a.BYTES_PER_ELEMENT < 4 && a.byteOffset % 4 === 0 && b.byteOffset % 4 === 0) found = diffNarrow(a, b, changed, limit);
    else found = diffAll(wa)(wa, wb, per, changed, limit);
    if (found < 0) return 'all';
    if (!found) return 'none';
    const hh = entity === 'person' ? pop.personHousehold : undefined;
    let n = 0;
    for (let k = 0; k < found; k++) {
      const h = hh ? hh[changed[k]!]! : changed[k]!;
      if (n === 0 || h !== changed[n - 1]) changed[n++] = h;
    }
    // nH read before the loops: a read here deoptimised compare at every call (V8 kept
    // entering code compiled for another population's shape; docs/performance.md, session 13).
    if (n > TEMPORAL_SUBSET_SHARE * nH) return 'all';
    return this.canonical(changed.slice(0, n));
  }

  private canonical(set: Int32Array): Int32Array {
    return this.sets.canonical(set);
  }

  /**
   * The sub-population to compute a set of households on: one made this month for a set that
   * holds them all and is not much larger (differential.ts's SUPERSET_SLACK), else one of their
   * own. The other households' rows come out as last month's (their inputs and parameters are,
   * and they have no draw), so the rules of a month share fewer sub-populations and gathered
   * inputs.
   */
  private subOf(households: Int32Array): Sub {
    let sub = this.subs.get(households) ?? (useSupersets ? this.supersetSub(households) : undefined);
    if (sub) {
      this.subs.set(households, sub);
      return sub;
    }
    const { population, persons } = subPopulation(this.host.population, households, this.arena);
    sub = { population, households, persons, agg: this.host.aggregators(population), gathered: new Map(), params: new Map() };
    this.subs.set(households, sub);
    this.monthSubs.push(sub);
    return sub;
  }

  /** The smallest sub-population made this month whose households hold every one of `set` and are at most SUPERSET_SLACK more. */
  private supersetSub(set: Int32Array): Sub | undefined {
    return smallestSuperset(this.monthSubs, set);
  }
}

/**
 * The households (ascending, each once) of rows of an entity: `personHousehold` maps person rows
 * to their household (none for household rows), and `households` a sub-population's household
 * index to the population's.
 */
function householdsOf(rows: ArrayLike<number>, personHousehold: Int32Array | undefined, households: Int32Array | undefined): Int32Array {
  const out = new Int32Array(rows.length);
  for (let k = 0; k < rows.length; k++) {
    const h = personHousehold ? personHousehold[rows[k]!]! : rows[k]!;
    out[k] = households ? households[h]! : h;
  }
  out.sort();
  let n = 0;
  for (let k = 0; k < out.length; k++) if (n === 0 || out[k] !== out[n - 1]) out[n++] = out[k]!;
  return n === out.length ? out : out.slice(0, n);
}

/**
 * The households `households` (ascending) of a population as one of their own, for formulas:
 * membership only, no dataset column (inputs are gathered), and ids and weights gathered only if
 * read (draws keyed by id; weights are read by population-scope rules only, never run here).
 * Lighter than selectHouseholdRows: made for every change set of every month.
 */
function subPopulation(pop: Population, households: Int32Array, arena: MonthArena): { population: Population; persons: Int32Array } {
  const nH = households.length;
  const start = pop.householdStart;
  const householdStart = arena.alloc(Int32Array, nH + 1);
  for (let i = 0; i < nH; i++) {
    const h = households[i]!;
    householdStart[i + 1] = householdStart[i]! + start[h + 1]! - start[h]!;
  }
  const nP = householdStart[nH]!;
  const persons = arena.alloc(Int32Array, nP, false);
  const personHousehold = arena.alloc(Int32Array, nP, false);
  for (let i = 0, o = 0; i < nH; i++) {
    const h = households[i]!;
    for (let q = start[h]!; q < start[h + 1]!; q++, o++) {
      persons[o] = q;
      personHousehold[o] = i;
    }
  }
  return { population: new SubPopulation(pop, households, persons, personHousehold, householdStart), persons };
}

/** No dataset column: a sub-population's inputs are gathered (one object for every sub-population). */
const NO_COLUMNS: Readonly<Record<string, Column>> = Object.freeze({});

/**
 * A sub-population's Population (subPopulation): one class, so every sub-population has one
 * shape and no object of accessors and closures of its own. They live the month and so mostly
 * outlived the young generation: as object literals with getters they were the largest of the
 * month-to-month bookkeeping that reached the old generation (session 13).
 */
class SubPopulation implements Population {
  readonly nPersons: number;
  readonly nHouseholds: number;
  readonly person = NO_COLUMNS;
  readonly household = NO_COLUMNS;
  private hId: Float64Array | undefined;
  private pId: Float64Array | undefined;
  private w: Float64Array | undefined;

  constructor(
    private readonly of: Population,
    private readonly rowsH: Int32Array,
    private readonly rowsP: Int32Array,
    readonly personHousehold: Int32Array,
    readonly householdStart: Int32Array,
  ) {
    this.nPersons = rowsP.length;
    this.nHouseholds = rowsH.length;
  }

  get householdId(): Float64Array {
    return (this.hId ??= pick(this.of.householdId, this.rowsH));
  }
  get personId(): Float64Array {
    return (this.pId ??= pick(this.of.personId, this.rowsP));
  }
  get weight(): Float64Array {
    return (this.w ??= pick(this.of.weight, this.rowsH));
  }
}

/** Rows `rows` of a column, in a new array (ids and weights are read past the month, not from the arena). */
function pick(c: Float64Array, rows: Int32Array): Float64Array {
  const out = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = c[rows[i]!]!;
  return out;
}

// The diff kernels below write the rows that differ into `out` (ascending; room for one per row)
// and return their number; -1, stopping there, once they hold more than `limit` rows (the caller
// then takes every row as changed).

/** Rows of two 1- or 2-byte columns that differ, four bytes at a time (most words are equal). */
function diffNarrow(a: Column, b: Column, out: Int32Array, limit: number): number {
  const words = a.byteLength >>> 2;
  const wa = new Int32Array(a.buffer, a.byteOffset, words), wb = new Int32Array(b.buffer, b.byteOffset, words);
  const per = 4 / a.BYTES_PER_ELEMENT;
  let n = 0;
  for (let w = 0; w < words; w++) {
    if (wa[w] === wb[w]) continue;
    for (let i = w * per; i < (w + 1) * per; i++) {
      if (a[i] !== b[i] && (out[n++] = i, n > limit)) return -1;
    }
  }
  for (let i = words * per; i < a.length; i++) {
    if (a[i] !== b[i] && (out[n++] = i, n > limit)) return -1;
  }
  return n;
}

// Kernels over a column's words (wordsOf: a float64 row is `per` = 2 words), compiled per class.
function diffAllKernel(a: ArrayLike<number>, b: ArrayLike<number>, per: number, out: Int32Array, limit: number): number {
  let n = 0;
  if (per === 2) {
    const rows = a.length >>> 1;
    for (let i = 0; i < rows; i++) {
      if ((a[2 * i] !== b[2 * i] || a[2 * i + 1] !== b[2 * i + 1]) && (out[n++] = i, n > limit)) return -1;
    }
    return n;
  }
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i] && (out[n++] = i, n > limit)) return -1;
  }
  return n;
}
const diffAll = specialise(diffAllKernel);

/**
 * Rows of two float64 columns that differ, compared as numbers (one load each, not two words):
 * a row is reported when the values differ, when both are zeros of different signs, or when
 * either is NaN (NaN !== NaN). Reporting a row that did not change is safe (it is recomputed);
 * missing one that did is not, and this misses none.
 */
function diffFloat64(a: Float64Array, b: Float64Array, out: Int32Array, limit: number): number {
  let n = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!, y = b[i]!;
    if ((x !== y || (x === 0 && 1 / x !== 1 / y)) && (out[n++] = i, n > limit)) return -1;
  }
  return n;
}

/** Rows of the given households (household h: rows start[h] to start[h + 1], or h alone without start) that differ. */
function diffHouseholdsKernel(a: ArrayLike<number>, b: ArrayLike<number>, households: Int32Array, start: Int32Array | undefined, per: number, out: Int32Array): number {
  let n = 0;
  for (let k = 0; k < households.length; k++) {
    const h = households[k]!;
    const from = start ? start[h]! : h, to = start ? start[h + 1]! : h + 1;
    for (let i = from; i < to; i++) {
      if (per === 2 ? a[2 * i] !== b[2 * i] || a[2 * i + 1] !== b[2 * i + 1] : a[i] !== b[i]) out[n++] = i;
    }
  }
  return n;
}
const diffHouseholds = specialise(diffHouseholdsKernel);

/** Rows i of `a` (a sub-population's) that differ from rows rows[i] of `b` (into `out`; their number). */
function diffAtKernel(a: ArrayLike<number>, b: ArrayLike<number>, rows: Int32Array, per: number, out: Int32Array): number {
  let n = 0;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    if (per === 2 ? a[2 * i] !== b[2 * r] || a[2 * i + 1] !== b[2 * r + 1] : a[i] !== b[r]) out[n++] = i;
  }
  return n;
}
const diffAt = specialise(diffAtKernel);

function gatherKernel(out: Column, col: ArrayLike<number>, rows: Int32Array): void {
  for (let i = 0; i < rows.length; i++) out[i] = col[rows[i]!]!;
}
const gather = specialise(gatherKernel);

function scatterKernel(out: Column, rows: Int32Array, values: ArrayLike<number>): void {
  for (let i = 0; i < rows.length; i++) out[rows[i]!] = values[i]!;
}
const scatter = specialise(scatterKernel);
