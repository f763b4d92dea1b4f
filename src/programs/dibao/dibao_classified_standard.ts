import { defineRule } from '../../engine/rule.js';

export const dibao_classified_standard = defineRule({
  id: 'dibao_classified_standard',
  entity: 'household',
  period: 'month',
  label: { zh: '分类施保计算标准', en: 'Standard the classified top-up multiplies' },
  description: 'The local dibao standard for a household paid dibao this month with a member in a special-hardship category (dibao_classified_household), 0 for any other household (it gets no top-up). A rule of its own so that a change of the standard reaches the classified top-up only in the households it pays.',
  unit: 'CNY/person/month',
  inputs: ['dibao_receives', 'dibao_classified_household', 'dibao_standard'],
  parameters: {},
  reference: { clause: '二.2' },
  formula: ({ dibao_receives: paid, dibao_classified_household: classified, dibao_standard: std }, _p, ctx) => {
    const out = ctx.allocFull(Float64Array); // every household written below
    for (let h = 0; h < out.length; h++) out[h] = paid[h] && classified[h] ? std[h]! : 0;
    return out;
  },
});
