import type { ParamValue } from '../../engine/parameters/resolve.js';
import { defineRule } from '../../engine/rule.js';
import { asNumber, category } from '../../engine/values.js';

/** The category names of a category table, in the parameter's order. */
function categoryNames(p: ParamValue): string[] {
  return typeof p === 'object' && !(p instanceof Float64Array) && !('brackets' in p) ? Object.keys(p) : [];
}

export const medical_disease_category = defineRule({
  id: 'medical_disease_category',
  entity: 'person',
  period: 'month',
  label: { zh: '重病病种', en: 'Disease of the serious episode' },
  description: 'In a month a serious illness starts, the disease of the fixed-amount list (按病种), drawn with the list’s incidence shares: 1 for the first category of medical.secondary.disease_share, 2 for the second, …; 0 without an onset.',
  unit: 'index',
  inputs: ['serious_illness_onset'],
  parameters: { share: 'medical.secondary.disease_share' },
  reference: { clause: '三.1' },
  formula: ({ serious_illness_onset: onset }, p, ctx) => {
    const shares = categoryNames(p.share).map((name) => asNumber(category(p.share, name)));
    let total = 0;
    for (const s of shares) total += s;
    // Only those falling ill this month draw a disease.
    const u = ctx.random('medical-disease', onset);
    const out = ctx.alloc(Uint8Array);
    for (let i = 0; i < out.length; i++) {
      if (!onset[i]) continue;
      // The first category whose cumulative share exceeds the draw; the last catches rounding.
      const x = u[i]! * total;
      let k = 0;
      let cumulative = shares[0] ?? 0;
      while (k < shares.length - 1 && !(x < cumulative)) cumulative += shares[++k]!;
      out[i] = k + 1;
    }
    return out;
  },
});
