import { defineRule } from '../../engine/rule.js';
import { asNumber } from '../../engine/values.js';

export const housing_low_rent_covered = defineRule({
  id: 'housing_low_rent_covered',
  entity: 'household',
  period: 'month',
  label: { zh: '纳入廉租住房保障', en: 'Covered by low-rent housing' },
  description: 'An eligible household that is assisted: a persistent draw per household below the coverage share (1 in the baseline: every eligible household, so need is the full entitlement). The draw does not change with the month, so coverage causes no spurious exits.',
  unit: 'bool',
  inputs: ['housing_low_rent_eligible'],
  parameters: { coverage: 'housing.low_rent.coverage' },
  reference: { clause: '五.1' },
  formula: ({ housing_low_rent_eligible: eligible }, p, ctx) => {
    const coverage = asNumber(p.coverage);
    const u = ctx.randomOnce('housing-low-rent-coverage', eligible);
    const out = ctx.allocFull(Uint8Array);
    for (let h = 0; h < out.length; h++) out[h] = eligible[h] && u[h]! < coverage ? 1 : 0;
    return out;
  },
});
