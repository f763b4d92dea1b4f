import { roundFen } from '../../engine/money.js';
import { defineRule } from '../../engine/rule.js';
import { asColumn } from '../../engine/values.js';

export const employment_post_subsidy = defineRule({
  id: 'employment_post_subsidy',
  entity: 'household',
  period: 'month',
  label: { zh: '公益性岗位补贴', en: 'Post subsidy' },
  description: 'The post subsidy (岗位补贴) of the household’s public-welfare post holders this month: employment.posts.subsidy of the area per holder, to the fen, paid from the re-employment funds of the budget.',
  unit: 'CNY/household/month',
  inputs: ['employment_post_holder'],
  parameters: { subsidy: 'employment.posts.subsidy' },
  reference: { clause: '六.1' },
  formula: ({ employment_post_holder: holder }, p, ctx) => {
    const subsidy = asColumn(p.subsidy, ctx.size, ctx);
    const holders = ctx.agg.countByHousehold(holder);
    const out = ctx.allocFull(Float64Array);
    for (let h = 0; h < out.length; h++) out[h] = roundFen(holders[h]! * subsidy[h]!);
    return out;
  },
});
