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
    // Members are contiguous: each household's repair is read in place, not broadcast to persons.
    const size = ctx.agg.householdSize();
    const out = ctx.alloc(Uint8Array);
    for (let h = 0, i = 0; h < size.length; h++) {
      const end = i + size[h]!;
      const inRepaired = repair[h]! > 0;
      for (; i < end; i++) out[i] = inRepaired || rehab[i]! > 0 ? 1 : 0;
    }
    return out;
  },
});
