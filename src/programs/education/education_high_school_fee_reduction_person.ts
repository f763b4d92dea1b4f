import { monthlyAccrual } from '../../engine/money.js';
import { defineRule } from '../../engine/rule.js';
import { asNumber } from '../../engine/values.js';

export const education_high_school_fee_reduction_person = defineRule({
  id: 'education_high_school_fee_reduction_person',
  entity: 'person',
  period: 'month',
  label: { zh: '双特生费用减免（个人）', en: '双特生 fee reduction per student' },
  description: 'For a 双特生: the reduced key high-school fees, education.high_school.fee × education.high_school.shuangtesheng_fee_reduction per year, accrued monthly (annual/12 to the fen).',
  unit: 'CNY/person/month',
  inputs: ['education_shuangtesheng'],
  parameters: { fee: 'education.high_school.fee', reduction: 'education.high_school.shuangtesheng_fee_reduction' },
  reference: { clause: '四.3' },
  formula: ({ education_shuangtesheng: st }, p, ctx) => {
    const monthly = monthlyAccrual(asNumber(p.fee) * asNumber(p.reduction));
    const out = ctx.alloc(Float64Array);
    for (let i = 0; i < out.length; i++) if (st[i]) out[i] = monthly;
    return out;
  },
});
