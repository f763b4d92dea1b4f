import { roundFen } from '../../engine/money.js';
import { defineRule } from '../../engine/rule.js';

export const dibao_classified_top_up = defineRule({
  id: 'dibao_classified_top_up',
  entity: 'household',
  period: 'month',
  label: { zh: '分类施保', en: 'Classified top-up' },
  description: 'The household’s classified top-ups summed over members, to the fen.',
  unit: 'CNY/household/month',
  inputs: ['dibao_classified_top_up_person'],
  parameters: {},
  reference: { clause: '二.2' },
  formula: ({ dibao_classified_top_up_person: perPerson }, _p, ctx) => {
    const out = ctx.agg.sumByHousehold(perPerson);
    for (let h = 0; h < out.length; h++) out[h] = roundFen(out[h]!);
    return out;
  },
});
