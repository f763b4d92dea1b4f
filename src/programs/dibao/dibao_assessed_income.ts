import { defineRule } from '../../engine/rule.js';

export const dibao_assessed_income = defineRule({
  id: 'dibao_assessed_income',
  entity: 'household',
  period: 'month',
  label: { zh: '核定人均收入', en: 'Assessed per-capita income' },
  description: 'Per-capita counted income as the means test sees it: the true figure times the household’s observation factor for the year.',
  unit: 'CNY/person/month',
  inputs: ['per_capita_counted_income', 'dibao_observation_factor'],
  parameters: {},
  reference: { clause: '二.3' },
  formula: ({ per_capita_counted_income: pci, dibao_observation_factor: f }, _p, ctx) => {
    const out = ctx.alloc(Float64Array, pci.length);
    for (let h = 0; h < out.length; h++) out[h] = pci[h]! * f[h]!;
    return out;
  },
});
