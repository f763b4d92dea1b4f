import { roundFen } from '../../engine/money.js';
import { defineRule } from '../../engine/rule.js';

export const education_fee_waiver = defineRule({
  id: 'education_fee_waiver',
  entity: 'household',
  period: 'month',
  label: { zh: '免杂费', en: 'Miscellaneous-fee waiver' },
  description: 'The household’s education_fee_waiver_person summed over members, to the fen.',
  unit: 'CNY/household/month',
  inputs: ['education_fee_waiver_person'],
  parameters: {},
  reference: { clause: '四.1' },
  formula: ({ education_fee_waiver_person: perPerson }, _p, ctx) => {
    const out = ctx.agg.sumByHousehold(perPerson);
    for (let h = 0; h < out.length; h++) out[h] = roundFen(out[h]!);
    return out;
  },
});
