import { defineRule } from '../engine/rule.js';
import { category } from '../engine/values.js';

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
    const f = category(p.season, `m${ctx.period.slice(5, 7)}`) as number;
    const out = ctx.allocFull(Float64Array, farm.length);
    for (let i = 0; i < out.length; i++) out[i] = farm[i]! * f;
    return out;
  },
});
