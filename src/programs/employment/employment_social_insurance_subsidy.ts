import { roundFen } from '../../engine/money.js';
import { defineRule } from '../../engine/rule.js';
import { asColumn } from '../../engine/values.js';

export const employment_social_insurance_subsidy = defineRule({
  id: 'employment_social_insurance_subsidy',
  entity: 'household',
  period: 'month',
  label: { zh: '公益性岗位社会保险补贴', en: 'Social-insurance subsidy for posts' },
  description: 'The social-insurance subsidy (社会保险补贴, 按规定享受与其劳动合同期限相应的社会保险补贴) of the household’s public-welfare post holders this month: employment.posts.social_insurance_subsidy of the area per holder, to the fen, paid from the budget. It pays contributions, not household income.',
  unit: 'CNY/household/month',
  inputs: ['employment_post_holder'],
  parameters: { subsidy: 'employment.posts.social_insurance_subsidy' },
  reference: { clause: '六.1' },
  formula: ({ employment_post_holder: holder }, p, ctx) => {
    const subsidy = asColumn(p.subsidy, ctx.size, ctx);
    const holders = ctx.agg.countByHousehold(holder);
    const out = ctx.allocFull(Float64Array);
    for (let h = 0; h < out.length; h++) out[h] = roundFen(holders[h]! * subsidy[h]!);
    return out;
  },
});
