/**
 * A stock carried from year to year by dated parameters alone (e.g. the public-welfare posts of
 * 吉政发〔2006〕48号 §六.1, employment_post_holder): the stock on 1 January of a base year, what
 * enters each year (inflow) and the share of the year's opening stock that leaves during it
 * (outflow rate). Both happen evenly over the year, so the stock in a month lies on the straight
 * line from the year's opening to its closing stock, at the month's middle: a year's
 * stock-months are 12 × (opening + closing) ÷ 2. A projection or a run of any length gets the
 * same stock for a month, since it depends on the parameters and the month only.
 */
import { MONTHS_PER_YEAR } from './money.js';

/** One dated value of a scalar parameter ('YYYY-MM-DD'). */
export interface Dated { readonly date: string; readonly value: number }

const yearOf = (date: string): number => Number(date.slice(0, 4));

/** The value in force on a date (the latest dated on or before it), else 0. */
function inForce(series: readonly Dated[], date: string): number {
  let v = 0;
  for (const e of series) {
    if (e.date <= date) v = e.value;
    else break;
  }
  return v;
}

/** The stock on 1 January of `year`: the latest stock value dated in or before that year, moved by each later year's flows. */
export function openingStock(stock: readonly Dated[], inflow: readonly Dated[], outflowRate: readonly Dated[], year: number): number {
  let base: Dated | undefined;
  for (const e of stock) if (yearOf(e.date) <= year) base = e;
  if (!base) return 0;
  let s = base.value;
  for (let y = yearOf(base.date); y < year; y++) s = closingStock(s, inflow, outflowRate, y);
  return s;
}

/** The stock on 31 December of `year` from its opening: opening × (1 − outflow rate) + inflow, the year's values in force on 1 January. */
export function closingStock(opening: number, inflow: readonly Dated[], outflowRate: readonly Dated[], year: number): number {
  const jan1 = `${year}-01-01`;
  return opening * (1 - inForce(outflowRate, jan1)) + inForce(inflow, jan1);
}

/** The stock in a month ('YYYY-MM'): opening + (closing − opening) × (month − ½) ÷ 12. */
export function stockInMonth(stock: readonly Dated[], inflow: readonly Dated[], outflowRate: readonly Dated[], month: string): number {
  const year = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  const open = openingStock(stock, inflow, outflowRate, year);
  const close = closingStock(open, inflow, outflowRate, year);
  return open + ((close - open) * (m - 0.5)) / MONTHS_PER_YEAR;
}
