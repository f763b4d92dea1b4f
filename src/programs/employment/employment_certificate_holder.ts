import { defineRule } from '../../engine/rule.js';
import { asColumn } from '../../engine/values.js';

export const employment_certificate_holder = defineRule({
  id: 'employment_certificate_holder',
  entity: 'person',
  period: 'month',
  label: { zh: '持《再就业优惠证》', en: 'Holds a re-employment certificate' },
  description: 'A member of a target family who wants work (looking_for_work: working age, able, in the labour force, without a job last month) and has no job this month, where certificates are issued (employment.certificate.issued by area). The certificate costs nothing itself: its benefits are free training and priority for public-welfare posts, costed there; tax and fee relief is forgone revenue, not modelled.',
  unit: 'bool',
  inputs: ['employment_target_family', 'looking_for_work', 'employed'],
  parameters: { issued: 'employment.certificate.issued' },
  reference: { clause: '六.1' },
  formula: ({ employment_target_family: target, looking_for_work: looking, employed }, p, ctx) => {
    const issued = asColumn(p.issued, ctx.size, ctx);
    // Members are contiguous: each household's flag is read in place, not broadcast to persons.
    const size = ctx.agg.householdSize();
    const out = ctx.alloc(Uint8Array);
    for (let h = 0, i = 0; h < size.length; h++) {
      const end = i + size[h]!;
      const family = +!!target[h];
      for (; i < end; i++) out[i] = +(issued[i]! > 0) & family & +!!looking[i] & +!employed[i];
    }
    return out;
  },
});
