/**
 * Simulation: a population, a parameter tree and a rule graph. Rules are computed on
 * demand over whole columns, once per (rule, period), and cached.
 */
import { bindAggregators, type Aggregators } from './aggregate.js';
import type { Column } from './column.js';
import { JiuzhuError } from './errors.js';
import { buildRuleGraph, parseInputId, type RuleGraph } from './graph.js';
import { resolveParameter, type ParamValue } from './parameters/resolve.js';
import type { ParameterTree } from './parameters/tree.js';
import type { DatedValue } from './parameters/types.js';
import { monthIndex, monthsOfYear, periodStartDate, periodUnit, type Period } from './period.js';
import { entitySize, type Entity, type Population } from './population.js';
import { keyedDraws, streamId, type KeyedDraws } from './random.js';
import type { Rule, RuleContext } from './rule.js';
import { columnFingerprint, leafIdentity, ruleReach, type SharedResults } from './shared-results.js';

/** The month key of persistent draws: before any real month (months count from year 0). */
const PERSISTENT = -1;

/** The household weight is readable as an input column by this name (for rules such as quotas that need population counts). */
export const WEIGHT = 'weight';

/**
 * Resolved parameters, shared by every simulation of a population: keyed by path and entity,
 * then by the dated value in force (an object of the tree). Trees made by overrides share the
 * dated values of every leaf they leave alone, so a reform or a sweep resolves only what it
 * changed; a dated value no tree holds any more drops out with it.
 */
const resolvedParameters = new WeakMap<Population, Map<string, WeakMap<DatedValue, ParamValue>>>();

/**
 * What a formula gets as `ctx`. Its methods live on the class, not in closures made per call:
 * optimised formula code that calls `ctx.random` then finds the same function every month and
 * every simulation, instead of being deoptimised ("wrong call target") and run again in the
 * interpreter each time.
 */
class FormulaContext implements RuleContext {
  constructor(
    readonly period: Period,
    readonly date: string,
    readonly size: number,
    readonly agg: Aggregators,
    private readonly draws: () => KeyedDraws,
    private readonly monthIndex: number,
  ) {}
  random(stream: string, where?: ArrayLike<number>): Float64Array {
    return this.draws().uniforms(this.monthIndex, streamId(stream), where);
  }
  randomOnce(stream: string, where?: ArrayLike<number>): Float64Array {
    return this.draws().uniforms(PERSISTENT, streamId(stream), where);
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
}

export class Simulation {
  readonly population: Population;
  readonly parameters: ParameterTree;
  readonly graph: RuleGraph;
  readonly seed: number;
  private readonly cache = new Map<string, Column>();
  /** Keys `id@period` whose values were given with setInput rather than computed. */
  private readonly given = new Set<string>();
  private readonly agg_: Aggregators;
  private readonly draws: { person?: KeyedDraws; household?: KeyedDraws } = {};
  private readonly shared: SharedResults | undefined;
  /** Per rule: the seed and the identities of every parameter leaf it reaches (see shared-results.ts). */
  private readonly fingerprints = new Map<string, string>();
  /** Content fingerprints of the given columns, by `id@period`. */
  private readonly givenFingerprints = new Map<string, string>();

  constructor(options: SimulationOptions) {
    this.population = options.population;
    this.parameters = options.parameters;
    this.seed = options.seed ?? 1;
    const pop = options.population;
    this.graph = 'order' in options.rules
      ? options.rules
      : buildRuleGraph(options.rules, { person: Object.keys(pop.person), household: [...Object.keys(pop.household), WEIGHT] }, options.parameters);
    this.agg_ = bindAggregators(pop);
    if (options.shared && options.shared.population !== pop) {
      throw new JiuzhuError('SHARED_POPULATION', 'shared results belong to another population', { kind: 'internal' });
    }
    this.shared = options.shared;
  }

  /** Entity of a rule or dataset column. */
  entityOf(id: string): Entity {
    return this.graph.entityOf(id);
  }

