import { defineRule } from '../../engine/rule.js';

export const employment_recipient = defineRule({
  id: 'employment_recipient',
  entity: 'person',
  period: 'month',
  label: { zh: '就业援助受益人', en: 'Employment-support recipient' },
  description: 'A person who benefits from §六 this month: holds a re-employment certificate (free job assistance), holds a public-welfare post, or is trained with a subsidy.',
  unit: 'bool',
  inputs: ['employment_certificate_holder', 'employment_post_holder', 'employment_trained'],
  parameters: {},
  reference: { clause: '六.1' },
  formula: ({ employment_certificate_holder: holder, employment_post_holder: post, employment_trained: trained }, _p, ctx) => {
    const out = ctx.allocFull(Uint8Array);
    for (let i = 0; i < out.length; i++) out[i] = +!!holder[i] | +!!post[i] | +!!trained[i];
    return out;
  },
});
