import { defineRule } from '../../engine/rule.js';
import { at, category } from '../../engine/values.js';

/** Each income source counts in the means test at its inclusion rate (1 − disregard). */
export const SOURCES = ['earnings', 'pension', 'unemployment_benefit', 'farm_business', 'other_transfers'] as const;

export const counted_income = defineRule({
  id: 'counted_income',
  entity: 'person',
  period: 'month',
  label: { zh: '个人计算收入', en: 'Counted income' },
  description: 'A person’s monthly income as the dibao means test counts it: each source times its inclusion rate.',
  unit: 'CNY/person/month',
  inputs: SOURCES,
  parameters: { rate: 'dibao.income.inclusion_rate' },
  reference: { clause: '二.1' },
  formula: (inp, p, ctx) => {
    const out = new Float64Array(ctx.size);
    for (const s of SOURCES) {
      const col = inp[s];
      const r = category(p.rate, s);
      for (let i = 0; i < out.length; i++) out[i]! += col[i]! * at(r, i);
    }
    return out;
  },
});
