import { defineRule } from '../../engine/rule.js';

export const disabled_poor_household = defineRule({
  id: 'disabled_poor_household',
  entity: 'household',
  period: 'month',
  label: { zh: '贫困残疾人家庭', en: 'Poor disabled household' },
  description: 'A household with a disabled member (disability ≥ 1) that is paid dibao this month or whose per-capita counted income is strictly below the line multiple of its area × the local dibao standard (disabled_income_below_line).',
  unit: 'bool',
  inputs: ['disability', 'dibao_receives', 'disabled_income_below_line'],
  parameters: {},
  reference: { clause: '八.3' },
  formula: ({ disability, dibao_receives: onDibao, disabled_income_below_line: low }, _p, ctx) => {
    const hasDisabled = ctx.agg.anyInHousehold(disability);
    const out = ctx.allocFull(Uint8Array);
    for (let h = 0; h < out.length; h++) out[h] = hasDisabled[h] && (onDibao[h] || low[h]) ? 1 : 0;
    return out;
  },
});
