import { defineRule } from '../engine/rule.js';
import { asColumn } from '../engine/values.js';

export const lost_earnings = defineRule({
  id: 'lost_earnings',
  entity: 'person',
  period: 'month',
  label: { zh: '失业损失收入', en: 'Earnings lost' },
  description: 'The monthly earnings of a job lost this month: a sudden loss of income (§二.2 临时救助).',
  unit: 'CNY/person/month',
  inputs: ['job_lost', 'earnings'],
  parameters: { wage: 'events.reemployment_earnings' },
  reference: { clause: '二.2' },
  formula: ({ job_lost: lost, earnings }, p, ctx) => {
    const wage = asColumn(p.wage, ctx.size, ctx);
    const out = ctx.alloc(Float64Array, earnings.length);
    for (let i = 0; i < out.length; i++) {
      if (!lost[i]) continue;
      const x = earnings[i]!;
      out[i] = x > 0 ? x : wage[i]!;
    }
    return out;
  },
});
