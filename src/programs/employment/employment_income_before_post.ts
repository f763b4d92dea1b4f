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
    const rates = SOURCES.map(([source]) => category(p.rate, source));
    const cols = SOURCES.map(([, column]) => inp[column]);
    if (rates.every((r) => typeof r === 'number') && cols.every((c) => c instanceof Float64Array)) {
      // The usual case (one rate per source, the sources in float64): one pass, household by
      // household, each member's sources added in order and the members summed in order from 0,
      // exactly the additions of the general path below without its person column and its
      // five passes over it (issue #25).
      const [c0, c1, c2, c3, c4] = cols as Float64Array[];
      const [r0, r1, r2, r3, r4] = rates as number[];
      const size = inp.household_size;
      const members = ctx.agg.householdSize();
      const out = ctx.allocFull(Float64Array);
      for (let h = 0, i = 0; h < out.length; h++) {
        const end = i + members[h]!;
        let sum = 0;
        for (; i < end; i++) {
          let v = 0;
          v += c0![i]! * r0!;
          v += c1![i]! * r1!;
          v += c2![i]! * r2!;
          v += c3![i]! * r3!;
          v += c4![i]! * r4!;
          sum += v;
        }
        out[h] = sum / size[h]!;
      }
      return out;
    }
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
