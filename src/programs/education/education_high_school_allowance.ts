import { roundFen } from '../../engine/money.js';
import { defineRule } from '../../engine/rule.js';

export const education_high_school_allowance = defineRule({
  id: 'education_high_school_allowance',
  entity: 'household',
  period: 'month',
  label: { zh: '高中学习生活补助', en: 'High-school study and living allowance' },
  description: 'The household’s education_high_school_allowance_person summed over members, to the fen.',
  unit: 'CNY/household/month',
  inputs: ['education_high_school_allowance_person'],
  parameters: {},
  reference: { clause: '四.3' },
  formula: ({ education_high_school_allowance_person: perPerson }, _p, ctx) => {
    const out = ctx.agg.sumByHousehold(perPerson);
    for (let h = 0; h < out.length; h++) out[h] = roundFen(out[h]!);
    return out;
  },
});
