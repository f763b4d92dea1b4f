import { roundFen } from '../../engine/money.js';
import { defineRule } from '../../engine/rule.js';

export const dibao_gap_benefit = defineRule({
  id: 'dibao_gap_benefit',
  entity: 'household',
  period: 'month',
  label: { zh: '低保补差', en: 'Gap benefit' },
  description: '(standard − assessed per-capita income) × household size for households paid dibao, to the fen.',
  unit: 'CNY/household/month',
  inputs: ['dibao_receives', 'dibao_standard', 'dibao_assessed_income', 'household_size'],
  parameters: {},
  reference: { clause: ['二.1', '二.2'] },
  formula: ({ dibao_receives: ok, dibao_standard: std, dibao_assessed_income: pci, household_size: n }, _p, ctx) => {
    const out = ctx.alloc(Float64Array, ok.length);
    for (let h = 0; h < out.length; h++) if (ok[h]) out[h] = roundFen(Math.max(0, std[h]! - pci[h]!) * n[h]!);
    return out;
  },
});
