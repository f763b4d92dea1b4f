import { defineRule } from '../../engine/rule.js';
import { asNumber } from '../../engine/values.js';

export const land_expropriated_covered = defineRule({
  id: 'land_expropriated_covered',
  entity: 'household',
  period: 'month',
  label: { zh: '即征即保覆盖', en: 'Covered by the scheme (即征即保)' },
  description: 'A land-expropriated household enrolled in the pension insurance of land-expropriated farmers: a persistent draw per household (the same every month) below the coverage share.',
  unit: 'bool',
  inputs: ['land_expropriated'],
  parameters: { coverage: 'land_expropriated.insurance.coverage' },
  reference: { clause: '八.4' },
  formula: ({ land_expropriated: land }, p, ctx) => {
    const coverage = asNumber(p.coverage);
    const u = ctx.randomOnce('land-expropriated-insurance', land);
    const out = ctx.alloc(Uint8Array);
    for (let h = 0; h < out.length; h++) out[h] = land[h] && u[h]! < coverage ? 1 : 0;
    return out;
  },
});
