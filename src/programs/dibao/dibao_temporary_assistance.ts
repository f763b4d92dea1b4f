import { defineRule } from '../../engine/rule.js';
import { asNumber } from '../../engine/values.js';

export const dibao_temporary_assistance = defineRule({
  id: 'dibao_temporary_assistance',
  entity: 'household',
  period: 'month',
  label: { zh: '临时救助', en: 'Temporary assistance' },
  description: 'For a shock this month of at least the threshold (dibao_temporary_shock: medical cost out of pocket less the §三 secondary medical assistance paid for it — medical assistance comes first — plus earnings lost for a household not on dibao) in a household whose per-capita income this month (already without the lost job) less the medical cost is below the hardship line (dibao_temporary_hardship), dibao or not: the need, capped at a multiple of the local standard, to the fen (dibao_temporary_capped_shock), subject to take-up.',
  unit: 'CNY/household/month',
  inputs: ['dibao_temporary_shock', 'dibao_temporary_hardship', 'dibao_temporary_capped_shock'],
  parameters: { threshold: 'dibao.temporary.minimum_need', takeUp: 'dibao.temporary.take_up' },
  reference: { clause: ['二.2', '三.1'] },
  formula: ({ dibao_temporary_shock: shock, dibao_temporary_hardship: hardship, dibao_temporary_capped_shock: capped }, p, ctx) => {
    const threshold = asNumber(p.threshold);
    const takeUp = asNumber(p.takeUp);
    // Which households have a shock to assess.
    const shocked = ctx.alloc(Uint8Array);
    for (let h = 0; h < shocked.length; h++) shocked[h] = shock[h]! < threshold ? 0 : 1;
    const u = ctx.random('temporary-take-up', shocked); // take-up is drawn for those households only
    const out = ctx.alloc(Float64Array);
    for (let h = 0; h < out.length; h++) {
      if (!shocked[h] || u[h]! >= takeUp) continue;
      if (hardship[h]) out[h] = capped[h]!;
    }
    return out;
  },
});
