import { defineRule } from '../../engine/rule.js';
import { asNumber, category } from '../../engine/values.js';

export const education_compulsory_student = defineRule({
  id: 'education_compulsory_student',
  entity: 'person',
  period: 'month',
  label: { zh: '义务教育阶段学生', en: 'Compulsory-education student' },
  description: 'In primary or junior-secondary school and within the compulsory school age (education.compulsory.school_age, min and max inclusive).',
  unit: 'bool',
  inputs: ['schooling', 'age'],
  parameters: { levels: 'education.schooling_levels', schoolAge: 'education.compulsory.school_age' },
  reference: { clause: '四.1' },
  formula: ({ schooling, age }, p, ctx) => {
    const primary = asNumber(category(p.levels, 'primary'));
    const junior = asNumber(category(p.levels, 'junior_secondary'));
    const min = asNumber(category(p.schoolAge, 'min'));
    const max = asNumber(category(p.schoolAge, 'max'));
    const out = ctx.alloc(Uint8Array);
    for (let i = 0; i < out.length; i++) {
      const s = schooling[i]!;
      const a = age[i]!;
      out[i] = +(s === primary || s === junior) & +(a >= min) & +(a <= max);
    }
    return out;
  },
});
