import { MONTHS_PER_YEAR } from '../../engine/money.js';
import { defineRule } from '../../engine/rule.js';

export const legal_aid_case = defineRule({
  id: 'legal_aid_case',
  entity: 'person',
  period: 'month',
  label: { zh: '本月法律援助案件', en: 'Legal-aid case opened' },
  description: 'The person opens a legal-aid case this month: a keyed draw below the person’s yearly case rate ÷ 12 (so the expected cases a year equal the rate).',
  unit: 'bool',
  inputs: ['legal_aid_case_rate'],
  parameters: {},
  reference: { clause: '七.1' },
  formula: ({ legal_aid_case_rate: rate }, _p, ctx) => {
    const where = ctx.allocFull(Uint8Array);
    const monthly = ctx.allocFull(Float64Array);
    for (let i = 0; i < where.length; i++) {
      where[i] = +(rate[i]! > 0);
      monthly[i] = rate[i]! / MONTHS_PER_YEAR;
    }
    return ctx.chance('legal-aid-case', monthly, where);
  },
});
