import { defineRule } from '../../engine/rule.js';

export const dibao_received_previous = defineRule({
  id: 'dibao_received_previous',
  entity: 'household',
  period: 'month',
  label: { zh: '上月领取低保', en: 'Received dibao last month' },
  description: 'State carried by the month loop. Outside the loop and in its first month it is not known, so 0: a snapshot shows no exits, gradual exits or re-employment incentives (the loop counts no entries in its first month).',
  unit: 'bool',
  inputs: [],
  parameters: {},
  reference: { clause: '二.3' },
  // Not derived from this month's receipt: the re-employment incentive reads it on the way to receipt.
  formula: (_i, _p, ctx) => ctx.alloc(Uint8Array),
});
