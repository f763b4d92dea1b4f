import { defineRule } from '../../engine/rule.js';
import { asNumber } from '../../engine/values.js';

export const legal_aid_case_lost = defineRule({
  id: 'legal_aid_case_lost',
  entity: 'person',
  period: 'month',
  label: { zh: '受援人败诉', en: 'Client loses the case' },
  description: 'The client of this month’s case loses it (a keyed draw below legal_aid.loss_probability). The case is taken as settled in the month it opens, a simplification.',
  unit: 'bool',
  inputs: ['legal_aid_case'],
  parameters: { loss: 'legal_aid.loss_probability' },
  reference: { clause: '七.1' },
  formula: ({ legal_aid_case: opened }, p, ctx) => {
    const prob = asNumber(p.loss);
    const u = ctx.random('legal-aid-outcome', opened);
    const out = ctx.allocFull(Uint8Array);
    for (let i = 0; i < out.length; i++) out[i] = +!!opened[i] & +(u[i]! < prob);
    return out;
  },
});
