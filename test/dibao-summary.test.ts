/**
 * The §二 summary's sums (src/scenarios/results/summary.ts) when some of its targets would receive
 * the very additions another receives (session 9): a slice of one prefecture, whose prefecture
 * sums are its total's, and a first month, whose month sums are the total's. Such a target is
 * given the other's sums instead of being added to; every figure must stay the one worked out by
 * hand below.
 */
import { describe, expect, it } from 'vitest';
import { PREFECTURE_CODES } from '../src/engine/locality.js';
import { DibaoAccumulator, type Grouping, type MonthColumns } from '../src/scenarios/results/summary.js';

// Three households: h0 urban (1 person, weight 1), h1 rural (2 persons, weight 2), h2 rural (3 persons, weight 3).
const weight = Float64Array.of(1, 2, 3);
const zeros = Float64Array.of(0, 0, 0);
const month = (receives: number[], was: number[], benefit: number[]): MonthColumns => ({
  size: Float64Array.of(1, 2, 3), eligible: Uint8Array.of(1, 1, 0), receives: Uint8Array.from(receives), receivedPrevious: Uint8Array.from(was),
  benefit: Float64Array.from(benefit), gap: Float64Array.from(benefit), minimum: zeros, classified: zeros, classifiedPersons: zeros,
  standard: Float64Array.of(200, 150, 150), temporary: zeros, priceSubsidy: zeros, taper: zeros,
});
// 2006-01: h0 paid 100, h2 paid 50 (both enter). 2006-02: h0 paid 100, h1 paid 30 (enters), h2 leaves.
const JAN = month([1, 0, 1], [0, 0, 0], [100, 0, 50]);
const FEB = month([1, 1, 0], [1, 0, 1], [100, 30, 0]);

function accumulate(prefecture: number[]): DibaoAccumulator {
  const groupings: Grouping[] = [
    { name: 'total', keys: ['total'], index: new Uint8Array(3) },
    { name: 'byArea', keys: ['urban', 'rural'], index: Uint8Array.of(0, 1, 1) },
    { name: 'byPrefecture', keys: PREFECTURE_CODES.map(String), index: Uint8Array.from(prefecture) },
    { name: 'byHouseholdType', keys: ['a', 'b'], index: Uint8Array.of(0, 1, 0) },
  ];
  const acc = new DibaoAccumulator(groupings);
  acc.addMonth('2006-01', false, weight, JAN);
  acc.addMonth('2006-02', false, weight, FEB);
  return acc;
}

describe('the §二 summary’s sums when a target mirrors another (session 9)', () => {
  it('a slice of one prefecture: its sums are the total’s, every other prefecture’s are 0', () => {
    const acc = accumulate([0, 0, 0]);
    const total = acc.get('total', 'total');
    // Recipient person-months: Jan h0 1×1 + h2 3×3 = 10, Feb h0 1 + h1 2×2 = 5 → 15. Cost: Jan 1×100 + 3×50 = 250,
    // Feb 1×100 + 2×30 = 160 → 410 yuan. Entries: Jan h0 (1) + h2 (3), Feb h1 (2) → 6; exits: Feb h2 → 3.
    // Population person-months: (1 + 4 + 9) × 2 = 28.
    expect(total.recipientPersonMonths).toBe(15);
    expect(total.benefitCost).toBe(410);
    expect(total.entries).toBe(6);
    expect(total.exits).toBe(3);
    expect(total.populationMonths).toBe(28);
    expect(acc.get('byPrefecture', String(PREFECTURE_CODES[0]))).toEqual(total);
    for (const code of PREFECTURE_CODES.slice(1)) expect(acc.get('byPrefecture', String(code)).populationMonths).toBe(0);
    // The months are each month's own, not the running total: Jan 10 persons, 4 households
    // (1 + 3), 250 yuan; Feb 5 persons, 3 households (1 + 2), 160 yuan.
    const [jan, feb] = acc.months();
    expect([jan!.recipients, jan!.households, jan!.cost.total, jan!.entries, jan!.exits]).toEqual([10, 4, 250, 4, 0]);
    expect([feb!.recipients, feb!.households, feb!.cost.total, feb!.entries, feb!.exits]).toEqual([5, 3, 160, 2, 3]);
    // By area each month: Jan urban h0 (1 person, 1 household), rural h2 (9, 3); Feb urban h0 (1, 1), rural h1 (4, 2).
    expect(jan!.byArea).toEqual({ urban: { recipients: 1, households: 1 }, rural: { recipients: 9, households: 3 } });
    expect(feb!.byArea).toEqual({ urban: { recipients: 1, households: 1 }, rural: { recipients: 4, households: 2 } });
    // Over the period, by area: urban 1 + 1 = 2 person-months and 200 yuan; rural 9 + 4 = 13 and 150 + 60 = 210 yuan.
    expect([acc.get('byArea', 'urban').recipientPersonMonths, acc.get('byArea', 'urban').benefitCost]).toEqual([2, 200]);
    expect([acc.get('byArea', 'rural').recipientPersonMonths, acc.get('byArea', 'rural').benefitCost]).toEqual([13, 210]);
  });
  it('two prefectures: each its own households’ sums', () => {
    // h0 in the first prefecture, h1 and h2 in the second: 2 and 13 recipient person-months, 200 and 210 yuan.
    const acc = accumulate([0, 1, 1]);
    const [a, b] = PREFECTURE_CODES.map(String);
    expect([acc.get('byPrefecture', a!).recipientPersonMonths, acc.get('byPrefecture', a!).benefitCost]).toEqual([2, 200]);
    expect([acc.get('byPrefecture', b!).recipientPersonMonths, acc.get('byPrefecture', b!).benefitCost]).toEqual([13, 210]);
    expect(acc.get('total', 'total').recipientPersonMonths).toBe(15);
  });
});
