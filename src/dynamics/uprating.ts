/**
 * Moving a population to a later year (jiuzhu project): incomes indexed by area, the weights of
 * households with an elderly member grown, the others' scaled to the population's growth. Pure
 * functions of a population and the year's factors, so they apply slice by slice.
 */
import { JiuzhuError } from '../engine/errors.js';
import type { Population } from '../engine/population.js';

/** The person money columns incomes are uprated on (CNY/month). */
export const MONEY_COLUMNS = ['earnings', 'pension', 'unemployment_benefit', 'farm_business', 'other_transfers'] as const;

/** How a population is moved to a later year. */
export interface UpratingFactors {
  /** Multiplier of the money columns: one for everyone, or by the household's area. */
  income?: number | { urban: number; rural: number };
  /** Multiplier of the weights of households with a member aged `elderlyAge` or more. */
  elderlyWeight?: number;
  /** Age that makes a member elderly (default 65). */
  elderlyAge?: number;
  /**
   * Factor on the weighted number of persons: the other households' weights are scaled so that
   * the population is this times the dataset's (default: they keep their weights).
   */
  population?: number;
  /** Factor on the weights of the other households, given outright (chunks of one population share it); overrides `population`. */
  otherWeight?: number;
}

/** Weighted persons of a population, and those in households with a member aged `elderlyAge` or more. */
export function ageingTotals(pop: Population, elderlyAge = 65): { persons: number; elderlyPersons: number } {
  const age = pop.person.age;
  if (!age) throw new JiuzhuError('MISSING_COLUMN', 'the ageing reweighting needs the person column age', { kind: 'usage' });
  let persons = 0;
  let elderlyPersons = 0;
  for (let h = 0; h < pop.nHouseholds; h++) {
    const start = pop.householdStart[h]!;
    const end = pop.householdStart[h + 1]!;
    const wn = pop.weight[h]! * (end - start);
    persons += wn;
    for (let p = start; p < end; p++) if (age[p]! >= elderlyAge) { elderlyPersons += wn; break; }
  }
  return { persons, elderlyPersons };
}

/** The factor on the other households' weights that makes the population `population` × its total once elderly households weigh `elderlyWeight` times more. */
export function otherWeightFactor(totals: { persons: number; elderlyPersons: number }, elderlyWeight: number, population: number): number {
  const rest = totals.persons - totals.elderlyPersons;
  const other = rest > 0 ? (population * totals.persons - elderlyWeight * totals.elderlyPersons) / rest : 1;
  if (!(other >= 0)) throw new JiuzhuError('BAD_UPRATING', `elderly households × ${elderlyWeight} already exceed ${population} × the population; the other households would need a negative weight`, { kind: 'usage' });
  return other;
}

/**
 * A population moved to a later year: the money columns (MONEY_COLUMNS) multiplied by the
 * income factor of each person's area, and the weights of households with an elderly member
 * multiplied by the ageing factor. Pure: returns a new Population that shares every column it
 * does not change (a factor of 1 changes nothing).
 */
export function upratePopulation(pop: Population, factors: UpratingFactors): Population {
  const inc = factors.income ?? 1;
  const byArea = typeof inc === 'number' ? { urban: inc, rural: inc } : inc;
  let person = pop.person;
  if (byArea.urban !== 1 || byArea.rural !== 1) {
    const urban = pop.household.urban;
    if (!urban && byArea.urban !== byArea.rural) throw new JiuzhuError('MISSING_COLUMN', 'uprating incomes by area needs the household column urban', { kind: 'usage' });
    const next: Record<string, Population['person'][string]> = { ...pop.person };
    for (const name of MONEY_COLUMNS) {
      const col = pop.person[name];
      if (!col) continue;
      const out = new Float64Array(col.length);
      for (let p = 0; p < col.length; p++) out[p] = col[p]! * (urban && !urban[pop.personHousehold[p]!] ? byArea.rural : byArea.urban);
      next[name] = out;
    }
    person = next;
  }
  let weight = pop.weight;
  const ew = factors.elderlyWeight ?? 1;
  const elderlyAge = factors.elderlyAge ?? 65;
  // The other households absorb the difference to the target population, if one is given.
  const other = factors.otherWeight ?? (factors.population !== undefined ? otherWeightFactor(ageingTotals(pop, elderlyAge), ew, factors.population) : 1);
  if (ew !== 1 || other !== 1) {
    const age = pop.person.age;
    if (!age) throw new JiuzhuError('MISSING_COLUMN', 'the ageing reweighting needs the person column age', { kind: 'usage' });
    weight = new Float64Array(pop.nHouseholds);
    for (let h = 0; h < pop.nHouseholds; h++) {
      let f = other;
      for (let p = pop.householdStart[h]!; p < pop.householdStart[h + 1]!; p++) if (age[p]! >= elderlyAge) { f = ew; break; }
      weight[h] = pop.weight[h]! * f;
    }
  }
  return person === pop.person && weight === pop.weight ? pop : { ...pop, person, weight };
}
