import { defineRule } from '../../engine/rule.js';
import { asNumber } from '../../engine/values.js';

export const elderly_poor = defineRule({
  id: 'elderly_poor',
  entity: 'person',
  period: 'month',
  label: { zh: '城乡困难老年人', en: 'Poor elderly person' },
  description: 'Aged at or above the elderly age, not a wubao person in a home for the elderly (its staff serve him), and either in a household paid dibao this month or in a household of elderly people only whose per-capita counted income is strictly below the line multiple × the local dibao standard (elderly_income_below_line).',
  unit: 'bool',
  inputs: ['age', 'dibao_receives', 'elderly_income_below_line', 'wubao_centralised'],
  parameters: { age: 'elderly.poor.age' },
  reference: { clause: '八.2' },
  formula: ({ age, dibao_receives: onDibaoH, elderly_income_below_line: lowH, wubao_centralised: inHome }, p, ctx) => {
    const limit = asNumber(p.age);
    // One walk over households (members are contiguous): whether every member is elderly, then
    // each member against the household's values, read in place instead of broadcast to persons.
    const size = ctx.agg.householdSize();
    const out = ctx.alloc(Uint8Array);
    for (let h = 0, i = 0; h < size.length; h++) {
      const end = i + size[h]!;
      let onlyElderly = 1;
      for (let q = i; q < end; q++) if (!(age[q]! >= limit)) { onlyElderly = 0; break; }
      for (; i < end; i++) {
        if (!(age[i]! >= limit) || inHome[i]) continue;
        out[i] = onDibaoH[h] || (onlyElderly && lowH[h]) ? 1 : 0;
      }
    }
    return out;
  },
});
