import { defineRule } from '../engine/rule.js';

export const employed_previous = defineRule({
  id: 'employed_previous',
  entity: 'person',
  period: 'month',
  label: { zh: '上月就业', en: 'Employed last month' },
  description: 'State carried by the month loop; outside it (and in the first month) a person with earnings in the data is employed.',
  unit: 'bool',
  inputs: ['earnings'],
  parameters: {},
  reference: { clause: '二.3' },
  formula: ({ earnings }) => {
    const out = new Uint8Array(earnings.length);
    for (let i = 0; i < out.length; i++) out[i] = earnings[i]! > 0 ? 1 : 0;
    return out;
  },
});
