import { defineRule } from '../../engine/rule.js';
import { asColumn } from '../../engine/values.js';

export const disaster_house_destroyed = defineRule({
  id: 'disaster_house_destroyed',
  entity: 'household',
  period: 'month',
  label: { zh: '因灾倒房户', en: 'House destroyed by the disaster' },
  description: 'An affected household whose house the disaster destroys (倒房): a keyed draw below houses destroyed ÷ (affected share × households of the prefecture), at most 1. Houses destroyed (disaster.shock.houses_destroyed) are counted at the scale of the province and the households come from a parameter (disaster.households.count), not from the population simulated, so a sample or chunk gets the same probability.',
  unit: 'bool',
  inputs: ['disaster_affected'],
  parameters: { destroyed: 'disaster.shock.houses_destroyed', share: 'disaster.shock.affected_share', households: 'disaster.households.count' },
  reference: { clause: '十.2' },
  formula: ({ disaster_affected: affected }, p, ctx) => {
    const destroyed = asColumn(p.destroyed, ctx.size, ctx);
    const share = asColumn(p.share, ctx.size, ctx);
    const households = asColumn(p.households, ctx.size, ctx);
    const prob = ctx.alloc(Float64Array);
    const hit = ctx.alloc(Uint8Array);
    for (let h = 0; h < prob.length; h++) {
      const affectedHouseholds = share[h]! * households[h]!;
      if (!affected[h] || destroyed[h]! <= 0 || affectedHouseholds <= 0) continue;
      prob[h] = Math.min(1, destroyed[h]! / affectedHouseholds);
      hit[h] = 1;
    }
    const draw = ctx.random('disaster-house-destroyed', hit);
    const out = ctx.allocFull(Uint8Array);
    for (let h = 0; h < out.length; h++) out[h] = hit[h] && draw[h]! < prob[h]! ? 1 : 0;
    return out;
  },
});
