/**
 * Land-expropriated farmers (被征地农民, 吉政发〔2006〕48号 §八.4): free vocational training for
 * jobless members of working age, and the pension insurance of land-expropriated farmers
 * (即征即保) paid from land-transfer revenue, the collective and the farmer until an employer
 * insures them.
 */
import { defineProgram, type ProgramDefinition } from '../../engine/program.js';
import type { Rule } from '../../engine/rule.js';
import { land_expropriated_covered } from './land_expropriated_covered.js';
import { land_expropriated_insurance } from './land_expropriated_insurance.js';
import { land_expropriated_insured } from './land_expropriated_insured.js';
import { land_expropriated_recipient } from './land_expropriated_recipient.js';
import { land_expropriated_trained } from './land_expropriated_trained.js';
import { land_expropriated_trainee } from './land_expropriated_trainee.js';
import { land_expropriated_training } from './land_expropriated_training.js';

export const landExpropriatedRules: readonly Rule[] = [
  land_expropriated_trainee, land_expropriated_trained, land_expropriated_training,
  land_expropriated_covered, land_expropriated_insured, land_expropriated_insurance,
  land_expropriated_recipient,
];

export const landExpropriatedProgram: ProgramDefinition = defineProgram({
  id: 'landExpropriated',
  label: { zh: '被征地农民基本生活保障', en: 'Land-expropriated farmers' },
  clauses: ['八.4'],
  rules: landExpropriatedRules,
  components: {
    training: { rule: 'land_expropriated_training', payer: 'budget', label: { zh: '免费职业培训', en: 'Free vocational training' } },
    insurance: { rule: 'land_expropriated_insurance', payer: { shares: 'land_expropriated.insurance.cost_shares' }, label: { zh: '即征即保养老保险缴费', en: 'Pension insurance at expropriation (即征即保)' } },
  },
  recipient: 'land_expropriated_recipient',
});
