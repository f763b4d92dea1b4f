import { defineRule } from '../../engine/rule.js';
import { asNumber } from '../../engine/values.js';

export const legal_aid_fee_waived = defineRule({
  id: 'legal_aid_fee_waived',
  entity: 'person',
  period: 'month',
  label: { zh: '鉴定费减免', en: 'Forensic fee waived' },
  description: 'The case’s assessment is made by a fiscally funded institution (a keyed draw below legal_aid.fiscal_institution_share), which waives the fee (减免); otherwise a non-fiscal institution defers it (缓收). Only for cases with a forensic fee.',
  unit: 'bool',
  inputs: ['legal_aid_forensic_fee'],
  parameters: { share: 'legal_aid.fiscal_institution_share' },
  reference: { clause: '七.1' },
  formula: ({ legal_aid_forensic_fee: fee }, p, ctx) => {
    const share = asNumber(p.share);
    const where = ctx.allocFull(Uint8Array);
    for (let i = 0; i < where.length; i++) where[i] = +(fee[i]! > 0);
    const u = ctx.random('legal-aid-institution', where);
    const out = ctx.allocFull(Uint8Array);
    for (let i = 0; i < out.length; i++) out[i] = where[i]! & +(u[i]! < share);
    return out;
  },
});
