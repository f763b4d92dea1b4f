import { defineRule } from '../../engine/rule.js';
import { asNumber } from '../../engine/values.js';

export const housing_in_kind_allocated = defineRule({
  id: 'housing_in_kind_allocated',
  entity: 'household',
  period: 'month',
  label: { zh: '实物配租', en: 'Allocated a low-rent flat' },
  description: 'A covered household not renting public housing (housing_tenure ≠ 1) that is allocated a low-rent flat instead of the rental subsidy: a persistent draw per household below the in-kind share, so a household keeps its form from month to month.',
  unit: 'bool',
  inputs: ['housing_low_rent_covered', 'housing_tenure'],
  parameters: { share: 'housing.low_rent.in_kind.share' },
  reference: { clause: '五.1' },
  formula: ({ housing_low_rent_covered: covered, housing_tenure: tenure }, p, ctx) => {
    const share = asNumber(p.share);
    const candidate = ctx.alloc(Uint8Array);
    for (let h = 0; h < candidate.length; h++) candidate[h] = covered[h] && tenure[h] !== 1 ? 1 : 0; // 1: public rental (公房)
    const u = ctx.randomOnce('housing-in-kind', candidate);
    const out = ctx.allocFull(Uint8Array);
    for (let h = 0; h < out.length; h++) out[h] = candidate[h] && u[h]! < share ? 1 : 0;
    return out;
  },
});
