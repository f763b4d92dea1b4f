import { defineRule } from '../../engine/rule.js';
import { at, category } from '../../engine/values.js';

export const medical_premium_subsidy_share = defineRule({
  id: 'medical_premium_subsidy_share',
  entity: 'person',
  period: 'month',
  label: { zh: '资助参保比例（个人）', en: 'Premium subsidy share of the person' },
  description: 'Share of the person’s individual contribution paid by medical assistance: the largest subsidy share of the target groups the person is in — member of a household paid dibao, wubao (a 五保 person, wubao_person), severely disabled — and 0 outside them. A person in several groups counts once.',
  unit: 'share',
  inputs: ['dibao_receives', 'wubao_person', 'is_severely_disabled'],
  parameters: { share: 'medical.premium.subsidy_share' },
  reference: { clause: ['三.1', '八.1'] },
  formula: ({ dibao_receives: onDibao, wubao_person: wubao, is_severely_disabled: disabled }, p, ctx) => {
    const sDibao = category(p.share, 'dibao');
    const sWubao = category(p.share, 'wubao');
    const sDisabled = category(p.share, 'severely_disabled');
    // Members are contiguous: each household's dibao is read in place, not broadcast to persons.
    const size = ctx.agg.householdSize();
    const out = ctx.allocFull(Float64Array); // every member of every household written below
    for (let h = 0, i = 0; h < size.length; h++) {
      const end = i + size[h]!;
      const dibao = onDibao[h];
      for (; i < end; i++) {
        let s = 0;
        if (dibao) s = Math.max(s, at(sDibao, i));
        if (wubao[i]) s = Math.max(s, at(sWubao, i));
        if (disabled[i]) s = Math.max(s, at(sDisabled, i));
        out[i] = s;
      }
    }
    return out;
  },
});
