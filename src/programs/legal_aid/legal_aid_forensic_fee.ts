import { roundFen } from '../../engine/money.js';
import { defineRule } from '../../engine/rule.js';
import { asNumber } from '../../engine/values.js';

export const legal_aid_forensic_fee = defineRule({
  id: 'legal_aid_forensic_fee',
  entity: 'person',
  period: 'month',
  label: { zh: '受援案件鉴定费', en: 'Forensic fee of the case' },
  description: 'The forensic or assessment fee (鉴定费) of this month’s legal-aid case when it needs an assessment (a keyed draw below legal_aid.forensic_share): legal_aid.forensic_fee, to the fen; 0 otherwise. Who bears it is decided by the institution and the outcome (legal_aid_fee_waived, legal_aid_fee_paid_by_aid_body).',
  unit: 'CNY/person/month',
  inputs: ['legal_aid_case'],
  parameters: { share: 'legal_aid.forensic_share', fee: 'legal_aid.forensic_fee' },
  reference: { clause: '七.1' },
  formula: ({ legal_aid_case: opened }, p, ctx) => {
    const share = asNumber(p.share);
    const fee = roundFen(asNumber(p.fee));
    const u = ctx.random('legal-aid-forensic', opened);
    const out = ctx.alloc(Float64Array);
    for (let i = 0; i < out.length; i++) if (opened[i] && u[i]! < share) out[i] = fee;
    return out;
  },
});
