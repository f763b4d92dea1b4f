import { defineRule } from '../../engine/rule.js';

export const dibao_received_previous = defineRule({
  id: 'dibao_received_previous',
  entity: 'household',
  period: 'month',
  label: { zh: '上月领取低保', en: 'Received dibao last month' },
  description: 'State carried by the month loop. In the first month (and outside the loop) the household’s current receipt, so the snapshot shows no entries or exits.',
  unit: 'bool',
  inputs: ['dibao_receives'],
  parameters: {},
  reference: { clause: '二.3' },
  formula: ({ dibao_receives: r }) => new Uint8Array(r),
});
