/** Household-month events (job loss and gain, illness shocks, seasonal farm income), as rules over whole columns. */
import type { Rule } from '../engine/rule.js';
import { current_earnings } from './current_earnings.js';
import { current_farm_income } from './current_farm_income.js';
import { dynamics_month } from './dynamics_month.js';
import { household_market_income } from './household_market_income.js';
import { employed } from './employed.js';
import { employed_previous } from './employed_previous.js';
import { events_active } from './events_active.js';
import { job_found } from './job_found.js';
import { job_lost } from './job_lost.js';
import { looking_for_work } from './looking_for_work.js';
import { lost_earnings } from './lost_earnings.js';
import { medical_out_of_pocket } from './medical_out_of_pocket.js';
import { new_job_months } from './new_job_months.js';
import { new_job_months_previous } from './new_job_months_previous.js';
import { serious_illness_onset } from './serious_illness_onset.js';

export const eventRules: readonly Rule[] = [
  dynamics_month, events_active, employed_previous, job_lost, looking_for_work, job_found, employed,
  new_job_months_previous, new_job_months, current_earnings, lost_earnings, current_farm_income,
  serious_illness_onset, medical_out_of_pocket, household_market_income,
];

/** State the month loop carries: each `<x>_previous` input is set from rule `<x>` of the month before. */
export const EVENT_STATE: readonly (readonly [previous: string, current: string])[] = [
  ['employed_previous', 'employed'],
  ['new_job_months_previous', 'new_job_months'],
];
