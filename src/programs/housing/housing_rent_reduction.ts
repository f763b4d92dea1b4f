import { roundFen } from '../../engine/money.js';
import { defineRule } from '../../engine/rule.js';
import { asNumber, category } from '../../engine/values.js';

export const housing_rent_reduction = defineRule({
  id: 'housing_rent_reduction',
  entity: 'household',
  period: 'month',
  label: { zh: '公房租金减免', en: 'Public-housing rent reduction' },
  description: 'For a covered household renting public housing (housing_tenure 1): its public rent — floor area per person × household size × the average public-housing rent per m² — times the reduction share (dibao households: dibao share, others: other share), to the fen (租金减免).',
  unit: 'CNY/household/month',
  inputs: ['housing_low_rent_covered', 'housing_tenure', 'housing_floor_area_per_person', 'household_size', 'dibao_receives'],
  parameters: { rent: 'housing.public_housing_rent', share: 'housing.low_rent.rent_reduction.share' },
  reference: { clause: '五.1' },
  formula: ({ housing_low_rent_covered: covered, housing_tenure: tenure, housing_floor_area_per_person: area, household_size: n, dibao_receives: onDibao }, p, ctx) => {
    const rent = asNumber(p.rent);
    const dibaoShare = asNumber(category(p.share, 'dibao'));
    const otherShare = asNumber(category(p.share, 'other'));
    const out = ctx.alloc(Float64Array);
    for (let h = 0; h < out.length; h++) {
      if (!covered[h] || tenure[h] !== 1) continue; // 1: public rental (公房)
      out[h] = roundFen(area[h]! * n[h]! * rent * (onDibao[h] ? dibaoShare : otherShare));
    }
    return out;
  },
});
