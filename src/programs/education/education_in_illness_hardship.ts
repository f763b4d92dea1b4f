import { defineRule } from '../../engine/rule.js';

export const education_in_illness_hardship = defineRule({
  id: 'education_in_illness_hardship',
  entity: 'household',
  period: 'month',
  label: { zh: '处于因病困难期', en: 'Within the illness-hardship period' },
  description: 'Whether a household is within the hardship period of a member’s serious illness (因病造成家庭困难): months of it left this month (education_illness_hardship_months) above 0.',
  unit: 'bool',
  inputs: ['education_illness_hardship_months'],
  parameters: {},
  reference: { clause: '四.1' },
  // Its own rule: the months left go down every month of the period, while this flag changes only
  // when a period starts or ends. Computing month to month (src/engine/temporal.ts), the target
  // households are then recomputed only where the flag changed.
  formula: ({ education_illness_hardship_months: left }, _p, ctx) => {
    const out = ctx.allocFull(Uint8Array, left.length);
    for (let h = 0; h < out.length; h++) out[h] = +(left[h]! > 0);
    return out;
  },
});
