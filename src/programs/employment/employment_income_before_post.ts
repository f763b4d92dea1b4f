import { defineRule } from '../../engine/rule.js';
import { at, category } from '../../engine/values.js';
import { SOURCES } from '../dibao/counted_income.js';

export const employment_income_before_post = defineRule({
  id: 'employment_income_before_post',
  entity: 'household',
  period: 'month',
  label: { zh: '岗位前家庭人均计算收入', en: 'Per-capita counted income before posts' },
  description: 'The household’s per-capita income as the dibao means test counts it (each source this month × its inclusion rate, ÷ household size) WITHOUT any public-welfare post wage, and without the dibao re-employment disregard (a small simplification: that disregard only lowers the income of dibao families with a new job). Public-welfare posts are targeted and allocated on it, so the post wage, which feeds dibao, never feeds back into who gets a post.',
  unit: 'CNY/person/month',
  inputs: ['current_earnings', 'pension', 'unemployment_benefit', 'current_farm_income', 'other_transfers', 'household_size'],
  parameters: { rate: 'dibao.income.inclusion_rate' },
  reference: { clause: ['六.1', '二.1'] },
  formula: (inp, p, ctx) => {
    const n = inp.current_earnings.length;
    const counted = ctx.alloc(Float64Array, n);
    for (const [source, column] of SOURCES) {
      const col = inp[column];
      const r = category(p.rate, source);
      for (let i = 0; i < n; i++) counted[i]! += col[i]! * at(r, i);
    }
    const total = ctx.agg.sumByHousehold(counted);
    const size = inp.household_size;
    for (let h = 0; h < total.length; h++) total[h] = total[h]! / size[h]!;
    return total;
  },
});
