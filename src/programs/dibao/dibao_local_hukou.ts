import { defineRule } from '../../engine/rule.js';
import { asNumber } from '../../engine/values.js';

export const dibao_local_hukou = defineRule({
  id: 'dibao_local_hukou',
  entity: 'household',
  period: 'month',
  label: { zh: '户籍条件', en: 'Hukou condition met' },
  description: 'Urban dibao is for residents with local urban (non-agricultural) hukou: an urban household passes when it holds it (local_hukou, 1 where the data do not record hukou) or when the check is off. Rural households always pass.',
  unit: 'bool',
  inputs: ['urban', 'local_hukou'],
  parameters: { required: 'dibao.eligibility.urban_local_hukou_required' },
  reference: { clause: '二.1' },
  formula: ({ urban, local_hukou: local }, p, ctx) => {
    const required = asNumber(p.required) === 1;
    const out = ctx.allocFull(Uint8Array, urban.length);
    for (let h = 0; h < out.length; h++) out[h] = !urban[h] || !required || local[h] ? 1 : 0;
    return out;
  },
});
