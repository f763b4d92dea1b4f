/**
 * The month loop: a span of months computed in order on one simulation, each household's state
 * (employed, on dibao, in gradual exit, …) carried from one month to the next through the
 * rules' `<x>_previous` inputs. A month step reads only the previous month's state, the
 * population, the parameters and keyed draws, so the loop is deterministic for a seed.
 */
import type { Column } from '../engine/column.js';
import { JiuzhuError } from '../engine/errors.js';
import type { ParameterTree } from '../engine/parameters/tree.js';
import type { PriceTriggerDeclaration } from '../engine/program.js';
import { periodStartDate } from '../engine/period.js';
import type { Simulation } from '../engine/simulation.js';
import { runPriceTrigger, type PricePoint, type TriggerMonth, type TriggerRule } from './price-trigger.js';

export interface MonthLoopOptions {
  months: readonly string[];
  /** Pairs [previous input, current rule]: the input of month k+1 is the rule's value of month k. */
  state: readonly (readonly [string, string])[];
  /** Year-on-year price path from the scenario, if any. */
  prices?: Readonly<Record<string, PricePoint>>;
  /** The price trigger a program declares (`priceTrigger`: its parameter branch and the inputs it sets); needed with `prices`. */
  priceTrigger?: PriceTriggerDeclaration;
  /** Called once per month after the state is set; compute and accumulate here. */
  onMonth: (month: string, index: number, trigger: TriggerMonth | undefined) => void;
}

/** The trigger rule in force at a date, from the parameter branch a program declares (ProgramDefinition.priceTrigger). */
export function triggerRuleAt(tree: ParameterTree, date: string, branch: string): TriggerRule {
  const v = (leaf: string): number => tree.valueAt(`${branch}.${leaf}`, date);
  return { foodThreshold: v('food_threshold'), foodMonths: v('food_months'), cpiThreshold: v('cpi_threshold'), stopThreshold: v('stop_threshold'), stopMonths: v('stop_months') };
}

/** Runs the months in order; returns the price trigger's month-by-month state (empty without prices). */
export function runMonthLoop(sim: Simulation, options: MonthLoopOptions): TriggerMonth[] {
  const { months } = options;
  const nH = sim.population.nHouseholds;
  const declared = options.priceTrigger;
  const branch = declared?.parameters;
  if (options.prices && months.length && !declared) throw new JiuzhuError('NO_PRICE_TRIGGER', 'a price path is given but no program declares a price trigger (priceTrigger)', { kind: 'internal' });
  const trigger = options.prices && months.length && branch ? runPriceTrigger(months, options.prices, (m) => triggerRuleAt(sim.parameters, periodStartDate(m), branch)) : [];
  let carried = new Map<string, Column>();
  // dynamics_month's columns, taken in turn: month k's is read in month k, compared with in
  // month k + 1 and forgotten at its end, so month k + 3 may write over it. A new array each
  // month was a fresh ArrayBuffer per slice-month of a projection (session 14).
  const monthNumbers: Uint16Array[] = [];
  months.forEach((month, k) => {
    if (k > 0) {
      sim.setInput('dynamics_month', month, (monthNumbers[k % 3] ??= new Uint16Array(nH)).fill(k));
      for (const [previous, current] of options.state) sim.setInput(previous, month, carried.get(current)!);
    }
    const t = trigger[k];
    if (t) {
      const inputs = declared!.inputs;
      sim.setInput(inputs.triggered, month, new Uint8Array(nH).fill(t.triggered ? 1 : 0));
      sim.setInput(inputs.food, month, new Float64Array(nH).fill((options.prices![month]?.food ?? 1) - 1));
      sim.setInput(inputs.cpi, month, new Float64Array(nH).fill((options.prices![month]?.cpi ?? 1) - 1));
    }
    options.onMonth(month, k, t);
    const next = new Map<string, Column>();
    for (const [, current] of options.state) next.set(current, sim.calculate(current, month));
    carried = next;
    // Months behind us are done: free their columns (a ten-year run would otherwise hold 120).
    if (k > 0) sim.forgetPeriod(months[k - 1]!);
  });
  return trigger;
}
