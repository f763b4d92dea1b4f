import { defineRule } from '../../engine/rule.js';

export const legal_aid_recipient = defineRule({
  id: 'legal_aid_recipient',
  entity: 'person',
  period: 'month',
  label: { zh: '法律援助受援人', en: 'Legal-aid client' },
  description: 'A person whose legal-aid case opens this month.',
  unit: 'bool',
  inputs: ['legal_aid_case'],
  parameters: {},
  reference: { clause: '七.1' },
  formula: ({ legal_aid_case: opened }, _p, ctx) => {
    const out = ctx.allocFull(Uint8Array);
    for (let i = 0; i < out.length; i++) out[i] = +!!opened[i];
    return out;
  },
});
