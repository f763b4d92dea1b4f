/**
 * Programs: a named group of rules (medical assistance, housing, …) and how its money is reported.
 * A program declares its cost components (household-month rules), who pays each (one payer or
 * a shares parameter), who counts as a recipient (a person-month rule), and any accounts whose
 * funds meet part of its cost (need versus funds). The summary layer sums these over households,
 * weighted, per prefecture × area cell and month; every total is a sum of whole fen.
 */
import type { ParameterTree } from './parameters/tree.js';
import { JiuzhuError } from './errors.js';
import type { Rule } from './rule.js';

/** Who bears a cost: the funding sources of 吉政发〔2006〕48号 and the parties it names. */
export const PAYERS = ['budget', 'lottery', 'landRevenue', 'tuitionSetAside', 'donations', 'hospitals', 'collective', 'individual'] as const;
export type Payer = (typeof PAYERS)[number];

/** One cost line of a program: a household-month money rule, or a cost per cell, and who pays it. */
export type ProgramComponent = ComponentBase & (
  /** Household-month rule: the component's cost this month (CNY/household/month, in fen), summed weighted. */
  | { rule: string }
  /** Cost of one prefecture × area cell in one month (yuan), from parameters and inputs: spending that no household receives (facilities, reserves). */
  | { compute: (ctx: FundsContext) => number }
);

interface ComponentBase {
  /**
   * One payer, or the path of a parameter with a `category` breakdown over payers whose values
   * add up to 1 (read on the first day of each month): the cost is split by these shares.
   */
  payer: Payer | { shares: string };
  label: { zh: string; en: string };
}

/** What a funds function sees: one prefecture × area cell in one month. */
export interface FundsContext {
  parameters: ParameterTree;
  /** 'YYYY-MM'. */
  month: string;
  /** 'YYYY-MM-01', the date parameters are read on. */
  date: string;
  prefecture: number;
  area: 'urban' | 'rural';
  /** Weighted persons and households of the cell this month (of the population simulated). */
  population: number;
  households: number;
  /** The scenario's `inputs` (validated by the scenario schema). */
  inputs: Readonly<Record<string, unknown>>;
}

/**
 * An account: funds raised against the cost of some components (need). Reported as need,
 * funds, gap = max(0, need − funds) and balance = funds − need, per cell, summed upwards (a
 * prefecture's surplus does not cover another's gap).
 */
export interface ProgramAccount {
  label: { zh: string; en: string };
  /** Components whose cost is the account's need (empty when `needFrom` says where the need is). */
  components: readonly string[];
  /**
   * A funding source's account (charity, lottery): its need is what every program's cost lines
   * charge to this payer, in each cell and year. Such an account cannot `pays`.
   */
  needFrom?: { payer: Payer };
  /** Funds in the cell this month: a household-month rule summed (weighted), or a function of the cell. */
  funds: { rule: string } | { compute: (ctx: FundsContext) => number };
  /**
   * Optional re-attribution of the need over the period, per cell: `payer` pays up to the funds;
   * the rest is paid by `shortfall`, or is not paid at all with 'unpaid' (then it is not a cost).
   * Without it the components keep their own payers and the account is only reported.
   */
  pays?: { payer: Payer; shortfall: Payer | 'unpaid' };
}

/** A program: its rules and how its money and recipients are reported under `programs.<id>`. */
export interface ProgramDefinition {
  id: string;
  label: { zh: string; en: string };
  /** Clause ids of the opinion it implements. */
  clauses: readonly string[];
  rules: readonly Rule[];
  /** State pairs the month loop carries: `<x>_previous` set from `<x>` of the month before. */
  state?: readonly (readonly [previous: string, current: string])[];
  /** A price trigger this program's rules read, run by the month loop when a scenario gives a price path. */
  priceTrigger?: PriceTriggerDeclaration;
  components: Readonly<Record<string, ProgramComponent>>;
  /** Person-month rule, 1 where the person benefits this month; null when the program has no recipients (facilities, charity). */
  recipient: string | null;
  /**
   * Parts of the recipients reported apart (person-month rules): e.g. dibao's regular caseload and
   * its temporary-aid recipients, each in the average month and distinct over the period.
   */
  recipientGroups?: Readonly<Record<string, { rule: string; label: { zh: string; en: string } }>>;
  accounts?: Readonly<Record<string, ProgramAccount>>;
  /**
   * The rules behind the run's headline summary (the §二 dibao summary of a result), declared by
   * the one program whose caseload it describes, so the month loop names no program's rules.
   */
  headline?: HeadlineDeclaration;
  /** Checks of the opinion's requirements on parameters over the period simulated (e.g. §八.1: the wubao standard is not below villagers' average living level). */
  checks?: (ctx: CheckContext) => ProgramCheck[];
}

