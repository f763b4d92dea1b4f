import { roundFen } from '../../engine/money.js';
import { defineRule } from '../../engine/rule.js';
import { asColumn, asNumber } from '../../engine/values.js';

export const housing_rent_subsidy = defineRule({
  id: 'housing_rent_subsidy',
  entity: 'household',
  period: 'month',
  label: { zh: '住房租赁补贴', en: 'Rental subsidy' },
  description: 'For a covered household not renting public housing and not allocated a flat: (guaranteed area per person − its floor area per person) × household size × the prefecture’s subsidy per m², to the fen (住房租赁补贴).',
  unit: 'CNY/household/month',
  inputs: ['housing_low_rent_covered', 'housing_in_kind_allocated', 'housing_tenure', 'housing_floor_area_per_person', 'household_size'],
  parameters: { guaranteed: 'housing.low_rent.guaranteed_area', rate: 'housing.low_rent.subsidy_rate' },
  reference: { clause: '五.1' },
  formula: ({ housing_low_rent_covered: covered, housing_in_kind_allocated: inKind, housing_tenure: tenure, housing_floor_area_per_person: area, household_size: n }, p, ctx) => {
    const guaranteed = asNumber(p.guaranteed);
    const rate = asColumn(p.rate, ctx.size, ctx);
    const out = ctx.alloc(Float64Array);
    for (let h = 0; h < out.length; h++) {
      if (!covered[h] || inKind[h] || tenure[h] === 1) continue; // 1: public rental (公房) → rent reduction instead
      out[h] = roundFen(Math.max(0, guaranteed - area[h]!) * n[h]! * rate[h]!);
    }
    return out;
  },
});
