import { defineRule } from '../../engine/rule.js';
import { asColumn } from '../../engine/values.js';

export const dibao_standard = defineRule({
  id: 'dibao_standard',
  entity: 'household',
  period: 'month',
  label: { zh: '低保标准', en: 'Dibao standard' },
  description: 'The standard of the household’s locality (prefecture × urban/rural) in force this month.',
  unit: 'CNY/person/month',
  inputs: [],
  parameters: { standard: 'dibao.standard' },
  reference: { clause: '二.1' },
  formula: (_i, p, ctx) => {
    const out = ctx.allocFull(Float64Array);
    out.set(asColumn(p.standard, ctx.size, ctx));
    return out;
  },
});
