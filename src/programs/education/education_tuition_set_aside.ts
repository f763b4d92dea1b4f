import { monthlyAccrual, roundFen } from '../../engine/money.js';
import { defineRule } from '../../engine/rule.js';
import { asNumber, category } from '../../engine/values.js';

export const education_tuition_set_aside = defineRule({
  id: 'education_tuition_set_aside',
  entity: 'household',
  period: 'month',
  label: { zh: '高校学费10%救助资金', en: 'Universities’ 10% tuition set-aside' },
  description: 'Funds the household’s tertiary students bring to the set-aside: for EVERY tertiary student, needy or not, education.higher.set_aside_rate × education.higher.tuition per year, accrued monthly (annual/12 to the fen), summed over members.',
  unit: 'CNY/household/month',
  inputs: ['schooling'],
  parameters: { levels: 'education.schooling_levels', tuition: 'education.higher.tuition', rate: 'education.higher.set_aside_rate' },
  reference: { clause: '四.3' },
  formula: ({ schooling }, p, ctx) => {
    const tertiary = asNumber(category(p.levels, 'tertiary'));
    const monthly = monthlyAccrual(asNumber(p.rate) * asNumber(p.tuition));
    const student = ctx.alloc(Float64Array, schooling.length);
    for (let i = 0; i < student.length; i++) student[i] = schooling[i] === tertiary ? monthly : 0;
    const out = ctx.agg.sumByHousehold(student);
    for (let h = 0; h < out.length; h++) out[h] = roundFen(out[h]!);
    return out;
  },
});
