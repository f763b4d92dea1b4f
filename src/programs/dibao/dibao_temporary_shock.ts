import { defineRule } from '../../engine/rule.js';

export const dibao_temporary_shock = defineRule({
  id: 'dibao_temporary_shock',
  entity: 'household',
  period: 'month',
  label: { zh: '临时困难冲击', en: 'Temporary-hardship shock' },
  description: 'The household’s shock this month: the medical cost left after §三 assistance (dibao_temporary_medical_need), plus the earnings lost for a household not paid dibao this month (dibao already fills a recipient’s income gap).',
  unit: 'CNY/household/month',
  inputs: ['dibao_temporary_medical_need', 'lost_earnings', 'dibao_receives'],
  parameters: {},
  reference: { clause: '二.2' },
  formula: ({ dibao_temporary_medical_need: medical, lost_earnings: lost, dibao_receives: onDibao }, _p, ctx) => {
    const out = ctx.agg.sumByHousehold(lost);
    for (let h = 0; h < out.length; h++) out[h] = medical[h]! + (onDibao[h] ? 0 : out[h]!);
    return out;
  },
});
