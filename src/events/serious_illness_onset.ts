import { defineRule } from '../engine/rule.js';
import { category } from '../engine/values.js';

/** Age groups of the illness rate, youngest first; the last has no upper bound. */
const GROUPS = ['age_0_14', 'age_15_59', 'age_60_74', 'age_75_plus'] as const;

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
    const u = ctx.random('illness');
    return Uint8Array.from(u, (x, i) => {
      if (!on[i]) return 0;
      let g = bounds.findIndex((b) => age[i]! < b);
      if (g < 0) g = bounds.length;
      return x < rates[g]! ? 1 : 0;
    });
  },
});
