import { roundFen } from '../../engine/money.js';
import { defineRule } from '../../engine/rule.js';
import { asNumber } from '../../engine/values.js';

export const disaster_living_aid = defineRule({
  id: 'disaster_living_aid',
  entity: 'household',
  period: 'month',
  label: { zh: '灾民临时生活救助', en: 'Temporary living aid to disaster victims' },
  description: 'Living aid this month to a household with months of aid left (disaster_relief_months > 0): disaster.relief.living_aid × household size, to the fen. Paid whether or not the household also receives dibao (relief is for the disaster’s loss).',
  unit: 'CNY/household/month',
  inputs: ['disaster_relief_months', 'household_size'],
  parameters: { perPerson: 'disaster.relief.living_aid' },
  reference: { clause: ['十.1', '十.2'] },
  formula: ({ disaster_relief_months: months, household_size: n }, p, ctx) => {
    const perPerson = asNumber(p.perPerson);
    const out = ctx.alloc(Float64Array);
    for (let h = 0; h < out.length; h++) if (months[h]! > 0) out[h] = roundFen(perPerson * n[h]!);
    return out;
  },
});
