import { defineRule } from '../../engine/rule.js';

export const education_target_household = defineRule({
  id: 'education_target_household',
  entity: 'household',
  period: 'month',
  label: { zh: '教育救助对象家庭', en: 'Education-assistance target household' },
  description: 'A household whose students education assistance reaches: paid dibao this month, poor (education_poor_household), or in hardship from illness — a member seriously ill (dataset code 2) or a serious illness started within the hardship period (education_in_illness_hardship). Hardship from disaster (因灾) is not modelled yet.',
  unit: 'bool',
  inputs: ['dibao_receives', 'education_poor_household', 'is_seriously_ill', 'education_in_illness_hardship'],
  parameters: {},
  reference: { clause: ['四.1', '四.2', '四.3'] },
  formula: ({ dibao_receives: dibao, education_poor_household: poor, is_seriously_ill: ill, education_in_illness_hardship: hardship }, _p, ctx) => {
    const anyIll = ctx.agg.anyInHousehold(ill);
    const out = ctx.allocFull(Uint8Array);
    for (let h = 0; h < out.length; h++) out[h] = +!!dibao[h] | +!!poor[h] | anyIll[h]! | hardship[h]!;
    return out;
  },
});
