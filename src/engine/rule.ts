/**
 * Rules: one small pure formula over whole columns. A rule declares its entity, period,
 * inputs (other rules or dataset columns) and parameters; the engine does the rest.
 */
import type { Aggregators } from './aggregate.js';
import type { ColumnType } from './buffers.js';
import type { Column } from './column.js';
import type { ParamValue } from './parameters/resolve.js';
import type { Entity } from './population.js';
import type { PeriodUnit } from './period.js';
import { JiuzhuError } from './errors.js';

/** A rule cites the clauses of the opinion it implements, or a published source. */
export type RuleReference = { clause: string | readonly string[] } | { source: string };

/** What a formula receives besides its inputs and parameters. */
export interface RuleContext {
  /** The period computed: 'YYYY-MM' or 'YYYY'. */
  readonly period: string;
  /** The date parameters were read on (first day of the period). */
  readonly date: string;
  /**
   * Whether the period is the first month of its year (a month only). Read this rather than the
   * period when that is all a formula needs: computing month to month (temporal.ts), it changes
   * only in January and February, where the period changes every month.
   */
  readonly firstMonthOfYear: boolean;
  /** The period's year: changes only in January (see firstMonthOfYear). */
  readonly year: number;
  /**
   * This month's value of a parameter broken down by calendar month (categories m01 … m12), e.g.
   * a seasonal factor. Read it this way rather than through the period: computing month to month
   * (temporal.ts), a rule then runs again only in a month whose value differs from the month
   * before's, where the period changes every month.
   */
  byCalendarMonth(value: ParamValue): number | Float64Array;
  /** Rows of the rule's entity. */
  readonly size: number;
  /** Person ↔ household helpers bound to the population. */
  readonly agg: Aggregators;
  /**
   * Keyed uniform draws for every row of the rule's entity for this period and stream name.
   * With `where`, only its non-zero rows are drawn (the others are 0): a row's draw is keyed by
   * its id, so it is the same whichever other rows are drawn; a formula that reads the draw only
   * where a condition holds passes that condition and saves the hashing of the rest.
   */
  random(stream: string, where?: ArrayLike<number>): Float64Array;
  /**
   * 1 where this period's keyed draw of the stream is below the row's `rate`, else 0: the same
   * as `random(stream, where)[i] < rate[i]` (0 outside `where`), for about two thirds of the
   * hashing. For a formula that reads its draws only to compare them with a rate.
   */
  chance(stream: string, rate: ArrayLike<number>, where?: ArrayLike<number>): Uint8Array;
  /** Keyed uniform draws that do not change with the period: a household's or person's persistent trait. */
  randomOnce(stream: string, where?: ArrayLike<number>): Float64Array;
  /**
   * A zeroed column of `type` with `length` rows (default: the rule's entity), as `new type(length)`
   * gives, but from buffers the engine reuses (buffers.ts). Formulas take their output and their
   * temporaries here; a temporary must not outlive the formula.
   */
  alloc<T extends Column>(type: ColumnType<T>, length?: number): T;
  /**
   * Like `alloc`, but not zeroed: for a column the formula writes in full (every element, by a
   * loop over all of them) before it reads any. Its content on arrival is whatever a reused
   * buffer held; a formula that skips an element would leak it, so use `alloc` when in doubt.
   */
  allocFull<T extends Column>(type: ColumnType<T>, length?: number): T;
  /**
   * Every dated value of one of the rule's own scalar parameters (by its alias), in date order,
   * including those after `date`: for a quantity carried from year to year by parameters alone
   * (a stock moved by dated yearly flows, e.g. the public-welfare posts), which the value in
   * force on one date cannot give. Still a pure function of the parameter tree.
   */
  series(alias: string): readonly { date: string; value: number }[];
}

/**
 * Inputs are named by id; `x@year` on a year rule is the sum of monthly rule x over the
 * year's twelve months. As a record, inputs are aliased: `{ income: 'counted_income' }`.
 */
export type InputNames = readonly string[] | Readonly<Record<string, string>>;
type InputKeys<I> = I extends readonly (infer S)[] ? S & string : keyof I & string;

