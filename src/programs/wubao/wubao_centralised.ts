import { defineRule } from '../../engine/rule.js';
import { asNumber } from '../../engine/values.js';

export const wubao_centralised = defineRule({
  id: 'wubao_centralised',
  entity: 'person',
  period: 'month',
  label: { zh: '集中供养', en: 'Centralised support' },
  description: 'A wubao person supported in a home for the elderly (集中供养): a persistent draw per person (the same every month) below the centralised share. Other wubao persons are supported at home (分散供养).',
  unit: 'bool',
  inputs: ['wubao_person'],
  parameters: { share: 'wubao.support.centralised_share' },
  reference: { clause: '八.1' },
  formula: ({ wubao_person: wubao }, p, ctx) => {
    const share = asNumber(p.share);
    const u = ctx.randomOnce('wubao-centralised', wubao);
    const out = ctx.allocFull(Uint8Array);
    for (let i = 0; i < out.length; i++) out[i] = wubao[i] && u[i]! < share ? 1 : 0;
    return out;
  },
});
