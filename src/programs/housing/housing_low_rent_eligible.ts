import { defineRule } from '../../engine/rule.js';
import { asNumber } from '../../engine/values.js';

export const housing_low_rent_eligible = defineRule({
  id: 'housing_low_rent_eligible',
  entity: 'household',
  period: 'month',
  label: { zh: '符合廉租住房保障条件', en: 'Eligible for low-rent housing' },
  description: 'An urban household that is low-income (on dibao or under the housing low-income line), lives in strictly less than the housing-difficulty floor area per person, and whose head has held local urban hukou for at least the minimum years (5 年以上: exactly 5 qualifies). The rule’s verdict; coverage is separate.',
  unit: 'bool',
  inputs: ['urban', 'housing_low_income', 'housing_floor_area_per_person', 'hukou_local_urban_years'],
  parameters: { threshold: 'housing.low_rent.floor_area_threshold', years: 'housing.low_rent.min_hukou_years' },
  reference: { clause: '五.1' },
  formula: ({ urban, housing_low_income: poor, housing_floor_area_per_person: area, hukou_local_urban_years: hukou }, p, ctx) => {
    const threshold = asNumber(p.threshold);
    const years = asNumber(p.years);
    const out = ctx.alloc(Uint8Array, urban.length);
    for (let h = 0; h < out.length; h++) out[h] = urban[h] && poor[h] && area[h]! < threshold && hukou[h]! >= years ? 1 : 0;
    return out;
  },
});
