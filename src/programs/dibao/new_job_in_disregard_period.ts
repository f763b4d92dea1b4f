import { defineRule } from '../../engine/rule.js';
import { asNumber } from '../../engine/values.js';

export const new_job_in_disregard_period = defineRule({
  id: 'new_job_in_disregard_period',
  entity: 'person',
  period: 'month',
  label: { zh: '处于再就业收入豁免期', en: 'Within the re-employment disregard period' },
  description: 'Whether a person is in month 1 to dibao.reemployment.months of a new job (new_job_months), the months in which part of its earnings is left out of counted income (§二.3).',
  unit: 'bool',
  inputs: ['new_job_months'],
  parameters: { months: 'dibao.reemployment.months' },
  reference: { clause: '二.3' },
  // Its own rule, not a test inside counted_income: the counter goes up every month a new job is
  // kept, while this flag changes only when the period starts or ends. Computing month to month
  // (src/engine/temporal.ts), counted_income is then recomputed only where the flag changed.
  formula: ({ new_job_months: months }, p, ctx) => {
    const last = asNumber(p.months);
    const out = ctx.allocFull(Uint8Array, months.length);
    for (let i = 0; i < out.length; i++) {
      const f = months[i]!;
      out[i] = +(f > 0 && f <= last);
    }
    return out;
  },
});
