import { defineRule } from '../../engine/rule.js';
import { asNumber } from '../../engine/values.js';

/** Disability code 2 is severe (重度残疾), as in the dataset schema. */
const SEVERE = 2;

export const wubao_person = defineRule({
  id: 'wubao_person',
  entity: 'person',
  period: 'month',
  label: { zh: '五保对象', en: 'Wubao person' },
  description: 'A member of a rural household (urban = 0) who is 三无 (sanwu = 1: no work capacity, no income, no legal supporter) and elderly (age ≥ elderly age), disabled (any grade, or severe only when so set) or a minor (age < minor age). It reads no dibao rule, so dibao can read it.',
  unit: 'bool',
  inputs: ['urban', 'sanwu', 'age', 'disability'],
  parameters: { elderlyAge: 'wubao.eligibility.elderly_age', minorAge: 'wubao.eligibility.minor_age', severeOnly: 'wubao.eligibility.severe_disability_only' },
  reference: { clause: '八.1' },
  formula: ({ urban, sanwu, age, disability }, p, ctx) => {
    const inTown = ctx.agg.broadcastToPersons(urban);
    const elderly = asNumber(p.elderlyAge);
    const minor = asNumber(p.minorAge);
    const severeOnly = asNumber(p.severeOnly) === 1;
    const out = ctx.alloc(Uint8Array);
    for (let i = 0; i < out.length; i++) {
      if (inTown[i] || !sanwu[i]) continue;
      const a = age[i]!;
      const disabled = severeOnly ? disability[i] === SEVERE : disability[i]! > 0;
      out[i] = a >= elderly || a < minor || disabled ? 1 : 0;
    }
    return out;
  },
});
