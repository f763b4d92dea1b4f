import { monthlyAccrual } from '../../engine/money.js';
import { defineRule } from '../../engine/rule.js';
import { asNumber, category } from '../../engine/values.js';

export const education_vocational_tuition_waiver_person = defineRule({
  id: 'education_vocational_tuition_waiver_person',
  entity: 'person',
  period: 'month',
  label: { zh: '中职学费减免（个人）', en: 'Secondary vocational tuition waiver per student' },
  description: 'For a secondary vocational student of the focus groups of §四.2 — urban: from a household paid dibao (城市低保户); rural: needy (农村家庭困难学生) — the waived tuition, education.vocational.tuition × education.vocational.tuition_waiver_rate per year, accrued monthly (annual/12 to the fen).',
  unit: 'CNY/person/month',
  inputs: ['education_needy', 'dibao_receives', 'urban', 'schooling'],
  parameters: { levels: 'education.schooling_levels', tuition: 'education.vocational.tuition', rate: 'education.vocational.tuition_waiver_rate' },
  reference: { clause: '四.2' },
  formula: ({ education_needy: needy, dibao_receives: dibao, urban, schooling }, p, ctx) => {
    const vocational = asNumber(category(p.levels, 'vocational'));
    const monthly = monthlyAccrual(asNumber(p.tuition) * asNumber(p.rate));
    // Members are contiguous: each household's flags are read in place, not broadcast to persons.
    const size = ctx.agg.householdSize();
    const out = ctx.alloc(Float64Array);
    for (let h = 0, i = 0; h < size.length; h++) {
      const end = i + size[h]!;
      const isUrban = urban[h];
      const onDibao = dibao[h];
      for (; i < end; i++) {
        if (schooling[i] !== vocational) continue;
        const focus = isUrban ? onDibao : needy[i];
        if (focus) out[i] = monthly;
      }
    }
    return out;
  },
});
