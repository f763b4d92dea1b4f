import { defineRule } from '../../engine/rule.js';

export const dibao_receives = defineRule({
  id: 'dibao_receives',
  entity: 'household',
  period: 'month',
  label: { zh: '领取低保', en: 'Receives dibao' },
  description: 'Whether the household is paid. With full take-up and a perfect means test this equals eligibility (§二.1: 全部纳入); take-up and observation error will refine it.',
  unit: 'bool',
  inputs: ['dibao_eligible'],
  parameters: {},
  reference: { clause: '二.1' },
  formula: ({ dibao_eligible }) => Uint8Array.from(dibao_eligible),
});
