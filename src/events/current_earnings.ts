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
    const wage = asColumn(p.wage, ctx.size);
    return Float64Array.from(earnings, (x, i) => (emp[i] ? (x > 0 ? x : wage[i]!) : 0));
  },
});
