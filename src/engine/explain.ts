/**
 * Explain: the rule graph walked for one household. Every node records the rule, its value
 * for that household (or each member), the inputs it read and the parameters it used, each
 * with its value, effective date and reference.
 *
 * `explain` reads every rule of the tree from the simulation it is given, so on a whole
 * population it computes and keeps every column of the tree for every household.
 * `explainHousehold` (what `jiuzhu explain` uses, issue #25) gives the same tree from a run that
 * computed only what its months needed: the household's rules are computed again on a
 * population of that one household, every column kept, and only the rules that rank
 * households against each other take their value from the run.
 */
import type { Column } from './column.js';
import { JiuzhuError } from './errors.js';
import { parseInputId } from './graph.js';
import { parameterForHousehold } from './parameters/resolve.js';
import { referenceText, type Bracket, type OverrideStep, type Reference } from './parameters/types.js';
import { monthsOfYear, periodStartDate, periodUnit, type Period } from './period.js';
import { householdIndexOf, selectHouseholdRows } from './population.js';
import { ruleClauses } from './rule.js';
import { Simulation } from './simulation.js';

export interface ExplainParameter {
  name: string;
  path: string;
  label: { zh: string; en: string };
  unit: string;
  /** Clause of the opinion the parameter serves. */
  clause?: string;
  value: number | Record<string, number> | readonly Bracket[];
  /** Date the value took effect. */
  date: string;
  reference: Reference;
  referenceText: string;
  overrides?: readonly string[];
  /** The same overrides as data (the text layer words them in Chinese). */
  overrideSteps?: readonly OverrideStep[];
}

export interface ExplainNode {
  id: string;
  /** 'state': a value carried from the previous month by the month loop, not computed this month. */
  kind: 'rule' | 'column' | 'state';
  entity: 'person' | 'household';
  period: Period;
  /** Household value, or one value per member (in member order) for person rules and columns. */
  value: number | number[];
  label?: { zh: string; en: string };
  unit?: string;
  clauses: string[];
  inputs: ExplainNode[];
  parameters: ExplainParameter[];
}

/** Explains rule `id` for the household whose dataset id is `householdId`, every column read from `sim`. */
export function explain(sim: Simulation, id: string, period: Period, householdId: number): ExplainNode {
  return walker(sim, householdIndex(sim, householdId), (rid, p) => sim.isGiven(rid, p))(id, period);
}

/**
 * Explains rules `ids` for one household of `run`, a simulation whose month loop has reached
 * `period` (its state for `period` given, earlier months forgotten): the same trees as
 * `explain(run, …)` gives for each, without computing the tree's columns for every household.
 *
 * The household is taken into a population of its own and its rules computed there, every
 * column kept. That gives the run's rows for every household-local rule (scope 'household', the
 * default): its row depends only on the household's own rows, the parameters, the period and
 * draws keyed by person or household id (rule.ts; test/differential.test.ts checks each rule on
 * a subset of households). The state the run's month loop carried into `period` is given to it
 * as the run has it. A rule of scope 'population' ranks or rations households against each
 * other (the dibao quota, the §六 posts): computed among one household it would be wrong (alone
 * in its cell, a household never fits a binding quota; it would always get a post), so its
 * value is the run's, computed there on the whole population, and given to the one household's
 * simulation. It is still explained as a rule, its inputs computed on the one household.
 */
export function explainHousehold(run: Simulation, ids: readonly string[], period: Period, householdId: number): ExplainNode[] {
  const h = householdIndex(run, householdId);
  const pop = run.population;
  const { population: one } = selectHouseholdRows(pop, Int32Array.of(h), true);
  const sim = new Simulation({ population: one, parameters: run.parameters, rules: run.graph, seed: run.seed });
  const a = pop.householdStart[h]!;
  const b = pop.householdStart[h + 1]!;
  const rows = (rid: string, p: Period): Column => {
    const col = run.calculate(rid, p);
    return run.entityOf(rid) === 'household' ? col.slice(h, h + 1) : col.slice(a, b);
  };
  const month = periodUnit(period) === 'month';
  // The state the run was given for the period (carried from the month before), as it is.
  for (const rule of run.graph.rules.values()) {
    if ((month || rule.period === 'year') && run.isGiven(rule.id, period)) sim.setInput(rule.id, period, rows(rule.id, period));
  }
  // The rules of scope 'population' the trees reach, at each period they are read (explain's walk).
  const fromRun = new Set<string>();
  const seen = new Set<string>();
  const reach = (raw: string, p: Period): void => {
    const { id: rid, sumYear } = parseInputId(raw);
    const rule = run.graph.rules.get(rid);
    if (!rule) return;
    const rp = rule.period === 'year' ? p.slice(0, 4) : p;
    const key = `${rid}@${rp}`;
    if (sumYear) {
      for (const m of monthsOfYear(rp)) reach(rid, m);
      return;
    }
    if (seen.has(key)) return;
    seen.add(key);
    if (run.isGiven(rid, rp)) return;
    if (rule.scope === 'population') fromRun.add(key);
    for (const input of Object.values(rule.inputs)) reach(input, rp);
  };
  for (const id of ids) reach(id, period);
  for (const key of fromRun) {
    const at = key.lastIndexOf('@');
    sim.setInput(key.slice(0, at), key.slice(at + 1), rows(key.slice(0, at), key.slice(at + 1)));
  }
  const walk = walker(sim, 0, (rid, p) => sim.isGiven(rid, p) && !fromRun.has(`${rid}@${p}`));
  return ids.map((id) => walk(id, period));
}

