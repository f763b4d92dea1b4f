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
    const urbanPremium = asNumber(p.urbanPremium);
    const ruralPremium = asNumber(p.ruralPremium);
    // Members are contiguous: each household's area is read in place, not broadcast to persons.
    const size = ctx.agg.householdSize();
    const out = ctx.alloc(Float64Array);
    for (let h = 0, i = 0; h < size.length; h++) {
      const end = i + size[h]!;
      const premium = urban[h] ? urbanPremium : ruralPremium;
      for (; i < end; i++) if (share[i]! > 0) out[i] = monthlyAccrual(premium * share[i]!);
    }
    return out;
  },
});
