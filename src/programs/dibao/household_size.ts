import { defineRule } from '../../engine/rule.js';

export const household_size = defineRule({
  id: 'household_size',
  entity: 'household',
  period: 'month',
  label: { zh: '家庭人口', en: 'Household size' },
  description: 'Members of the household; the dibao gap benefit is per member (§二.1 补差 × 人数).',
  unit: 'persons',
  inputs: [],
  parameters: {},
  reference: { clause: '二.1' },
  // A copy: the bound helper caches its array and a formula must not hand out shared state.
  formula: (_i, _p, ctx) => {
    const out = ctx.allocFull(Int32Array);
    out.set(ctx.agg.householdSize());
    return out;
  },
});
