import { defineRule } from '../../engine/rule.js';
import { asNumber, category } from '../../engine/values.js';

export const education_shuangtesheng = defineRule({
  id: 'education_shuangtesheng',
  entity: 'person',
  period: 'month',
  label: { zh: '双特生', en: '双特生 (excellent and extremely poor student)' },
  description: 'A needy senior high-school student admitted as a 双特生 (品学特优、生活特困): a persistent draw per person (randomOnce) below education.high_school.shuangtesheng_share.',
  unit: 'bool',
  inputs: ['education_needy', 'schooling'],
  parameters: { levels: 'education.schooling_levels', share: 'education.high_school.shuangtesheng_share' },
  reference: { clause: '四.3' },
  formula: ({ education_needy: needy, schooling }, p, ctx) => {
    const senior = asNumber(category(p.levels, 'senior_secondary'));
    const share = asNumber(p.share);
    const pool = ctx.allocFull(Uint8Array);
    for (let i = 0; i < pool.length; i++) pool[i] = +!!needy[i] & +(schooling[i] === senior);
    // Drawn once per person: a student admitted as 双特生 stays one from month to month.
    const u = ctx.randomOnce('education-shuangtesheng', pool);
    const out = ctx.allocFull(Uint8Array);
    for (let i = 0; i < out.length; i++) out[i] = pool[i]! & +(u[i]! < share);
    return out;
  },
});
