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
    // Members are contiguous: each household's flags are read in place, not broadcast to persons.
    const size = ctx.agg.householdSize();
    const out = ctx.alloc(Float64Array);
    for (let h = 0, i = 0; h < size.length; h++) {
      const end = i + size[h]!;
      if (!poor[h]) {
        i = end;
        continue;
      }
      const onDibao = dibao[h];
      for (; i < end; i++) {
        let r = rPoor;
        if (onDibao) r = Math.max(r, rDibao);
        if (disability[i]! > 0) r = Math.max(r, rDisabled);
        if (elderly[i]) r = Math.max(r, rElderly);
        out[i] = r;
      }
    }
    return out;
  },
});
