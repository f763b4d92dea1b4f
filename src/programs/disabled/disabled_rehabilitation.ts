import { roundFen } from '../../engine/money.js';
import { defineRule } from '../../engine/rule.js';

export const disabled_rehabilitation = defineRule({
  id: 'disabled_rehabilitation',
  entity: 'household',
  period: 'month',
  label: { zh: '康复救助', en: 'Rehabilitation aid' },
  description: 'The household’s rehabilitation aid summed over members, to the fen.',
  unit: 'CNY/household/month',
  inputs: ['disabled_rehabilitation_person'],
  parameters: {},
  reference: { clause: '八.3' },
  formula: ({ disabled_rehabilitation_person: perPerson }, _p, ctx) => {
    const out = ctx.agg.sumByHousehold(perPerson);
    for (let h = 0; h < out.length; h++) out[h] = roundFen(out[h]!);
    return out;
  },
});
