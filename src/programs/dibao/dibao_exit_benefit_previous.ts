import { defineRule } from '../../engine/rule.js';

export const dibao_exit_benefit_previous = defineRule({
  id: 'dibao_exit_benefit_previous',
  entity: 'household',
  period: 'month',
  label: { zh: '上月退出前低保金', en: 'Payment before exit, last month' },
  description: 'State carried by the month loop: the last full payment of a household in gradual exit (0 otherwise).',
  unit: 'CNY/household/month',
  inputs: [],
  parameters: {},
  reference: { clause: '二.3' },
  formula: (_i, _p, ctx) => ctx.alloc(Float64Array),
});
