import { roundFen } from '../../engine/money.js';
import { defineRule } from '../../engine/rule.js';
import { asNumber } from '../../engine/values.js';

export const dibao_running_cost = defineRule({
  id: 'dibao_running_cost',
  entity: 'household',
  period: 'month',
  label: { zh: '低保工作经费', en: 'Dibao running cost' },
  description: 'The dibao offices’ running cost (工作经费) a household paid dibao this month occasions: the cost per recipient × its members, to the fen. Paid by prefecture and county budgets beside the benefit, never out of it (§二.4).',
  unit: 'CNY/household/month',
  inputs: ['dibao_receives', 'household_size'],
  parameters: { perRecipient: 'dibao_administration.running_cost.per_recipient' },
  reference: { clause: '二.4' },
  formula: ({ dibao_receives: r, household_size: n }, p, ctx) => {
    const rate = asNumber(p.perRecipient);
    const out = ctx.alloc(Float64Array, r.length);
    for (let h = 0; h < out.length; h++) if (r[h]) out[h] = roundFen(rate * n[h]!);
    return out;
  },
});
