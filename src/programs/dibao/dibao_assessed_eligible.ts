import { FLOAT_NOISE_YUAN } from '../../engine/money.js';
import { defineRule } from '../../engine/rule.js';
import { asNumber } from '../../engine/values.js';

export const dibao_assessed_eligible = defineRule({
  id: 'dibao_assessed_eligible',
  entity: 'household',
  period: 'month',
  label: { zh: '核定符合低保条件', en: 'Assessed eligible' },
  description: 'Eligible as the means test sees it: assessed per-capita income strictly below the standard, and not a wubao household (every member a 五保 person, supported by programs.wubao instead, §八.1) unless wubao.dibao_allowed; the hukou condition and the local roll-out apply as in dibao_eligible (they are not assessed with error). Equals dibao_eligible when the means test is exact, except for wubao households.',
  unit: 'bool',
  inputs: ['dibao_assessed_income', 'dibao_standard', 'wubao_household', 'dibao_local_hukou', 'dibao_in_force'],
  parameters: { wubaoAllowed: 'wubao.dibao_allowed' },
  reference: { clause: ['二.1', '二.3', '八.1'] },
  formula: ({ dibao_assessed_income: inc, dibao_standard: std, wubao_household: wubao, dibao_local_hukou: hukou, dibao_in_force: inForce }, p, ctx) => {
    const excludeWubao = asNumber(p.wubaoAllowed) !== 1;
    const out = ctx.alloc(Uint8Array, inc.length);
    for (let h = 0; h < out.length; h++) out[h] = inc[h]! < std[h]! - FLOAT_NOISE_YUAN && !(excludeWubao && wubao[h]) && hukou[h] && inForce[h] ? 1 : 0;
    return out;
  },
});
