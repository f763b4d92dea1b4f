import { FLOAT_NOISE_YUAN } from '../../engine/money.js';
import { defineRule } from '../../engine/rule.js';

export const housing_low_income = defineRule({
  id: 'housing_low_income',
  entity: 'household',
  period: 'month',
  label: { zh: '住房救助低收入家庭', en: 'Low-income for housing assistance' },
  description: 'Paid dibao this month (the core of the lowest-income households), or per-capita counted income strictly below the housing low-income line (beyond float noise): a household exactly at the line is not low-income unless it is on dibao.',
  unit: 'bool',
  inputs: ['dibao_receives', 'per_capita_counted_income', 'housing_low_income_line'],
  parameters: {},
  reference: { clause: ['五.1', '五.2', '五.3'] },
  formula: ({ dibao_receives: onDibao, per_capita_counted_income: pci, housing_low_income_line: line }, _p, ctx) => {
    const out = ctx.alloc(Uint8Array, pci.length);
    for (let h = 0; h < out.length; h++) out[h] = onDibao[h] || pci[h]! < line[h]! - FLOAT_NOISE_YUAN ? 1 : 0;
    return out;
  },
});
