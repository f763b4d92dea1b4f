import { defineRule } from '../../engine/rule.js';
import { asNumber } from '../../engine/values.js';

export const is_vulnerable_minor = defineRule({
  id: 'is_vulnerable_minor',
  entity: 'person',
  period: 'month',
  label: { zh: '单亲或孤儿家庭未成年人', en: 'Minor in a single-parent or orphan situation' },
  description: 'Under the minor age limit and either an orphan or living in a single-parent household.',
  unit: 'bool',
  inputs: ['age', 'orphan', 'single_parent'],
  parameters: { minorAge: 'dibao.classified.minor_age_limit' },
  reference: { clause: '二.2' },
  formula: ({ age, orphan, single_parent }, p, ctx) => {
    const limit = asNumber(p.minorAge);
    const sp = ctx.agg.broadcastToPersons(single_parent);
    const out = ctx.alloc(Uint8Array, age.length);
    for (let i = 0; i < out.length; i++) out[i] = +(age[i]! < limit) & (+!!orphan[i] | +!!sp[i]);
    return out;
  },
});
