import { monthlyAccrual } from '../../engine/money.js';
import { defineRule } from '../../engine/rule.js';
import { asNumber, category } from '../../engine/values.js';

export const education_boarding_subsidy_person = defineRule({
  id: 'education_boarding_subsidy_person',
  entity: 'person',
  period: 'month',
  label: { zh: '寄宿生生活费补助（个人）', en: 'Boarding living subsidy per student' },
  description: 'For a needy BOARDING student of compulsory school age in primary or junior-secondary school: the boarding living subsidy of the level, education.compulsory.boarding_subsidy per year accrued monthly (annual/12 to the fen). Day students get none.',
  unit: 'CNY/person/month',
  inputs: ['education_needy', 'education_compulsory_student', 'schooling', 'boarding'],
  parameters: { levels: 'education.schooling_levels', amount: 'education.compulsory.boarding_subsidy' },
  reference: { clause: '四.1' },
  formula: ({ education_needy: needy, education_compulsory_student: compulsory, schooling, boarding }, p, ctx) => {
    const primary = asNumber(category(p.levels, 'primary'));
    // Monthly accruals of the annual amounts, to the fen.
    const perPrimary = monthlyAccrual(asNumber(category(p.amount, 'primary')));
    const perJunior = monthlyAccrual(asNumber(category(p.amount, 'junior_secondary')));
    const out = ctx.alloc(Float64Array);
    for (let i = 0; i < out.length; i++) {
      if (!needy[i] || !compulsory[i] || !boarding[i]) continue;
      out[i] = schooling[i] === primary ? perPrimary : perJunior;
    }
    return out;
  },
});
