import { defineRule } from '../engine/rule.js';

export const employed = defineRule({
  id: 'employed',
  entity: 'person',
  period: 'month',
  label: { zh: '本月就业', en: 'Employed' },
  description: 'Employed last month and did not lose the job, or found one this month.',
  unit: 'bool',
  inputs: ['employed_previous', 'job_lost', 'job_found'],
  parameters: {},
  reference: { clause: '二.3' },
  formula: ({ employed_previous: e, job_lost: lost, job_found: found }, _p, ctx) => {
    const out = ctx.allocFull(Uint8Array, e.length);
    for (let i = 0; i < out.length; i++) out[i] = (+!!e[i] & +!lost[i]) | +!!found[i];
    return out;
  },
});
