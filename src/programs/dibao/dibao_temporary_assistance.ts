import { roundFen } from '../../engine/money.js';
import { defineRule } from '../../engine/rule.js';
import { asNumber } from '../../engine/values.js';

export const dibao_temporary_assistance = defineRule({
  id: 'dibao_temporary_assistance',
  entity: 'household',
  period: 'month',
  label: { zh: '临时救助', en: 'Temporary assistance' },
  description: 'For a shock this month of at least the threshold — medical cost out of pocket less the §三 secondary medical assistance paid for it (medical assistance comes first), plus earnings lost for a household not on dibao (dibao already fills a recipient’s income gap) — in a household whose per-capita income this month (already without the lost job) less the medical cost is below the hardship line, dibao or not: the need, capped at a multiple of the local standard, to the fen (subject to take-up).',
  unit: 'CNY/household/month',
  inputs: ['medical_out_of_pocket', 'medical_secondary_assistance', 'lost_earnings', 'per_capita_counted_income', 'household_size', 'dibao_standard', 'dibao_receives'],
  parameters: { threshold: 'dibao.temporary.minimum_need', line: 'dibao.temporary.hardship_line', cap: 'dibao.temporary.cap_multiple', takeUp: 'dibao.temporary.take_up' },
  reference: { clause: ['二.2', '三.1'] },
  formula: ({ medical_out_of_pocket: med, medical_secondary_assistance: medAid, lost_earnings: lost, per_capita_counted_income: pci, household_size: n, dibao_standard: std, dibao_receives: onDibao }, p, ctx) => {
    // Temporary aid meets what is left after §三 medical assistance (which itself comes after insurance).
    const medical = ctx.agg.sumByHousehold(med);
    for (let h = 0; h < medical.length; h++) medical[h] = Math.max(0, medical[h]! - medAid[h]!);
    const need = Float64Array.from(medical);
    const lostH = ctx.agg.sumByHousehold(lost);
    const threshold = asNumber(p.threshold);
    const line = asNumber(p.line);
    const cap = asNumber(p.cap);
    const takeUp = asNumber(p.takeUp);
    // The shock of each household (into need), and which households have one to assess.
    const shocked = ctx.alloc(Uint8Array);
    for (let h = 0; h < need.length; h++) {
      // This month's income already lacks the lost job, so it is not subtracted again below.
      const shock = (need[h] = need[h]! + (onDibao[h] ? 0 : lostH[h]!));
      shocked[h] = shock < threshold ? 0 : 1;
    }
    const u = ctx.random('temporary-take-up', shocked); // take-up is drawn for those households only
    const out = ctx.alloc(Float64Array);
    for (let h = 0; h < out.length; h++) {
      if (!shocked[h] || u[h]! >= takeUp) continue;
      const shock = need[h]!;
      if (pci[h]! - medical[h]! / n[h]! < line * std[h]!) out[h] = roundFen(Math.min(shock, cap * std[h]!));
    }
    return out;
  },
});
