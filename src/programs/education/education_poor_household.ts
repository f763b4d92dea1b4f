import { FLOAT_NOISE_YUAN } from '../../engine/money.js';
import { defineRule } from '../../engine/rule.js';
import { asNumber } from '../../engine/values.js';

export const education_poor_household = defineRule({
  id: 'education_poor_household',
  entity: 'household',
  period: 'month',
  label: { zh: '贫困家庭（教育救助）', en: 'Poor household (education assistance)' },
  description: 'Per-capita counted income strictly below the poor line, education.targeting.poor_line_multiple × the local dibao standard (beyond float noise: a household exactly at the line is not poor).',
  unit: 'bool',
  inputs: ['per_capita_counted_income', 'dibao_standard'],
  parameters: { multiple: 'education.targeting.poor_line_multiple' },
  reference: { clause: '四.1' },
  formula: ({ per_capita_counted_income: pci, dibao_standard: std }, p, ctx) => {
    const m = asNumber(p.multiple);
    const out = ctx.alloc(Uint8Array, pci.length);
    for (let h = 0; h < out.length; h++) out[h] = pci[h]! < m * std[h]! - FLOAT_NOISE_YUAN ? 1 : 0;
    return out;
  },
});
