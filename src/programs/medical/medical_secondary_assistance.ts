import { roundFen } from '../../engine/money.js';
import { defineRule } from '../../engine/rule.js';

export const medical_secondary_assistance = defineRule({
  id: 'medical_secondary_assistance',
  entity: 'household',
  period: 'month',
  label: { zh: '医疗再救助', en: 'Secondary medical assistance' },
  description: 'The household’s secondary medical assistance summed over members, to the fen: paid from the medical assistance fund.',
  unit: 'CNY/household/month',
  inputs: ['medical_secondary_assistance_person'],
  parameters: {},
  reference: { clause: ['三.1', '三.2'] },
  formula: ({ medical_secondary_assistance_person: perPerson }, _p, ctx) => {
    const out = ctx.agg.sumByHousehold(perPerson);
    for (let h = 0; h < out.length; h++) out[h] = roundFen(out[h]!);
    return out;
  },
});
