import { defineRule } from '../../engine/rule.js';

export const education_illness_hardship_months_previous = defineRule({
  id: 'education_illness_hardship_months_previous',
  entity: 'household',
  period: 'month',
  label: { zh: '上月因病困难剩余月数', en: 'Illness-hardship months left, last month' },
  description: 'State carried by the month loop: the months of illness hardship the household had left last month. Outside the loop and in its first month it is not known, so 0 (only a dataset serious illness or an onset this month count then).',
  unit: 'months',
  inputs: [],
  parameters: {},
  reference: { clause: '四.1' },
  formula: (_i, _p, ctx) => ctx.alloc(Uint16Array),
});
