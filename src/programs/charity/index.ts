/**
 * Charity (吉政发〔2006〕48号 §十一.1–§十一.2) as funding sources: donations (regular donations and
 * the double-day donation 慈善救助双日捐) and the welfare-lottery fund. Charity has no cost and no
 * recipients of its own; each source is an account whose need is what every program charges to
 * that payer (per prefecture × area cell and calendar year) and whose funds are raised in the
 * cell — from parameters, or from the scenario's inputs.donations / inputs.lotteryFund (yuan a
 * year for the province, by year, allocated to cells by population) where the scenario gives them.
 */
import { monthlyAccrual } from '../../engine/money.js';
import { defineProgram, type FundsContext, type ProgramDefinition } from '../../engine/program.js';

/**
 * A province-wide yearly amount from the scenario's inputs[key] — { 'YYYY': yuan } — for the
 * year of the month, if given. Read defensively: the scenario schema may not have the key yet.
 */
export function provinceInput(inputs: FundsContext['inputs'], key: string, month: string): number | undefined {
  // Scenario inputs are {values: {YYYY: yuan}, source | assumption} (src/scenarios/input/schema.ts).
  const path = inputs[key];
  if (typeof path !== 'object' || path === null) return undefined;
  const byYear = (path as { values?: unknown }).values;
  if (typeof byYear !== 'object' || byYear === null) return undefined;
  const [year = ''] = month.split('-');
  const yuan = (byYear as Record<string, unknown>)[year];
  return typeof yuan === 'number' && Number.isFinite(yuan) ? yuan : undefined;
}

/** The cell's share of the province's residents (its weighted persons ÷ charity.population). */
function populationShare(ctx: FundsContext): number {
  const residents = ctx.parameters.valueAt('charity.population', ctx.date);
  return residents > 0 ? ctx.population / residents : 0;
}

/**
 * Donations raised in a cell in a month: inputs.donations of the year × the cell's population
 * share if the scenario gives it; else (regular donations per resident + double-day donation
 * per resident: participant share × days × a day's pay) × the cell's persons. A twelfth a month.
 */
export function donationsFunds(ctx: FundsContext): number {
  const given = provinceInput(ctx.inputs, 'donations', ctx.month);
  if (given !== undefined) return monthlyAccrual(given * populationShare(ctx));
  const t = ctx.parameters;
  const regular = t.valueAt('charity.donations.regular_per_resident', ctx.date);
  const doubleDay = t.valueAt('charity.donations.double_day.participant_share', ctx.date)
    * t.valueAt('charity.donations.double_day.days', ctx.date)
    * t.valueAt('charity.donations.double_day.daily_amount', ctx.date);
  return monthlyAccrual((regular + doubleDay) * ctx.population);
}

/**
 * The welfare-lottery fund reaching a cell in a month: the province's fund of the year
 * (inputs.lotteryFund, else charity.lottery.welfare_fund) × the cell's population share, a twelfth a month.
 */
export function lotteryFunds(ctx: FundsContext): number {
  const fund = provinceInput(ctx.inputs, 'lotteryFund', ctx.month) ?? ctx.parameters.valueAt('charity.lottery.welfare_fund', ctx.date);
  return monthlyAccrual(fund * populationShare(ctx));
}

export const charityProgram: ProgramDefinition = defineProgram({
  id: 'charity',
  label: { zh: '慈善事业', en: 'Charity' },
  clauses: ['十一.1'],
  rules: [],
  components: {},
  recipient: null,
  accounts: {
    donations: {
      label: { zh: '慈善捐赠（含双日捐）', en: 'Donations (with the double-day donation)' },
      components: [],
      needFrom: { payer: 'donations' },
      funds: { compute: donationsFunds },
    },
    lottery: {
      label: { zh: '福利彩票公益金', en: 'Welfare-lottery fund' },
      components: [],
      needFrom: { payer: 'lottery' },
      funds: { compute: lotteryFunds },
    },
  },
});
