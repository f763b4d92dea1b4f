import { FLOAT_NOISE_YUAN } from '../../engine/money.js';
import { defineRule } from '../../engine/rule.js';
import { asColumn } from '../../engine/values.js';

export const disabled_income_below_line = defineRule({
  id: 'disabled_income_below_line',
  entity: 'household',
  period: 'month',
  label: { zh: '人均收入低于贫困残疾人家庭低收入线', en: 'Income below the poor-disabled line' },
  description: 'The household’s per-capita counted income is strictly below the low-income line of the disability projects, the line multiple of its area × the local dibao standard (beyond float noise); disabled_poor_household applies it to households with a disabled member. A rule of its own so that a change of the standard reaches disabled_poor_household only in the households whose answer it changes.',
  unit: 'bool',
  inputs: ['per_capita_counted_income', 'dibao_standard'],
  parameters: { multiple: 'disabled.low_income.line_multiple' },
  reference: { clause: '八.3' },
  formula: ({ per_capita_counted_income: pci, dibao_standard: std }, p, ctx) => {
    const multiple = asColumn(p.multiple, ctx.size, ctx);
    const out = ctx.allocFull(Uint8Array); // every household written below
    for (let h = 0; h < out.length; h++) out[h] = +(pci[h]! < multiple[h]! * std[h]! - FLOAT_NOISE_YUAN);
    return out;
  },
});
