import { defineRule } from '../../engine/rule.js';
import { asNumber, category } from '../../engine/values.js';

export const legal_aid_case_rate = defineRule({
  id: 'legal_aid_case_rate',
  entity: 'person',
  period: 'month',
  label: { zh: '法律援助年案件发生率', en: 'Yearly legal-aid case rate' },
  description: 'For a member of a household poor enough for legal aid: the highest yearly case rate (legal_aid.case_rate) of the groups the person is in — poor (everyone here), dibao member (household paid dibao this month), disabled (disability ≥ 1), elderly (is_elderly). 0 for others.',
  unit: 'cases/person/year',
  inputs: ['legal_aid_poor_household', 'dibao_receives', 'disability', 'is_elderly'],
  parameters: { rate: 'legal_aid.case_rate' },
  reference: { clause: '七.1' },
  formula: ({ legal_aid_poor_household: poor, dibao_receives: dibao, disability, is_elderly: elderly }, p, ctx) => {
    const rPoor = asNumber(category(p.rate, 'poor'));
    const rDibao = asNumber(category(p.rate, 'dibao'));
    const rDisabled = asNumber(category(p.rate, 'disabled'));
    const rElderly = asNumber(category(p.rate, 'elderly'));
    const isPoor = ctx.agg.broadcastToPersons(poor);
    const onDibao = ctx.agg.broadcastToPersons(dibao);
    const out = ctx.alloc(Float64Array);
    for (let i = 0; i < out.length; i++) {
      if (!isPoor[i]) continue;
      let r = rPoor;
      if (onDibao[i]) r = Math.max(r, rDibao);
      if (disability[i]! > 0) r = Math.max(r, rDisabled);
      if (elderly[i]) r = Math.max(r, rElderly);
      out[i] = r;
    }
    return out;
  },
});
