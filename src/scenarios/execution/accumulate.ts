/**
 * The month loop over one slice: the system simulated month by month with carried state, every
 * month's columns added into the run's sums (sums.ts) while they are cached.
 */
import { monthsBetween } from '../../engine/period.js';
import type { ParameterTree } from '../../engine/parameters/tree.js';
import type { Population } from '../../engine/population.js';
import type { SharedResults } from '../../engine/shared-results.js';
import { Simulation } from '../../engine/simulation.js';
import { HOUSEHOLD_TYPES } from '../../programs/dibao/index.js';
import { PROGRAMS } from '../../programs/index.js';
import { runMonthLoop } from '../../dynamics/month-loop.js';
import type { PricePoint } from '../../dynamics/price-trigger.js';
import { DistributionAccumulator } from '../results/distribution.js';
import { ProgramAccumulator } from '../results/program-accumulator.js';
import { DibaoAccumulator, standardGroupings } from '../results/summary.js';
import { systemPriceTrigger, systemRules, systemState } from '../../programs/system.js';
import { monthAssistance } from './costing.js';
import type { Period } from './spec.js';
import type { ScenarioSums } from '../results/sums.js';

/**
 * Reads a month's columns from the simulation after the run has accumulated them. `households`
 * are the slice's households' indices in the whole population (a run may simulate it in slices).
 */
export type MonthObserver = (month: string, sim: Simulation, pop: Population, index: number, households?: Int32Array) => void;

/** The system's weighted sums for one population over a period, month by month with carried state. */
export function accumulateScenario(pop: Population, parameters: ParameterTree, period: Period, seed: number, onProgress?: (done: number, total: number) => void, prices?: Readonly<Record<string, PricePoint>>, onMonth?: MonthObserver, shared?: SharedResults): ScenarioSums {
  // The accumulators only add up each month's columns, so they are lent (reused next month).
  const sim = new Simulation({ population: pop, parameters, rules: systemRules, seed, shared, lend: true });
  const months = monthsBetween(period.from, period.to);
  const acc = new DibaoAccumulator(standardGroupings(pop, sim.calculate('household_type', months[0]!), HOUSEHOLD_TYPES));
  const programs = new ProgramAccumulator(PROGRAMS);
  const distribution = new DistributionAccumulator();
  runMonthLoop(sim, {
    months,
    state: systemState,
    prices,
    triggerParameters: systemPriceTrigger,
    onMonth: (m, i, trigger) => {
      const topUpPersons = sim.calculate('dibao_classified_top_up_person', m);
      const withTopUp = new Uint8Array(topUpPersons.length);
      for (let p = 0; p < withTopUp.length; p++) withTopUp[p] = topUpPersons[p]! > 0 ? 1 : 0;
      acc.addMonth(m, trigger?.triggered ?? false, pop.weight, {
        size: sim.calculate('household_size', m),
        eligible: sim.calculate('dibao_eligible', m),
        receives: sim.calculate('dibao_receives', m),
        // The first month is the snapshot: its recipients were recipients before, so no entries or exits.
        receivedPrevious: i === 0 ? sim.calculate('dibao_receives', m) : sim.calculate('dibao_received_previous', m),
        benefit: sim.calculate('dibao_benefit', m),
        gap: sim.calculate('dibao_gap_benefit', m),
        minimum: sim.calculate('dibao_minimum_top_up', m),
        classified: sim.calculate('dibao_classified_top_up', m),
        classifiedPersons: sim.agg().countByHousehold(withTopUp),
        standard: sim.calculate('dibao_standard', m),
        temporary: sim.calculate('dibao_temporary_assistance', m),
        priceSubsidy: sim.calculate('dibao_price_subsidy', m),
        taper: sim.calculate('dibao_taper_payment', m),
      });
      programs.addMonth(m, sim, pop);
      distribution.addMonth(m, sim, pop, monthAssistance(PROGRAMS, parameters, m));
      onMonth?.(m, sim, pop, i);
      onProgress?.(i + 1, months.length);
    },
  });
  programs.closePopulation();
  // Its buffers go to the population's next simulation (the next scenario, variant or chunk's year).
  sim.release();
  return { dibao: acc, programs, distribution };
}
