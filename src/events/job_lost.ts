import { defineRule } from '../engine/rule.js';
import { asColumn } from '../engine/values.js';

export const job_lost = defineRule({
  id: 'job_lost',
  entity: 'person',
  period: 'month',
  label: { zh: '失业事件', en: 'Job lost' },
  description: 'An employed person loses their job this month with the monthly job-loss rate of their area.',
  unit: 'bool',
  inputs: ['events_active', 'employed_previous'],
  parameters: { rate: 'events.job_loss_rate' },
  reference: { clause: ['二.2', '二.3'] },
  formula: ({ events_active: on, employed_previous: emp }, p, ctx) => {
    const rate = asColumn(p.rate, ctx.size, ctx);
    // Who could lose a job; only they need a draw.
    const at = ctx.allocFull(Uint8Array);
    for (let i = 0; i < at.length; i++) at[i] = +!!on[i] & +!!emp[i];
    return ctx.chance('job-loss', rate, at);
  },
});
