import { defineRule } from '../../engine/rule.js';
import { asNumber } from '../../engine/values.js';

export const education_illness_hardship_months = defineRule({
  id: 'education_illness_hardship_months',
  entity: 'household',
  period: 'month',
  label: { zh: '因病困难剩余月数', en: 'Illness-hardship months left' },
  description: 'Months of hardship from illness (因病造成家庭困难) the household has left, this month included: the full period (education.targeting.illness_hardship_months) in a month a member’s serious illness starts, then one fewer each month, down to 0.',
  unit: 'months',
  inputs: ['serious_illness_onset', 'education_illness_hardship_months_previous'],
  parameters: { months: 'education.targeting.illness_hardship_months' },
  reference: { clause: '四.1' },
  formula: ({ serious_illness_onset: onset, education_illness_hardship_months_previous: prev }, p, ctx) => {
    const full = asNumber(p.months);
    const started = ctx.agg.anyInHousehold(onset);
    const out = ctx.alloc(Uint16Array);
    for (let h = 0; h < out.length; h++) {
      const left = prev[h]!;
      out[h] = started[h] ? full : left > 0 ? left - 1 : 0;
    }
    return out;
  },
});
