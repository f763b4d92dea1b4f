import { defineRule } from '../../engine/rule.js';

export const dibao_benefit = defineRule({
  id: 'dibao_benefit',
  entity: 'household',
  period: 'month',
  label: { zh: '低保金', en: 'Dibao paid' },
  description: 'The monthly payment: the entitlement of households that receive dibao, in fen.',
  unit: 'CNY/household/month',
  inputs: ['dibao_receives', 'dibao_entitlement'],
  parameters: {},
  reference: { clause: ['二.1', '二.2'] },
  formula: ({ dibao_receives: r, dibao_entitlement: e }, _p, ctx) => {
    const out = ctx.alloc(Float64Array, r.length);
    for (let h = 0; h < out.length; h++) if (r[h]) out[h] = e[h]!;
    return out;
  },
});
