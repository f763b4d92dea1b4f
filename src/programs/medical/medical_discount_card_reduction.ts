import { roundFen } from '../../engine/money.js';
import { defineRule } from '../../engine/rule.js';

export const medical_discount_card_reduction = defineRule({
  id: 'medical_discount_card_reduction',
  entity: 'household',
  period: 'month',
  label: { zh: '优惠卡减免', en: 'Discount-card fee reductions' },
  description: 'The household’s discount-card fee reductions summed over members, to the fen: a cost borne by hospitals, not by the budget.',
  unit: 'CNY/household/month',
  inputs: ['medical_discount_card_reduction_person'],
  parameters: {},
  reference: { clause: '三.3' },
  formula: ({ medical_discount_card_reduction_person: perPerson }, _p, ctx) => {
    const out = ctx.agg.sumByHousehold(perPerson);
    for (let h = 0; h < out.length; h++) out[h] = roundFen(out[h]!);
    return out;
  },
});
