import { MONTHS_PER_YEAR } from '../../engine/money.js';
import { defineRule } from '../../engine/rule.js';
import { asNumber } from '../../engine/values.js';

export const disabled_house_repaired = defineRule({
  id: 'disabled_house_repaired',
  entity: 'household',
  period: 'month',
  label: { zh: '贫困残疾人危房已改造', en: 'Dangerous house repaired (disabled)' },
  description: 'Repaired by this month: repaired before (state), or a rural poor disabled household in a dangerous house (shanty = 1 for a rural household: 危房), not aided by the §五.3 rural housing aid (now or before), repaired this month — a draw each month below the monthly hazard 1 − (1 − yearly rate)^(1/12). A house is repaired once.',
  unit: 'bool',
  inputs: ['disabled_house_repaired_previous', 'urban', 'shanty', 'disabled_poor_household', 'housing_rural_aided'],
  parameters: { rate: 'disabled.house_repair.repair_rate' },
  reference: { clause: '八.3' },
  formula: ({ disabled_house_repaired_previous: before, urban, shanty, disabled_poor_household: poor, housing_rural_aided: aided }, p, ctx) => {
    const hazard = 1 - Math.pow(1 - asNumber(p.rate), 1 / MONTHS_PER_YEAR);
    const candidate = ctx.allocFull(Uint8Array);
    for (let h = 0; h < candidate.length; h++) candidate[h] = !before[h] && !urban[h] && shanty[h] && poor[h] && !aided[h] ? 1 : 0;
    const u = ctx.random('disabled-house-repair', candidate);
    const out = ctx.allocFull(Uint8Array);
    for (let h = 0; h < out.length; h++) out[h] = before[h] || (candidate[h] && u[h]! < hazard) ? 1 : 0;
    return out;
  },
});
