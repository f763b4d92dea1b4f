/**
 * Land-expropriated farmers (被征地农民, 吉政发〔2006〕48号 §八.4): free vocational training for
 * jobless members of working age in land-expropriated households, and the pension insurance of
 * land-expropriated farmers at expropriation (即征即保): a one-off contribution for each farmer
 * newly expropriated, on a yearly flow per rural resident, paid from land-transfer revenue, by the
 * collective and by the farmer (oneOffContributions: a cost per cell, no household receives it).
 */
import { monthlyAccrual } from '../../engine/money.js';
import { defineProgram, type FundsContext, type ProgramDefinition } from '../../engine/program.js';
import type { Rule } from '../../engine/rule.js';
import { land_expropriated_recipient } from './land_expropriated_recipient.js';
import { land_expropriated_trained } from './land_expropriated_trained.js';
import { land_expropriated_trainee } from './land_expropriated_trainee.js';
import { land_expropriated_training } from './land_expropriated_training.js';

const INSURANCE = 'land_expropriated.insurance';

/**
 * One-off pension contributions at expropriation (即征即保, 吉政发〔2006〕48号 §八.4) in one rural
 * prefecture × area cell and month: the farmers newly expropriated in the year —
 * newly_expropriated_rate × the cell's weighted persons — of whom insured_share are of insurable
 * age and coverage are enrolled, each paid one_off_contribution once, the year's flow spread
 * evenly over its months (a twelfth a month, to the fen). Urban cells: none (farmers lose land
 * while rural residents). The program splits it by insurance.cost_shares between land-transfer
 * revenue, the collective and the farmer.
 */
export function oneOffContributions(ctx: FundsContext): number {
  if (ctx.area !== 'rural') return 0;
  const t = ctx.parameters;
  const enrolled = t.valueAt(`${INSURANCE}.newly_expropriated_rate`, ctx.date) * ctx.population * t.valueAt(`${INSURANCE}.insured_share`, ctx.date) * t.valueAt(`${INSURANCE}.coverage`, ctx.date);
  return monthlyAccrual(enrolled * t.valueAt(`${INSURANCE}.one_off_contribution`, ctx.date));
}

export const landExpropriatedRules: readonly Rule[] = [
  land_expropriated_trainee, land_expropriated_trained, land_expropriated_training,
  land_expropriated_recipient,
];

export const landExpropriatedProgram: ProgramDefinition = defineProgram({
  id: 'landExpropriated',
  label: { zh: '被征地农民基本生活保障', en: 'Land-expropriated farmers' },
  clauses: ['八.4'],
  rules: landExpropriatedRules,
  components: {
    training: { rule: 'land_expropriated_training', payer: 'budget', label: { zh: '免费职业培训', en: 'Free vocational training' } },
    insurance: { compute: oneOffContributions, payer: { shares: 'land_expropriated.insurance.cost_shares' }, label: { zh: '即征即保一次性养老保险缴费', en: 'One-off pension contributions at expropriation (即征即保)' } },
  },
  recipient: 'land_expropriated_recipient',
});
