import { defineRule } from '../engine/rule.js';
import { category } from '../engine/values.js';

/** Age groups of the illness rate, youngest first; the last has no upper bound. */
const GROUPS = ['age_0_14', 'age_15_59', 'age_60_74', 'age_75_plus'] as const;

/** 1 where an active person's draw is below the rate of their age group (the first group whose bound is above their age). */
function onsets(on: ArrayLike<number>, age: ArrayLike<number>, u: Float64Array, bounds: Float64Array, rates: Float64Array, out: Uint8Array): Uint8Array {
  const nb = bounds.length;
  // With ascending bounds the group is the number of bounds not above the age, counted
  // without a data-dependent branch.
  let ascending = true;
  for (let g = 1; g < nb; g++) if (!(bounds[g - 1]! <= bounds[g]!)) ascending = false;
  for (let i = 0; i < out.length; i++) {
    if (!on[i]) continue;
    const a = age[i]!;
    let g = 0;
    if (ascending) for (let k = 0; k < nb; k++) g += +!(a < bounds[k]!);
    else while (g < nb && !(a < bounds[g]!)) g++;
    out[i] = u[i]! < rates[g]! ? 1 : 0;
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
    const u = ctx.random('illness', on);
    return onsets(on, age, u, Float64Array.from(bounds), Float64Array.from(rates), ctx.alloc(Uint8Array));
  },
});
