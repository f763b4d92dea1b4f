/**
 * The §二 dibao summary: weighted sums per month, accumulated by group (total, urban/rural,
 * prefecture, household type) and by month, then turned into the reported figures. Sums are
 * mergeable, so chunks of a population accumulate separately and add up. Money is summed in
 * whole fen: with integer weights the totals are exact, whatever the order or chunking.
 */
import { PREFECTURE_CODES } from '../../engine/locality.js';
import type { Population } from '../../engine/population.js';
import { addEach, zeroArrays } from './float-arrays.js';

const MEASURES = [
  'populationMonths', 'recipientPersonMonths', 'householdMonths', 'benefitCost', 'gapCost', 'minimumCost', 'classifiedCost',
  'classifiedPersonMonths', 'standardPersonMonths', 'eligiblePersonMonths', 'eligibleRecipientPersonMonths', 'leakageCost',
  'temporaryCost', 'priceSubsidyCost', 'taperCost', 'entries', 'exits', 'temporaryHouseholds', 'taperHouseholds',
  'recipientStandardPersonMonths', 'classifiedGapCost',
] as const;
type Measure = (typeof MEASURES)[number];
const M = Object.fromEntries(MEASURES.map((m, i) => [m, i])) as Record<Measure, number>;
/** Slots of the measures, as constants for the accumulation loop. */
const I_populationMonths = M.populationMonths;
const I_recipientPersonMonths = M.recipientPersonMonths;
const I_householdMonths = M.householdMonths;
const I_benefitCost = M.benefitCost;
const I_gapCost = M.gapCost;
const I_minimumCost = M.minimumCost;
const I_classifiedCost = M.classifiedCost;
const I_classifiedPersonMonths = M.classifiedPersonMonths;
const I_standardPersonMonths = M.standardPersonMonths;
const I_eligiblePersonMonths = M.eligiblePersonMonths;
const I_eligibleRecipientPersonMonths = M.eligibleRecipientPersonMonths;
const I_leakageCost = M.leakageCost;
const I_temporaryCost = M.temporaryCost;
const I_priceSubsidyCost = M.priceSubsidyCost;
const I_taperCost = M.taperCost;
const I_entries = M.entries;
const I_exits = M.exits;
const I_temporaryHouseholds = M.temporaryHouseholds;
const I_taperHouseholds = M.taperHouseholds;
const I_recipientStandardPersonMonths = M.recipientStandardPersonMonths;
const I_classifiedGapCost = M.classifiedGapCost;
const MONEY: readonly Measure[] = ['benefitCost', 'gapCost', 'minimumCost', 'classifiedCost', 'leakageCost', 'temporaryCost', 'priceSubsidyCost', 'taperCost', 'classifiedGapCost'];

/** Weighted sums of one group over the months accumulated (money in yuan). */
export type DibaoSums = Record<Measure, number> & { months: number };

/** The columns of a month the summary reads, named so a program can declare its rules for them (ProgramDefinition.headline). */
export const MONTH_COLUMNS = ['size', 'eligible', 'receives', 'receivedPrevious', 'benefit', 'gap', 'minimum', 'classified', 'classifiedPersons', 'standard', 'temporary', 'priceSubsidy', 'taper'] as const;

export interface MonthColumns extends Record<(typeof MONTH_COLUMNS)[number], ArrayLike<number>> {
  size: ArrayLike<number>;
  /** The rule's verdict on true income, for targeting errors. */
  eligible: ArrayLike<number>;
  receives: ArrayLike<number>;
  receivedPrevious: ArrayLike<number>;
  benefit: ArrayLike<number>;
  gap: ArrayLike<number>;
  minimum: ArrayLike<number>;
  classified: ArrayLike<number>;
  /** Members with a classified top-up. */
  classifiedPersons: ArrayLike<number>;
  standard: ArrayLike<number>;
  temporary: ArrayLike<number>;
  priceSubsidy: ArrayLike<number>;
  taper: ArrayLike<number>;
}

