import { defineRule } from '../../engine/rule.js';

export const wubao_recipient = defineRule({
  id: 'wubao_recipient',
  entity: 'person',
  period: 'month',
  label: { zh: '五保供养受益人', en: 'Wubao recipient' },
  description: 'A wubao person paid support this month (centralised or dispersed). The recipient count of programs.wubao.',
  unit: 'bool',
  inputs: ['wubao_support_person'],
  parameters: {},
  reference: { clause: '八.1' },
  formula: ({ wubao_support_person: support }, _p, ctx) => {
    const out = ctx.alloc(Uint8Array, support.length);
    for (let i = 0; i < out.length; i++) out[i] = support[i]! > 0 ? 1 : 0;
    return out;
  },
});
