import { monthlyAccrual, roundFen } from '../../engine/money.js';
import { defineRule } from '../../engine/rule.js';
import { asNumber } from '../../engine/values.js';

export const land_expropriated_insurance = defineRule({
  id: 'land_expropriated_insurance',
  entity: 'household',
  period: 'month',
  label: { zh: '被征地农民养老保险缴费', en: 'Pension contributions of land-expropriated farmers' },
  description: 'Insured members × a twelfth of the annual contribution (to the fen): the whole contribution this month, which the program splits between land-transfer revenue, the collective and the farmer by land_expropriated.insurance.cost_shares.',
  unit: 'CNY/household/month',
  inputs: ['land_expropriated_insured'],
  parameters: { annual: 'land_expropriated.insurance.annual_contribution' },
  reference: { clause: '八.4' },
  formula: ({ land_expropriated_insured: insured }, p, ctx) => {
    const monthly = monthlyAccrual(asNumber(p.annual));
    const n = ctx.agg.countByHousehold(insured);
    const out = ctx.alloc(Float64Array);
    for (let h = 0; h < out.length; h++) out[h] = roundFen(n[h]! * monthly);
    return out;
  },
});
