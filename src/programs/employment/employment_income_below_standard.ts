import { FLOAT_NOISE_YUAN } from '../../engine/money.js';
import { defineRule } from '../../engine/rule.js';

export const employment_income_below_standard = defineRule({
  id: 'employment_income_below_standard',
  entity: 'household',
  period: 'month',
  label: { zh: '岗位前人均收入低于低保标准', en: 'Income before posts below the dibao standard' },
  description: 'The household’s per-capita counted income without any post (employment_income_before_post) is strictly below the local dibao standard (beyond float noise): the income test of a dibao family for §六.1. A rule of its own so that a change of the standard reaches the target family only in the households whose answer it changes.',
  unit: 'bool',
  inputs: ['employment_income_before_post', 'dibao_standard'],
  parameters: {},
  reference: { clause: '六.1' },
  formula: ({ employment_income_before_post: inc, dibao_standard: std }, _p, ctx) => {
    const out = ctx.allocFull(Uint8Array); // every household written below
    for (let h = 0; h < out.length; h++) out[h] = +(inc[h]! < std[h]! - FLOAT_NOISE_YUAN);
    return out;
  },
});
