import { defineRule } from '../../engine/rule.js';

export const dibao_regular_recipient = defineRule({
  id: 'dibao_regular_recipient',
  entity: 'person',
  period: 'month',
  label: { zh: '低保对象（常规低保金）', en: 'Regular dibao recipient' },
  description: 'A member of a household paid regular dibao this month (dibao_receives): the caseload the Ministry counts as 低保对象, temporary aid and gradual-exit payments left out.',
  unit: 'bool',
  inputs: ['dibao_receives'],
  parameters: {},
  reference: { clause: '二.1' },
  formula: ({ dibao_receives: r }, _p, ctx) => {
    const paid = ctx.allocFull(Uint8Array, r.length);
    for (let h = 0; h < paid.length; h++) paid[h] = r[h] ? 1 : 0;
    return ctx.agg.broadcastToPersons(paid);
  },
});
