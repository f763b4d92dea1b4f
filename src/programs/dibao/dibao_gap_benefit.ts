import { roundFen } from '../../engine/money.js';
import { defineRule } from '../../engine/rule.js';

export const dibao_gap_benefit = defineRule({
  id: 'dibao_gap_benefit',
  entity: 'household',
  period: 'month',
  label: { zh: '低保补差', en: 'Gap benefit' },
  description: '(standard − per-capita counted income) × household size for eligible households, to the fen.',
  unit: 'CNY/household/month',
  inputs: ['dibao_eligible', 'dibao_standard', 'per_capita_counted_income', 'household_size'],
  parameters: {},
  reference: { clause: ['二.1', '二.2'] },
  formula: ({ dibao_eligible: ok, dibao_standard: std, per_capita_counted_income: pci, household_size: n }) => {
    const out = new Float64Array(ok.length);
    for (let h = 0; h < out.length; h++) if (ok[h]) out[h] = roundFen((std[h]! - pci[h]!) * n[h]!);
    return out;
  },
});
