import { defineRule } from '../../engine/rule.js';

export const housing_shanty_relocated_previous = defineRule({
  id: 'housing_shanty_relocated_previous',
  entity: 'household',
  period: 'month',
  label: { zh: '上月已拆迁安置', en: 'Relocated from a shantytown by last month' },
  description: 'State carried by the month loop from housing_shanty_relocated. Outside the loop and in its first month it is 0: the dataset is a snapshot before the 2006 redevelopment, so a household living in a shantytown has not been relocated yet.',
  unit: 'bool',
  inputs: [],
  parameters: {},
  reference: { clause: '五.2' },
  formula: (_i, _p, ctx) => ctx.alloc(Uint8Array),
});
