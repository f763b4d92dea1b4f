import { defineRule } from '../../engine/rule.js';

export const disabled_house_repaired_previous = defineRule({
  id: 'disabled_house_repaired_previous',
  entity: 'household',
  period: 'month',
  label: { zh: '上月前已改造危房', en: 'Dangerous house repaired by last month' },
  description: 'State carried by the month loop from disabled_house_repaired. Outside the loop and in its first month it is 0: a dangerous house in the snapshot has not been repaired yet.',
  unit: 'bool',
  inputs: [],
  parameters: {},
  reference: { clause: '八.3' },
  formula: (_i, _p, ctx) => ctx.alloc(Uint8Array),
});