export interface RuleSpec<I extends InputNames, P extends Readonly<Record<string, string>>> {
  id: string;
  entity: Entity;
  period: PeriodUnit;
  label?: { zh: string; en: string };
  description?: string;
  /** Unit of the result, e.g. 'CNY/household/month' or 'bool'. */
  unit?: string;
  inputs: I;
  /** Alias → parameter path. */
  parameters: P;
  reference: RuleReference;
  formula: (inputs: { readonly [K in InputKeys<I>]: Column }, params: { readonly [K in keyof P]: ParamValue }, ctx: RuleContext) => Column;
  /** Optional: the same rule one row at a time, for the engine to fuse with the rules it reads (see RuleKernel). */
  kernel?: RuleKernel;
  /** Which rows a row depends on (see RuleScope); default 'household'. */
  scope?: RuleScope;
}

/**
 * 'household': row h of the result (or a member's row) depends only on household h's own rows
 * of the inputs, the parameters, the period and keyed draws, so it can be computed among any
 * subset of the households (differential.ts recomputes only households whose inputs changed).
 * 'population': it depends on other households too: a ranking or rationing across households
 * (a quota, posts shared out within a cell), the weights, or totals over the population. Every
 * rule that reads `weight` or sorts must say so (test/differential.test.ts checks).
 */
export type RuleScope = 'household' | 'population';

/** One row's values by name: inputs, parameters or sums. */
export type KernelRow = Readonly<Record<string, number>>;

/**
 * A rule written one row at a time, next to its column formula, so that the engine can
 * evaluate a chain of rules in one loop without making the columns in between (fuse.ts).
 * It must give the same bytes as the formula (test/fuse.test.ts runs both), it reads no `ctx`
 * (so it cannot depend on the period or draws) and must not keep the row objects it is given
 * (the engine reuses them from row to row). Parameters must be numbers or locality columns.
 */
export interface RuleKernel {
  /** Class of the result, from the classes of the inputs by alias (as the formula chooses it). */
  type: (classes: Readonly<Record<string, ColumnType>>) => ColumnType;
  /**
   * Household rules only: terms summed over each household's members, in order and in the
   * precision of the result (as `ctx.agg.sumByHousehold(x, ctx.alloc(resultType))` does).
   * `m` holds the rule's person inputs at the member, `p` its parameters at the household.
   */
  sums?: Readonly<Record<string, (m: KernelRow, p: KernelRow) => number>>;
  /**
   * The value of one row: `v` holds the rule's inputs of its own entity at the row, `p` its
   * parameters at the row, and, for a household rule, `s` its sums and `s.size`, the number of
   * members.
   */
  row: (v: KernelRow, p: KernelRow, s: KernelRow) => number;
}

/** A rule with its inputs normalised to alias → id. */
export interface Rule {
  id: string;
  entity: Entity;
  period: PeriodUnit;
  label?: { zh: string; en: string };
  description?: string;
  unit?: string;
  inputs: Readonly<Record<string, string>>;
  parameters: Readonly<Record<string, string>>;
  reference: RuleReference;
  formula: (inputs: Record<string, Column>, params: Record<string, ParamValue>, ctx: RuleContext) => Column;
  kernel?: RuleKernel;
  scope?: RuleScope;
}

const ID = /^[a-z][a-z0-9_]*$/;

/** Declares a rule. Checks its own shape; the graph is checked when a simulation is built. */
export function defineRule<const I extends InputNames, const P extends Readonly<Record<string, string>>>(spec: RuleSpec<I, P>): Rule {
  if (!ID.test(spec.id)) throw new JiuzhuError('BAD_RULE', `rule id '${spec.id}' must be snake_case`, { kind: 'internal', location: { key: spec.id } });
  if (spec.kernel?.sums && (spec.entity !== 'household' || 'size' in spec.kernel.sums)) {
    throw new JiuzhuError('BAD_RULE', `rule '${spec.id}': kernel sums are for household rules, and 'size' is the number of members`, { kind: 'internal', location: { key: spec.id } });
  }
  const inputs: Record<string, string> = Array.isArray(spec.inputs)
    ? Object.fromEntries((spec.inputs as readonly string[]).map((n) => [n, n]))
    : { ...(spec.inputs as Record<string, string>) };
  return {
    id: spec.id,
    entity: spec.entity,
    period: spec.period,
    label: spec.label,
    description: spec.description,
    unit: spec.unit,
    inputs,
    parameters: { ...spec.parameters },
    reference: spec.reference,
    formula: spec.formula as unknown as Rule['formula'],
    kernel: spec.kernel,
    ...(spec.scope ? { scope: spec.scope } : {}),
  };
}

/** Clause ids a rule cites. */
export function ruleClauses(rule: Pick<Rule, 'reference'>): string[] {
  const r = rule.reference;
  if ('clause' in r) return typeof r.clause === 'string' ? [r.clause] : [...r.clause];
  return [];
}
