import { defineRule } from '../../engine/rule.js';
import { asColumn } from '../../engine/values.js';

export const dibao_applies = defineRule({
  id: 'dibao_applies',
  entity: 'household',
  period: 'month',
  label: { zh: '申请低保', en: 'Applies for dibao' },
  description: 'Whether the household would apply if eligible: a persistent draw per household below the take-up rate of its area in force this month (the rate may change; the draw does not).',
  unit: 'bool',
  inputs: [],
  parameters: { rate: 'dibao.implementation.take_up' },
  reference: { clause: '二.1' },
  formula: (_i, p, ctx) => {
    const rate = asColumn(p.rate, ctx.size, ctx);
    const u = ctx.randomOnce('take-up'); // a household's disposition: the same every year, so take-up causes no spurious exits
    const out = ctx.alloc(Uint8Array, u.length);
    for (let h = 0; h < out.length; h++) out[h] = u[h]! < rate[h]! ? 1 : 0;
    return out;
  },
});
