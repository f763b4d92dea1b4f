import { defineRule } from '../../engine/rule.js';

export const medical_secondary_ytd_previous = defineRule({
  id: 'medical_secondary_ytd_previous',
  entity: 'person',
  period: 'month',
  label: { zh: '上月末年度累计再救助', en: 'Secondary assistance year to date, last month' },
  description: 'State carried by the month loop: medical_secondary_ytd of the month before. Outside the loop and in its first month it is not known, so 0 (no assistance paid earlier in the year).',
  unit: 'CNY/person/year',
  inputs: [],
  parameters: {},
  reference: { clause: '三.1' },
  formula: (_i, _p, ctx) => ctx.alloc(Float64Array),
});
