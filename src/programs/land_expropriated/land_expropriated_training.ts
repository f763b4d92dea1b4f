import { roundFen } from '../../engine/money.js';
import { defineRule } from '../../engine/rule.js';
import { asNumber } from '../../engine/values.js';

export const land_expropriated_training = defineRule({
  id: 'land_expropriated_training',
  entity: 'household',
  period: 'month',
  label: { zh: '被征地农民免费职业培训', en: 'Free training of land-expropriated farmers' },
  description: 'Members trained this month × the cost of a course (to the fen), paid by the budget: the training is free to the farmer.',
  unit: 'CNY/household/month',
  inputs: ['land_expropriated_trained'],
  parameters: { cost: 'land_expropriated.training.cost_per_trainee' },
  reference: { clause: '八.4' },
  formula: ({ land_expropriated_trained: trained }, p, ctx) => {
    const cost = roundFen(asNumber(p.cost));
    const n = ctx.agg.countByHousehold(trained);
    const out = ctx.allocFull(Float64Array);
    for (let h = 0; h < out.length; h++) out[h] = roundFen(n[h]! * cost);
    return out;
  },
});
