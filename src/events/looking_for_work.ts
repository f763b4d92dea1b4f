import { defineRule } from '../engine/rule.js';
import { category } from '../engine/values.js';

/** Employment code 2 is unemployed, as in the dataset schema. */
const UNEMPLOYED = 2;

export const looking_for_work = defineRule({
  id: 'looking_for_work',
  entity: 'person',
  period: 'month',
  label: { zh: '求职', en: 'Looking for work' },
  description: 'Without a job, of working age, able to work, and in the labour force (unemployed in the data, or had earnings before losing a job).',
  unit: 'bool',
  inputs: ['employed_previous', 'age', 'work_capacity', 'employment', 'earnings'],
  parameters: { ages: 'events.working_age' },
  reference: { clause: '六.1' },
  formula: ({ employed_previous: emp, age, work_capacity: cap, employment, earnings }, p, ctx) => {
    const lo = category(p.ages, 'min') as number;
    const hi = category(p.ages, 'max') as number;
    const out = ctx.allocFull(Uint8Array, emp.length);
    // Every test evaluated and combined bitwise: no data-dependent branches (the reads have no effects).
    for (let i = 0; i < out.length; i++) {
      const a = age[i]!;
      out[i] = +!emp[i] & +(a >= lo) & +(a <= hi) & +(cap[i]! > 0) & (+(employment[i] === UNEMPLOYED) | +(earnings[i]! > 0));
    }
    return out;
  },
});
