import { roundFen } from '../../engine/money.js';
import { defineRule } from '../../engine/rule.js';
import { asNumber } from '../../engine/values.js';

export const legal_aid_case_cost = defineRule({
  id: 'legal_aid_case_cost',
  entity: 'household',
  period: 'month',
  label: { zh: '法律援助办案费用', en: 'Legal-aid case costs' },
  description: 'Legal-aid cases opened by the household’s members this month × legal_aid.cost_per_case, to the fen, from the annual budget (§七.1: 法律援助经费纳入年度财政预算).',
  unit: 'CNY/household/month',
  inputs: ['legal_aid_case'],
  parameters: { cost: 'legal_aid.cost_per_case' },
  reference: { clause: '七.1' },
  formula: ({ legal_aid_case: opened }, p, ctx) => {
    const cost = asNumber(p.cost);
    const cases = ctx.agg.countByHousehold(opened);
    const out = ctx.allocFull(Float64Array);
    for (let h = 0; h < out.length; h++) out[h] = roundFen(cases[h]! * cost);
    return out;
  },
});
