import { roundFen } from '../../engine/money.js';
import { defineRule } from '../../engine/rule.js';
import { asColumn } from '../../engine/values.js';

export const dibao_minimum_top_up = defineRule({
  id: 'dibao_minimum_top_up',
  entity: 'household',
  period: 'month',
  label: { zh: '保底补差', en: 'Minimum payment top-up' },
  description: 'Raises a paid household’s gap benefit to the floor (minimum payment per member) when it is smaller.',
  unit: 'CNY/household/month',
  inputs: ['dibao_receives', 'dibao_gap_benefit', 'household_size'],
  parameters: { floor: 'dibao.minimum_payment' },
  reference: { clause: '二.1' },
  formula: ({ dibao_receives: ok, dibao_gap_benefit: gap, household_size: n }, p, ctx) => {
    const floor = asColumn(p.floor, ctx.size, ctx);
    const out = ctx.alloc(Float64Array, ok.length);
    for (let h = 0; h < out.length; h++) if (ok[h]) out[h] = roundFen(Math.max(0, floor[h]! * n[h]! - gap[h]!));
    return out;
  },
});
