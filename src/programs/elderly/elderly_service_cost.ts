import { roundFen } from '../../engine/money.js';
import { defineRule } from '../../engine/rule.js';
import { asColumn, asNumber } from '../../engine/values.js';

export const elderly_service_cost = defineRule({
  id: 'elderly_service_cost',
  entity: 'household',
  period: 'month',
  label: { zh: '老年人服务岗位补贴', en: 'Elderly service posts' },
  description: 'The household’s share of the service posts this month: served members × the monthly post subsidy of its area ÷ the persons served per post, to the fen (a post is shared; posts are not rounded up).',
  unit: 'CNY/household/month',
  inputs: ['elderly_served'],
  parameters: { subsidy: 'elderly.service.post_subsidy', perPost: 'elderly.service.persons_per_post' },
  reference: { clause: '八.2' },
  formula: ({ elderly_served: served }, p, ctx) => {
    const subsidy = asColumn(p.subsidy, ctx.size, ctx);
    const perPost = asNumber(p.perPost);
    const n = ctx.agg.countByHousehold(served);
    const out = ctx.alloc(Float64Array);
    for (let h = 0; h < out.length; h++) if (n[h]! > 0) out[h] = roundFen((n[h]! * subsidy[h]!) / perPost);
    return out;
  },
});
