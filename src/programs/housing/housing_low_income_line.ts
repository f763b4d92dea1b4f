import { defineRule } from '../../engine/rule.js';
import { asColumn } from '../../engine/values.js';

export const housing_low_income_line = defineRule({
  id: 'housing_low_income_line',
  entity: 'household',
  period: 'month',
  label: { zh: '住房救助低收入线', en: 'Housing low-income line' },
  description: 'The line below which a household counts as lowest-income (最低收入/困难家庭) for housing assistance: the multiple of its area × the local dibao standard.',
  unit: 'CNY/person/month',
  inputs: ['dibao_standard'],
  parameters: { multiple: 'housing.low_income.line_multiple' },
  reference: { clause: ['五.1', '五.2', '五.3'] },
  formula: ({ dibao_standard: std }, p, ctx) => {
    const multiple = asColumn(p.multiple, ctx.size, ctx);
    const out = ctx.allocFull(Float64Array);
    for (let h = 0; h < out.length; h++) out[h] = multiple[h]! * std[h]!;
    return out;
  },
});
