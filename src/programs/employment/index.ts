/**
 * Employment support (吉政发〔2006〕48号 §六.1, which §六.2's campaign delivers): re-employment
 * certificates for job-seeking members of zero-employment, dibao, disabled and lost-capacity
 * families; public-welfare posts allocated zero-employment families first, then poorest first,
 * with a post subsidy and a social-insurance subsidy, whose wage counts in the dibao means test
 * in the same month; and training subsidies for certificate holders and rural 两后生. Paid by the
 * budget.
 */
import { defineProgram, type ProgramDefinition } from '../../engine/program.js';
import type { Rule } from '../../engine/rule.js';
import { employment_certificate_holder } from './employment_certificate_holder.js';
import { employment_income_before_post } from './employment_income_before_post.js';
import { employment_income_below_standard } from './employment_income_below_standard.js';
import { employment_liang_hou_sheng } from './employment_liang_hou_sheng.js';
import { employment_post_holder } from './employment_post_holder.js';
import { employment_post_subsidy } from './employment_post_subsidy.js';
import { employment_post_wage } from './employment_post_wage.js';
import { employment_recipient } from './employment_recipient.js';
import { employment_social_insurance_subsidy } from './employment_social_insurance_subsidy.js';
import { employment_target_family } from './employment_target_family.js';
import { employment_trained } from './employment_trained.js';
import { employment_trained_ytd } from './employment_trained_ytd.js';
import { employment_trained_ytd_previous } from './employment_trained_ytd_previous.js';
import { employment_training_subsidy } from './employment_training_subsidy.js';
import { employment_zero_employment_family } from './employment_zero_employment_family.js';

export const employmentRules: readonly Rule[] = [
  employment_zero_employment_family, employment_income_before_post, employment_income_below_standard, employment_target_family,
  employment_certificate_holder, employment_post_holder, employment_post_wage,
  employment_post_subsidy, employment_social_insurance_subsidy,
  employment_liang_hou_sheng, employment_trained_ytd_previous, employment_trained, employment_trained_ytd,
  employment_training_subsidy, employment_recipient,
];

/** State the month loop carries: whether a person was trained earlier in the calendar year. */
export const EMPLOYMENT_STATE: readonly (readonly [previous: string, current: string])[] = [
  ['employment_trained_ytd_previous', 'employment_trained_ytd'],
];

export const employmentProgram: ProgramDefinition = defineProgram({
  id: 'employment',
  label: { zh: '就业援助', en: 'Employment support' },
  clauses: ['六.1'],
  rules: employmentRules,
  state: EMPLOYMENT_STATE,
  components: {
    postSubsidy: { rule: 'employment_post_subsidy', payer: 'budget', label: { zh: '公益性岗位补贴', en: 'Public-welfare post subsidies' } },
    socialInsurance: { rule: 'employment_social_insurance_subsidy', payer: 'budget', label: { zh: '社会保险补贴', en: 'Social-insurance subsidies' } },
    training: { rule: 'employment_training_subsidy', payer: 'budget', label: { zh: '培训补贴', en: 'Training subsidies' } },
  },
  recipient: 'employment_recipient',
});
