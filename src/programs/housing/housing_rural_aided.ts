import { MONTHS_PER_YEAR } from '../../engine/money.js';
import { defineRule } from '../../engine/rule.js';
import { asNumber } from '../../engine/values.js';

export const housing_rural_aided = defineRule({
  id: 'housing_rural_aided',
  entity: 'household',
  period: 'month',
  label: { zh: '已获农村住房救助', en: 'House aided' },
  description: 'House aided by this month: aided before (state), or a rural low-income household living in a dangerous house (shanty = 1 for a rural household: 危房) aided this month — a draw each month below the monthly hazard 1 − (1 − yearly rate)^(1/12). A house is aided once, and not once repaired under the §八.3 disabled dangerous-house repair.',
  unit: 'bool',
  inputs: ['housing_rural_aided_previous', 'urban', 'shanty', 'housing_low_income', 'disabled_house_repaired_previous'],
  parameters: { rate: 'housing.rural.aid_rate' },
  reference: { clause: ['五.3', '八.3'] },
  formula: ({ housing_rural_aided_previous: before, urban, shanty, housing_low_income: poor, disabled_house_repaired_previous: repaired }, p, ctx) => {
    const hazard = 1 - Math.pow(1 - asNumber(p.rate), 1 / MONTHS_PER_YEAR);
    const candidate = ctx.allocFull(Uint8Array);
    for (let h = 0; h < candidate.length; h++) candidate[h] = !before[h] && !repaired[h] && !urban[h] && shanty[h] && poor[h] ? 1 : 0;
    const u = ctx.random('housing-rural-aid', candidate);
    const out = ctx.allocFull(Uint8Array);
    for (let h = 0; h < out.length; h++) out[h] = before[h] || (candidate[h] && u[h]! < hazard) ? 1 : 0;
    return out;
  },
});
