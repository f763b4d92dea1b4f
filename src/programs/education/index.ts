/**
 * Education assistance (§四.1–§四.3): 两免一补 in compulsory education, aid to needy secondary
 * vocational and senior high-school students, and the universities' 10% tuition set-aside.
 * Annual amounts accrue monthly (annual/12 to the fen), so any period's cost is its share of the year.
 */
import { defineProgram, type ProgramDefinition } from '../../engine/program.js';
import type { Rule } from '../../engine/rule.js';
import { education_boarding_subsidy } from './education_boarding_subsidy.js';
import { education_boarding_subsidy_person } from './education_boarding_subsidy_person.js';
import { education_compulsory_student } from './education_compulsory_student.js';
import { education_fee_waiver } from './education_fee_waiver.js';
import { education_fee_waiver_person } from './education_fee_waiver_person.js';
import { education_free_textbooks } from './education_free_textbooks.js';
import { education_free_textbooks_person } from './education_free_textbooks_person.js';
import { education_high_school_allowance } from './education_high_school_allowance.js';
import { education_high_school_allowance_person } from './education_high_school_allowance_person.js';
import { education_high_school_fee_reduction } from './education_high_school_fee_reduction.js';
import { education_high_school_fee_reduction_person } from './education_high_school_fee_reduction_person.js';
import { education_illness_hardship_months } from './education_illness_hardship_months.js';
import { education_illness_hardship_months_previous } from './education_illness_hardship_months_previous.js';
import { education_in_illness_hardship } from './education_in_illness_hardship.js';
import { education_needy } from './education_needy.js';
import { education_poor_household } from './education_poor_household.js';
import { education_recipient } from './education_recipient.js';
import { education_shuangtesheng } from './education_shuangtesheng.js';
import { education_target_household } from './education_target_household.js';
import { education_tertiary_aid } from './education_tertiary_aid.js';
import { education_tertiary_aid_person } from './education_tertiary_aid_person.js';
import { education_tuition_set_aside } from './education_tuition_set_aside.js';
import { education_vocational_grant } from './education_vocational_grant.js';
import { education_vocational_grant_person } from './education_vocational_grant_person.js';
import { education_vocational_tuition_waiver } from './education_vocational_tuition_waiver.js';
import { education_vocational_tuition_waiver_person } from './education_vocational_tuition_waiver_person.js';

/** The program's rules: targeting first, then each level, then the set-aside and the recipient. */
export const educationRules: readonly Rule[] = [
  education_illness_hardship_months_previous, education_illness_hardship_months, education_in_illness_hardship,
  education_poor_household,
  education_target_household, education_needy, education_compulsory_student,
  education_fee_waiver_person, education_fee_waiver, education_free_textbooks_person, education_free_textbooks,
  education_boarding_subsidy_person, education_boarding_subsidy,
  education_vocational_grant_person, education_vocational_grant,
  education_vocational_tuition_waiver_person, education_vocational_tuition_waiver,
  education_high_school_allowance_person, education_high_school_allowance,
  education_shuangtesheng, education_high_school_fee_reduction_person, education_high_school_fee_reduction,
  education_tertiary_aid_person, education_tertiary_aid, education_tuition_set_aside,
  education_recipient,
];

export const educationProgram: ProgramDefinition = defineProgram({
  id: 'education',
  label: { zh: '教育救助', en: 'Education assistance' },
  clauses: ['四.1', '四.2', '四.3'],
  rules: educationRules,
  // Hardship from a serious illness lasts education.targeting.illness_hardship_months from its onset.
  state: [['education_illness_hardship_months_previous', 'education_illness_hardship_months']],
  components: {
    feeWaiver: { rule: 'education_fee_waiver', payer: 'budget', label: { zh: '免杂费', en: 'Miscellaneous-fee waiver (compulsory)' } },
    textbooks: { rule: 'education_free_textbooks', payer: 'budget', label: { zh: '免书本费', en: 'Free textbooks (compulsory)' } },
    boarding: { rule: 'education_boarding_subsidy', payer: 'budget', label: { zh: '寄宿生生活费补助', en: 'Boarding living subsidy (compulsory)' } },
    vocationalGrant: { rule: 'education_vocational_grant', payer: 'budget', label: { zh: '中职助学金', en: 'Secondary vocational grant' } },
    vocationalTuition: { rule: 'education_vocational_tuition_waiver', payer: 'budget', label: { zh: '中职学费减免', en: 'Secondary vocational tuition waiver' } },
    highSchoolAllowance: { rule: 'education_high_school_allowance', payer: 'budget', label: { zh: '高中学习生活补助', en: 'High-school study and living allowance' } },
    shuangtesheng: { rule: 'education_high_school_fee_reduction', payer: 'budget', label: { zh: '双特生费用减免', en: '双特生 fee reduction' } },
    tertiary: { rule: 'education_tertiary_aid', payer: 'tuitionSetAside', label: { zh: '高校困难学生救助', en: 'Aid to needy tertiary students' } },
  },
  recipient: 'education_recipient',
  accounts: {
    tuitionSetAside: {
      label: { zh: '高校学费10%救助资金', en: 'Universities’ 10% tuition set-aside' },
      components: ['tertiary'],
      funds: { rule: 'education_tuition_set_aside' },
      // Needy students beyond the fund are not aided by it: their need is reported as the gap, not as a cost.
      pays: { payer: 'tuitionSetAside', shortfall: 'unpaid' },
    },
  },
});
