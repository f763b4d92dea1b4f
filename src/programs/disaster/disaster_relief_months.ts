import { defineRule } from '../../engine/rule.js';
import { asNumber } from '../../engine/values.js';

export const disaster_relief_months = defineRule({
  id: 'disaster_relief_months',
  entity: 'household',
  period: 'month',
  label: { zh: '灾民生活救助剩余月数', en: 'Months of living aid left' },
  description: 'Months of living aid the household has left, this month included: the full period (disaster.relief.living_aid_months) in a month it needs relief (disaster_relief_needed), then one fewer each month, down to 0.',
  unit: 'months',
  inputs: ['disaster_relief_needed', 'disaster_relief_months_previous'],
  parameters: { months: 'disaster.relief.living_aid_months' },
  reference: { clause: '十.2' },
  formula: ({ disaster_relief_needed: needed, disaster_relief_months_previous: prev }, p, ctx) => {
    const full = asNumber(p.months);
    const out = ctx.alloc(Uint16Array);
    for (let h = 0; h < out.length; h++) {
      const left = prev[h]!;
      out[h] = needed[h] ? full : left > 0 ? left - 1 : 0;
    }
    return out;
  },
});
