import { defineRule } from '../../engine/rule.js';

export const price_subsidy_triggered = defineRule({
  id: 'price_subsidy_triggered',
  entity: 'household',
  period: 'month',
  label: { zh: '价格补贴启动', en: 'Price subsidy on' },
  description: 'Whether the price-subsidy mechanism is on this month. Set by the month loop from the scenario’s price path and the trigger rule; off without a path.',
  unit: 'bool',
  inputs: [],
  parameters: {},
  reference: { clause: '二.2' },
  formula: (_i, _p, ctx) => ctx.alloc(Uint8Array),
});
