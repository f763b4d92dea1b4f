import { roundFen } from '../../engine/money.js';
import { defineRule } from '../../engine/rule.js';
import { asNumber } from '../../engine/values.js';

export const disabled_house_repair = defineRule({
  id: 'disabled_house_repair',
  entity: 'household',
  period: 'month',
  label: { zh: '农村贫困残疾人危房改造', en: 'Dangerous-house repair for poor disabled households' },
  description: 'The public cost of repairing the house, counted in the month it is repaired (repaired now, not before), to the fen.',
  unit: 'CNY/household/month',
  inputs: ['disabled_house_repaired', 'disabled_house_repaired_previous'],
  parameters: { cost: 'disabled.house_repair.cost_per_house' },
  reference: { clause: '八.3' },
  formula: ({ disabled_house_repaired: repaired, disabled_house_repaired_previous: before }, p, ctx) => {
    const cost = roundFen(asNumber(p.cost));
    const out = ctx.alloc(Float64Array);
    for (let h = 0; h < out.length; h++) if (repaired[h] && !before[h]) out[h] = cost;
    return out;
  },
});
