import { defineRule } from '../../engine/rule.js';
import { category } from '../../engine/values.js';

export const land_expropriated_insured = defineRule({
  id: 'land_expropriated_insured',
  entity: 'person',
  period: 'month',
  label: { zh: '被征地农民参保人', en: 'Insured under the scheme' },
  description: 'A member of a covered household aged at or above the minimum working age (of working age or older) who is not employed this month: once employed, the employer insures him (用人单位办理社会保险关系), at no public cost.',
  unit: 'bool',
  inputs: ['land_expropriated_covered', 'age', 'employed'],
  parameters: { ages: 'land_expropriated.working_age' },
  reference: { clause: '八.4' },
  formula: ({ land_expropriated_covered: coveredH, age, employed }, p, ctx) => {
    const covered = ctx.agg.broadcastToPersons(coveredH);
    const lo = category(p.ages, 'min') as number;
    const out = ctx.alloc(Uint8Array);
    for (let i = 0; i < out.length; i++) out[i] = covered[i] && age[i]! >= lo && !employed[i] ? 1 : 0;
    return out;
  },
});
