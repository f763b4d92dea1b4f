import { defineRule } from '../../engine/rule.js';

export const dibao_exit_benefit = defineRule({
  id: 'dibao_exit_benefit',
  entity: 'household',
  period: 'month',
  label: { zh: '退出前低保金', en: 'Payment before exit' },
  description: 'The last full dibao payment of a household in gradual exit: last month’s payment in exit month 1, then carried.',
  unit: 'CNY/household/month',
  inputs: ['dibao_taper_step', 'dibao_benefit_previous', 'dibao_exit_benefit_previous'],
  parameters: {},
  reference: { clause: '二.3' },
  formula: ({ dibao_taper_step: k, dibao_benefit_previous: last, dibao_exit_benefit_previous: carried }, _p, ctx) => {
    const out = ctx.alloc(Float64Array, k.length);
    for (let h = 0; h < out.length; h++) {
      const x = k[h]!;
      if (x === 1) out[h] = last[h]!;
      else if (x > 1) out[h] = carried[h]!;
    }
    return out;
  },
});
