import { defineRule } from '../../engine/rule.js';
import { asNumber, at, category } from '../../engine/values.js';

/** Income sources as the inclusion rates name them, and the column holding each this month. */
export const SOURCES = [
  ['earnings', 'current_earnings'],
  ['pension', 'pension'],
  ['unemployment_benefit', 'unemployment_benefit'],
  ['farm_business', 'current_farm_income'],
  ['other_transfers', 'other_transfers'],
] as const;

export const counted_income = defineRule({
  id: 'counted_income',
  entity: 'person',
  period: 'month',
  label: { zh: '个人计算收入', en: 'Counted income' },
  description: 'A person’s monthly income as the dibao means test counts it: each source this month times its inclusion rate; the earnings of a newly found job are partly disregarded for the first months (§二.3).',
  unit: 'CNY/person/month',
  inputs: ['current_earnings', 'pension', 'unemployment_benefit', 'current_farm_income', 'other_transfers', 'new_job_months'],
  parameters: { rate: 'dibao.income.inclusion_rate', disregard: 'dibao.reemployment.disregard', months: 'dibao.reemployment.months' },
  reference: { clause: ['二.1', '二.3'] },
  formula: (inp, p, ctx) => {
    const out = new Float64Array(ctx.size);
    for (const [source, column] of SOURCES) {
      const col = inp[column];
      const r = category(p.rate, source);
      for (let i = 0; i < out.length; i++) out[i]! += col[i]! * at(r, i);
    }
    // Re-employment incentive: part of a new job's counted earnings is left out for M months.
    const keep = 1 - asNumber(p.disregard);
    const months = asNumber(p.months);
    const earn = inp.current_earnings;
    const fresh = inp.new_job_months;
    const rEarn = category(p.rate, 'earnings');
    for (let i = 0; i < out.length; i++) {
      if (fresh[i]! > 0 && fresh[i]! <= months) out[i]! -= earn[i]! * at(rEarn, i) * (1 - keep);
    }
    return out;
  },
});
