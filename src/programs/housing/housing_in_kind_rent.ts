import { roundFen } from '../../engine/money.js';
import { defineRule } from '../../engine/rule.js';
import { asColumn, asNumber } from '../../engine/values.js';

export const housing_in_kind_rent = defineRule({
  id: 'housing_in_kind_rent',
  entity: 'household',
  period: 'month',
  label: { zh: '实物配租租金补贴', en: 'In-kind allocation (rent-equivalent)' },
  description: 'The monthly cost of an allocated low-rent flat (实物配租): its rent-equivalent — guaranteed area per person × household size × the prefecture’s subsidy per m² (the price of renting a m²) — less the low-rent rent the household pays on it, to the fen.',
  unit: 'CNY/household/month',
  inputs: ['housing_in_kind_allocated', 'household_size'],
  parameters: { guaranteed: 'housing.low_rent.guaranteed_area', rate: 'housing.low_rent.subsidy_rate', rent: 'housing.low_rent.in_kind.tenant_rent' },
  reference: { clause: '五.1' },
  formula: ({ housing_in_kind_allocated: inKind, household_size: n }, p, ctx) => {
    const guaranteed = asNumber(p.guaranteed);
    const rate = asColumn(p.rate, ctx.size, ctx);
    const rent = asNumber(p.rent);
    const out = ctx.alloc(Float64Array);
    for (let h = 0; h < out.length; h++) if (inKind[h]) out[h] = roundFen(guaranteed * n[h]! * Math.max(0, rate[h]! - rent));
    return out;
  },
});
