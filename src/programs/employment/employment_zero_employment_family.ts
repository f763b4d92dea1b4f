import { defineRule } from '../../engine/rule.js';

export const employment_zero_employment_family = defineRule({
  id: 'employment_zero_employment_family',
  entity: 'household',
  period: 'month',
  label: { zh: '零就业家庭', en: 'Zero-employment family' },
  description: 'No member at work this month — none employed (events: employed) and none running a farm or business (farm_business > 0 in the data) — while at least one member looks for work (working age, able, in the labour force, without a job). Public-welfare posts are not counted as work here: the status is the one posts are allocated on (§六.1: 特别是“零就业”家庭).',
  unit: 'bool',
  inputs: ['employed', 'farm_business', 'looking_for_work'],
  parameters: {},
  reference: { clause: '六.1' },
  formula: ({ employed, farm_business: farm, looking_for_work: looking }, _p, ctx) => {
    const working = ctx.alloc(Uint8Array, employed.length);
    for (let i = 0; i < working.length; i++) working[i] = +!!employed[i] | +(farm[i]! > 0);
    const anyWorking = ctx.agg.anyInHousehold(working);
    const anyLooking = ctx.agg.anyInHousehold(looking);
    const out = ctx.allocFull(Uint8Array);
    for (let h = 0; h < out.length; h++) out[h] = +!anyWorking[h] & anyLooking[h]!;
    return out;
  },
});
