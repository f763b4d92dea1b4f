import { roundFen } from '../../engine/money.js';
import { defineRule } from '../../engine/rule.js';

export const legal_aid_forensic_waiver = defineRule({
  id: 'legal_aid_forensic_waiver',
  entity: 'household',
  period: 'month',
  label: { zh: '鉴定费减免', en: 'Forensic fees waived' },
  description: 'Forensic fees of the household’s cases this month waived by fiscally funded institutions (鉴定费用减免), summed, to the fen: borne by the budget that funds the institutions.',
  unit: 'CNY/household/month',
  inputs: ['legal_aid_forensic_fee', 'legal_aid_fee_waived'],
  parameters: {},
  reference: { clause: '七.1' },
  formula: ({ legal_aid_forensic_fee: fee, legal_aid_fee_waived: waived }, _p, ctx) => {
    const perPerson = ctx.alloc(Float64Array, fee.length);
    for (let i = 0; i < perPerson.length; i++) if (waived[i]) perPerson[i] = fee[i]!;
    const out = ctx.agg.sumByHousehold(perPerson);
    for (let h = 0; h < out.length; h++) out[h] = roundFen(out[h]!);
    return out;
  },
});
