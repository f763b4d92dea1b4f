import { defineRule } from '../../engine/rule.js';

export const medical_recipient = defineRule({
  id: 'medical_recipient',
  entity: 'person',
  period: 'month',
  label: { zh: '医疗救助受益人', en: 'Medical assistance recipient' },
  description: 'A person with any medical assistance this month: a premium subsidy, secondary assistance or a discount-card fee reduction. The recipient count of programs.medical.',
  unit: 'bool',
  inputs: ['medical_premium_subsidy_person', 'medical_secondary_assistance_person', 'medical_discount_card_reduction_person'],
  parameters: {},
  reference: { clause: ['三.1', '三.3'] },
  formula: ({ medical_premium_subsidy_person: premium, medical_secondary_assistance_person: secondary, medical_discount_card_reduction_person: card }, _p, ctx) => {
    const out = ctx.alloc(Uint8Array, premium.length);
    for (let i = 0; i < out.length; i++) out[i] = premium[i]! > 0 || secondary[i]! > 0 || card[i]! > 0 ? 1 : 0;
    return out;
  },
});
