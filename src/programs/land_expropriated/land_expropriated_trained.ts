import { MONTHS_PER_YEAR } from '../../engine/money.js';
import { defineRule } from '../../engine/rule.js';
import { asNumber } from '../../engine/values.js';

export const land_expropriated_trained = defineRule({
  id: 'land_expropriated_trained',
  entity: 'person',
  period: 'month',
  label: { zh: '参加免费职业培训', en: 'Trained this month' },
  description: 'A training candidate who starts a free course this month: a draw each month below the yearly training rate ÷ 12, so the expected courses per candidate and year equal the rate.',
  unit: 'bool',
  inputs: ['land_expropriated_trainee'],
  parameters: { rate: 'land_expropriated.training.rate' },
  reference: { clause: '八.4' },
  formula: ({ land_expropriated_trainee: candidate }, p, ctx) => {
    const monthly = asNumber(p.rate) / MONTHS_PER_YEAR;
    const u = ctx.random('land-expropriated-training', candidate);
    const out = ctx.allocFull(Uint8Array);
    for (let i = 0; i < out.length; i++) out[i] = candidate[i] && u[i]! < monthly ? 1 : 0;
    return out;
  },
});
