import { defineRule } from '../engine/rule.js';

export const new_job_months_previous = defineRule({
  id: 'new_job_months_previous',
  entity: 'person',
  period: 'month',
  label: { zh: '上月新就业月数', en: 'Months in a new job, last month' },
  description: 'State carried by the month loop: months since the person found a job in the simulation (0: no new job).',
  unit: 'months',
  inputs: [],
  parameters: {},
  reference: { clause: '二.3' },
  formula: (_i, _p, ctx) => new Uint16Array(ctx.size),
});
