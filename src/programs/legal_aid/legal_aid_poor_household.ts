import { FLOAT_NOISE_YUAN } from '../../engine/money.js';
import { defineRule } from '../../engine/rule.js';
import { asNumber } from '../../engine/values.js';

export const legal_aid_poor_household = defineRule({
  id: 'legal_aid_poor_household',
  entity: 'household',
  period: 'month',
  label: { zh: '法律援助经济困难家庭', en: 'Poor enough for legal aid' },
  description: 'The household passes the legal-aid hardship test (城乡困难群众): it is paid dibao this month, or its per-capita counted income is strictly below legal_aid.poor_line_ratio × the local dibao standard.',
  unit: 'bool',
  inputs: ['dibao_receives', 'per_capita_counted_income', 'dibao_standard'],
  parameters: { ratio: 'legal_aid.poor_line_ratio' },
  reference: { clause: '七.1' },
  formula: ({ dibao_receives: dibao, per_capita_counted_income: pci, dibao_standard: std }, p, ctx) => {
    const ratio = asNumber(p.ratio);
    const out = ctx.allocFull(Uint8Array);
    for (let h = 0; h < out.length; h++) out[h] = +!!dibao[h] | +(pci[h]! < ratio * std[h]! - FLOAT_NOISE_YUAN);
    return out;
  },
});
