import { roundFen } from '../../engine/money.js';
import type { ParamValue } from '../../engine/parameters/resolve.js';
import { defineRule } from '../../engine/rule.js';
import { asNumber, category } from '../../engine/values.js';

/** The category names of a category table, in the parameter's order. */
function categoryNames(p: ParamValue): string[] {
  return typeof p === 'object' && !(p instanceof Float64Array) && !('brackets' in p) ? Object.keys(p) : [];
}

export const medical_secondary_assistance_person = defineRule({
  id: 'medical_secondary_assistance_person',
  entity: 'person',
  period: 'month',
  label: { zh: '医疗再救助（个人）', en: 'Secondary medical assistance per person' },
  description: 'For a target person whose serious illness starts this month: the fixed amount of the drawn disease (按病种定额), at most the cost left out of pocket after the insurance reimbursement (medical_out_of_pocket) and at most what the annual cap leaves after the assistance already paid this calendar year (the year-to-date sum restarts in January), to the fen.',
  unit: 'CNY/person/month',
  inputs: ['medical_secondary_eligible', 'medical_disease_category', 'medical_out_of_pocket', 'medical_secondary_ytd_previous'],
  parameters: { share: 'medical.secondary.disease_share', amount: 'medical.secondary.amount', cap: 'medical.secondary.annual_cap' },
  reference: { clause: '三.1' },
  formula: ({ medical_secondary_eligible: eligible, medical_disease_category: disease, medical_out_of_pocket: oop, medical_secondary_ytd_previous: ytd }, p, ctx) => {
    // Fixed amounts indexed like medical_disease_category: 1 = the share table's first category.
    const amounts = [0, ...categoryNames(p.share).map((name) => asNumber(category(p.amount, name)))];
    const cap = asNumber(p.cap);
    const january = ctx.firstMonthOfYear;
    const out = ctx.alloc(Float64Array);
    for (let i = 0; i < out.length; i++) {
      const k = disease[i]!;
      if (!eligible[i] || !k) continue;
      const paid = january ? 0 : ytd[i]!;
      const v = Math.min(amounts[k] ?? 0, oop[i]!, cap - paid);
      out[i] = v > 0 ? roundFen(v) : 0;
    }
    return out;
  },
});
