/**
 * Periods: months ('YYYY-MM') and years ('YYYY'). Rules are evaluated per period;
 * parameters are read on the first day of the period.
 */
import { JiuzhuError } from './errors.js';

export type PeriodUnit = 'month' | 'year';

/** A month as 'YYYY-MM' or a year as 'YYYY'. */
export type Period = string;

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const YEAR = /^(\d{4})$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Unit of a period string, or throws. */
export function periodUnit(p: Period): PeriodUnit {
  if (MONTH.test(p)) return 'month';
  if (YEAR.test(p)) return 'year';
  throw new JiuzhuError('BAD_PERIOD', `'${p}' is not a month (YYYY-MM) or a year (YYYY)`);
}

/** Months since year 0, so months can be compared and keyed as integers. */
export function monthIndex(month: Period): number {
  const m = MONTH.exec(month);
  if (!m) throw new JiuzhuError('BAD_PERIOD', `'${month}' is not a month (YYYY-MM)`);
  return Number(m[1]) * 12 + Number(m[2]) - 1;
}

/** Inverse of monthIndex. */
export function monthFromIndex(index: number): Period {
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`;
}

/** Every month from `from` to `to`, both included. */
export function monthsBetween(from: Period, to: Period): Period[] {
  const a = monthIndex(from);
  const b = monthIndex(to);
  if (b < a) throw new JiuzhuError('BAD_PERIOD', `period ends (${to}) before it starts (${from})`);
  const out: Period[] = [];
  for (let i = a; i <= b; i++) out.push(monthFromIndex(i));
  return out;
}

/** The twelve months of a year. */
export function monthsOfYear(year: Period): Period[] {
  if (!YEAR.test(year)) throw new JiuzhuError('BAD_PERIOD', `'${year}' is not a year (YYYY)`);
  return monthsBetween(`${year}-01`, `${year}-12`);
}

/** The date on which parameters are read for a period: its first day. */
export function periodStartDate(p: Period): string {
  return periodUnit(p) === 'month' ? `${p}-01` : `${p}-01-01`;
}

/** True if `s` is a valid ISO calendar date 'YYYY-MM-DD'. */
export function isIsoDate(s: unknown): s is string {
  if (typeof s !== 'string') return false;
  const m = DATE.exec(s);
  if (!m) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** True if `s` is a month 'YYYY-MM'. */
export function isMonth(s: unknown): s is string {
  return typeof s === 'string' && MONTH.test(s);
}
