import { defineRule } from '../../engine/rule.js';
import { asColumn, asNumber } from '../../engine/values.js';

/**
 * Rules 3–6 of W1 fused: eligibility, gap, supplement and total share one pass over
 * households, since each needs the same standard and income (and the peer times them as one).
 */
export const demo_benefit = defineRule({
  id: 'demo_benefit',
  entity: 'household',
  period: 'month',
  label: { zh: '低保金（演示）', en: 'Benefit (demo)' },
  unit: 'CNY/household/month',
  inputs: ['demo_per_capita_income', 'age', 'disabled'],
  parameters: { standard: 'demo.standard', elderlyAge: 'demo.elderly_age', rate: 'demo.classified_rate' },
  reference: { source: 'peer benchmark workload W1, rules 3-6' },
  formula: ({ demo_per_capita_income: pci, age, disabled }, p, ctx) => {
    const std = asColumn(p.standard, ctx.size);
    const elderlyAge = asNumber(p.elderlyAge);
    const rate = asNumber(p.rate);
    const elderly = new Uint8Array(age.length);
    for (let i = 0; i < age.length; i++) elderly[i] = age[i]! >= elderlyAge ? 1 : 0;
    const nElderly = ctx.agg.countByHousehold(elderly);
    const nDisabled = ctx.agg.countByHousehold(disabled);
    const size = ctx.agg.householdSize();
    const out = new Float64Array(ctx.size);
    for (let h = 0; h < out.length; h++) {
      const s = std[h]!;
      const gap = s - pci[h]!;
      if (gap > 0) out[h] = gap * size[h]! + (nElderly[h]! + nDisabled[h]!) * rate * s;
    }
    return out;
  },
});
