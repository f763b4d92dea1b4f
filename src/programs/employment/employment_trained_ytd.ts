import { defineRule } from '../../engine/rule.js';

export const employment_trained_ytd = defineRule({
  id: 'employment_trained_ytd',
  entity: 'person',
  period: 'month',
  label: { zh: '本年已培训', en: 'Trained this year' },
  description: 'Trained in the calendar year up to and including this month: trained before this year (last month’s state, none in January) or this month. Read by next month’s training draw, so a person is trained at most once a year.',
  unit: 'bool',
  inputs: ['employment_trained_ytd_previous', 'employment_trained'],
  parameters: {},
  reference: { clause: '六.1' },
  formula: ({ employment_trained_ytd_previous: before, employment_trained: now }, _p, ctx) => {
    const january = ctx.firstMonthOfYear;
    const out = ctx.allocFull(Uint8Array);
    for (let i = 0; i < out.length; i++) out[i] = (+!january & +!!before[i]) | +!!now[i];
    return out;
  },
});