/** A price trigger (§二.2): where its thresholds are, and which inputs the month loop sets from it. */
export interface PriceTriggerDeclaration {
  /** Parameter branch with food_threshold, food_months, cpi_threshold, stop_threshold, stop_months. */
  parameters: string;
  /** Household-month rules the month loop sets: 1 while the mechanism is on; the food and CPI rises (index − 1). */
  inputs: { triggered: string; food: string; cpi: string };
}

/** Which rules feed the headline summary's month columns (scenarios/results/summary.ts, MonthColumns). */
export interface HeadlineDeclaration {
  /** Column → household-month rule. */
  columns: Readonly<Record<string, string>>;
  /** Column → person-month rule whose non-zero members are counted per household. */
  personCounts: Readonly<Record<string, string>>;
  /** Column → the rule read instead in the first month (the snapshot month: its recipients were recipients before). */
  firstMonth: Readonly<Record<string, string>>;
  /** Household-month rule giving each household's group (read in the first month), and the groups' names by code. */
  groupBy: { rule: string; names: readonly string[] };
}

export interface CheckContext {
  parameters: ParameterTree;
  /** The months simulated, 'YYYY-MM', in order. */
  months: readonly string[];
  inputs: Readonly<Record<string, unknown>>;
}

/** Whether a scope meets a clause on one reading, in the period simulated. */
export type CheckStatus = 'complies' | 'does-not-comply' | 'not-applicable';

/** Where a check row applies: the whole province, one area ('urban', 'rural') or one prefecture (its GB/T 2260 code). */
export interface CheckScope { kind: 'province' | 'area' | 'prefecture'; key: string }

/** One reasonable reading of a clause, with its text (zh, en) and a short name: an ambiguous clause gets one check row per reading. */
export interface CheckReading { id: string; name: { zh: string; en: string }; zh: string; en: string }

/**
 * A requirement of the opinion checked on a run, for one reading of the clause and one scope:
 * `detail` cites the clause and shows the numbers. `passed` is `status !== 'does-not-comply'`
 * (kept for readers of the older rows).
 */
export interface ProgramCheck {
  id: string;
  clause: string;
  reading: CheckReading;
  scope: CheckScope;
  status: CheckStatus;
  passed: boolean;
  detail: string;
  /** The same in Chinese, for `--lang zh`. */
  detailZh?: string;
}

/** A check row from its status: `passed` follows it. */
export function checkRow(row: Omit<ProgramCheck, 'passed'>): ProgramCheck {
  return { ...row, passed: row.status !== 'does-not-comply' };
}

export const PROVINCE_SCOPE: CheckScope = { kind: 'province', key: 'jilin' };

/** Declares a program, checking that components, recipient and accounts name its own rules. */
export function defineProgram(p: ProgramDefinition): ProgramDefinition {
  const ids = new Set(p.rules.map((r) => r.id));
  const problems: string[] = [];
  for (const [name, c] of Object.entries(p.components)) if ('rule' in c && !ids.has(c.rule)) problems.push(`component '${name}' names rule '${c.rule}', which is not one of the program's rules`);
  for (const r of Object.values(p.priceTrigger?.inputs ?? {})) if (!ids.has(r)) problems.push(`price trigger input '${r}' is not one of the program's rules`);
  if (p.headline) {
    const h = p.headline;
    for (const r of [...Object.values(h.columns), ...Object.values(h.personCounts), ...Object.values(h.firstMonth), h.groupBy.rule]) if (!ids.has(r)) problems.push(`headline rule '${r}' is not one of the program's rules`);
  }
  if (p.recipient !== null && !ids.has(p.recipient)) problems.push(`recipient rule '${p.recipient}' is not one of the program's rules`);
  for (const [name, g] of Object.entries(p.recipientGroups ?? {})) if (!ids.has(g.rule)) problems.push(`recipient group '${name}' names rule '${g.rule}', which is not one of the program's rules`);
  for (const [name, a] of Object.entries(p.accounts ?? {})) {
    for (const c of a.components) if (!(c in p.components)) problems.push(`account '${name}' names unknown component '${c}'`);
    if (a.needFrom && (a.components.length || a.pays)) problems.push(`account '${name}' takes its need from every program's '${a.needFrom.payer}' payer: it can name no components and cannot pay`);
    if ('rule' in a.funds && !ids.has(a.funds.rule)) problems.push(`account '${name}' funds rule '${a.funds.rule}' is not one of the program's rules`);
  }
  if (problems.length) throw new JiuzhuError('BAD_PROGRAM', `program '${p.id}': ${problems.join('; ')}`, { kind: 'internal', location: { key: p.id } });
  return p;
}
