import { roundFen } from '../../engine/money.js';
import { defineRule } from '../../engine/rule.js';
import { asNumber } from '../../engine/values.js';

export const housing_rural_aid = defineRule({
  id: 'housing_rural_aid',
  entity: 'household',
  period: 'month',
  label: { zh: '农村困难家庭住房救助', en: 'Rural housing aid' },
  description: 'The whole cost of aiding a house (new build, rebuild or repair), counted in the month the household is aided (aided now, not before), to the fen; the program splits it between the budget, the collective and the household by housing.rural.cost_shares.',
  unit: 'CNY/household/month',
  inputs: ['housing_rural_aided', 'housing_rural_aided_previous'],
  parameters: { cost: 'housing.rural.cost_per_house' },
  reference: { clause: '五.3' },
  formula: ({ housing_rural_aided: aided, housing_rural_aided_previous: before }, p, ctx) => {
    const cost = roundFen(asNumber(p.cost));
    const out = ctx.alloc(Float64Array);
    for (let h = 0; h < out.length; h++) if (aided[h] && !before[h]) out[h] = cost;
    return out;
  },
});
