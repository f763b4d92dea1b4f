import { roundFen } from '../../engine/money.js';
import { defineRule } from '../../engine/rule.js';

export const medical_secondary_ytd = defineRule({
  id: 'medical_secondary_ytd',
  entity: 'person',
  period: 'month',
  label: { zh: '年度累计再救助', en: 'Secondary assistance year to date' },
  description: 'Secondary assistance paid to the person in the calendar year up to and including this month, to the fen: last month’s sum (none in January) plus this month’s. Read by the annual cap of the next month.',
  unit: 'CNY/person/year',
  inputs: ['medical_secondary_ytd_previous', 'medical_secondary_assistance_person'],
  parameters: {},
  reference: { clause: '三.1' },
  formula: ({ medical_secondary_ytd_previous: previous, medical_secondary_assistance_person: paid }, _p, ctx) => {
    const january = ctx.firstMonthOfYear;
    const out = ctx.allocFull(Float64Array);
    for (let i = 0; i < out.length; i++) out[i] = roundFen((january ? 0 : previous[i]!) + paid[i]!);
    return out;
  },
});
