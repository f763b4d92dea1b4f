import { defineRule } from '../../engine/rule.js';
import { asColumn } from '../../engine/values.js';

export const dibao_in_force = defineRule({
  id: 'dibao_in_force',
  entity: 'household',
  period: 'month',
  label: { zh: '当地已建立低保制度', en: 'Dibao in force locally' },
  description: 'Whether dibao exists where the household lives this month: always for urban households; for rural ones, a persistent locality draw below the share of the prefecture’s rural population where rural dibao is in force (the draw never changes, so roll-out only adds places).',
  unit: 'bool',
  inputs: ['urban'],
  parameters: { share: 'dibao.eligibility.rural_in_force_share' },
  reference: { clause: '二.1' },
  formula: ({ urban }, p, ctx) => {
    const share = asColumn(p.share, ctx.size, ctx);
    const u = ctx.randomOnce('rural-roll-out');
    const out = ctx.allocFull(Uint8Array);
    for (let h = 0; h < out.length; h++) out[h] = urban[h] || u[h]! < share[h]! ? 1 : 0;
    return out;
  },
});
