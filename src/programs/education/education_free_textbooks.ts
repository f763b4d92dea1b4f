import { roundFen } from '../../engine/money.js';
import { defineRule } from '../../engine/rule.js';

export const education_free_textbooks = defineRule({
  id: 'education_free_textbooks',
  entity: 'household',
  period: 'month',
  label: { zh: '免书本费', en: 'Free textbooks' },
  description: 'The household’s education_free_textbooks_person summed over members, to the fen.',
  unit: 'CNY/household/month',
  inputs: ['education_free_textbooks_person'],
  parameters: {},
  reference: { clause: '四.1' },
  formula: ({ education_free_textbooks_person: perPerson }, _p, ctx) => {
    const out = ctx.agg.sumByHousehold(perPerson);
    for (let h = 0; h < out.length; h++) out[h] = roundFen(out[h]!);
    return out;
  },
});
