import { defineRule } from '../../engine/rule.js';

/** Illness code 2 is a serious illness (重病), as in the dataset schema. */
const SERIOUS = 2;

export const is_seriously_ill = defineRule({
  id: 'is_seriously_ill',
  entity: 'person',
  period: 'month',
  label: { zh: '重病患者', en: 'Seriously ill' },
  description: 'A person with a serious illness (dataset code 2).',
  unit: 'bool',
  inputs: ['illness'],
  parameters: {},
  reference: { clause: '二.2' },
  formula: ({ illness }, _p, ctx) => {
    const out = ctx.alloc(Uint8Array, illness.length);
    for (let i = 0; i < out.length; i++) out[i] = illness[i] === SERIOUS ? 1 : 0;
    return out;
  },
});
