import { defineRule } from '../../engine/rule.js';

/** Codes of household_type, in reporting order. */
export const HOUSEHOLD_TYPES = ['elderly', 'disabled', 'single-parent', 'other'] as const;
const [ELDERLY, DISABLED, SINGLE_PARENT, OTHER] = HOUSEHOLD_TYPES.map((_, i) => i) as [number, number, number, number];

export const household_type = defineRule({
  id: 'household_type',
  entity: 'household',
  period: 'month',
  label: { zh: '家庭类型', en: 'Household type' },
  description: 'For breakdowns: 0 elderly (every member elderly), else 1 disabled (any member disabled), else 2 single-parent, else 3 other.',
  unit: 'code',
  inputs: ['is_elderly', 'disability', 'single_parent'],
  parameters: {},
  reference: { clause: '二.2' },
  formula: ({ is_elderly, disability, single_parent }, _p, ctx) => {
    const allElderly = ctx.agg.allInHousehold(is_elderly);
    const anyDisabled = ctx.agg.anyInHousehold(disability);
    const out = ctx.alloc(Uint8Array, allElderly.length);
    for (let h = 0; h < out.length; h++) out[h] = allElderly[h] ? ELDERLY : anyDisabled[h] ? DISABLED : single_parent[h] ? SINGLE_PARENT : OTHER;
    return out;
  },
});
