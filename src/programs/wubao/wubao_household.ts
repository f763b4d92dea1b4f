import { defineRule } from '../../engine/rule.js';

export const wubao_household = defineRule({
  id: 'wubao_household',
  entity: 'household',
  period: 'month',
  label: { zh: '五保户', en: 'Wubao household' },
  description: 'Every member is a wubao person: such a household is supported by wubao and not assessed eligible for dibao (unless wubao.dibao_allowed). A household with a wubao member and others is not a wubao household.',
  unit: 'bool',
  inputs: ['wubao_person'],
  parameters: {},
  reference: { clause: '八.1' },
  formula: ({ wubao_person: wubao }, _p, ctx) => ctx.agg.allInHousehold(wubao),
});
