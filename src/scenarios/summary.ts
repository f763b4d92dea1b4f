/**
 * The §二 dibao summary: weighted sums per month, accumulated by group (total, urban/rural,
 * prefecture, household type), then turned into the reported figures. Sums are mergeable,
 * so chunks or months can be accumulated separately and added.
 */
import { PREFECTURE_CODES } from '../engine/locality.js';
import type { Population } from '../engine/population.js';

/** Weighted sums of one group over the months accumulated. */
export interface DibaoSums {
  months: number;
  populationMonths: number;
  recipientPersonMonths: number;
  householdMonths: number;
  cost: number;
  gapCost: number;
  minimumCost: number;
  classifiedCost: number;
  classifiedPersonMonths: number;
  standardPersonMonths: number;
  /** Persons in truly eligible households (the rule's verdict), and those of them paid. */
  eligiblePersonMonths: number;
  eligibleRecipientPersonMonths: number;
  /** Paid to households that are not truly eligible, in yuan. */
  leakageCost: number;
}

const MEASURES = ['populationMonths', 'recipientPersonMonths', 'householdMonths', 'cost', 'gapCost', 'minimumCost', 'classifiedCost', 'classifiedPersonMonths', 'standardPersonMonths', 'eligiblePersonMonths', 'eligibleRecipientPersonMonths', 'leakageCost'] as const;

export interface MonthColumns {
  size: ArrayLike<number>;
  /** The rule's verdict on true income, for targeting errors. */
  eligible: ArrayLike<number>;
  receives: ArrayLike<number>;
  benefit: ArrayLike<number>;
  gap: ArrayLike<number>;
  minimum: ArrayLike<number>;
  classified: ArrayLike<number>;
  /** Members with a classified top-up. */
  classifiedPersons: ArrayLike<number>;
  standard: ArrayLike<number>;
}

/** Group index of every household for one breakdown, with the group names. */
export interface Grouping { name: string; keys: readonly string[]; index: Uint8Array | Int32Array }

export class DibaoAccumulator {
  readonly groupings: Grouping[];
  /** sums[g][k][measure]: grouping g, group k. The total is a grouping with one group. */
  private readonly sums: Float64Array[][];
  private months = 0;

  constructor(groupings: Grouping[]) {
    this.groupings = groupings;
    this.sums = groupings.map((g) => g.keys.map(() => new Float64Array(MEASURES.length)));
  }

  /** Adds one month of household columns, weighted. */
  addMonth(weight: ArrayLike<number>, m: MonthColumns): void {
    this.months++;
    const nH = weight.length;
    for (let gi = 0; gi < this.groupings.length; gi++) {
      const idx = this.groupings[gi]!.index;
      const acc = this.sums[gi]!;
      for (let h = 0; h < nH; h++) {
        const w = weight[h]!;
        const s = acc[idx[h]!]!;
        const size = m.size[h]!;
        s[0]! += w * size;
        s[8]! += w * size * m.standard[h]!;
        if (m.eligible[h]) s[9]! += w * size;
        if (!m.receives[h]) continue;
        if (m.eligible[h]) s[10]! += w * size;
        else s[11]! += w * Math.round(m.benefit[h]! * 100);
        s[1]! += w * size;
        s[2]! += w;
        // Money is summed in whole fen: with integer weights the totals are exact integers,
        // whatever the order or chunking of the sum.
        s[3]! += w * Math.round(m.benefit[h]! * 100);
        s[4]! += w * Math.round(m.gap[h]! * 100);
        s[5]! += w * Math.round(m.minimum[h]! * 100);
        s[6]! += w * Math.round(m.classified[h]! * 100);
        s[7]! += w * m.classifiedPersons[h]!;
      }
    }
  }

  /** Adds another accumulator's sums (same groupings) into this one: chunks merge in a fixed order. */
  merge(other: DibaoAccumulator): this {
    this.months = Math.max(this.months, other.months);
    this.sums.forEach((g, gi) => g.forEach((s, k) => {
      const o = other.sums[gi]![k]!;
      for (let i = 0; i < s.length; i++) s[i]! += o[i]!;
    }));
    return this;
  }

