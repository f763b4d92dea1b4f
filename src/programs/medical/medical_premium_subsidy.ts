import { roundFen } from '../../engine/money.js';
import { defineRule } from '../../engine/rule.js';

export const medical_premium_subsidy = defineRule({
  id: 'medical_premium_subsidy',
  entity: 'household',
  period: 'month',
  label: { zh: '资助参保', en: 'Premium subsidy' },
  description: 'The household’s premium subsidies summed over members, to the fen: paid from the medical assistance fund.',
  unit: 'CNY/household/month',
  inputs: ['medical_premium_subsidy_person'],
  parameters: {},
  reference: { clause: ['三.1', '三.2'] },
  formula: ({ medical_premium_subsidy_person: perPerson }, _p, ctx) => {
    const out = ctx.agg.sumByHousehold(perPerson);
    for (let h = 0; h < out.length; h++) out[h] = roundFen(out[h]!);
    return out;
  },
});
