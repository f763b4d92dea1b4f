import { roundFen } from '../../engine/money.js';
import { defineRule } from '../../engine/rule.js';
import { asColumn } from '../../engine/values.js';

export const disaster_rebuild_subsidy = defineRule({
  id: 'disaster_rebuild_subsidy',
  entity: 'household',
  period: 'month',
  label: { zh: '倒房重建补助', en: 'Rebuild subsidy' },
  description: 'One-off subsidy to rebuild a house destroyed this month: disaster.relief.rebuild_subsidy of the household’s area, to the fen, paid in the strike month.',
  unit: 'CNY/household/month',
  inputs: ['disaster_house_destroyed'],
  parameters: { subsidy: 'disaster.relief.rebuild_subsidy' },
  reference: { clause: '十.2' },
  formula: ({ disaster_house_destroyed: destroyed }, p, ctx) => {
    const subsidy = asColumn(p.subsidy, ctx.size, ctx);
    const out = ctx.alloc(Float64Array);
    for (let h = 0; h < out.length; h++) if (destroyed[h]) out[h] = roundFen(subsidy[h]!);
    return out;
  },
});
