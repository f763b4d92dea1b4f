import { defineRule } from '../../engine/rule.js';

export const per_capita_counted_income = defineRule({
  id: 'per_capita_counted_income',
  entity: 'household',
  period: 'month',
  label: { zh: '家庭人均收入', en: 'Per-capita counted income' },
  description: 'The household’s summed counted income divided by its size, compared with the standard.',
  unit: 'CNY/person/month',
  inputs: ['counted_income', 'household_size'],
  parameters: {},
  reference: { clause: '二.1' },
  formula: ({ counted_income, household_size }, _p, ctx) => {
    const total = ctx.agg.sumByHousehold(counted_income);
    for (let h = 0; h < total.length; h++) total[h] = total[h]! / household_size[h]!;
    return total;
  },
});
