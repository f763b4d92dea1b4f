import { roundFen } from '../../engine/money.js';
import { defineRule } from '../../engine/rule.js';

export const education_vocational_grant = defineRule({
  id: 'education_vocational_grant',
  entity: 'household',
  period: 'month',
  label: { zh: '中职助学金', en: 'Secondary vocational grant' },
  description: 'The household’s education_vocational_grant_person summed over members, to the fen.',
  unit: 'CNY/household/month',
  inputs: ['education_vocational_grant_person'],
  parameters: {},
  reference: { clause: '四.2' },
  formula: ({ education_vocational_grant_person: perPerson }, _p, ctx) => {
    const out = ctx.agg.sumByHousehold(perPerson);
    for (let h = 0; h < out.length; h++) out[h] = roundFen(out[h]!);
    return out;
  },
});
