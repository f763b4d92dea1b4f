/**
 * Special assistance projects for the disabled (残疾人专项助困工程, 吉政发〔2006〕48号 §八.3): repair
 * of poor rural disabled households' dangerous houses (危房改造) and rehabilitation aid for the
 * poor severely disabled.
 */
import { defineProgram, type ProgramDefinition } from '../../engine/program.js';
import type { Rule } from '../../engine/rule.js';
import { disabled_house_repair } from './disabled_house_repair.js';
import { disabled_house_repaired } from './disabled_house_repaired.js';
import { disabled_house_repaired_previous } from './disabled_house_repaired_previous.js';
import { disabled_income_below_line } from './disabled_income_below_line.js';
import { disabled_poor_household } from './disabled_poor_household.js';
import { disabled_recipient } from './disabled_recipient.js';
import { disabled_rehabilitation } from './disabled_rehabilitation.js';
import { disabled_rehabilitation_person } from './disabled_rehabilitation_person.js';

export const disabledRules: readonly Rule[] = [
  disabled_income_below_line, disabled_poor_household, disabled_house_repaired_previous, disabled_house_repaired, disabled_house_repair,
  disabled_rehabilitation_person, disabled_rehabilitation, disabled_recipient,
];

/** State the month loop carries: a dangerous house is repaired once. */
export const DISABLED_STATE: readonly (readonly [previous: string, current: string])[] = [
  ['disabled_house_repaired_previous', 'disabled_house_repaired'],
];

export const disabledProgram: ProgramDefinition = defineProgram({
  id: 'disabled',
  label: { zh: '残疾人专项助困工程', en: 'Disability assistance projects' },
  clauses: ['八.3'],
  rules: disabledRules,
  state: DISABLED_STATE,
  components: {
    houseRepair: { rule: 'disabled_house_repair', payer: 'budget', label: { zh: '农村贫困残疾人危房改造', en: 'Dangerous-house repair (poor rural disabled)' } },
    rehabilitation: { rule: 'disabled_rehabilitation', payer: 'budget', label: { zh: '康复救助', en: 'Rehabilitation aid' } },
  },
  recipient: 'disabled_recipient',
});
