import { FLOAT_NOISE_YUAN } from '../../engine/money.js';
import { defineRule } from '../../engine/rule.js';

export const dibao_eligible = defineRule({
  id: 'dibao_eligible',
  entity: 'household',
  period: 'month',
  label: { zh: '符合低保条件', en: 'Eligible for dibao' },
  description: 'Per-capita counted income strictly below the local standard. This is the rule’s verdict; receipt is separate.',
  unit: 'bool',
  inputs: ['per_capita_counted_income', 'dibao_standard'],
  parameters: {},
  reference: { clause: '二.1' },
  // Strictly below, beyond float noise: a household exactly at the standard is not eligible.
  formula: ({ per_capita_counted_income: pci, dibao_standard: std }) => {
    const out = new Uint8Array(pci.length);
    for (let h = 0; h < out.length; h++) out[h] = pci[h]! < std[h]! - FLOAT_NOISE_YUAN ? 1 : 0;
    return out;
  },
});
