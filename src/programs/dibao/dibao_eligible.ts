import { FLOAT_NOISE_YUAN } from '../../engine/money.js';
import { defineRule } from '../../engine/rule.js';
import { asNumber } from '../../engine/values.js';

export const dibao_eligible = defineRule({
  id: 'dibao_eligible',
  entity: 'household',
  period: 'month',
  label: { zh: '符合低保条件', en: 'Eligible for dibao' },
  description: 'Per-capita counted income strictly below the local standard, and not a wubao household (every member a 五保 person, supported by programs.wubao instead, §八.1) unless wubao.dibao_allowed; an urban household must pass the hukou condition (dibao_local_hukou) and rural dibao must be in force where the household lives (dibao_in_force). This is the rule’s verdict; receipt is separate.',
  unit: 'bool',
  inputs: ['per_capita_counted_income', 'dibao_standard', 'wubao_household', 'dibao_local_hukou', 'dibao_in_force'],
  parameters: { wubaoAllowed: 'wubao.dibao_allowed' },
  reference: { clause: ['二.1', '八.1'] },
  // Strictly below, beyond float noise: a household exactly at the standard is not eligible.
  formula: ({ per_capita_counted_income: pci, dibao_standard: std, wubao_household: wubao, dibao_local_hukou: hukou, dibao_in_force: inForce }, p, ctx) => {
    // A wubao household is not the dibao's to cover (no double counting), so targeting does not count it as excluded.
    const excludeWubao = asNumber(p.wubaoAllowed) !== 1;
    const out = ctx.alloc(Uint8Array, pci.length);
    for (let h = 0; h < out.length; h++) out[h] = pci[h]! < std[h]! - FLOAT_NOISE_YUAN && !(excludeWubao && wubao[h]) && hukou[h] && inForce[h] ? 1 : 0;
    return out;
  },
});
