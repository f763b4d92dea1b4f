import { boxMuller } from '../../engine/random.js';
import { defineRule } from '../../engine/rule.js';
import { asNumber } from '../../engine/values.js';


export const dibao_observation_factor = defineRule({
  id: 'dibao_observation_factor',
  entity: 'household',
  period: 'year',
  label: { zh: '收入核查偏差系数', en: 'Income observation factor' },
  description: 'Assessed ÷ true income: exp(σ·z) with z standard normal, drawn once per household and year (a review is yearly). Exactly 1 when σ = 0.',
  unit: 'ratio',
  inputs: [],
  parameters: { sigma: 'dibao.implementation.observation_error' },
  reference: { clause: '二.3' },
  formula: (_i, p, ctx) => {
    const sigma = asNumber(p.sigma);
    const out = ctx.allocFull(Float64Array).fill(1);
    if (sigma === 0) return out;
    const u1 = ctx.random('observation-1');
    const u2 = ctx.random('observation-2');
    for (let h = 0; h < out.length; h++) out[h] = Math.exp(sigma * boxMuller(u1[h]!, u2[h]!));
    return out;
  },
});