/** Group index of every household for one breakdown, with the group names. */
export interface Grouping { name: string; keys: readonly string[]; index: Uint8Array | Int32Array }

/** One month of the whole population (the `months` rows of the result JSON). */
export interface MonthRow {
  month: string;
  recipients: number;
  households: number;
  entries: number;
  exits: number;
  priceSubsidyTriggered: boolean;
  cost: { gap: number; classified: number; temporary: number; priceSubsidy: number; taper: number; total: number };
  /** Regular-benefit caseload of the month by area (persons and households, weighted): year-end figures compare with December. */
  byArea?: { urban: { recipients: number; households: number }; rural: { recipients: number; households: number } };
}

const fenOf = (x: number): number => Math.round(x * 100);

/**
 * DibaoAccumulator.addMonth's pass over households: each household's addends, added to every live
 * target (`targets`; the `varyingAt` ones are looked up per household from `varyingArrays` by
 * `varyingIndex`). A function of its own, apart from the month's bookkeeping around it: V8
 * compiled addMonth whole about ten times a projection worker (the pass is most of its size, and
 * the bookkeeping's objects deoptimised it; docs/performance.md, session 13).
 */
function addHouseholds(
  nH: number,
  weight: ArrayLike<number>,
  m: MonthColumns,
  targets: Float64Array[],
  nLive: number,
  varyingAt: readonly number[],
  varyingArrays: readonly (readonly Float64Array[])[],
  varyingIndex: readonly ArrayLike<number>[],
): void {
  const nVarying = varyingAt.length;
  const { size, standard, eligible, temporary, taper, receives, receivedPrevious, benefit, gap, minimum, classified, classifiedPersons, priceSubsidy } = m;
  for (let h = 0; h < nH; h++) {
    for (let v = 0; v < nVarying; v++) targets[varyingAt[v]!] = varyingArrays[v]![varyingIndex[v]![h]!]!;
    const w = weight[h]!;
    const n = size[h]!;
    const wn = w * n;
    const wnStd = wn * standard[h]!;
    const isEligible = eligible[h];
    const tmp = temporary[h]!;
    const tmpCost = tmp > 0 ? w * fenOf(tmp) : 0;
    const tap = taper[h]!;
    const tapCost = tap > 0 ? w * fenOf(tap) : 0;
    const paid = receives[h];
    const was = receivedPrevious[h];
    // Amounts of a paid household (0 otherwise), computed once for all its groups.
    const benefitCost = paid ? w * fenOf(benefit[h]!) : 0;
    const gapCost = paid ? w * fenOf(gap[h]!) : 0;
    const minimumCost = paid ? w * fenOf(minimum[h]!) : 0;
    const classifiedCost = paid ? w * fenOf(classified[h]!) : 0;
    const classifiedPersonMonths = paid ? w * classifiedPersons[h]! : 0;
    // The gap benefit (gap and floor) of the household per member, for each member with a top-up:
    // the part of a classified recipient's payment that is not the top-up (§二.2, the payment reading).
    const classifiedGapCost = paid && classifiedPersons[h]! > 0 ? (w * fenOf(gap[h]! + minimum[h]!) * classifiedPersons[h]!) / n : 0;
    const priceSubsidyCost = paid ? w * fenOf(priceSubsidy[h]!) : 0;
    for (let t = 0; t < nLive; t++) {
      const s = targets[t]!;
      s[I_populationMonths]! += wn;
      s[I_standardPersonMonths]! += wnStd;
      if (isEligible) s[I_eligiblePersonMonths]! += wn;
      if (tmp > 0) {
        s[I_temporaryCost]! += tmpCost;
        s[I_temporaryHouseholds]! += w;
      }
      if (tap > 0) {
        s[I_taperCost]! += tapCost;
        s[I_taperHouseholds]! += w;
      }
      if (!paid) {
        if (was) s[I_exits]! += w;
        continue;
      }
      if (!was) s[I_entries]! += w;
      if (isEligible) s[I_eligibleRecipientPersonMonths]! += wn;
      else s[I_leakageCost]! += benefitCost;
      s[I_recipientPersonMonths]! += wn;
      s[I_recipientStandardPersonMonths]! += wnStd;
      s[I_householdMonths]! += w;
      s[I_benefitCost]! += benefitCost;
      s[I_gapCost]! += gapCost;
      s[I_minimumCost]! += minimumCost;
      s[I_classifiedCost]! += classifiedCost;
      s[I_classifiedPersonMonths]! += classifiedPersonMonths;
      s[I_classifiedGapCost]! += classifiedGapCost;
      s[I_priceSubsidyCost]! += priceSubsidyCost;
    }
  }
}

