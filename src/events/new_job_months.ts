import { defineRule } from '../engine/rule.js';

export const new_job_months = defineRule({
  id: 'new_job_months',
  entity: 'person',
  period: 'month',
  label: { zh: '新就业月数', en: 'Months in a new job' },
  description: '1 in the month a job is found, then one more each month it is kept; 0 for no new job.',
  unit: 'months',
  inputs: ['job_found', 'employed', 'new_job_months_previous'],
  parameters: {},
  reference: { clause: '二.3' },
  formula: ({ job_found: found, employed: emp, new_job_months_previous: prev }, _p, ctx) => {
    const out = ctx.allocFull(Uint16Array, found.length);
    // The rare conditions first (a job just found, months already counted), so the branches are predictable.
    for (let i = 0; i < out.length; i++) {
      const q = prev[i]!;
      out[i] = found[i] ? 1 : q > 0 && emp[i] ? q + 1 : 0;
    }
    return out;
  },
});
