import { defineRule } from '../engine/rule.js';

export const household_market_income = defineRule({
  id: 'household_market_income',
  entity: 'household',
  period: 'month',
  label: { zh: '家庭救助前收入', en: 'Household income before assistance' },
  description: 'Every income of the household this month before any assistance of the opinion, counted in full (not at the means test’s inclusion rates): earnings, pensions, unemployment benefit, farm and business income, other transfers. The income of the poverty and inequality figures.',
  unit: 'CNY/household/month',
  inputs: ['current_earnings', 'pension', 'unemployment_benefit', 'current_farm_income', 'other_transfers'],
  parameters: {},
  reference: { clause: '二.1' },
  formula: ({ current_earnings: e, pension: p, unemployment_benefit: u, current_farm_income: f, other_transfers: o }, _p, ctx) => {
    const person = ctx.allocFull(Float64Array, e.length);
    for (let i = 0; i < person.length; i++) person[i] = e[i]! + p[i]! + u[i]! + f[i]! + o[i]!;
    return ctx.agg.sumByHousehold(person);
  },
  // The same, one household at a time (src/engine/fuse.ts): each member's incomes added in the
  // formula's order, the members summed in order from 0, as sumByHousehold adds them; no person
  // column is made (issue #25: a pass over persons and a person-length column less every month).
  kernel: {
    type: () => Float64Array,
    sums: { income: (m) => m.current_earnings! + m.pension! + m.unemployment_benefit! + m.current_farm_income! + m.other_transfers! },
    row: (_v, _p, s) => s.income!,
  },
});
