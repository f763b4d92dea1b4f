import { defineRule } from '../../engine/rule.js';

/** Disability code 2 is severe (重度残疾), as in the dataset schema. */
const SEVERE = 2;

export const is_severely_disabled = defineRule({
  id: 'is_severely_disabled',
  entity: 'person',
  period: 'month',
  label: { zh: '重度残疾人', en: 'Severely disabled' },
  description: 'A person with a severe disability (dataset code 2).',
  unit: 'bool',
  inputs: ['disability'],
  parameters: {},
  reference: { clause: '二.2' },
  formula: ({ disability }, _p, ctx) => {
    const out = ctx.alloc(Uint8Array, disability.length);
    for (let i = 0; i < out.length; i++) out[i] = disability[i] === SEVERE ? 1 : 0;
    return out;
  },
});
