import { defineRule } from '../../engine/rule.js';

export const cpi_price_rise = defineRule({
  id: 'cpi_price_rise',
  entity: 'household',
  period: 'month',
  label: { zh: '居民消费价格涨幅', en: 'Consumer price rise' },
  description: 'Year-on-year CPI rise this month (0.071 for +7.1%), from the scenario’s price path; 0 without one. Set by the month loop.',
  unit: 'rate',
  inputs: [],
  parameters: {},
  reference: { clause: '二.2' },
  formula: (_i, _p, ctx) => ctx.alloc(Float64Array),
});
