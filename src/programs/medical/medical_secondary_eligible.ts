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
    const dibao = ctx.agg.broadcastToPersons(onDibao);
    const withDibao = asNumber(p.includeDibao) === 1 ? 1 : 0;
    const out = ctx.alloc(Uint8Array);
    for (let i = 0; i < out.length; i++) out[i] = sanwu[i] || disabled[i] || (withDibao && dibao[i]) ? 1 : 0;
    return out;
  },
});
