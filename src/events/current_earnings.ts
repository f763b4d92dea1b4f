import { defineRule } from '../engine/rule.js';
import { asColumn } from '../engine/values.js';

export const current_earnings = defineRule({
  id: 'current_earnings',
  entity: 'person',
  period: 'month',
  label: { zh: '本月工资收入', en: 'Earnings this month' },
  description: 'The data’s earnings while employed; a person who finds a job without earnings in the data earns the re-employment wage; nothing while not employed.',
  unit: 'CNY/person/month',
  inputs: ['employed', 'earnings'],
  parameters: { wage: 'events.reemployment_earnings' },
  reference: { clause: '二.3' },
  formula: ({ employed: emp, earnings }, p, ctx) => {
    const wage = asColumn(p.wage, ctx.size, ctx);
    const out = ctx.allocFull(Float64Array, earnings.length);
    for (let i = 0; i < out.length; i++) {
      const x = earnings[i]!;
      const v = x > 0 ? x : wage[i]!;
      out[i] = emp[i] ? v : 0;
    }
    return out;
  },
});
