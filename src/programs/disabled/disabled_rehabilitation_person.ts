import { monthlyAccrual } from '../../engine/money.js';
import { defineRule } from '../../engine/rule.js';
import { asNumber } from '../../engine/values.js';

export const disabled_rehabilitation_person = defineRule({
  id: 'disabled_rehabilitation_person',
  entity: 'person',
  period: 'month',
  label: { zh: '康复救助（个人）', en: 'Rehabilitation aid per person' },
  description: 'A severely disabled member of a poor disabled household reached by the projects (a persistent draw per person below the coverage share) gets a twelfth of the annual rehabilitation aid a month, to the fen.',
  unit: 'CNY/person/month',
  inputs: ['is_severely_disabled', 'disabled_poor_household'],
  parameters: { coverage: 'disabled.rehabilitation.coverage', annual: 'disabled.rehabilitation.annual_amount' },
  reference: { clause: '八.3' },
  formula: ({ is_severely_disabled: severe, disabled_poor_household: poorH }, p, ctx) => {
    const coverage = asNumber(p.coverage);
    const monthly = monthlyAccrual(asNumber(p.annual));
    // Members are contiguous: each household's flag is read in place, not broadcast to persons.
    const size = ctx.agg.householdSize();
    const target = ctx.alloc(Uint8Array);
    for (let h = 0, i = 0; h < size.length; h++) {
      const end = i + size[h]!;
      if (!poorH[h]) {
        i = end;
        continue;
      }
      for (; i < end; i++) target[i] = severe[i] ? 1 : 0;
    }
    const u = ctx.randomOnce('disabled-rehabilitation', target);
    const out = ctx.alloc(Float64Array);
    for (let i = 0; i < out.length; i++) if (target[i] && u[i]! < coverage) out[i] = monthly;
    return out;
  },
});
