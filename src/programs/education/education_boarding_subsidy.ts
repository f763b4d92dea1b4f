import { roundFen } from '../../engine/money.js';
import { defineRule } from '../../engine/rule.js';

export const education_boarding_subsidy = defineRule({
  id: 'education_boarding_subsidy',
  entity: 'household',
  period: 'month',
  label: { zh: '寄宿生生活费补助', en: 'Boarding living subsidy' },
  description: 'The household’s education_boarding_subsidy_person summed over members, to the fen.',
  unit: 'CNY/household/month',
  inputs: ['education_boarding_subsidy_person'],
  parameters: {},
  reference: { clause: '四.1' },
  formula: ({ education_boarding_subsidy_person: perPerson }, _p, ctx) => {
    const out = ctx.agg.sumByHousehold(perPerson);
    for (let h = 0; h < out.length; h++) out[h] = roundFen(out[h]!);
    return out;
  },
});
