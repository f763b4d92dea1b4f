import { roundFen } from '../../engine/money.js';
import { defineRule } from '../../engine/rule.js';
import { asNumber } from '../../engine/values.js';

export const dibao_temporary_capped_shock = defineRule({
  id: 'dibao_temporary_capped_shock',
  entity: 'household',
  period: 'month',
  label: { zh: '临时救助封顶额', en: 'Shock capped for temporary assistance' },
  description: 'The household’s shock (dibao_temporary_shock) capped at the cap multiple × the local dibao standard, to the fen: what temporary assistance pays a household it assists. A rule of its own so that a change of the standard reaches temporary assistance only in the households where the cap binds.',
  unit: 'CNY/household/month',
  inputs: ['dibao_temporary_shock', 'dibao_standard'],
  parameters: { cap: 'dibao.temporary.cap_multiple' },
  reference: { clause: '二.2' },
  formula: ({ dibao_temporary_shock: shock, dibao_standard: std }, p, ctx) => {
    const cap = asNumber(p.cap);
    const out = ctx.allocFull(Float64Array); // every household written below
    for (let h = 0; h < out.length; h++) out[h] = roundFen(Math.min(shock[h]!, cap * std[h]!));
    return out;
  },
});