export class DibaoAccumulator {
  readonly groupings: Grouping[];
  /** sums[g][k][measure]: grouping g, group k. The total is a grouping with one group. */
  private readonly sums: Float64Array[][];
  /** The total group's sums of each month, and whether the price subsidy was on. */
  private readonly byMonth = new Map<string, { sums: Float64Array; triggered: boolean; areas?: Float64Array[] }>();
  /** Index of the grouping by area (urban, rural), if there is one: months are also summed by area. */
  private readonly areaGrouping: number;

  /** Per grouping, the one group every household is in, or -1 (the total; a slice's prefecture). */
  private readonly constantGroup: number[];

  constructor(groupings: Grouping[]) {
    this.groupings = groupings;
    // Plain loops, no callbacks: nine accumulators a sweep's variant, and a callback made per call
    // was optimised on its own, its code dropped at each full GC and compiled again every few
    // variants (issue #25, W3, session 16).
    this.constantGroup = [];
    this.sums = [];
    this.areaGrouping = -1;
    for (let gi = 0; gi < groupings.length; gi++) {
      const g = groupings[gi]!;
      this.constantGroup.push(constantOf(g.index));
      this.sums.push(zeroArrays(g.keys.length, MEASURES.length));
      if (this.areaGrouping < 0 && g.name === 'byArea') this.areaGrouping = gi;
    }
  }

  /**
   * Adds one month of household columns, weighted: one pass over households, each household's
   * addends computed once and added to its group of every grouping and to the month's total.
   * Every sum still receives its households in order, so the sums are those of a pass per grouping.
   */
  addMonth(month: string, triggered: boolean, weight: ArrayLike<number>, m: MonthColumns): void {
    const monthSums = new Float64Array(MEASURES.length);
    const nH = weight.length;
    const nG = this.groupings.length;
    const sums = this.sums;
    // The month's sums, and (with an area grouping) the month's sums of the household's area.
    const ag = this.areaGrouping;
    const areaIndex = ag >= 0 ? this.groupings[ag]!.index : null;
    const monthAreas = ag >= 0 ? zeroArrays(this.groupings[ag]!.keys.length, MEASURES.length) : [];
    const nT = areaIndex ? nG + 2 : nG + 1;
    // Targets that would receive the very additions another one receives, from the same sums:
    // left out of the pass and given that one's sums after it (mirrors). Of the others, a target
    // of one group for every household is looked up once, not per household.
    const slots: TargetSlots[] = [];
    for (let gi = 0; gi < nG; gi++) slots.push({ arrays: sums[gi]!, index: this.groupings[gi]!.index, constant: this.constantGroup[gi]! });
    slots.push({ arrays: [monthSums], index: null, constant: 0 });
    if (areaIndex) slots.push({ arrays: monthAreas, index: areaIndex, constant: this.constantGroup[ag]! });
    const copies = mirrors(slots);
    const targets: Float64Array[] = [];
    const varyingAt: number[] = [];
    const varyingArrays: (readonly Float64Array[])[] = [];
    const varyingIndex: ArrayLike<number>[] = [];
    for (let t = 0; t < nT; t++) {
      if (mirrored(copies, t)) continue;
      const sl = slots[t]!;
      if (sl.constant < 0) {
        varyingAt.push(targets.length);
        varyingArrays.push(sl.arrays);
        varyingIndex.push(sl.index!);
      }
      targets.push(sl.arrays[Math.max(sl.constant, 0)]!);
    }
    const nLive = targets.length;
    addHouseholds(nH, weight, m, targets, nLive, varyingAt, varyingArrays, varyingIndex);
    for (const c of copies) {
      const from = slots[c.from]!, to = slots[c.to]!;
      if (to.constant >= 0) to.arrays[to.constant]!.set(from.arrays[from.constant]!);
      else for (let k = 0; k < to.arrays.length; k++) to.arrays[k]!.set(from.arrays[k]!);
    }
    const prev = this.byMonth.get(month);
    if (prev) {
      for (let i = 0; i < monthSums.length; i++) prev.sums[i]! += monthSums[i]!;
      if (prev.areas) addEach(prev.areas, monthAreas);
    } else this.byMonth.set(month, { sums: monthSums, triggered, ...(areaIndex ? { areas: monthAreas } : {}) });
  }

