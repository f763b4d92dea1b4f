import { defineRule } from '../../engine/rule.js';

export const disabled_recipient = defineRule({
  id: 'disabled_recipient',
  entity: 'person',
  period: 'month',
  label: { zh: '残疾人专项救助受益人', en: 'Disability projects beneficiary' },
  description: 'A member of a household whose dangerous house is repaired this month, or a person paid rehabilitation aid this month. The recipient count of programs.disabled.',
  unit: 'bool',
  inputs: ['disabled_house_repair', 'disabled_rehabilitation_person'],
  parameters: {},
  reference: { clause: '八.3' },
  formula: ({ disabled_house_repair: repair, disabled_rehabilitation_person: rehab }, _p, ctx) => {
    const repaired = ctx.alloc(Uint8Array, repair.length);
    for (let h = 0; h < repaired.length; h++) repaired[h] = repair[h]! > 0 ? 1 : 0;
    const inRepaired = ctx.agg.broadcastToPersons(repaired);
    const out = ctx.alloc(Uint8Array);
    for (let i = 0; i < out.length; i++) out[i] = inRepaired[i] || rehab[i]! > 0 ? 1 : 0;
    return out;
  },
});
