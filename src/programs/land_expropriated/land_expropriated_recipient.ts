import { defineRule } from '../../engine/rule.js';

export const land_expropriated_recipient = defineRule({
  id: 'land_expropriated_recipient',
  entity: 'person',
  period: 'month',
  label: { zh: '被征地农民救助受益人', en: 'Land-expropriated farmer helped' },
  description: 'A person trained for free this month. The recipient count of programs.landExpropriated: the one-off contributions at expropriation go to farmers newly expropriated, who are not households of the dataset (a cost per cell).',
  unit: 'bool',
  inputs: ['land_expropriated_trained'],
  parameters: {},
  reference: { clause: '八.4' },
  formula: ({ land_expropriated_trained: trained }, _p, ctx) => {
    const out = ctx.alloc(Uint8Array, trained.length);
    for (let i = 0; i < out.length; i++) out[i] = trained[i] ? 1 : 0;
    return out;
  },
});
