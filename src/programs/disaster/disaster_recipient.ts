import { defineRule } from '../../engine/rule.js';

export const disaster_recipient = defineRule({
  id: 'disaster_recipient',
  entity: 'person',
  period: 'month',
  label: { zh: '灾民救助受益人', en: 'Disaster-relief recipient' },
  description: 'A member of a household paid living aid or a rebuild subsidy this month. The recipient count of programs.disaster.',
  unit: 'bool',
  inputs: ['disaster_living_aid', 'disaster_rebuild_subsidy'],
  parameters: {},
  reference: { clause: '十.2' },
  formula: ({ disaster_living_aid: aid, disaster_rebuild_subsidy: rebuild }, _p, ctx) => {
    const any = ctx.alloc(Uint8Array, aid.length);
    for (let h = 0; h < any.length; h++) any[h] = aid[h]! > 0 || rebuild[h]! > 0 ? 1 : 0;
    return ctx.agg.broadcastToPersons(any);
  },
});
