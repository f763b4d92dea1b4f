import { defineRule } from '../../engine/rule.js';

export const dibao_entitlement = defineRule({
  id: 'dibao_entitlement',
  entity: 'household',
  period: 'month',
  label: { zh: '应发低保金', en: 'Dibao entitlement' },
  description: 'Gap benefit + minimum top-up + classified top-up: what an eligible household is owed this month (each part already in fen).',
  unit: 'CNY/household/month',
  inputs: ['dibao_gap_benefit', 'dibao_minimum_top_up', 'dibao_classified_top_up'],
  parameters: {},
  reference: { clause: ['二.1', '二.2'] },
  formula: ({ dibao_gap_benefit: g, dibao_minimum_top_up: m, dibao_classified_top_up: c }, _p, ctx) => {
    const out = ctx.alloc(Float64Array, g.length);
    // Sum in whole fen so the total is exact, then back to yuan.
    for (let h = 0; h < out.length; h++) out[h] = (Math.round(g[h]! * 100) + Math.round(m[h]! * 100) + Math.round(c[h]! * 100)) / 100;
    return out;
  },
});
