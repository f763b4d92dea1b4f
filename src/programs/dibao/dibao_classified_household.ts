import { defineRule } from '../../engine/rule.js';

export const dibao_classified_household = defineRule({
  id: 'dibao_classified_household',
  entity: 'household',
  period: 'month',
  label: { zh: '有分类施保对象的家庭', en: 'Household with a special-hardship member' },
  description: 'A member is in a special-hardship category of the classified top-up (§二.2 分类施保): elderly, severely disabled, seriously ill or a vulnerable minor.',
  unit: 'bool',
  inputs: ['is_elderly', 'is_severely_disabled', 'is_seriously_ill', 'is_vulnerable_minor'],
  parameters: {},
  reference: { clause: '二.2' },
  formula: ({ is_elderly: elderly, is_severely_disabled: disabled, is_seriously_ill: ill, is_vulnerable_minor: minor }, _p, ctx) => {
    // Members are contiguous: one walk over households with their sizes.
    const size = ctx.agg.householdSize();
    const out = ctx.allocFull(Uint8Array); // every household written below
    for (let h = 0, i = 0; h < size.length; h++) {
      let any = 0;
      for (const end = i + size[h]!; i < end; i++) any |= +!!elderly[i] | +!!disabled[i] | +!!ill[i] | +!!minor[i];
      out[h] = any;
    }
    return out;
  },
});
