/**
 * The range of every parameter unit, enforced on parameter files and scenario overrides alike
 * (docs/reliability.md, Limits). Probabilities and shares lie in 0–1; amounts of money are
 * non-negative and below a ceiling; counts of people, posts, ages, months and years are whole
 * numbers. The yuan ceilings keep money sums exact: jiuzhu sums in fen (integers in doubles,
 * exact below 2^53 ≈ 9.0e15). An amount per person, household, case, post, student or m² is at
 * most 100,000 yuan = 10^7 fen, so 3.2e8 person-months (Jilin's 27 million people for 12
 * months) sum to at most 3.2e15 fen, exact. A total (CNY, CNY/month, CNY/year, CNY/facility) is
 * at most 10^11 yuan = 10^13 fen, so up to 900 of them sum exactly.
 */
import type { Unit } from './types.js';

export interface UnitRange {
  min: number;
  max: number;
  /** Whole numbers only. */
  integer?: boolean;
  /** How the range is described in messages. */
  label: string;
}

/** Most yuan an amount per person, household, case, post, student or m² may be. */
export const MAX_YUAN_PER_UNIT = 1e5;
/** Most yuan a total (a budget, a fund, a facility's cost) may be. */
export const MAX_YUAN_TOTAL = 1e11;

const per = (label: string): UnitRange => ({ min: 0, max: MAX_YUAN_PER_UNIT, label: `0–${MAX_YUAN_PER_UNIT.toLocaleString('en-US')} yuan ${label}` });
const total: UnitRange = { min: 0, max: MAX_YUAN_TOTAL, label: `0–${MAX_YUAN_TOTAL.toExponential().replace('e+', 'e')} yuan` };
const unitInterval = (what: string): UnitRange => ({ min: 0, max: 1, label: `a ${what} between 0 and 1` });

export const UNIT_RANGES: Record<Unit, UnitRange> = {
  'CNY': total,
  'CNY/month': total,
  'CNY/year': total,
  'CNY/facility': total,
  // Fiscal aggregates as yearbooks publish them (亿元): never summed in fen, so above the ceiling of totals.
  '100M CNY/year': { min: 0, max: 1e6, label: '0–1,000,000 亿 (100 million) yuan a year' },
  'CNY/person/month': per('a person a month'),
  'CNY/person/year': per('a person a year'),
  'CNY/household/month': per('a household a month'),
  'CNY/household/year': per('a household a year'),
  'CNY/case': per('a case'),
  'CNY/student/year': per('a student a year'),
  'CNY/post/month': per('a post a month'),
  'CNY/m2/month': per('a m² a month'),
  'CNY/m2': per('a m²'),
  'm2/person': { min: 0, max: 10_000, label: '0–10,000 m² a person' },
  'm2': { min: 0, max: 1e6, label: '0–1,000,000 m²' },
  'rate': { min: -1, max: 10, label: 'a rate between −1 and 10' },
  'share': unitInterval('share'),
  'ratio': { min: 0, max: 1000, label: 'a ratio between 0 and 1,000' },
  'probability': unitInterval('probability'),
  'probability/month': unitInterval('monthly probability'),
  'bool': { min: 0, max: 1, integer: true, label: 'yes or no' },
  'years': { min: 0, max: 3000, integer: true, label: 'a whole number of years (or a year) 0–3,000' },
  'months': { min: 0, max: 1200, integer: true, label: 'a whole number of months 0–1,200' },
  'age': { min: 0, max: 150, integer: true, label: 'a whole age 0–150' },
  // Not whole: some counts are means (medical.discount_card.visits is 0.3 visits a person).
  'count': { min: 0, max: 1e9, label: 'a count 0–1,000,000,000' },
  'persons': { min: 0, max: 1e9, integer: true, label: 'a whole number of persons 0–1,000,000,000' },
  'posts': { min: 0, max: 1e9, integer: true, label: 'a whole number of posts 0–1,000,000,000' },
  'index': { min: 0, max: 1000, label: 'an index between 0 and 1,000' },
  // A yearly rate of events whose monthly chance is a twelfth of it: at most one a month.
  'events/person/year': { min: 0, max: 12, label: 'events a person a year, 0–12 (the monthly chance is a twelfth)' },
};

/** Why `x` is outside the unit's range (`x: reason`), or undefined when it is inside. */
export function outOfRange(unit: Unit, x: number): string | undefined {
  const r = UNIT_RANGES[unit];
  if (!Number.isFinite(x)) return `${x}; parameters must be finite numbers (${unit}: ${r.label})`;
  if (x < r.min || x > r.max) return `${x}, outside the range of its unit ${unit}: ${r.label}`;
  if (r.integer && !Number.isInteger(x)) return `${x}, not a whole number (${unit}: ${r.label})`;
  return undefined;
}
