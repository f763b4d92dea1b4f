import { defineRule } from '../../engine/rule.js';

export const dibao_benefit_previous = defineRule({
  id: 'dibao_benefit_previous',
  entity: 'household',
  period: 'month',
  label: { zh: '上月低保金', en: 'Dibao paid last month' },
  description: 'State carried by the month loop: last month’s dibao payment. In the first month, this month’s.',
  unit: 'CNY/household/month',
  inputs: ['dibao_benefit'],
  parameters: {},
  reference: { clause: '二.3' },
  formula: ({ dibao_benefit: b }) => new Float64Array(b),
});
