import { defineRule } from '../../engine/rule.js';
import { asColumn, asNumber } from '../../engine/values.js';

export const disaster_affected = defineRule({
  id: 'disaster_affected',
  entity: 'household',
  period: 'month',
  label: { zh: '受灾户', en: 'Affected by a disaster' },
  description: 'Hit by a disaster striking its prefecture this month: a keyed draw below the probability of its area. With s the prefecture’s affected share (disaster.shock.affected_share), u its urban share of households and r the rural share of affected households (disaster.relief.rural_share): rural p = s × r ÷ (1 − u), urban p = s × (1 − r) ÷ u, so that s of the prefecture’s households are affected, r of them rural; a probability above 1 is 1 and the excess spills to the other area ((s − (1 − u)) ÷ u for urban households when every rural one is hit, and the reverse).',
  unit: 'bool',
  inputs: ['urban'],
  parameters: { share: 'disaster.shock.affected_share', urbanShare: 'disaster.households.urban_share', ruralShare: 'disaster.relief.rural_share' },
  reference: { clause: '十.2' },
  formula: ({ urban }, p, ctx) => {
    const share = asColumn(p.share, ctx.size, ctx);
    const u = asColumn(p.urbanShare, ctx.size, ctx);
    const r = asNumber(p.ruralShare);
    const prob = ctx.alloc(Float64Array);
    const hit = ctx.alloc(Uint8Array);
    for (let h = 0; h < prob.length; h++) {
      const s = share[h]!;
      if (s <= 0) continue;
      const uh = u[h]!;
      // Probabilities of the rural and urban households of the prefecture; an area without households takes none.
      let pr = uh < 1 ? (s * r) / (1 - uh) : 0;
      let pu = uh > 0 ? (s * (1 - r)) / uh : 0;
      if (pr > 1) { pr = 1; pu = uh > 0 ? (s - (1 - uh)) / uh : 0; }
      else if (pu > 1) { pu = 1; pr = uh < 1 ? (s - uh) / (1 - uh) : 0; }
      prob[h] = urban[h] ? pu : pr;
      hit[h] = prob[h]! > 0 ? 1 : 0;
    }
    const draw = ctx.random('disaster-affected', hit);
    const out = ctx.allocFull(Uint8Array);
    for (let h = 0; h < out.length; h++) out[h] = hit[h] && draw[h]! < prob[h]! ? 1 : 0;
    return out;
  },
});