  /** Adds another accumulator's sums (same groupings, same months): chunks merge in a fixed order. */
  merge(other: DibaoAccumulator): this {
    for (let gi = 0; gi < this.sums.length; gi++) addEach(this.sums[gi]!, other.sums[gi]!);
    for (const [month, o] of other.byMonth) {
      const mine = this.byMonth.get(month);
      if (!mine) {
        let areas: Float64Array[] | undefined;
        if (o.areas) {
          areas = [];
          for (const a of o.areas) areas.push(Float64Array.from(a));
        }
        this.byMonth.set(month, { sums: Float64Array.from(o.sums), triggered: o.triggered, ...(areas ? { areas } : {}) });
      } else {
        for (let i = 0; i < mine.sums.length; i++) mine.sums[i]! += o.sums[i]!;
        if (mine.areas) addEach(mine.areas, o.areas!);
      }
    }
    return this;
  }

  /** Sums of group `key` of grouping `name` (money in yuan). */
  get(name: string, key: string): DibaoSums {
    let gi = 0;
    while (gi < this.groupings.length && this.groupings[gi]!.name !== name) gi++;
    if (gi === this.groupings.length) gi = -1;
    const k = this.groupings[gi]!.keys.indexOf(key);
    return toSums(this.sums[gi]![k]!, this.byMonth.size);
  }

  /** Month rows in calendar order. */
  months(): MonthRow[] {
    const areaKeys = this.areaGrouping >= 0 ? this.groupings[this.areaGrouping]!.keys : [];
    const rows: MonthRow[] = [];
    for (const month of [...this.byMonth.keys()].sort()) {
      const { sums, triggered, areas } = this.byMonth.get(month)!;
      const s = toSums(sums, 1);
      const gap = fen(s.gapCost + s.minimumCost);
      const cost = { gap, classified: fen(s.classifiedCost), temporary: fen(s.temporaryCost), priceSubsidy: fen(s.priceSubsidyCost), taper: fen(s.taperCost), total: fen(s.benefitCost + s.temporaryCost + s.priceSubsidyCost + s.taperCost) };
      const row: MonthRow = { month, recipients: s.recipientPersonMonths, households: s.householdMonths, entries: s.entries, exits: s.exits, priceSubsidyTriggered: triggered, cost };
      if (areas) row.byArea = { urban: areaCaseload(areas, areaKeys, 'urban'), rural: areaCaseload(areas, areaKeys, 'rural') };
      rows.push(row);
    }
    return rows;
  }
}

/** A month's regular-benefit caseload of one area. */
function areaCaseload(areas: readonly Float64Array[], areaKeys: readonly string[], k: string): { recipients: number; households: number } {
  const a = areas[areaKeys.indexOf(k)]!;
  return { recipients: a[I_recipientPersonMonths]!, households: a[I_householdMonths]! };
}

