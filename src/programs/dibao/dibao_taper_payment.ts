import { roundFen } from '../../engine/money.js';
import { defineRule } from '../../engine/rule.js';
import { asNumber } from '../../engine/values.js';

export const dibao_taper_payment = defineRule({
  id: 'dibao_taper_payment',
  entity: 'household',
  period: 'month',
  label: { zh: '渐退补助', en: 'Gradual-exit payment' },
  description: 'In exit month k of N: (N − k + 1)/(N + 1) of the last full payment, to the fen; so the payment steps down to zero instead of stopping at once.',
  unit: 'CNY/household/month',
  inputs: ['dibao_taper_step', 'dibao_exit_benefit'],
  parameters: { months: 'dibao.gradual_exit.months' },
  reference: { clause: '二.3' },
  formula: ({ dibao_taper_step: k, dibao_exit_benefit: base }, p, ctx) => {
    const n = asNumber(p.months);
    const out = ctx.alloc(Float64Array, k.length);
    for (let h = 0; h < out.length; h++) {
      const x = k[h]!;
      if (x > 0) out[h] = roundFen((base[h]! * (n - x + 1)) / (n + 1));
    }
    return out;
  },
});
