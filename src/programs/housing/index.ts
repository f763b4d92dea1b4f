/**
 * Housing assistance (吉政发〔2006〕48号 §五.1–§五.3): urban low-rent housing (rental subsidy,
 * in-kind allocation, public-rent reduction) funded by a share of net land-transfer revenue,
 * the rent cap on the enlarged part of relocated shantytown households' flats, and rural
 * housing aid shared between government, collective and household.
 */
import { monthlyAccrual } from '../../engine/money.js';
import { defineProgram, type FundsContext, type ProgramDefinition } from '../../engine/program.js';
import type { Rule } from '../../engine/rule.js';
import { housing_beneficiary } from './housing_beneficiary.js';
import { housing_floor_area_per_person } from './housing_floor_area_per_person.js';
import { housing_in_kind_allocated } from './housing_in_kind_allocated.js';
import { housing_in_kind_rent } from './housing_in_kind_rent.js';
import { housing_low_income } from './housing_low_income.js';
import { housing_low_income_line } from './housing_low_income_line.js';
import { housing_low_rent_covered } from './housing_low_rent_covered.js';
import { housing_low_rent_eligible } from './housing_low_rent_eligible.js';
import { housing_rent_reduction } from './housing_rent_reduction.js';
import { housing_rent_subsidy } from './housing_rent_subsidy.js';
import { housing_rural_aid } from './housing_rural_aid.js';
import { housing_rural_aided } from './housing_rural_aided.js';
import { housing_rural_aided_previous } from './housing_rural_aided_previous.js';
import { housing_shanty_relocated } from './housing_shanty_relocated.js';
import { housing_shanty_relocated_previous } from './housing_shanty_relocated_previous.js';
import { housing_shanty_rent_cap } from './housing_shanty_rent_cap.js';

export const housingRules: readonly Rule[] = [
  housing_low_income_line, housing_low_income, housing_floor_area_per_person,
  housing_low_rent_eligible, housing_low_rent_covered, housing_in_kind_allocated,
  housing_rent_subsidy, housing_in_kind_rent, housing_rent_reduction,
  housing_shanty_relocated_previous, housing_shanty_relocated, housing_shanty_rent_cap,
  housing_rural_aided_previous, housing_rural_aided, housing_rural_aid,
  housing_beneficiary,
];

/** State the month loop carries: relocation and rural aid happen once per household. */
export const HOUSING_STATE: readonly (readonly [previous: string, current: string])[] = [
  ['housing_shanty_relocated_previous', 'housing_shanty_relocated'],
  ['housing_rural_aided_previous', 'housing_rural_aided'],
];

/** A year's net land-transfer revenue of a prefecture from the scenario's inputs.landRevenue, if given. */
function landRevenueInput(inputs: FundsContext['inputs'], year: string, prefecture: number): number | undefined {
  const byYear = inputs.landRevenue;
  if (typeof byYear !== 'object' || byYear === null) return undefined;
  const byPrefecture = (byYear as Record<string, unknown>)[year];
  if (typeof byPrefecture !== 'object' || byPrefecture === null) return undefined;
  const yuan = (byPrefecture as Record<string, unknown>)[String(prefecture)];
  return typeof yuan === 'number' ? yuan : undefined;
}

/**
 * Low-rent housing funds of one prefecture × area cell in one month (§五.1): the share (5%) of
 * the year's net land-transfer revenue of the prefecture — the scenario's inputs.landRevenue,
 * else the parameter housing.low_rent.net_land_revenue — accrued a twelfth a month, to the fen.
 * The clause funds urban low-rent housing, so rural cells have none.
 */
export function lowRentFunds(ctx: FundsContext): number {
  if (ctx.area !== 'urban') return 0;
  const [year = ''] = ctx.month.split('-');
  const revenue = landRevenueInput(ctx.inputs, year, ctx.prefecture) ?? ctx.parameters.valueAt('housing.low_rent.net_land_revenue', ctx.date, { prefecture: ctx.prefecture });
  return monthlyAccrual(ctx.parameters.valueAt('housing.low_rent.land_revenue_share', ctx.date) * revenue);
}

export const housingProgram: ProgramDefinition = defineProgram({
  id: 'housing',
  label: { zh: '住房救助', en: 'Housing assistance' },
  clauses: ['五.1', '五.2', '五.3'],
  rules: housingRules,
  state: HOUSING_STATE,
  components: {
    rentSubsidy: { rule: 'housing_rent_subsidy', payer: 'landRevenue', label: { zh: '住房租赁补贴', en: 'Rental subsidy' } },
    inKind: { rule: 'housing_in_kind_rent', payer: 'landRevenue', label: { zh: '实物配租', en: 'In-kind allocation' } },
    rentReduction: { rule: 'housing_rent_reduction', payer: 'landRevenue', label: { zh: '租金减免', en: 'Rent reduction' } },
    shantyRentCap: { rule: 'housing_shanty_rent_cap', payer: 'budget', label: { zh: '棚户区安置扩大面积租金减让', en: 'Shantytown enlarged-area rent cap' } },
    ruralAid: { rule: 'housing_rural_aid', payer: { shares: 'housing.rural.cost_shares' }, label: { zh: '农村困难家庭住房救助', en: 'Rural housing aid' } },
  },
  recipient: 'housing_beneficiary',
  accounts: {
    lowRent: {
      label: { zh: '廉租住房资金', en: 'Low-rent housing funds' },
      components: ['rentSubsidy', 'inKind', 'rentReduction'],
      funds: { compute: lowRentFunds },
      // Assumption: the budget meets what the land-revenue share does not (§五.1: 多渠道筹措).
      pays: { payer: 'landRevenue', shortfall: 'budget' },
    },
  },
});
