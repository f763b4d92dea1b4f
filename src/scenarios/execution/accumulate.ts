/**
 * The month loop over one slice: the system simulated month by month with carried state, every
 * month's columns added into the run's sums (sums.ts) while they are cached.
 */
import { monthsBetween } from '../../engine/period.js';
import type { ParameterTree } from '../../engine/parameters/tree.js';
import type { Population } from '../../engine/population.js';
import type { SharedResults } from '../../engine/shared-results.js';
import { Simulation, WEIGHT } from '../../engine/simulation.js';
import { buildRuleGraph, type RuleGraph } from '../../engine/graph.js';
import { countPositiveByHousehold } from '../../engine/aggregate.js';
import type { DifferentialOption } from '../../engine/differential.js';
import { JiuzhuError } from '../../engine/errors.js';
import type { HeadlineDeclaration } from '../../engine/program.js';
import { PROGRAMS } from '../../programs/index.js';
import { runMonthLoop } from '../../dynamics/month-loop.js';
import type { PricePoint } from '../../dynamics/price-trigger.js';
import { DistributionAccumulator, type MonthAssistance } from '../results/distribution.js';
import { isSparse, monthColumn, ProgramAccumulator, type MonthColumn } from '../results/program-accumulator.js';
import { resultReuse } from '../results/reuse-switch.js';
import { DibaoAccumulator, MONTH_COLUMNS, standardGroupings, type MonthColumns } from '../results/summary.js';
import { systemPriceTrigger, systemRules, systemState } from '../../programs/system.js';
import { monthAssistance } from './costing.js';
import type { Period } from './spec.js';
import type { ScenarioSums } from '../results/sums.js';

/**
 * Reads a month's columns from the simulation after the run has accumulated them. `households`
 * are the slice's households' indices in the whole population (a run may simulate it in slices).
 */
export type MonthObserver = (month: string, sim: Simulation, pop: Population, index: number, households?: Int32Array) => void;

/** The headline summary's rules, from the one program that declares them. */
function headlineOf(): HeadlineDeclaration {
  const declared = PROGRAMS.filter((p) => p.headline);
  const h = declared[0]?.headline;
  const named = h ? [...Object.keys(h.columns), ...Object.keys(h.personCounts)] : [];
  const missing = MONTH_COLUMNS.filter((c) => !named.includes(c));
  if (declared.length !== 1 || missing.length) throw new JiuzhuError('BAD_PROGRAM', `exactly one program must declare the headline summary's rules, for every column (${declared.length} declare it${missing.length ? `; missing: ${missing.join(', ')}` : ''})`, { kind: 'internal' });
  return h!;
}
const HEADLINE = headlineOf();

/** One month's headline columns: each declared rule (the first month's stand-ins in month 0), and person counts per household. */
function monthColumns(sim: Simulation, month: string, first: boolean): MonthColumns {
  const h = HEADLINE;
  const out: Record<string, ArrayLike<number>> = {};
  // Members with a positive value, counted in one pass per class (no person mask built each month).
  for (const [column, rule] of Object.entries(h.personCounts)) out[column] = positiveMembers(sim, rule, month);
  for (const [column, rule] of Object.entries(h.columns)) out[column] = sim.calculate((first && h.firstMonth[column]) || rule, month);
  // headlineOf checked that every column is declared.
  return out as unknown as MonthColumns;
}

/**
 * Members of each household with a positive value of a person rule in the month. Against a base,
 * when the rule's column is the base's (maybe with a sub-population's rows over it), counted from
 * its non-zero rows: integer counts, the same whatever rows are read, and no column of every
 * person is written out for them (issue #25, session 10).
 */
function positiveMembers(sim: Simulation, rule: string, month: string): Int32Array {
  const pop = sim.population;
  const c = resultReuse() ? monthColumn(sim, rule, month) : sim.calculate(rule, month);
  if (!isSparse(c)) return countPositiveByHousehold(pop, c);
  const out = memberCounts(pop, rule).fill(0);
  const { rows, values } = c;
  const hh = pop.personHousehold;
  for (let j = 0; j < rows.length; j++) if (values[j]! > 0) out[hh[rows[j]!]!]!++;
  return out;
}

/**
 * The counts positiveMembers writes, one array per rule and household index (a projection's
 * years of a slice share it): the month's summary adds them up and keeps none, so next month
 * writes over them. A new array each month was one fresh ArrayBuffer per slice-month of W4.
 */
const memberCountsCache = new WeakMap<Population['householdStart'], Map<string, Int32Array>>();
function memberCounts(pop: Population, rule: string): Int32Array {
  let byRule = memberCountsCache.get(pop.householdStart);
  if (!byRule) memberCountsCache.set(pop.householdStart, (byRule = new Map()));
  let out = byRule.get(rule);
  if (!out) byRule.set(rule, (out = new Int32Array(pop.nHouseholds)));
  return out;
}

