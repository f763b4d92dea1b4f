import { monthlyAccrual, roundFen } from '../../engine/money.js';
import { defineRule } from '../../engine/rule.js';
import { asNumber } from '../../engine/values.js';

export const wubao_support_person = defineRule({
  id: 'wubao_support_person',
  entity: 'person',
  period: 'month',
  label: { zh: '五保供养金（个人）', en: 'Wubao support per person' },
  description: "A wubao person's support this month: a twelfth of the annual standard, to the fen (monthly accrual). Unless wubao.dibao_allowed, a wubao member of a household still paid dibao (a mixed household: an all-wubao household is not paid dibao) gets it less his per-capita share of the household's regular dibao (dibao_benefit ÷ household size), to the fen and not below 0 — so he is never paid twice.",
  unit: 'CNY/person/month',
  inputs: ['wubao_standard', 'dibao_benefit', 'household_size'],
  parameters: { allowed: 'wubao.dibao_allowed' },
  reference: { clause: ['八.1', '二.1'] },
  formula: ({ wubao_standard: std, dibao_benefit: dibaoH, household_size: sizeH }, p, ctx) => {
    const offset = asNumber(p.allowed) !== 1;
    // Members are contiguous: each household's values are read in place, not broadcast to persons.
    const members = ctx.agg.householdSize();
    const out = ctx.alloc(Float64Array);
    for (let h = 0, i = 0; h < members.length; h++) {
      const end = i + members[h]!;
      const dibao = dibaoH[h]!;
      const size = sizeH[h]!;
      for (; i < end; i++) {
        if (!(std[i]! > 0)) continue;
        const monthly = monthlyAccrual(std[i]!);
        out[i] = offset && dibao > 0 ? roundFen(Math.max(0, monthly - dibao / size)) : monthly;
      }
    }
    return out;
  },
});
