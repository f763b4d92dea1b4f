import { defineRule } from '../../engine/rule.js';
import { asNumber } from '../../engine/values.js';

export const is_elderly = defineRule({
  id: 'is_elderly',
  entity: 'person',
  period: 'month',
  label: { zh: '老年人', en: 'Elderly' },
  description: 'Aged at or above the elderly age of classified assistance.',
  unit: 'bool',
  inputs: ['age'],
  parameters: { elderlyAge: 'dibao.classified.elderly_age' },
  reference: { clause: '二.2' },
  formula: ({ age }, p, ctx) => {
    const limit = asNumber(p.elderlyAge);
    const out = ctx.alloc(Uint8Array, age.length);
    for (let i = 0; i < out.length; i++) out[i] = age[i]! >= limit ? 1 : 0;
    return out;
  },
});
