import { defineRule } from '../../engine/rule.js';
import { asNumber, at, category } from '../../engine/values.js';

/** Special-hardship categories, in the order of the parameter's categories. */
const CATEGORIES = [
  ['elderly', 'is_elderly'],
  ['severely_disabled', 'is_severely_disabled'],
  ['seriously_ill', 'is_seriously_ill'],
  ['minor_vulnerable', 'is_vulnerable_minor'],
] as const;

export const dibao_classified_top_up_person = defineRule({
  id: 'dibao_classified_top_up_person',
  entity: 'person',
  period: 'month',
  label: { zh: '分类施保（个人）', en: 'Classified top-up per person' },
  description: 'For members of households paid dibao: rate × standard (dibao_classified_standard, the local standard where a member is in a category) + amount of each category the person is in; the largest one, or the sum if cumulative.',
  unit: 'CNY/person/month',
  inputs: ['dibao_receives', 'dibao_classified_standard', 'is_elderly', 'is_severely_disabled', 'is_seriously_ill', 'is_vulnerable_minor'],
  parameters: { rate: 'dibao.classified.rate', amount: 'dibao.classified.amount', cumulative: 'dibao.classified.cumulative' },
  reference: { clause: '二.2' },
  formula: (inp, p, ctx) => {
    const paid = inp.dibao_receives;
    const std = inp.dibao_classified_standard;
    const sum = asNumber(p.cumulative) === 1;
    const out = ctx.alloc(Float64Array);
    // Each category's flag, rate and amount; a rate or amount is one number or one per person.
    const cats = CATEGORIES.map(([name, flagId]) => ({ flag: inp[flagId], rate: category(p.rate, name), amount: category(p.amount, name) }));
    // Only members of paid households get a top-up. Categories apply in order, as listed.
    // Members are contiguous: a household not paid is passed over whole, its flag read in place.
    const size = ctx.agg.householdSize();
    for (let h = 0, i = 0; h < size.length; h++) {
      const end = i + size[h]!;
      if (!paid[h]) {
        i = end;
        continue;
      }
      const s = std[h]!; // the household's standard: any member in a category has one
      for (; i < end; i++) {
        let top = 0;
        for (const c of cats) {
          if (!c.flag[i]) continue;
          const v = at(c.rate, i) * s + at(c.amount, i);
          top = sum ? top + v : Math.max(top, v);
        }
        out[i] = top;
      }
    }
    return out;
  },
});