function householdIndex(sim: Simulation, householdId: number): number {
  const h = householdIndexOf(sim.population, householdId);
  if (h < 0) throw new JiuzhuError('UNKNOWN_HOUSEHOLD', `no household with id ${householdId} in the dataset`, { location: { key: String(householdId) } });
  return h;
}

/**
 * The walk of the rule graph for household index h of `sim`: a rule whose value is `state`
 * (given by the month loop) is a leaf; every other rule is a node with its inputs and parameters.
 */
function walker(sim: Simulation, h: number, state: (id: string, period: Period) => boolean): (id: string, period: Period) => ExplainNode {
  const pop = sim.population;
  const a = pop.householdStart[h]!;
  const b = pop.householdStart[h + 1]!;
  const pick = (entity: 'person' | 'household', col: ArrayLike<number>): number | number[] =>
    entity === 'household' ? col[h]! : Array.from({ length: b - a }, (_, i) => col[a + i]!);
  const walk = (raw: string, p: Period): ExplainNode => {
    const { id: rid, sumYear } = parseInputId(raw);
    const rule = sim.graph.rules.get(rid);
    const entity = sim.entityOf(rid);
    if (!rule) return { id: rid, kind: 'column', entity, period: p, value: pick(entity, sim.calculate(rid, p)), clauses: [], inputs: [], parameters: [] };
    const rp = rule.period === 'year' ? p.slice(0, 4) : p;
    if (!sumYear && state(rid, rp)) {
      return { id: rid, kind: 'state', entity, period: rp, value: pick(entity, sim.calculate(rid, rp)), label: rule.label, unit: rule.unit, clauses: ruleClauses(rule), inputs: [], parameters: [] };
    }
    if (sumYear) {
      const node = walk(rid, `${rp}-01`);
      const months = Array.from({ length: 12 }, (_, i) => `${rp}-${String(i + 1).padStart(2, '0')}`);
      const sum = months.map((m) => pick(entity, sim.calculate(rid, m)));
      const total = entity === 'household' ? (sum as number[]).reduce((x, y) => x + y, 0) : (sum as number[][]).reduce((x, y) => x.map((v, i) => v + y[i]!));
      return { ...node, id: raw, period: rp, value: total };
    }
    const date = periodStartDate(rp);
    const parameters: ExplainParameter[] = Object.entries(rule.parameters).map(([name, path]) => {
      const leaf = sim.parameters.leaf(path);
      const { value, entry } = parameterForHousehold(sim.parameters, path, date, pop, h);
      return {
        name, path, label: leaf.label, unit: leaf.unit, ...(leaf.clause ? { clause: leaf.clause } : {}), value, date: entry.date, reference: entry.reference,
        referenceText: referenceText(entry.reference), ...(entry.overrides ? { overrides: entry.overrides } : {}), ...(entry.overrideSteps ? { overrideSteps: entry.overrideSteps } : {}),
      };
    });
    return {
      id: rid,
      kind: 'rule',
      entity,
      period: rp,
      value: pick(entity, sim.calculate(rid, rp)),
      label: rule.label,
      unit: rule.unit,
      clauses: ruleClauses(rule),
      inputs: Object.values(rule.inputs).map((i) => walk(i, rp)),
      parameters,
    };
  };
  return walk;
}

/** Parameters used anywhere in a tree, deduplicated by path. */
export function explainParameters(node: ExplainNode): ExplainParameter[] {
  const seen = new Map<string, ExplainParameter>();
  const rec = (n: ExplainNode): void => {
    for (const p of n.parameters) if (!seen.has(p.path)) seen.set(p.path, p);
    n.inputs.forEach(rec);
  };
  rec(node);
  return [...seen.values()];
}
