import { defineRule } from '../../engine/rule.js';

export const dibao_taper_step_previous = defineRule({
  id: 'dibao_taper_step_previous',
  entity: 'household',
  period: 'month',
  label: { zh: '上月渐退月序', en: 'Gradual-exit month, last month' },
  description: 'State carried by the month loop: last month’s gradual-exit month (0: not exiting).',
  unit: 'months',
  inputs: [],
  parameters: {},
  reference: { clause: '二.3' },
  formula: (_i, _p, ctx) => ctx.alloc(Uint16Array),
});
