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
    const std = asColumn(p.standard, ctx.size, ctx);
    const elderlyAge = asNumber(p.elderlyAge);
    const rate = asNumber(p.rate);
    // Members counted for the supplement: elderly and disabled each count once (twice if both),
    // tallied per person in one branch-free pass, then summed per household in one more.
    const counted = ctx.alloc(Uint8Array, age.length);
    for (let i = 0; i < age.length; i++) counted[i] = +(age[i]! >= elderlyAge) + +!!disabled[i];
    // The household sums become the result in place (one household array fewer), in the
    // precision of per-capita income (float32 from float32 incomes, else float64).
    const out = pci instanceof Float32Array ? ctx.agg.sumByHousehold(counted, ctx.allocFull(Float32Array)) : ctx.agg.sumByHousehold(counted);
    const size = ctx.agg.householdSize();
    for (let h = 0; h < out.length; h++) {
      const s = std[h]!;
      const gap = s - pci[h]!;
      out[h] = gap > 0 ? gap * size[h]! + out[h]! * rate * s : 0;
    }
    return out;
  },
  // The same, one household at a time (src/engine/fuse.ts): the counted members summed, then the benefit.
  kernel: {
    type: ({ demo_per_capita_income }) => (demo_per_capita_income === Float32Array ? Float32Array : Float64Array),
    sums: { counted: (m, p) => +(m.age! >= p.elderlyAge!) + +!!m.disabled },
    row: (v, p, s) => {
      const gap = p.standard! - v.demo_per_capita_income!;
      return gap > 0 ? gap * s.size! + s.counted! * p.rate! * p.standard! : 0;
    },
  },
});
