/** Urban and rural dibao (§二.1–§二.2): the rules, in the order of the means test. */
import { defineProgram, type ProgramDefinition } from '../../engine/program.js';
import type { Rule } from '../../engine/rule.js';
import { dibao_beneficiary } from './dibao_beneficiary.js';
import { counted_income } from './counted_income.js';
import { new_job_in_disregard_period } from './new_job_in_disregard_period.js';
import { dibao_benefit } from './dibao_benefit.js';
import { dibao_classified_top_up } from './dibao_classified_top_up.js';
import { dibao_classified_household } from './dibao_classified_household.js';
import { dibao_classified_standard } from './dibao_classified_standard.js';
import { dibao_classified_top_up_person } from './dibao_classified_top_up_person.js';
import { dibao_eligible } from './dibao_eligible.js';
import { dibao_in_force } from './dibao_in_force.js';
import { dibao_local_hukou } from './dibao_local_hukou.js';
import { dibao_entitlement } from './dibao_entitlement.js';
import { dibao_gap_benefit } from './dibao_gap_benefit.js';
import { dibao_minimum_top_up } from './dibao_minimum_top_up.js';
import { dibao_receives } from './dibao_receives.js';
import { dibao_regular_recipient } from './dibao_regular_recipient.js';
import { dibao_temporary_recipient } from './dibao_temporary_recipient.js';
import { dibao_admitted } from './dibao_admitted.js';
import { dibao_applies } from './dibao_applies.js';
import { dibao_assessed_eligible } from './dibao_assessed_eligible.js';
import { dibao_assessed_income } from './dibao_assessed_income.js';
import { dibao_observation_factor } from './dibao_observation_factor.js';
import { dibao_benefit_previous } from './dibao_benefit_previous.js';
import { dibao_exit_benefit } from './dibao_exit_benefit.js';
import { dibao_exit_benefit_previous } from './dibao_exit_benefit_previous.js';
import { dibao_price_subsidy } from './dibao_price_subsidy.js';
import { dibao_received_previous } from './dibao_received_previous.js';
import { dibao_taper_payment } from './dibao_taper_payment.js';
import { dibao_taper_step } from './dibao_taper_step.js';
import { dibao_taper_step_previous } from './dibao_taper_step_previous.js';
import { dibao_temporary_assistance } from './dibao_temporary_assistance.js';
import { dibao_temporary_capped_shock } from './dibao_temporary_capped_shock.js';
import { dibao_temporary_hardship } from './dibao_temporary_hardship.js';
import { dibao_temporary_medical_need } from './dibao_temporary_medical_need.js';
import { dibao_temporary_shock } from './dibao_temporary_shock.js';
import { food_price_rise } from './food_price_rise.js';
import { cpi_price_rise } from './cpi_price_rise.js';
import { price_subsidy_triggered } from './price_subsidy_triggered.js';
import { dibao_standard } from './dibao_standard.js';
import { household_size } from './household_size.js';
import { household_type, HOUSEHOLD_TYPES } from './household_type.js';
import { is_elderly } from './is_elderly.js';
import { is_severely_disabled } from './is_severely_disabled.js';
import { is_seriously_ill } from './is_seriously_ill.js';
import { is_vulnerable_minor } from './is_vulnerable_minor.js';
import { per_capita_counted_income } from './per_capita_counted_income.js';

export { HOUSEHOLD_TYPES } from './household_type.js';

export const dibaoRules: readonly Rule[] = [
  new_job_in_disregard_period, counted_income, household_size, per_capita_counted_income, dibao_standard, dibao_local_hukou, dibao_in_force, dibao_eligible,
  dibao_gap_benefit, dibao_minimum_top_up, is_elderly, is_severely_disabled, is_seriously_ill,
  is_vulnerable_minor, dibao_classified_household, dibao_classified_standard, dibao_classified_top_up_person, dibao_classified_top_up, dibao_entitlement,
  dibao_observation_factor, dibao_assessed_income, dibao_assessed_eligible, dibao_applies, dibao_admitted,
  dibao_receives, dibao_benefit, household_type,
  dibao_received_previous, dibao_benefit_previous, dibao_taper_step_previous, dibao_exit_benefit_previous,
  dibao_taper_step, dibao_exit_benefit, dibao_taper_payment, dibao_temporary_medical_need, dibao_temporary_shock,
  dibao_temporary_hardship, dibao_temporary_capped_shock, dibao_temporary_assistance,
  price_subsidy_triggered, food_price_rise, cpi_price_rise, dibao_price_subsidy, dibao_beneficiary,
  dibao_regular_recipient, dibao_temporary_recipient,
];

/** State the month loop carries: each `<x>_previous` input is set from rule `<x>` of the month before. */
export const DIBAO_STATE: readonly (readonly [previous: string, current: string])[] = [
  ['dibao_received_previous', 'dibao_receives'],
  ['dibao_benefit_previous', 'dibao_benefit'],
  ['dibao_taper_step_previous', 'dibao_taper_step'],
  ['dibao_exit_benefit_previous', 'dibao_exit_benefit'],
];

/** §二 as a program of `programs`: every payment of the dibao system, paid from local budgets (§二.4). */
export const dibaoProgram: ProgramDefinition = defineProgram({
  id: 'dibao',
  label: { zh: '城乡最低生活保障', en: 'Urban and rural dibao' },
  clauses: ['二.1', '二.2', '二.3', '二.4'],
  rules: dibaoRules,
  state: DIBAO_STATE,
  priceTrigger: { parameters: 'dibao.price_subsidy.trigger', inputs: { triggered: 'price_subsidy_triggered', food: 'food_price_rise', cpi: 'cpi_price_rise' } },
  headline: {
    columns: {
      size: 'household_size', eligible: 'dibao_eligible', receives: 'dibao_receives', receivedPrevious: 'dibao_received_previous',
      benefit: 'dibao_benefit', gap: 'dibao_gap_benefit', minimum: 'dibao_minimum_top_up', classified: 'dibao_classified_top_up',
      standard: 'dibao_standard', temporary: 'dibao_temporary_assistance', priceSubsidy: 'dibao_price_subsidy', taper: 'dibao_taper_payment',
    },
    personCounts: { classifiedPersons: 'dibao_classified_top_up_person' },
    firstMonth: { receivedPrevious: 'dibao_receives' },
    groupBy: { rule: 'household_type', names: HOUSEHOLD_TYPES },
  },
  components: {
    regular: { rule: 'dibao_benefit', payer: 'budget', label: { zh: '低保金（补差、保底、分类施保）', en: 'Regular dibao (gap, floor, classified top-up)' } },
    temporary: { rule: 'dibao_temporary_assistance', payer: 'budget', label: { zh: '临时救助', en: 'Temporary assistance' } },
    priceSubsidy: { rule: 'dibao_price_subsidy', payer: 'budget', label: { zh: '价格补贴', en: 'Price subsidy' } },
    taper: { rule: 'dibao_taper_payment', payer: 'budget', label: { zh: '渐退期补助', en: 'Gradual-exit payments' } },
  },
  recipient: 'dibao_beneficiary',
  recipientGroups: {
    regular: { rule: 'dibao_regular_recipient', label: { zh: '低保对象（常规低保金）', en: 'Regular-benefit caseload' } },
    temporary: { rule: 'dibao_temporary_recipient', label: { zh: '临时救助对象', en: 'Temporary-aid recipients' } },
  },
});
