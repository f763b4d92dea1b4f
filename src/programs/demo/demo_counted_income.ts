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
  formula: ({ earnings, other_income }, p, ctx) => {
    const keep = 1 - asNumber(p.disregard);
    // Kept in the precision of the incomes it is computed from: float32 incomes give a
    // float32 column (half the memory and bandwidth), anything else float64.
    const n = earnings.length;
    const out = earnings instanceof Float32Array && other_income instanceof Float32Array ? ctx.alloc(Float32Array) : ctx.alloc(Float64Array);
    for (let i = 0; i < n; i++) out[i] = earnings[i]! * keep + other_income[i]!;
    return out;
  },
  // The same, one person at a time, for the engine's fused loop (src/engine/fuse.ts).
  kernel: {
    type: ({ earnings, other_income }) => (earnings === Float32Array && other_income === Float32Array ? Float32Array : Float64Array),
    row: (v, p) => v.earnings! * (1 - p.disregard!) + v.other_income!,
  },
});
