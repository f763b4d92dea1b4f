import { defineRule } from '../engine/rule.js';
import { category } from '../engine/values.js';

/** Age groups of the illness rate, youngest first; the last has no upper bound. */
const GROUPS = ['age_0_14', 'age_15_59', 'age_60_74', 'age_75_plus'] as const;

/** Each active person's rate: that of their age group (the first group whose bound is above their age); 0 for the others (not drawn). */
function groupRates(on: ArrayLike<number>, age: ArrayLike<number>, bounds: Float64Array, rates: Float64Array, out: Float64Array): Float64Array {
  const nb = bounds.length;
  // With ascending bounds the group is the number of bounds not above the age, counted
  // without a data-dependent branch.
  let ascending = true;
  for (let g = 1; g < nb; g++) if (!(bounds[g - 1]! <= bounds[g]!)) ascending = false;
  for (let i = 0; i < out.length; i++) {
    if (!on[i]) {
      out[i] = 0;
      continue;
    }
    const a = age[i]!;
    let g = 0;
    if (ascending) for (let k = 0; k < nb; k++) g += +!(a < bounds[k]!);
    else while (g < nb && !(a < bounds[g]!)) g++;
    out[i] = rates[g]!;
  }
  return out;
}

export const serious_illness_onset = defineRule({
  id: 'serious_illness_onset',
  entity: 'person',
  period: 'month',
  label: { zh: '突发重病', en: 'Serious illness onset' },
  description: 'A serious illness episode starts this month, with the monthly rate of the person’s age group.',
  unit: 'bool',
  inputs: ['events_active', 'age'],
  parameters: { rate: 'events.illness.monthly_rate', bounds: 'events.illness.age_groups' },
  reference: { clause: ['二.2', '三.1'] },
  formula: ({ events_active: on, age }, p, ctx) => {
    const bounds = GROUPS.slice(0, -1).map((g) => category(p.bounds, g) as number);
    const rates = GROUPS.map((g) => category(p.rate, g) as number);
    const rate = groupRates(on, age, Float64Array.from(bounds), Float64Array.from(rates), ctx.allocFull(Float64Array));
    return ctx.chance('illness', rate, on);
  },
});
