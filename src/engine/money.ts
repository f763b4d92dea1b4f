/** Money is paid to the fen (0.01 yuan) per household per month. */

/**
 * Incomes are sums of fen amounts in binary floating point, so a household exactly at a
 * threshold can come out a hair below it (256.4 + 1.9 + 215.7 = 473.99999999999994).
 * Differences smaller than this many yuan are rounding noise, not money.
 */
export const FLOAT_NOISE_YUAN = 1e-9;

/**
 * Rounds to the fen, half away from zero. The tiny nudge keeps values like 1.005, stored
 * as 1.00499999…, from rounding down, since a payment computed as 1.005 is meant as that.
 */
export function roundFen(x: number): number {
  const s = x < 0 ? -1 : 1;
  return (s * Math.round(Math.abs(x) * 100 + 1e-7)) / 100;
}

/** roundFen over a whole column, into a new column. */
export function roundFenColumn(values: ArrayLike<number>): Float64Array {
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = roundFen(values[i]!);
  return out;
}

/** Months of a calendar year: annual amounts accrue a twelfth a month. A fact of the calendar, not a policy number. */
export const MONTHS_PER_YEAR = 12;

/**
 * An annual amount as a monthly accrual, to the fen. Programs paid per year (premiums, school
 * fees) accrue monthly so that any period's cost is its share of the year; twelve months of
 * accruals can differ from the annual amount by a few fen of rounding.
 */
export function monthlyAccrual(annual: number): number {
  return roundFen(annual / MONTHS_PER_YEAR);
}
