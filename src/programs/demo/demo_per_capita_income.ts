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
  formula: ({ demo_counted_income: counted }, _p, ctx) => {
    // In the precision of counted income: float32 in, float32 out (summed in place).
    const sum = counted instanceof Float32Array ? ctx.agg.sumByHousehold(counted, ctx.allocFull(Float32Array)) : ctx.agg.sumByHousehold(counted);
    const size = ctx.agg.householdSize();
    for (let h = 0; h < sum.length; h++) sum[h] = sum[h]! / size[h]!;
    return sum;
  },
  // The same, one household at a time: its members' counted incomes summed, over its size.
  kernel: {
    type: ({ demo_counted_income }) => (demo_counted_income === Float32Array ? Float32Array : Float64Array),
    sums: { income: (m) => m.demo_counted_income! },
    row: (_v, _p, s) => s.income! / s.size!,
  },
});
