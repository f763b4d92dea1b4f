import { roundFen } from '../../engine/money.js';
import { defineRule } from '../../engine/rule.js';
import { asNumber, category } from '../../engine/values.js';

export const employment_training_subsidy = defineRule({
  id: 'employment_training_subsidy',
  entity: 'household',
  period: 'month',
  label: { zh: '培训补贴', en: 'Training subsidies' },
  description: 'Training subsidies of the household’s members trained this month, counted in the month trained: employment.training.subsidy of the group per trainee (certificate holders’ amount for a holder, the 两后生 amount otherwise), summed, to the fen; paid by the budget.',
  unit: 'CNY/household/month',
  inputs: ['employment_trained', 'employment_certificate_holder'],
  parameters: { subsidy: 'employment.training.subsidy' },
  reference: { clause: '六.1' },
  formula: ({ employment_trained: trained, employment_certificate_holder: holder }, p, ctx) => {
    const sHolder = asNumber(category(p.subsidy, 'certificate_holder'));
    const sLhs = asNumber(category(p.subsidy, 'liang_hou_sheng'));
    const perPerson = ctx.alloc(Float64Array, trained.length);
    for (let i = 0; i < perPerson.length; i++) if (trained[i]) perPerson[i] = holder[i] ? sHolder : sLhs;
    const out = ctx.agg.sumByHousehold(perPerson);
    for (let h = 0; h < out.length; h++) out[h] = roundFen(out[h]!);
    return out;
  },
});
