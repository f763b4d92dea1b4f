import { monthlyAccrual } from '../../engine/money.js';
import { defineRule } from '../../engine/rule.js';
import { asNumber, category } from '../../engine/values.js';

export const education_vocational_grant_person = defineRule({
  id: 'education_vocational_grant_person',
  entity: 'person',
  period: 'month',
  label: { zh: '中职助学金（个人）', en: 'Secondary vocational grant per student' },
  description: 'For a needy secondary vocational student: the grant (助学金), education.vocational.grant per year accrued monthly (annual/12 to the fen).',
  unit: 'CNY/person/month',
  inputs: ['education_needy', 'schooling'],
  parameters: { levels: 'education.schooling_levels', grant: 'education.vocational.grant' },
  reference: { clause: '四.2' },
  formula: ({ education_needy: needy, schooling }, p, ctx) => {
    const vocational = asNumber(category(p.levels, 'vocational'));
    const monthly = monthlyAccrual(asNumber(p.grant));
    const out = ctx.alloc(Float64Array);
    for (let i = 0; i < out.length; i++) if (needy[i] && schooling[i] === vocational) out[i] = monthly;
    return out;
  },
});
