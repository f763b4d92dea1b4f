import { FLOAT_NOISE_YUAN } from '../../engine/money.js';
import { defineRule } from '../../engine/rule.js';

export const dibao_assessed_eligible = defineRule({
  id: 'dibao_assessed_eligible',
  entity: 'household',
  period: 'month',
  label: { zh: '核定符合低保条件', en: 'Assessed eligible' },
  description: 'Eligible as the means test sees it: assessed per-capita income strictly below the standard. Equals dibao_eligible when the means test is exact.',
  unit: 'bool',
  inputs: ['dibao_assessed_income', 'dibao_standard'],
  parameters: {},
  reference: { clause: ['二.1', '二.3'] },
  formula: ({ dibao_assessed_income: inc, dibao_standard: std }) => {
    const out = new Uint8Array(inc.length);
    for (let h = 0; h < out.length; h++) out[h] = inc[h]! < std[h]! - FLOAT_NOISE_YUAN ? 1 : 0;
    return out;
  },
});
