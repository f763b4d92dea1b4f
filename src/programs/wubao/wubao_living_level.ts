import { defineRule } from '../../engine/rule.js';
import { asColumn, asNumber } from '../../engine/values.js';

/**
 * The villagers' average living level of a prefecture in a year (yuan per person per year): the
 * previous year's published rural net income × the prefecture's relative level, grown by the
 * growth rate for each year after the last year with a published figure in force. Shared by the
 * rule and the §八.1 check.
 */
export function indexedLivingLevel(previousYearIncome: number, relative: number, growth: number, lastObserved: number, year: number): number {
  return previousYearIncome * relative * Math.pow(1 + growth, Math.max(0, year - lastObserved));
}

export const wubao_living_level = defineRule({
  id: 'wubao_living_level',
  entity: 'household',
  period: 'month',
  label: { zh: '当地村民平均生活水平', en: "Villagers' average living level" },
  description: "The local villagers' average living level (§八.1) for the household's prefecture in the period's year, per person per year: Jilin's published rural net income of the previous year × the prefecture's relative level, indexed by the growth rate for each year after the last year with a published figure.",
  unit: 'CNY/person/year',
  inputs: [],
  parameters: { income: 'wubao.living_level.previous_year_income', relative: 'wubao.living_level.relative', growth: 'wubao.living_level.growth_rate', last: 'wubao.living_level.last_observed_year' },
  reference: { clause: '八.1' },
  formula: (_i, p, ctx) => {
    const year = ctx.year;
    const income = asNumber(p.income);
    const growth = asNumber(p.growth);
    const last = asNumber(p.last);
    const relative = asColumn(p.relative, ctx.size, ctx);
    const out = ctx.allocFull(Float64Array);
    for (let h = 0; h < out.length; h++) out[h] = indexedLivingLevel(income, relative[h]!, growth, last, year);
    return out;
  },
});
