import { monthlyAccrual } from '../../engine/money.js';
import { defineRule } from '../../engine/rule.js';
import { asNumber, category } from '../../engine/values.js';

export const education_free_textbooks_person = defineRule({
  id: 'education_free_textbooks_person',
  entity: 'person',
  period: 'month',
  label: { zh: '免书本费（个人）', en: 'Free textbooks per student' },
  description: 'For a needy student of compulsory school age in primary or junior-secondary school: the free textbooks of the level, education.compulsory.textbooks per year accrued monthly (annual/12 to the fen).',
  unit: 'CNY/person/month',
  inputs: ['education_needy', 'education_compulsory_student', 'schooling'],
  parameters: { levels: 'education.schooling_levels', amount: 'education.compulsory.textbooks' },
  reference: { clause: '四.1' },
  formula: ({ education_needy: needy, education_compulsory_student: compulsory, schooling }, p, ctx) => {
    const primary = asNumber(category(p.levels, 'primary'));
    // Monthly accruals of the annual amounts, to the fen.
    const perPrimary = monthlyAccrual(asNumber(category(p.amount, 'primary')));
    const perJunior = monthlyAccrual(asNumber(category(p.amount, 'junior_secondary')));
    const out = ctx.alloc(Float64Array);
    for (let i = 0; i < out.length; i++) {
      if (!needy[i] || !compulsory[i]) continue;
      out[i] = schooling[i] === primary ? perPrimary : perJunior;
    }
    return out;
  },
});
