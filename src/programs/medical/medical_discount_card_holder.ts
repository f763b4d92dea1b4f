import { defineRule } from '../../engine/rule.js';
import { asNumber } from '../../engine/values.js';

export const medical_discount_card_holder = defineRule({
  id: 'medical_discount_card_holder',
  entity: 'person',
  period: 'month',
  label: { zh: '就医优惠卡持卡人', en: 'Discount-card holder' },
  description: 'Holds the discount card (优惠卡): a member of a household paid dibao, a 三无 person or a severely disabled person, for each group whose medical.discount_card.holders.<group> is true. One card per person.',
  unit: 'bool',
  inputs: ['dibao_receives', 'sanwu', 'is_severely_disabled'],
  parameters: { dibao: 'medical.discount_card.holders.dibao', sanwu: 'medical.discount_card.holders.sanwu', disabled: 'medical.discount_card.holders.severely_disabled' },
  reference: { clause: '三.3' },
  formula: ({ dibao_receives: onDibao, sanwu, is_severely_disabled: disabled }, p, ctx) => {
    const hDibao = asNumber(p.dibao) === 1;
    const hSanwu = asNumber(p.sanwu) === 1;
    const hDisabled = asNumber(p.disabled) === 1;
    // Members are contiguous: each household's dibao is read in place, not broadcast to persons.
    const size = ctx.agg.householdSize();
    const out = ctx.alloc(Uint8Array);
    for (let h = 0, i = 0; h < size.length; h++) {
      const end = i + size[h]!;
      const dibao = onDibao[h];
      for (; i < end; i++) out[i] = (hDibao && dibao) || (hSanwu && sanwu[i]) || (hDisabled && disabled[i]) ? 1 : 0;
    }
    return out;
  },
});
