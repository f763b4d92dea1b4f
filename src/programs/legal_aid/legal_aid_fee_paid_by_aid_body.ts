import { defineRule } from '../../engine/rule.js';
import { asNumber } from '../../engine/values.js';

export const legal_aid_fee_paid_by_aid_body = defineRule({
  id: 'legal_aid_fee_paid_by_aid_body',
  entity: 'person',
  period: 'month',
  label: { zh: '败诉鉴定费由法律援助机构承担', en: 'Deferred fee paid by the legal-aid body' },
  description: 'The loss-case rule: a fee deferred by a non-fiscal institution (a forensic fee, not waived) of a client who loses and cannot pay (a keyed draw below legal_aid.unable_to_pay_share) is paid by the legal-aid body. A client who wins pays the deferred fee afterwards (recovered from the losing party, 法院督促补交): not a public cost.',
  unit: 'bool',
  inputs: ['legal_aid_forensic_fee', 'legal_aid_fee_waived', 'legal_aid_case_lost'],
  parameters: { share: 'legal_aid.unable_to_pay_share' },
  reference: { clause: '七.1' },
  formula: ({ legal_aid_forensic_fee: fee, legal_aid_fee_waived: waived, legal_aid_case_lost: lost }, p, ctx) => {
    const share = asNumber(p.share);
    const where = ctx.allocFull(Uint8Array);
    for (let i = 0; i < where.length; i++) where[i] = +(fee[i]! > 0) & +!waived[i] & +!!lost[i];
    const u = ctx.random('legal-aid-unable-to-pay', where);
    const out = ctx.allocFull(Uint8Array);
    for (let i = 0; i < out.length; i++) out[i] = where[i]! & +(u[i]! < share);
    return out;
  },
});
