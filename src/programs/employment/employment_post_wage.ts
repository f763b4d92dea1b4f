import { defineRule } from '../../engine/rule.js';
import { asColumn } from '../../engine/values.js';

export const employment_post_wage = defineRule({
  id: 'employment_post_wage',
  entity: 'person',
  period: 'month',
  label: { zh: '公益性岗位工资', en: 'Public-welfare post wage' },
  description: 'The wage of a public-welfare post holder this month (employment.posts.wage of the area). It is household income: the dibao means test counts it at the earnings inclusion rate in the same month (counted_income), so a post lowers the household’s dibao.',
  unit: 'CNY/person/month',
  inputs: ['employment_post_holder'],
  parameters: { wage: 'employment.posts.wage' },
  reference: { clause: '六.1' },
  formula: ({ employment_post_holder: holder }, p, ctx) => {
    const wage = asColumn(p.wage, ctx.size, ctx);
    const out = ctx.alloc(Float64Array);
    for (let i = 0; i < out.length; i++) if (holder[i]) out[i] = wage[i]!;
    return out;
  },
});
