import { roundFen } from '../../engine/money.js';
import { defineRule } from '../../engine/rule.js';

export const legal_aid_forensic_loss_payment = defineRule({
  id: 'legal_aid_forensic_loss_payment',
  entity: 'household',
  period: 'month',
  label: { zh: '败诉鉴定费承担', en: 'Deferred fees of lost cases' },
  description: 'Deferred forensic fees of the household’s members who lost their case this month and cannot pay, paid by the legal-aid body from its budget (如受援人败诉,交纳鉴定费用确有困难的,由法律援助机构承担), summed, to the fen.',
  unit: 'CNY/household/month',
  inputs: ['legal_aid_forensic_fee', 'legal_aid_fee_paid_by_aid_body'],
  parameters: {},
  reference: { clause: '七.1' },
  formula: ({ legal_aid_forensic_fee: fee, legal_aid_fee_paid_by_aid_body: paid }, _p, ctx) => {
    const perPerson = ctx.alloc(Float64Array, fee.length);
    for (let i = 0; i < perPerson.length; i++) if (paid[i]) perPerson[i] = fee[i]!;
    const out = ctx.agg.sumByHousehold(perPerson);
    for (let h = 0; h < out.length; h++) out[h] = roundFen(out[h]!);
    return out;
  },
});
