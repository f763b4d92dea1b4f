import { defineRule } from '../engine/rule.js';
import { asColumn } from '../engine/values.js';

export const job_found = defineRule({
  id: 'job_found',
  entity: 'person',
  period: 'month',
  label: { zh: '再就业事件', en: 'Job found' },
  description: 'A person looking for work finds a job this month with the monthly job-finding rate of their area.',
  unit: 'bool',
  inputs: ['events_active', 'looking_for_work'],
  parameters: { rate: 'events.job_finding_rate' },
  reference: { clause: ['二.3', '六.1'] },
  formula: ({ events_active: on, looking_for_work: look }, p, ctx) => {
    const rate = asColumn(p.rate, ctx.size, ctx);
    // Who could find a job; only they need a draw.
    const out = ctx.allocFull(Uint8Array);
    for (let i = 0; i < out.length; i++) out[i] = +!!on[i] & +!!look[i];
    const u = ctx.random('job-find', out);
    for (let i = 0; i < out.length; i++) out[i]! &= +(u[i]! < rate[i]!);
    return out;
  },
});
