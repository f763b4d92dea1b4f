import { MONTHS_PER_YEAR } from '../../engine/money.js';
import { defineRule } from '../../engine/rule.js';
import { asNumber } from '../../engine/values.js';

export const housing_shanty_relocated = defineRule({
  id: 'housing_shanty_relocated',
  entity: 'household',
  period: 'month',
  label: { zh: '棚户区拆迁安置', en: 'Relocated from a shantytown' },
  description: 'Relocated by this month: relocated before (state), or an urban low-income household living in a shantytown relocated this month — a draw each month below the monthly hazard 1 − (1 − yearly rate)^(1/12), so the yearly rate is reached over twelve months and relocations are spread over the year. Once relocated, always relocated.',
  unit: 'bool',
  inputs: ['housing_shanty_relocated_previous', 'urban', 'shanty', 'housing_low_income'],
  parameters: { rate: 'housing.shanty.relocation_rate' },
  reference: { clause: '五.2' },
  formula: ({ housing_shanty_relocated_previous: before, urban, shanty, housing_low_income: poor }, p, ctx) => {
    const hazard = 1 - Math.pow(1 - asNumber(p.rate), 1 / MONTHS_PER_YEAR);
    const candidate = ctx.allocFull(Uint8Array);
    for (let h = 0; h < candidate.length; h++) candidate[h] = !before[h] && urban[h] && shanty[h] && poor[h] ? 1 : 0;
    const u = ctx.random('housing-shanty-relocation', candidate);
    const out = ctx.allocFull(Uint8Array);
    for (let h = 0; h < out.length; h++) out[h] = before[h] || (candidate[h] && u[h]! < hazard) ? 1 : 0;
    return out;
  },
});