  /** Sums of group `key` of grouping `name` (money in yuan). */
  get(name: string, key: string): DibaoSums {
    const gi = this.groupings.findIndex((g) => g.name === name);
    const k = this.groupings[gi]!.keys.indexOf(key);
    const s = this.sums[gi]![k]!;
    const out = { months: this.months } as DibaoSums;
    MEASURES.forEach((m, i) => (out[m] = s[i]!));
    for (const m of ['cost', 'gapCost', 'minimumCost', 'classifiedCost', 'leakageCost'] as const) out[m] = out[m] / 100;
    return out;
  }
}

/** The groupings the summary reports: total, by area, by prefecture, by household type. */
export function standardGroupings(pop: Population, householdType: ArrayLike<number>, typeNames: readonly string[]): Grouping[] {
  const urban = pop.household.urban!;
  const pref = pop.household.prefecture!;
  const area = new Uint8Array(pop.nHouseholds);
  const prefIdx = new Uint8Array(pop.nHouseholds);
  const lut = new Map(PREFECTURE_CODES.map((c, i) => [c, i]));
  for (let h = 0; h < pop.nHouseholds; h++) {
    area[h] = urban[h] ? 0 : 1;
    prefIdx[h] = lut.get(pref[h]!)!;
  }
  return [
    { name: 'total', keys: ['total'], index: new Uint8Array(pop.nHouseholds) },
    { name: 'byArea', keys: ['urban', 'rural'], index: area },
    { name: 'byPrefecture', keys: PREFECTURE_CODES.map(String), index: prefIdx },
    { name: 'byHouseholdType', keys: typeNames, index: Uint8Array.from(householdType) },
  ];
}

/** Money to the fen for reporting. */
const fen = (x: number): number => Math.round(x * 100) / 100;
const ratio = (a: number, b: number): number => (b > 0 ? a / b : 0);

/** The reported figures (see README "Summary keys"). */
export interface DibaoSummary {
  population: number;
  recipients: number;
  households: number;
  coverage: number;
  cost: number;
  costAnnual: number;
  averageSubsidy: number;
  averageStandard: number;
  costByComponent: { gap: number; minimum: number; classified: number };
  /** Weighted by persons: inclusion = recipients not truly eligible ÷ recipients; exclusion = eligible not paid ÷ eligible; leakage = spending on the non-eligible ÷ spending. */
  targeting: { inclusionError: number; exclusionError: number; leakage: number; coverageOfPoor: number };
}

/** Figures of one group from its sums. */
export function summarise(s: DibaoSums): DibaoSummary {
  const months = Math.max(s.months, 1);
  const population = s.populationMonths / months;
  const recipients = s.recipientPersonMonths / months;
  return {
    population,
    recipients,
    households: s.householdMonths / months,
    coverage: ratio(recipients, population),
    cost: fen(s.cost),
    costAnnual: fen((s.cost * 12) / months),
    averageSubsidy: ratio(s.cost, s.recipientPersonMonths),
    averageStandard: ratio(s.standardPersonMonths, s.populationMonths),
    costByComponent: { gap: fen(s.gapCost), minimum: fen(s.minimumCost), classified: fen(s.classifiedCost) },
    targeting: {
      inclusionError: ratio(s.recipientPersonMonths - s.eligibleRecipientPersonMonths, s.recipientPersonMonths),
      exclusionError: ratio(s.eligiblePersonMonths - s.eligibleRecipientPersonMonths, s.eligiblePersonMonths),
      leakage: ratio(s.leakageCost, s.cost),
      // With nobody eligible nobody is excluded, so coverage of the (absent) poor is complete.
      coverageOfPoor: s.eligiblePersonMonths > 0 ? s.eligibleRecipientPersonMonths / s.eligiblePersonMonths : 1,
    },
  };
}

/** §二.2: the average classified top-up per top-up person-month must exceed the average gap top-up per recipient person-month. */
export function classifiedCheck(s: DibaoSums): { id: string; passed: boolean; detail: string; values: { averageClassified: number; averageGap: number } } {
  const averageClassified = ratio(s.classifiedCost, s.classifiedPersonMonths);
  const averageGap = ratio(s.gapCost + s.minimumCost, s.recipientPersonMonths);
  const passed = s.classifiedPersonMonths > 0 && averageClassified > averageGap;
  return {
    id: 'classified-above-average-gap',
    passed,
    detail: `吉政发〔2006〕48号 §二.2: average classified top-up ${averageClassified.toFixed(2)} yuan per top-up person-month ${passed ? '>' : '≤'} average gap benefit ${averageGap.toFixed(2)} yuan per recipient person-month`,
    values: { averageClassified, averageGap },
  };
}
