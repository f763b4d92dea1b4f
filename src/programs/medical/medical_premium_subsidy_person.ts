import { monthlyAccrual } from '../../engine/money.js';
import { defineRule } from '../../engine/rule.js';
import { asNumber } from '../../engine/values.js';

export const medical_premium_subsidy_person = defineRule({
  id: 'medical_premium_subsidy_person',
  entity: 'person',
  period: 'month',
  label: { zh: '资助参保（个人）', en: 'Premium subsidy per person' },
  description: 'The individual contribution to the urban residents’ basic medical insurance (members of urban households) or to 新农合 (members of rural households) × the person’s subsidy share, accrued monthly: a twelfth of the annual amount, to the fen.',
  unit: 'CNY/person/month',
  inputs: ['medical_premium_subsidy_share', 'urban'],
  parameters: { urbanPremium: 'medical.premium.urban_contribution', ruralPremium: 'medical.premium.ncms_contribution' },
  reference: { clause: '三.1' },
  formula: ({ medical_premium_subsidy_share: share, urban }, p, ctx) => {
    const inTown = ctx.agg.broadcastToPersons(urban);
    const urbanPremium = asNumber(p.urbanPremium);
    const ruralPremium = asNumber(p.ruralPremium);
    const out = ctx.alloc(Float64Array);
    for (let i = 0; i < out.length; i++) if (share[i]! > 0) out[i] = monthlyAccrual((inTown[i] ? urbanPremium : ruralPremium) * share[i]!);
    return out;
  },
});
