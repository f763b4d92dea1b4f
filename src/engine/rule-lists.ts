/**
 * A rule's inputs and parameters as arrays, worked out once per rule. The engine walks them for
 * every rule it computes, every month, and month to month (temporal.ts) for every rule it
 * follows: `Object.entries` and `Object.values` made new arrays of new pairs each time, and
 * `parseInputId` a new object per input (about 40 MB of the JavaScript heap's garbage over two
 * years of a projection's slice loop, issue #25 W4, session 13). A rule's `inputs` and
 * `parameters` are read-only records, so the lists stay right for the rule's life.
 */
import { parseInputId } from './graph.js';
import type { Rule } from './rule.js';

export interface RuleLists {
  /** Input aliases, in the order of `Object.entries(rule.inputs)`. */
  readonly inputAliases: readonly string[];
  /** Their input ids as written (`x` or `x@year`). */
  readonly inputRaws: readonly string[];
  /** The rule or column each reads (parseInputId's id). */
  readonly inputIds: readonly string[];
  /** Whether each is a yearly sum of a monthly rule (`x@year`). */
  readonly inputSumYear: readonly boolean[];
  /** Parameter aliases and paths, in the order of `Object.entries(rule.parameters)`. */
  readonly paramAliases: readonly string[];
  readonly paramPaths: readonly string[];
}

const lists = new WeakMap<Rule, RuleLists>();

/** The rule's lists (made at the first call for this rule object). */
export function ruleLists(rule: Rule): RuleLists {
  let l = lists.get(rule);
  if (!l) {
    const inputs = Object.entries(rule.inputs);
    const parsed = inputs.map(([, raw]) => parseInputId(raw));
    const params = Object.entries(rule.parameters);
    l = {
      inputAliases: inputs.map(([alias]) => alias),
      inputRaws: inputs.map(([, raw]) => raw),
      inputIds: parsed.map((x) => x.id),
      inputSumYear: parsed.map((x) => x.sumYear),
      paramAliases: params.map(([alias]) => alias),
      paramPaths: params.map(([, path]) => path),
    };
    lists.set(rule, l);
  }
  return l;
}
