import { defineRule } from '../../engine/rule.js';
import { asNumber } from '../../engine/values.js';

export const demo_counted_income = defineRule({
  id: 'demo_counted_income',
  entity: 'person',
  period: 'month',
  label: { zh: '计算收入（演示）', en: 'Counted income (demo)' },
  unit: 'CNY/person/month',
  inputs: ['earnings', 'other_income'],
  parameters: { disregard: 'demo.earnings_disregard' },
  reference: { source: 'peer benchmark workload W1, rule 1' },
  formula: ({ earnings, other_income }, p) => {
    const keep = 1 - asNumber(p.disregard);
    const out = new Float64Array(earnings.length);
    for (let i = 0; i < out.length; i++) out[i] = earnings[i]! * keep + other_income[i]!;
    return out;
  },
});
