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
  formula: ({ job_found: found, employed: emp, new_job_months_previous: prev }) => Uint16Array.from(found, (f, i) => (f ? 1 : emp[i] && prev[i]! > 0 ? prev[i]! + 1 : 0)),
});
