import { defineRule } from '../../engine/rule.js';
import { category } from '../../engine/values.js';

export const land_expropriated_trainee = defineRule({
  id: 'land_expropriated_trainee',
  entity: 'person',
  period: 'month',
  label: { zh: '被征地农民培训对象', en: 'Land-expropriated training candidate' },
  description: 'A member of a land-expropriated household of statutory working age (min..max inclusive), able to work (work_capacity > 0), not in school and not employed this month: one who may want a job (有就业要求) and is offered free training.',
  unit: 'bool',
  inputs: ['land_expropriated', 'age', 'work_capacity', 'schooling', 'employed'],
  parameters: { ages: 'land_expropriated.working_age' },
  reference: { clause: '八.4' },
  formula: ({ land_expropriated: landH, age, work_capacity: cap, schooling, employed }, p, ctx) => {
    const land = ctx.agg.broadcastToPersons(landH);
    const lo = category(p.ages, 'min') as number;
    const hi = category(p.ages, 'max') as number;
    const out = ctx.alloc(Uint8Array);
    for (let i = 0; i < out.length; i++) {
      const a = age[i]!;
      out[i] = land[i] && a >= lo && a <= hi && cap[i]! > 0 && schooling[i] === 0 && !employed[i] ? 1 : 0;
    }
    return out;
  },
});
