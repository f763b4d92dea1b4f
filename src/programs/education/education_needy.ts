import { defineRule } from '../../engine/rule.js';

export const education_needy = defineRule({
  id: 'education_needy',
  entity: 'person',
  period: 'month',
  label: { zh: '教育救助对象', en: 'Needy for education assistance' },
  description: 'A member of a target household, or an orphan, or a disabled person (any disability code): orphans and disabled students (孤残学生) qualify individually, whatever their household’s income.',
  unit: 'bool',
  inputs: ['education_target_household', 'orphan', 'disability'],
  parameters: {},
  reference: { clause: ['四.1', '四.3'] },
  formula: ({ education_target_household: target, orphan, disability }, _p, ctx) => {
    // Members are contiguous: each household's flag is read in place, not broadcast to persons.
    const size = ctx.agg.householdSize();
    const out = ctx.alloc(Uint8Array);
    for (let h = 0, i = 0; h < size.length; h++) {
      const end = i + size[h]!;
      const t = +!!target[h];
      for (; i < end; i++) out[i] = t | +!!orphan[i] | +(disability[i]! > 0);
    }
    return out;
  },
});
