import { monthlyAccrual } from '../../engine/money.js';
import { defineRule } from '../../engine/rule.js';
import { asNumber, category } from '../../engine/values.js';

export const education_tertiary_aid_person = defineRule({
  id: 'education_tertiary_aid_person',
  entity: 'person',
  period: 'month',
  label: { zh: '高校困难学生救助需求（个人）', en: 'Aid need per needy tertiary student' },
  description: 'For a needy tertiary student: the aid needed from the universities’ tuition set-aside, education.higher.aid_need per year accrued monthly (annual/12 to the fen). This is need: the account tuitionSetAside pays it only up to the set-aside funds.',
  unit: 'CNY/person/month',
  inputs: ['education_needy', 'schooling'],
  parameters: { levels: 'education.schooling_levels', need: 'education.higher.aid_need' },
  reference: { clause: '四.3' },
  formula: ({ education_needy: needy, schooling }, p, ctx) => {
    const tertiary = asNumber(category(p.levels, 'tertiary'));
    const monthly = monthlyAccrual(asNumber(p.need));
    const out = ctx.alloc(Float64Array);
    for (let i = 0; i < out.length; i++) if (needy[i] && schooling[i] === tertiary) out[i] = monthly;
    return out;
  },
});
