import { defineRule } from '../engine/rule.js';

export const current_farm_income = defineRule({
  id: 'current_farm_income',
  entity: 'person',
  period: 'month',
  label: { zh: '本月农业经营收入', en: 'Farm income this month' },
  description: 'Farm and business income times the seasonal factor of the calendar month, as the means test sees it.',
  unit: 'CNY/person/month',
  inputs: ['farm_business'],
  parameters: { season: 'events.farm_seasonality' },
  reference: { clause: '二.3' },
  formula: ({ farm_business: farm }, p, ctx) => {
    // By calendar month, not through the period: month to month (src/engine/temporal.ts) then
    // recomputes it only in a month whose factor differs from the month before's.
    const f = ctx.byCalendarMonth(p.season) as number;
    const out = ctx.allocFull(Float64Array, farm.length);
    for (let i = 0; i < out.length; i++) out[i] = farm[i]! * f;
    return out;
  },
});
