/**
 * The rule graph: checks every rule's inputs and parameters against the dataset and the
 * parameter tree, rejects cycles, and orders the rules so each comes after its inputs.
 */
import { JiuzhuError } from './errors.js';
import type { ParameterTree } from './parameters/tree.js';
import type { Entity } from './population.js';
import type { Rule } from './rule.js';

/** `x@year` → `x`; the suffix asks for the sum over the months of the year. */
export function parseInputId(id: string): { id: string; sumYear: boolean } {
  return id.endsWith('@year') ? { id: id.slice(0, -5), sumYear: true } : { id, sumYear: false };
}

export interface RuleGraph {
  readonly rules: ReadonlyMap<string, Rule>;
  /** Rule ids in an order where every rule follows its inputs. */
  readonly order: readonly string[];
  /** Entity of every input name the rules read: rules and dataset columns. */
  entityOf(id: string): Entity;
}

export interface GraphColumns {
  person: readonly string[];
  household: readonly string[];
}

/** Checks and orders rules. Unknown names and cycles are errors at build time. */
export function buildRuleGraph(ruleList: readonly Rule[], columns: GraphColumns, tree?: ParameterTree): RuleGraph {
  const rules = new Map<string, Rule>();
  for (const r of ruleList) {
    if (rules.has(r.id)) throw new JiuzhuError('DUPLICATE_RULE', `rule '${r.id}' is defined twice`, { kind: 'internal', location: { key: r.id } });
    rules.set(r.id, r);
  }
  const personCols = new Set(columns.person);
  const householdCols = new Set(columns.household);
  const entityOf = (id: string): Entity => {
    const r = rules.get(id);
    if (r) return r.entity;
    if (householdCols.has(id)) return 'household';
    if (personCols.has(id)) return 'person';
    throw new JiuzhuError('UNKNOWN_INPUT', `no rule or dataset column named '${id}'`, { location: { column: id } });
  };
  for (const r of rules.values()) {
    for (const raw of Object.values(r.inputs)) {
      const { id, sumYear } = parseInputId(raw);
      if (!rules.has(id) && !personCols.has(id) && !householdCols.has(id)) {
        throw new JiuzhuError('UNKNOWN_INPUT', `rule '${r.id}' reads '${id}', which is neither a rule nor a column of the dataset`, {
          location: { key: r.id, column: id },
          hint: 'check the dataset has this column, or that the rule defining it is registered',
        });
      }
      const dep = rules.get(id);
      if (sumYear && (r.period !== 'year' || !dep || dep.period !== 'month')) {
        throw new JiuzhuError('BAD_RULE', `rule '${r.id}': '${raw}' (sum over a year) is for a yearly rule reading a monthly rule`, { kind: 'internal', location: { key: r.id } });
      }
      if (!sumYear && dep && r.period === 'year' && dep.period === 'month') {
        throw new JiuzhuError('BAD_RULE', `yearly rule '${r.id}' reads monthly rule '${id}'; write '${id}@year' for its sum over the year`, { kind: 'internal', location: { key: r.id } });
      }
    }
    if (tree) {
      for (const path of Object.values(r.parameters)) {
        if (!tree.has(path)) {
          throw new JiuzhuError('UNKNOWN_PARAMETER', `rule '${r.id}' reads parameter '${path}', which no parameter file defines`, { kind: 'internal', location: { key: path } });
        }
      }
    }
  }
  // Depth-first topological sort; a grey node met again closes a cycle.
  const state = new Map<string, 1 | 2>();
  const order: string[] = [];
  const stack: string[] = [];
  const visit = (id: string): void => {
    const s = state.get(id);
    if (s === 2) return;
    if (s === 1) {
      const cycle = [...stack.slice(stack.indexOf(id)), id].join(' → ');
      throw new JiuzhuError('RULE_CYCLE', `rules form a cycle: ${cycle}`, { kind: 'internal', location: { key: id } });
    }
    const r = rules.get(id);
    if (!r) return;
    state.set(id, 1);
    stack.push(id);
    for (const raw of Object.values(r.inputs)) visit(parseInputId(raw).id);
    stack.pop();
    state.set(id, 2);
    order.push(id);
  };
  for (const id of [...rules.keys()].sort()) visit(id);
  return { rules, order, entityOf };
}
