import { boxMuller } from '../engine/random.js';
import { roundFen } from '../engine/money.js';
import { defineRule } from '../engine/rule.js';
import { asColumn, asNumber } from '../engine/values.js';


export const medical_out_of_pocket = defineRule({
  id: 'medical_out_of_pocket',
  entity: 'person',
  period: 'month',
  label: { zh: '自付医疗费用', en: 'Medical cost paid out of pocket' },
  description: 'For a serious illness starting this month: a log-normal cost, less the insurance reimbursement if insured. Medical assistance (§三) comes after this.',
  unit: 'CNY/person/month',
  inputs: ['serious_illness_onset', 'medical_insured'],
  parameters: { median: 'events.illness.expense_median', sigma: 'events.illness.expense_sigma', reimbursed: 'events.illness.reimbursement_rate' },
  reference: { clause: ['二.2', '三.1'] },
  formula: ({ serious_illness_onset: ill, medical_insured: insured }, p, ctx) => {
    const median = asNumber(p.median);
    const sigma = asNumber(p.sigma);
    const reimbursed = asColumn(p.reimbursed, ctx.size, ctx);
    // Only the newly ill have a cost: draw for them alone.
    const u1 = ctx.random('illness-cost-1', ill);
    const u2 = ctx.random('illness-cost-2', ill);
    const out = ctx.alloc(Float64Array, ill.length);
    for (let i = 0; i < out.length; i++) {
      if (ill[i]) out[i] = roundFen(median * Math.exp(sigma * boxMuller(u1[i]!, u2[i]!)) * (1 - (insured[i] ? reimbursed[i]! : 0)));
    }
    return out;
  },
});
