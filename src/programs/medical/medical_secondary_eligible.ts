import { defineRule } from '../../engine/rule.js';
import { asNumber } from '../../engine/values.js';

export const medical_secondary_eligible = defineRule({
  id: 'medical_secondary_eligible',
  entity: 'person',
  period: 'month',
  label: { zh: '再救助对象', en: 'Target of secondary medical assistance' },
  description: 'A 三无 person, a severely disabled person, or — where medical.secondary.include_dibao says so — a member of a household paid dibao.',
  unit: 'bool',
  inputs: ['sanwu', 'is_severely_disabled', 'dibao_receives'],
  parameters: { includeDibao: 'medical.secondary.include_dibao' },
  reference: { clause: '三.1' },
  formula: ({ sanwu, is_severely_disabled: disabled, dibao_receives: onDibao }, p, ctx) => {
    const withDibao = asNumber(p.includeDibao) === 1 ? 1 : 0;
    // Members are contiguous: each household's dibao is read in place, not broadcast to persons.
    const size = ctx.agg.householdSize();
    const out = ctx.alloc(Uint8Array);
    for (let h = 0, i = 0; h < size.length; h++) {
      const end = i + size[h]!;
      const dibao = onDibao[h];
      for (; i < end; i++) out[i] = sanwu[i] || disabled[i] || (withDibao && dibao) ? 1 : 0;
    }
    return out;
  },
});
