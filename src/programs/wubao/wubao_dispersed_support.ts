import { roundFen } from '../../engine/money.js';
import { defineRule } from '../../engine/rule.js';

export const wubao_dispersed_support = defineRule({
  id: 'wubao_dispersed_support',
  entity: 'household',
  period: 'month',
  label: { zh: '分散供养金', en: 'Dispersed wubao support' },
  description: 'The wubao support of the household’s members in dispersed support (分散供养, at home), summed, to the fen.',
  unit: 'CNY/household/month',
  inputs: ['wubao_support_person', 'wubao_centralised'],
  parameters: {},
  reference: { clause: '八.1' },
  formula: ({ wubao_support_person: support, wubao_centralised: home }, _p, ctx) => {
    const mine = ctx.alloc(Float64Array, support.length);
    for (let i = 0; i < mine.length; i++) if (!home[i]) mine[i] = support[i]!;
    const out = ctx.agg.sumByHousehold(mine);
    for (let h = 0; h < out.length; h++) out[h] = roundFen(out[h]!);
    return out;
  },
});
