import { roundFen } from '../../engine/money.js';
import { defineRule } from '../../engine/rule.js';
import { asColumn, asNumber } from '../../engine/values.js';

export const dibao_price_subsidy = defineRule({
  id: 'dibao_price_subsidy',
  entity: 'household',
  period: 'month',
  label: { zh: '价格临时补贴', en: 'Price subsidy' },
  description: 'While the mechanism is on, each member of a household paid dibao gets the larger of the fixed amount and the standard × the price rise of a poor household’s basket (food share × food rise + the rest × CPI rise), to the fen per household — compensation “according to the degree of impact”.',
  unit: 'CNY/household/month',
  inputs: ['price_subsidy_triggered', 'food_price_rise', 'cpi_price_rise', 'dibao_receives', 'dibao_standard', 'household_size'],
  parameters: { share: 'dibao.price_subsidy.food_share', fixed: 'dibao.price_subsidy.fixed_amount' },
  reference: { clause: '二.2' },
  formula: ({ price_subsidy_triggered: on, food_price_rise: food, cpi_price_rise: cpi, dibao_receives: r, dibao_standard: std, household_size: n }, p, ctx) => {
    const share = asNumber(p.share);
    const fixed = asColumn(p.fixed, ctx.size, ctx);
    const out = ctx.alloc(Float64Array, on.length);
    for (let h = 0; h < out.length; h++) {
      const basket = share * food[h]! + (1 - share) * cpi[h]!;
      if (on[h] && r[h]) out[h] = roundFen(Math.max(std[h]! * Math.max(0, basket), fixed[h]!) * n[h]!);
    }
    return out;
  },
});
