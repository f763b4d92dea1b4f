import { defineRule } from '../engine/rule.js';

export const dynamics_month = defineRule({
  id: 'dynamics_month',
  entity: 'household',
  period: 'month',
  label: { zh: '模拟月序', en: 'Simulated month number' },
  description: 'Months since the start of the month loop: 0 in the first month (the dataset’s snapshot) and outside the loop; the loop sets it.',
  unit: 'months',
  inputs: [],
  parameters: {},
  reference: { clause: '二.3' },
  formula: (_i, _p, ctx) => new Uint16Array(ctx.size),
});
