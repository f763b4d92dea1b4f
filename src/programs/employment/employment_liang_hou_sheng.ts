import { defineRule } from '../../engine/rule.js';
import { category } from '../../engine/values.js';

/** Dataset code of `schooling` for a person not in school. */
const NOT_IN_SCHOOL = 0;

export const employment_liang_hou_sheng = defineRule({
  id: 'employment_liang_hou_sheng',
  entity: 'person',
  period: 'month',
  label: { zh: '农村“两后生”', en: 'Rural 两后生' },
  description: 'A rural young person who left school after junior or senior secondary (未升入上一级学校的初高中毕业生): a member of a rural household, aged within employment.training.liang_hou_sheng_age (inclusive), not in school (schooling 0) and able to work (work_capacity ≥ 1). The data records current schooling only, so leaving school is read from not being in school at that age.',
  unit: 'bool',
  inputs: ['urban', 'age', 'schooling', 'work_capacity'],
  parameters: { ages: 'employment.training.liang_hou_sheng_age' },
  reference: { clause: '六.1' },
  formula: ({ urban, age, schooling, work_capacity: cap }, p, ctx) => {
    const lo = category(p.ages, 'min') as number;
    const hi = category(p.ages, 'max') as number;
    const isUrban = ctx.agg.broadcastToPersons(urban);
    const out = ctx.alloc(Uint8Array);
    for (let i = 0; i < out.length; i++) {
      const a = age[i]!;
      out[i] = +!isUrban[i] & +(a >= lo) & +(a <= hi) & +(schooling[i] === NOT_IN_SCHOOL) & +(cap[i]! > 0);
    }
    return out;
  },
});
