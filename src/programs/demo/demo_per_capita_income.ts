import { defineRule } from '../../engine/rule.js';

export const demo_per_capita_income = defineRule({
  id: 'demo_per_capita_income',
  entity: 'household',
  period: 'month',
  label: { zh: '人均收入（演示）', en: 'Per-capita income (demo)' },
  unit: 'CNY/person/month',
  inputs: ['demo_counted_income'],
  parameters: {},
  reference: { source: 'peer benchmark workload W1, rule 2' },
  formula: ({ demo_counted_income }, _p, ctx) => {
    const sum = ctx.agg.sumByHousehold(demo_counted_income);
    const size = ctx.agg.householdSize();
    for (let h = 0; h < sum.length; h++) sum[h] = sum[h]! / size[h]!;
    return sum;
  },
});
