/** Medical assistance (§三.1–§三.3): premium subsidies, secondary assistance by disease, the discount card, and the fund that pays for them. */
import { monthlyAccrual } from '../../engine/money.js';
import { defineProgram, type FundsContext, type ProgramDefinition } from '../../engine/program.js';
import type { Rule } from '../../engine/rule.js';
import { medical_discount_card_holder } from './medical_discount_card_holder.js';
import { medical_discount_card_reduction } from './medical_discount_card_reduction.js';
import { medical_discount_card_reduction_person } from './medical_discount_card_reduction_person.js';
import { medical_disease_category } from './medical_disease_category.js';
import { medical_premium_subsidy } from './medical_premium_subsidy.js';
import { medical_premium_subsidy_person } from './medical_premium_subsidy_person.js';
import { medical_premium_subsidy_share } from './medical_premium_subsidy_share.js';
import { medical_recipient } from './medical_recipient.js';
import { medical_secondary_assistance } from './medical_secondary_assistance.js';
import { medical_secondary_assistance_person } from './medical_secondary_assistance_person.js';
import { medical_secondary_eligible } from './medical_secondary_eligible.js';
import { medical_secondary_ytd } from './medical_secondary_ytd.js';
import { medical_secondary_ytd_previous } from './medical_secondary_ytd_previous.js';

export const medicalRules: readonly Rule[] = [
  medical_premium_subsidy_share, medical_premium_subsidy_person, medical_premium_subsidy,
  medical_disease_category, medical_secondary_eligible, medical_secondary_ytd_previous,
  medical_secondary_assistance_person, medical_secondary_ytd, medical_secondary_assistance,
  medical_discount_card_holder, medical_discount_card_reduction_person, medical_discount_card_reduction,
  medical_recipient,
];

/** State the month loop carries: the year-to-date secondary assistance behind the annual cap. */
export const MEDICAL_STATE: readonly (readonly [previous: string, current: string])[] = [
  ['medical_secondary_ytd_previous', 'medical_secondary_ytd'],
];

/**
 * Funds of the medical assistance account (医疗救助专户, §三.2) in one prefecture × area cell and
 * month: the funds raised a year per resident of the area, accrued a twelfth a month, × the
 * cell's weighted population, to the fen.
 */
export function medicalFunds(ctx: FundsContext): number {
  const perResident = ctx.parameters.valueAt('medical.funding.per_resident', ctx.date, { area: ctx.area });
  return monthlyAccrual(perResident * ctx.population);
}

export const medicalProgram: ProgramDefinition = defineProgram({
  id: 'medical',
  label: { zh: '医疗救助', en: 'Medical assistance' },
  clauses: ['三.1', '三.2', '三.3'],
  rules: medicalRules,
  state: MEDICAL_STATE,
  components: {
    premiumSubsidy: { rule: 'medical_premium_subsidy', payer: { shares: 'medical.funding.shares' }, label: { zh: '资助参保', en: 'Premium subsidies' } },
    secondary: { rule: 'medical_secondary_assistance', payer: { shares: 'medical.funding.shares' }, label: { zh: '医疗再救助（按病种定额）', en: 'Secondary assistance (fixed amount per disease)' } },
    discountCard: { rule: 'medical_discount_card_reduction', payer: 'hospitals', label: { zh: '就医优惠卡减免', en: 'Discount-card fee reductions' } },
  },
  recipient: 'medical_recipient',
  accounts: {
    fund: {
      label: { zh: '医疗救助专户', en: 'Medical assistance account' },
      components: ['premiumSubsidy', 'secondary'],
      funds: { compute: medicalFunds },
    },
  },
});