  /** The column of a rule (or dataset column) for a period, computed once and cached. */
  calculate(id: string, period: Period): Column {
    const pop = this.population;
    const col = pop.person[id] ?? pop.household[id] ?? (id === WEIGHT ? pop.weight : undefined);
    if (col && !this.graph.rules.has(id)) return col;
    const rule = this.graph.rules.get(id);
    if (!rule) throw new JiuzhuError('UNKNOWN_RULE', `no rule or column named '${id}'`, { kind: 'usage', location: { key: id } });
    const p = this.periodFor(rule, period);
    const key = `${id}@${p}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    const sharedKey = this.shared ? this.sharedKey(id, p) : undefined;
    const sharedHit = sharedKey === undefined ? undefined : this.shared!.get(sharedKey);
    if (sharedHit) {
      this.cache.set(key, sharedHit);
      return sharedHit;
    }
    const inputs: Record<string, Column> = {};
    for (const [alias, raw] of Object.entries(rule.inputs)) inputs[alias] = this.input(raw, p);
    const date = periodStartDate(p);
    const params: Record<string, ParamValue> = {};
    for (const [alias, path] of Object.entries(rule.parameters)) params[alias] = this.parameter(path, date, rule.entity);
    const size = entitySize(pop, rule.entity);
    const mi = periodUnit(p) === 'month' ? monthIndex(p) : Number(p) * 12;
    const entity = rule.entity;
    const out = rule.formula(inputs, params, new FormulaContext(p, date, size, this.agg_, () => this.keyed(entity), mi));
    if (!out || out.length !== size) {
      throw new JiuzhuError('BAD_RULE_OUTPUT', `rule '${id}' returned ${out?.length} values for ${size} ${rule.entity}s`, { kind: 'internal', location: { key: id } });
    }
    this.cache.set(key, out);
    if (sharedKey !== undefined) this.shared!.offer(sharedKey, out);
    return out;
  }

  /**
   * The key of a rule's column in the shared store: rule, period, the seed and parameter
   * leaves it reaches, and the content of every given column of a rule it reaches.
   */
  private sharedKey(id: string, period: Period): string {
    let fp = this.fingerprints.get(id);
    if (fp === undefined) {
      const reach = ruleReach(this.graph, id);
      fp = `${this.seed}|${reach.paths.map((path) => leafIdentity(this.parameters, path)).join(',')}`;
      this.fingerprints.set(id, fp);
    }
    let given = '';
    if (this.givenFingerprints.size) {
      const { rules } = ruleReach(this.graph, id);
      for (const [k, f] of this.givenFingerprints) if (rules.has(k.slice(0, k.lastIndexOf('@')))) given += `|${k}=${f}`;
    }
    return `${id}@${period}|${fp}${given}`;
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
    this.cache.set(key, column);
    this.given.add(key);
    if (this.shared) this.givenFingerprints.set(key, columnFingerprint(column));
  }

  /** True if the rule's value for the period was given with setInput (state carried by the month loop). */
  isGiven(id: string, period: Period): boolean {
    const rule = this.graph.rules.get(id);
    return !!rule && this.given.has(`${id}@${this.periodFor(rule, period)}`);
  }

  /**
   * A parameter resolved for an entity on a date. Cached by the dated value in force, not by
   * the date: the months under one value share one resolution (locality lookups run once), and
   * so do the simulations of one population (see resolvedParameters).
   */
  parameter(path: string, date: string, entity: Entity): ParamValue {
    const entry = this.parameters.entryAt(path, date);
    let byPath = resolvedParameters.get(this.population);
    if (!byPath) resolvedParameters.set(this.population, (byPath = new Map()));
    const key = `${path}@${entity}`;
    let byEntry = byPath.get(key);
    if (!byEntry) byPath.set(key, (byEntry = new WeakMap()));
    let v = byEntry.get(entry);
    if (v === undefined) {
      v = resolveParameter(this.parameters, path, date, this.population, entity);
      byEntry.set(entry, v);
    }
    return v;
  }

  /** Person ↔ household helpers bound to this simulation's population. */
  agg(): Aggregators {
    return this.agg_;
  }

  /** Drops every cached result of a period: the month loop frees months it has moved past. */
  forgetPeriod(period: Period): void {
    const suffix = `@${period}`;
    for (const k of [...this.cache.keys()]) if (k.endsWith(suffix)) this.cache.delete(k);
    for (const k of [...this.given]) if (k.endsWith(suffix)) this.given.delete(k);
    // A forgotten month's given columns are read no more; keeping their fingerprints would only
    // make later keys longer (never wrong: a key may name more than a rule reads).
    for (const k of [...this.givenFingerprints.keys()]) if (k.endsWith(suffix)) this.givenFingerprints.delete(k);
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
    const unit = periodUnit(period);
    if (rule.period === unit) return period;
    if (rule.period === 'year' && unit === 'month') return period.slice(0, 4);
    throw new JiuzhuError('BAD_PERIOD', `rule '${rule.id}' is monthly; ask for a month (YYYY-MM), not ${period}`, { kind: 'usage', location: { key: rule.id } });
  }
}
