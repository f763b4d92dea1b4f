import { defineRule } from '../../engine/rule.js';

export const dibao_beneficiary = defineRule({
  id: 'dibao_beneficiary',
  entity: 'person',
  period: 'month',
  label: { zh: '低保制度受益人', en: 'Dibao-system beneficiary' },
  description: 'A member of a household paid anything under §二 this month: regular dibao, temporary assistance, the price subsidy or a gradual-exit payment. The recipient count of programs.dibao.',
  unit: 'bool',
  inputs: ['dibao_benefit', 'dibao_temporary_assistance', 'dibao_price_subsidy', 'dibao_taper_payment'],
  parameters: {},
  reference: { clause: ['二.1', '二.2', '二.3'] },
  formula: ({ dibao_benefit: b, dibao_temporary_assistance: t, dibao_price_subsidy: s, dibao_taper_payment: g }, _p, ctx) => {
    const paid = ctx.alloc(Uint8Array, b.length);
    for (let h = 0; h < paid.length; h++) paid[h] = b[h]! > 0 || t[h]! > 0 || s[h]! > 0 || g[h]! > 0 ? 1 : 0;
    return ctx.agg.broadcastToPersons(paid);
  },
});
