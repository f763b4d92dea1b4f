import { defineRule } from '../../engine/rule.js';
import { asNumber } from '../../engine/values.js';

export const disaster_relief_needed = defineRule({
  id: 'disaster_relief_needed',
  entity: 'household',
  period: 'month',
  label: { zh: '需政府救济的灾民户', en: 'Needs living aid after the disaster' },
  description: 'An affected household that needs government living aid from this month (需政府救济): every household whose house is destroyed, and the other affected households with a keyed draw below disaster.relief.needy_share.',
  unit: 'bool',
  inputs: ['disaster_affected', 'disaster_house_destroyed'],
  parameters: { needy: 'disaster.relief.needy_share' },
  reference: { clause: '十.2' },
  formula: ({ disaster_affected: affected, disaster_house_destroyed: destroyed }, p, ctx) => {
    const needy = asNumber(p.needy);
    const candidate = ctx.allocFull(Uint8Array);
    for (let h = 0; h < candidate.length; h++) candidate[h] = affected[h] && !destroyed[h] ? 1 : 0;
    const draw = ctx.random('disaster-relief-needed', candidate);
    const out = ctx.allocFull(Uint8Array);
    for (let h = 0; h < out.length; h++) out[h] = destroyed[h] || (candidate[h] && draw[h]! < needy) ? 1 : 0;
    return out;
  },
});
