import { FLOAT_NOISE_YUAN } from '../../engine/money.js';
import { defineRule } from '../../engine/rule.js';
import { asColumn } from '../../engine/values.js';

export const disabled_poor_household = defineRule({
  id: 'disabled_poor_household',
  entity: 'household',
  period: 'month',
  label: { zh: '贫困残疾人家庭', en: 'Poor disabled household' },
  description: 'A household with a disabled member (disability ≥ 1) that is paid dibao this month or whose per-capita counted income is strictly below the line multiple of its area × the local dibao standard (beyond float noise).',
  unit: 'bool',
  inputs: ['disability', 'dibao_receives', 'per_capita_counted_income', 'dibao_standard'],
  parameters: { multiple: 'disabled.low_income.line_multiple' },
  reference: { clause: '八.3' },
  formula: ({ disability, dibao_receives: onDibao, per_capita_counted_income: pci, dibao_standard: std }, p, ctx) => {
    const multiple = asColumn(p.multiple, ctx.size, ctx);
    const hasDisabled = ctx.agg.anyInHousehold(disability);
    const out = ctx.allocFull(Uint8Array);
    for (let h = 0; h < out.length; h++) out[h] = hasDisabled[h] && (onDibao[h] || pci[h]! < multiple[h]! * std[h]! - FLOAT_NOISE_YUAN) ? 1 : 0;
    return out;
  },
});
