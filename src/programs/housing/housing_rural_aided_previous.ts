import { defineRule } from '../../engine/rule.js';

export const housing_rural_aided_previous = defineRule({
  id: 'housing_rural_aided_previous',
  entity: 'household',
  period: 'month',
  label: { zh: '上月前已获农村住房救助', en: 'House aided by last month' },
  description: 'State carried by the month loop from housing_rural_aided. Outside the loop and in its first month it is 0: a household living in a dangerous house in the snapshot has not been aided yet.',
  unit: 'bool',
  inputs: [],
  parameters: {},
  reference: { clause: '五.3' },
  formula: (_i, _p, ctx) => ctx.alloc(Uint8Array),
});
