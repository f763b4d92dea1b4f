import { defineRule } from '../../engine/rule.js';

export const dibao_receives = defineRule({
  id: 'dibao_receives',
  entity: 'household',
  period: 'month',
  label: { zh: '领取低保', en: 'Receives dibao' },
  description: 'Paid this month: the household applies (take-up), the means test finds it eligible (with any observation error), and it is within the local quota. With the baseline’s perfect implementation this equals dibao_eligible (§二.1: 全部纳入).',
  unit: 'bool',
  inputs: ['dibao_applies', 'dibao_assessed_eligible', 'dibao_admitted'],
  parameters: {},
  reference: { clause: ['二.1', '二.3'] },
  formula: ({ dibao_applies: a, dibao_assessed_eligible: e, dibao_admitted: q }, _p, ctx) => {
    const out = ctx.alloc(Uint8Array, a.length);
    for (let h = 0; h < out.length; h++) out[h] = +!!a[h] & +!!e[h] & +!!q[h];
    return out;
  },
});
