import { roundFen } from '../../engine/money.js';
import { defineRule } from '../../engine/rule.js';

export const education_vocational_tuition_waiver = defineRule({
  id: 'education_vocational_tuition_waiver',
  entity: 'household',
  period: 'month',
  label: { zh: '中职学费减免', en: 'Secondary vocational tuition waiver' },
  description: 'The household’s education_vocational_tuition_waiver_person summed over members, to the fen.',
  unit: 'CNY/household/month',
  inputs: ['education_vocational_tuition_waiver_person'],
  parameters: {},
  reference: { clause: '四.2' },
  formula: ({ education_vocational_tuition_waiver_person: perPerson }, _p, ctx) => {
    const out = ctx.agg.sumByHousehold(perPerson);
    for (let h = 0; h < out.length; h++) out[h] = roundFen(out[h]!);
    return out;
  },
});