/**
 * The system's rule graph over a population's columns, built once per population (its household
 * index and column names): a sweep's variants, a comparison's scenarios and a projection's
 * years on one slice (uprated copies sharing the slice's index) then share it, and
 * with it what is memoised per graph (each rule's reach, its readers in the month), which a
 * graph of its own per simulation recomputed every run (issue #25: ruleReach was 2.4% of a W3
 * variant). The graph depends on the rules and the population's column names only; the tree
 * checks that every parameter a rule reads exists, and every tree is the baseline's files with
 * overrides of existing paths, so the first tree's check holds for all.
 */
const graphs = new WeakMap<Population['householdStart'], { names: string; graph: RuleGraph }>();
function systemGraph(pop: Population, parameters: ParameterTree): RuleGraph {
  // Per household index and column names: an uprated year (new money columns and weights over
  // its slice's index) has its slice's graph.
  const columns = { person: Object.keys(pop.person), household: [...Object.keys(pop.household), WEIGHT] };
  const names = `${columns.person.join()}|${columns.household.join()}`;
  let g = graphs.get(pop.householdStart);
  if (g?.names !== names) graphs.set(pop.householdStart, (g = { names, graph: buildRuleGraph(systemRules, columns, parameters) }));
  return g.graph;
}

/**
 * A month's assistance (costing.ts, monthAssistance) per parameter tree, worked out once: every
 * slice of a run, and every run on the same tree, reads the same shares from it (a tree is not
 * changed once made). Read only by the accumulators.
 */
const assistances = new WeakMap<ParameterTree, Map<string, MonthAssistance>>();
function assistanceOf(parameters: ParameterTree, month: string): MonthAssistance {
  let byMonth = assistances.get(parameters);
  if (!byMonth) assistances.set(parameters, (byMonth = new Map()));
  let a = byMonth.get(month);
  if (!a) byMonth.set(month, (a = monthAssistance(PROGRAMS, parameters, month, HEADLINE.columns.standard!)));
  return a;
}

/**
 * Adds a month's columns into a run's accumulators. A class, not callbacks made per run and per
 * month: those were optimised on their own, their code dropped at each full GC and compiled again
 * every few variants of a sweep (issue #25, W3, session 16).
 */
class MonthAdder {
  private assistance: MonthAssistance | undefined;
  private added = 0;
  /** onComponent, bound once (the accumulator calls it for every component rule it reads). */
  private readonly onComponent = this.component.bind(this);

  constructor(
    private readonly sim: Simulation,
    private readonly pop: Population,
    private readonly parameters: ParameterTree,
    private readonly acc: DibaoAccumulator,
    private readonly programs: ProgramAccumulator,
    private readonly distribution: DistributionAccumulator,
  ) {}

  add(m: string, i: number, triggered: boolean): void {
    const { sim, pop } = this;
    this.acc.addMonth(m, triggered, pop.weight, monthColumns(sim, m, i === 0));
    // The transfers households receive are component columns the program sums read anyway:
    // each is added to the distribution's transfers as it is read (its memory read once, not
    // twice), in the order the distribution adds them itself, which adds any left over.
    const assistance = (this.assistance = assistanceOf(this.parameters, m));
    this.added = 0;
    this.programs.addMonth(m, sim, pop, this.onComponent);
    this.distribution.addMonth(m, sim, pop, assistance, this.added);
  }

  private component(component: string, column: MonthColumn): void {
    const next = this.assistance!.received[this.added];
    if (next?.component !== component) return;
    this.distribution.transfer(this.pop, column, next.share);
    this.added++;
  }
}

/** The system's weighted sums for one population over a period, month by month with carried state. */
export function accumulateScenario(pop: Population, parameters: ParameterTree, period: Period, seed: number, onProgress?: (done: number, total: number) => void, prices?: Readonly<Record<string, PricePoint>>, onMonth?: MonthObserver, shared?: SharedResults, differential?: DifferentialOption): ScenarioSums {
  // The accumulators only add up each month's columns, so they are lent (reused next month).
  // Months differ for few households: each is computed against the month before (engine/temporal.ts).
  const sim = new Simulation({ population: pop, parameters, rules: systemGraph(pop, parameters), seed, shared, lend: true, differential, temporal: true });
  const months = monthsBetween(period.from, period.to);
  const acc = new DibaoAccumulator(standardGroupings(pop, sim.calculate(HEADLINE.groupBy.rule, months[0]!), HEADLINE.groupBy.names));
  const programs = new ProgramAccumulator(PROGRAMS);
  const distribution = new DistributionAccumulator();
  const adder = new MonthAdder(sim, pop, parameters, acc, programs, distribution);
  runMonthLoop(sim, {
    months,
    state: systemState,
    prices,
    priceTrigger: systemPriceTrigger,
    onMonth: (m, i, trigger) => {
      adder.add(m, i, trigger?.triggered ?? false);
      onMonth?.(m, sim, pop, i);
      onProgress?.(i + 1, months.length);
    },
  });
  programs.closePopulation();
  distribution.closePopulation();
  // Its buffers go to the population's next simulation (the next scenario, variant or chunk's year).
  sim.release();
  return { dibao: acc, programs, distribution };
}
