import { roundFen } from '../../engine/money.js';
import { defineRule } from '../../engine/rule.js';

export const education_tertiary_aid = defineRule({
  id: 'education_tertiary_aid',
  entity: 'household',
  period: 'month',
  label: { zh: '高校困难学生救助', en: 'Aid to needy tertiary students' },
  description: 'The aid needed by the household’s needy tertiary students (education_tertiary_aid_person summed over members, to the fen): the need of the account tuitionSetAside, paid from the set-aside up to its funds in the cell; need beyond the funds is not paid.',
  unit: 'CNY/household/month',
  inputs: ['education_tertiary_aid_person'],
  parameters: {},
  reference: { clause: '四.3' },
  formula: ({ education_tertiary_aid_person: perPerson }, _p, ctx) => {
    const out = ctx.agg.sumByHousehold(perPerson);
    for (let h = 0; h < out.length; h++) out[h] = roundFen(out[h]!);
    return out;
  },
});
