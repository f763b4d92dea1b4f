import { defineRule } from '../../engine/rule.js';

export const food_price_rise = defineRule({
  id: 'food_price_rise',
  entity: 'household',
  period: 'month',
  label: { zh: '食品价格涨幅', en: 'Food price rise' },
  description: 'Year-on-year food price rise this month (0.182 for +18.2%), from the scenario’s price path; 0 without one. Set by the month loop.',
  unit: 'rate',
  inputs: [],
  parameters: {},
  reference: { clause: '二.2' },
  formula: (_i, _p, ctx) => ctx.alloc(Float64Array),
});