/** Whether target t is given another's sums (see mirrors). */
function mirrored(copies: readonly { from: number; to: number }[], t: number): boolean {
  for (const c of copies) if (c.to === t) return true;
  return false;
}

/** The group index every household has, or -1 when they differ (or there are none). */
function constantOf(index: ArrayLike<number>): number {
  // The locality groupings' indexes are one object per population (standardGroupings): looked at once.
  const known = constants.get(index);
  if (known !== undefined) return known;
  const k = constantIn(index);
  if (kept.has(index)) constants.set(index, k);
  return k;
}

/** constantOf of the indexes kept per population (nothing writes to them). */
const constants = new WeakMap<ArrayLike<number>, number>();
const kept = new WeakSet<ArrayLike<number>>();

function constantIn(index: ArrayLike<number>): number {
  if (!index.length) return -1;
  const k = index[0]!;
  for (let h = 1; h < index.length; h++) if (index[h] !== k) return -1;
  return k;
}

/**
 * One target of a month's pass: its sums per group, and which group a household adds to (every
 * household the same one: `constant` ≥ 0; else `index`).
 */
interface TargetSlots { arrays: readonly Float64Array[]; index: ArrayLike<number> | null; constant: number }

/**
 * The targets that would receive the same additions as an earlier one from the same sums: both
 * of one group for every household (the total, the month, a slice's one prefecture), or both
 * groups by one index (the area and the month's area), their sums byte for byte the same now.
 * Such a target ends the pass with that one's sums, so it is given them rather than added to
 * (each is a sum over households in order: the same additions from the same start give the
 * same bytes). In a slice's month the prefecture mirrors the total; in its first month the
 * month mirrors the total and the month's areas the areas.
 */
function mirrors(slots: readonly TargetSlots[]): { from: number; to: number }[] {
  const out: { from: number; to: number }[] = [];
  for (let t = 1; t < slots.length; t++) {
    const to = slots[t]!;
    for (let u = 0; u < t; u++) {
      if (mirrored(out, u)) continue;
      const from = slots[u]!;
      const same = to.constant >= 0
        ? from.constant >= 0 && sameBytes(to.arrays[to.constant]!, from.arrays[from.constant]!)
        : from.constant < 0 && to.index !== null && to.index === from.index && to.arrays.length === from.arrays.length && allSameBytes(to.arrays, from.arrays);
      if (same) {
        out.push({ from: u, to: t });
        break;
      }
    }
  }
  return out;
}

function allSameBytes(a: readonly Float64Array[], b: readonly Float64Array[]): boolean {
  for (let k = 0; k < a.length; k++) if (!sameBytes(a[k]!, b[k]!)) return false;
  return true;
}

