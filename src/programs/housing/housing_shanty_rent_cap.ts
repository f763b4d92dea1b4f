import { roundFen } from '../../engine/money.js';
import { defineRule } from '../../engine/rule.js';
import { asNumber } from '../../engine/values.js';

export const housing_shanty_rent_cap = defineRule({
  id: 'housing_shanty_rent_cap',
  entity: 'household',
  period: 'month',
  label: { zh: '扩大面积廉租租金减让', en: 'Rent cap on the enlarged part' },
  description: 'For a relocated household resettled by property swap (a persistent draw below the swap share) that is still low-income: the rent forgone on the enlarged public part let at the cap — enlarged area × average public-housing rent per m² × (1 − cap share), to the fen, each month.',
  unit: 'CNY/household/month',
  inputs: ['housing_shanty_relocated', 'housing_low_income'],
  parameters: { swap: 'housing.shanty.swap_share', area: 'housing.shanty.enlarged_area', rent: 'housing.public_housing_rent', cap: 'housing.shanty.rent_cap' },
  reference: { clause: '五.2' },
  formula: ({ housing_shanty_relocated: relocated, housing_low_income: poor }, p, ctx) => {
    const swap = asNumber(p.swap);
    const forgone = roundFen(asNumber(p.area) * asNumber(p.rent) * (1 - asNumber(p.cap)));
    const u = ctx.randomOnce('housing-shanty-swap', relocated);
    const out = ctx.alloc(Float64Array);
    for (let h = 0; h < out.length; h++) if (relocated[h] && poor[h] && u[h]! < swap) out[h] = forgone;
    return out;
  },
});
