import { defineRule } from '../../engine/rule.js';

export const dibao_temporary_recipient = defineRule({
  id: 'dibao_temporary_recipient',
  entity: 'person',
  period: 'month',
  label: { zh: '临时救助对象', en: 'Temporary-aid recipient' },
  description: 'A member of a household paid temporary assistance (临时救助) this month, on dibao or not.',
  unit: 'bool',
  inputs: ['dibao_temporary_assistance'],
  parameters: {},
  reference: { clause: '二.2' },
  formula: ({ dibao_temporary_assistance: t }, _p, ctx) => {
    const paid = ctx.allocFull(Uint8Array, t.length);
    for (let h = 0; h < paid.length; h++) paid[h] = t[h]! > 0 ? 1 : 0;
    return ctx.agg.broadcastToPersons(paid);
  },
});