function sameBytes(a: Float64Array, b: Float64Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

function toSums(s: Float64Array, months: number): DibaoSums {
  const out = { months } as DibaoSums;
  for (let i = 0; i < MEASURES.length; i++) out[MEASURES[i]!] = s[i]!;
  for (const m of MONEY) out[m] = out[m] / 100;
  return out;
}

/** Area and prefecture group of every household, per population (its columns never change). */
const localityGroups = new WeakMap<Population, { total: Uint8Array; area: Uint8Array; prefIdx: Uint8Array }>();

/** The groupings the summary reports: total, by area, by prefecture, by household type. */
export function standardGroupings(pop: Population, householdType: ArrayLike<number>, typeNames: readonly string[]): Grouping[] {
  let groups = localityGroups.get(pop);
  if (!groups) {
    const urban = pop.household.urban!;
    const pref = pop.household.prefecture!;
    const area = new Uint8Array(pop.nHouseholds);
    const prefIdx = new Uint8Array(pop.nHouseholds);
    const lut = new Map(PREFECTURE_CODES.map((c, i) => [c, i]));
    for (let h = 0; h < pop.nHouseholds; h++) {
      area[h] = urban[h] ? 0 : 1;
      prefIdx[h] = lut.get(pref[h]!)!;
    }
    const total = new Uint8Array(pop.nHouseholds);
    for (const index of [total, area, prefIdx]) kept.add(index);
    localityGroups.set(pop, (groups = { total, area, prefIdx }));
  }
  return [
    { name: 'total', keys: ['total'], index: groups.total },
    { name: 'byArea', keys: ['urban', 'rural'], index: groups.area },
    { name: 'byPrefecture', keys: PREFECTURE_CODES.map(String), index: groups.prefIdx },
    { name: 'byHouseholdType', keys: typeNames, index: new Uint8Array(householdType) },
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
  /** All §二 spending: regular dibao (gap, floor, classified), temporary assistance, price subsidy, gradual-exit payments. */
  cost: number;
  costAnnual: number;
  /** Regular dibao (gap, floor and classified top-ups) per recipient person-month, as the Ministry reports it. */
  averageSubsidy: number;
  /**
   * Urban or rural groups only (a standard pooled over areas is no statistic anyone publishes):
   * the recipient-weighted average standard (Σ recipient person-months × their standard ÷
   * recipient person-months), as the Ministry's 平均保障标准 of a caseload, and averageSubsidy ÷ it.
   */
  averageStandard?: number;
  subsidyToStandard?: number;
  costByComponent: { gap: number; minimum: number; classified: number; temporary: number; priceSubsidy: number; taper: number };
  entries: number;
  exits: number;
  /** Weighted by persons: inclusion = recipients not truly eligible ÷ recipients; exclusion = eligible not paid ÷ eligible; leakage = regular dibao paid to the non-eligible ÷ regular dibao. */
  targeting: { inclusionError: number; exclusionError: number; leakage: number; coverageOfPoor: number };
}

/** Figures of one group from its sums; `area` adds the recipient-weighted standard of an urban or rural group. */
export function summarise(s: DibaoSums, area = false): DibaoSummary {
  const months = Math.max(s.months, 1);
  const population = s.populationMonths / months;
  const recipients = s.recipientPersonMonths / months;
  const total = s.benefitCost + s.temporaryCost + s.priceSubsidyCost + s.taperCost;
  return {
    population,
    recipients,
    households: s.householdMonths / months,
    coverage: ratio(recipients, population),
    cost: fen(total),
    costAnnual: fen((total * 12) / months),
    averageSubsidy: ratio(s.benefitCost, s.recipientPersonMonths),
    ...(area ? areaStandard(s) : {}),
    costByComponent: { gap: fen(s.gapCost), minimum: fen(s.minimumCost), classified: fen(s.classifiedCost), temporary: fen(s.temporaryCost), priceSubsidy: fen(s.priceSubsidyCost), taper: fen(s.taperCost) },
    entries: s.entries,
    exits: s.exits,
    targeting: {
      inclusionError: ratio(s.recipientPersonMonths - s.eligibleRecipientPersonMonths, s.recipientPersonMonths),
      exclusionError: ratio(s.eligiblePersonMonths - s.eligibleRecipientPersonMonths, s.eligiblePersonMonths),
      leakage: ratio(s.leakageCost, s.benefitCost),
      // With nobody eligible nobody is excluded, so coverage of the (absent) poor is complete.
      coverageOfPoor: s.eligiblePersonMonths > 0 ? s.eligibleRecipientPersonMonths / s.eligiblePersonMonths : 1,
    },
  };
}

/** Recipient-weighted average standard of an area and the average subsidy as a share of it. */
function areaStandard(s: DibaoSums): { averageStandard: number; subsidyToStandard: number } {
  const averageStandard = ratio(s.recipientStandardPersonMonths, s.recipientPersonMonths);
  return { averageStandard, subsidyToStandard: ratio(ratio(s.benefitCost, s.recipientPersonMonths), averageStandard) };
}
