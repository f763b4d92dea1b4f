import { defineRule } from '../../engine/rule.js';

export const employment_trained_ytd_previous = defineRule({
  id: 'employment_trained_ytd_previous',
  entity: 'person',
  period: 'month',
  label: { zh: '上月末本年已培训', en: 'Trained this year, as of last month' },
  description: 'State carried by the month loop: employment_trained_ytd of the month before. Outside the loop and in its first month it is not known, so 0 (nobody trained earlier in the year).',
  unit: 'bool',
  inputs: [],
  parameters: {},
  reference: { clause: '六.1' },
  formula: (_i, _p, ctx) => ctx.alloc(Uint8Array),
});
