import type { ParamValue } from '../../engine/parameters/resolve.js';
import { roundFen } from '../../engine/money.js';
import { defineRule } from '../../engine/rule.js';
import { asColumn, asNumber, at, category } from '../../engine/values.js';

/** The category names of a category table, in the parameter's order. */
function categoryNames(p: ParamValue): string[] {
  return typeof p === 'object' && !(p instanceof Float64Array) && !('brackets' in p) ? Object.keys(p) : [];
}

export const medical_discount_card_reduction_person = defineRule({
  id: 'medical_discount_card_reduction_person',
  entity: 'person',
  period: 'month',
  label: { zh: '优惠卡减免（个人）', en: 'Discount-card fee reduction per person' },
  description: 'For a card holder, the fees hospitals waive this month: expected outpatient visits × Σ over registration, treatment and routine tests of fee × reduction rate, plus — in a month a serious illness starts — the episode’s bed-days × standard bed fee × its reduction rate; to the fen. Borne by hospitals.',
  unit: 'CNY/person/month',
  inputs: ['medical_discount_card_holder', 'serious_illness_onset'],
  parameters: {
    visits: 'medical.discount_card.visits',
    fee: 'medical.discount_card.visit_fee',
    bedFee: 'medical.discount_card.bed_fee',
    bedDays: 'medical.discount_card.bed_days',
    rate: 'medical.discount_card.reduction_rate',
  },
  reference: { clause: '三.3' },
  formula: ({ medical_discount_card_holder: holder, serious_illness_onset: onset }, p, ctx) => {
    const visits = asColumn(p.visits, ctx.size, ctx);
    const bedFee = asColumn(p.bedFee, ctx.size, ctx);
    const bedDays = asNumber(p.bedDays);
    const bedRate = asNumber(category(p.rate, 'standard_bed'));
    // Outpatient items: every item with a per-visit fee, reduced at its own rate.
    const items = categoryNames(p.fee).map((name) => ({ fee: category(p.fee, name), rate: asNumber(category(p.rate, name)) }));
    const out = ctx.alloc(Float64Array);
    for (let i = 0; i < out.length; i++) {
      if (!holder[i]) continue;
      let perVisit = 0;
      for (const it of items) perVisit += at(it.fee, i) * it.rate;
      const bed = onset[i] ? bedDays * bedFee[i]! * bedRate : 0;
      out[i] = roundFen(visits[i]! * perVisit + bed);
    }
    return out;
  },
});
