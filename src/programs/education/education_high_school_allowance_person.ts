import { monthlyAccrual } from '../../engine/money.js';
import { defineRule } from '../../engine/rule.js';
import { asNumber, category } from '../../engine/values.js';

export const education_high_school_allowance_person = defineRule({
  id: 'education_high_school_allowance_person',
  entity: 'person',
  period: 'month',
  label: { zh: '高中学习生活补助（个人）', en: 'High-school allowance per student' },
  description: 'For a needy senior high-school student: the study and living allowance (学习和生活补助), education.high_school.allowance per year accrued monthly (annual/12 to the fen).',
  unit: 'CNY/person/month',
  inputs: ['education_needy', 'schooling'],
  parameters: { levels: 'education.schooling_levels', allowance: 'education.high_school.allowance' },
  reference: { clause: '四.3' },
  formula: ({ education_needy: needy, schooling }, p, ctx) => {
    const senior = asNumber(category(p.levels, 'senior_secondary'));
    const monthly = monthlyAccrual(asNumber(p.allowance));
    const out = ctx.alloc(Float64Array);
    for (let i = 0; i < out.length; i++) if (needy[i] && schooling[i] === senior) out[i] = monthly;
    return out;
  },
});
