import { defineRule } from '../../engine/rule.js';

export const dibao_temporary_medical_need = defineRule({
  id: 'dibao_temporary_medical_need',
  entity: 'household',
  period: 'month',
  label: { zh: '临时救助医疗支出', en: 'Medical cost left for temporary assistance' },
  description: 'The household’s medical cost out of pocket this month less the §三 secondary medical assistance paid for it, at least 0: temporary aid meets what is left after medical assistance (which itself comes after insurance).',
  unit: 'CNY/household/month',
  inputs: ['medical_out_of_pocket', 'medical_secondary_assistance'],
  parameters: {},
  reference: { clause: ['二.2', '三.1'] },
  formula: ({ medical_out_of_pocket: med, medical_secondary_assistance: medAid }, _p, ctx) => {
    const medical = ctx.agg.sumByHousehold(med);
    for (let h = 0; h < medical.length; h++) medical[h] = Math.max(0, medical[h]! - medAid[h]!);
    return medical;
  },
});
