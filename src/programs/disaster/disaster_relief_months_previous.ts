import { defineRule } from '../../engine/rule.js';

export const disaster_relief_months_previous = defineRule({
  id: 'disaster_relief_months_previous',
  entity: 'household',
  period: 'month',
  label: { zh: '上月灾民生活救助剩余月数', en: 'Months of living aid left, last month' },
  description: 'State carried by the month loop: the months of living aid the household had left last month, that month included. Outside the loop and in its first month no disaster has struck before, so 0.',
  unit: 'months',
  inputs: [],
  parameters: {},
  reference: { clause: '十.2' },
  formula: (_i, _p, ctx) => ctx.alloc(Uint16Array),
});
