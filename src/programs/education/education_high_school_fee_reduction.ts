import { roundFen } from '../../engine/money.js';
import { defineRule } from '../../engine/rule.js';

export const education_high_school_fee_reduction = defineRule({
  id: 'education_high_school_fee_reduction',
  entity: 'household',
  period: 'month',
  label: { zh: '双特生费用减免', en: '双特生 fee reduction' },
  description: 'The household’s education_high_school_fee_reduction_person summed over members, to the fen.',
  unit: 'CNY/household/month',
  inputs: ['education_high_school_fee_reduction_person'],
  parameters: {},
  reference: { clause: '四.3' },
  formula: ({ education_high_school_fee_reduction_person: perPerson }, _p, ctx) => {
    const out = ctx.agg.sumByHousehold(perPerson);
    for (let h = 0; h < out.length; h++) out[h] = roundFen(out[h]!);
    return out;
  },
});
