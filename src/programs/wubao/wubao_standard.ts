import { defineRule } from '../../engine/rule.js';
import { asColumn, asNumber } from '../../engine/values.js';

/** The standard of one form of support: the table value, floored at level_ratio × the living level. Shared by the rule and the §八.1 check. */
export function flooredStandard(table: number, ratio: number, level: number): number {
  return Math.max(table, ratio * level);
}

export const wubao_standard = defineRule({
  id: 'wubao_standard',
  entity: 'person',
  period: 'month',
  label: { zh: '五保供养标准', en: 'Wubao standard' },
  description: "A wubao person's annual standard (per person per year): the centralised or dispersed standard of the prefecture, floored at level_ratio × the villagers' living level; 0 for anyone else.",
  unit: 'CNY/person/year',
  inputs: ['wubao_person', 'wubao_centralised', 'wubao_living_level'],
  parameters: { dispersed: 'wubao.standard.dispersed', centralised: 'wubao.standard.centralised', ratio: 'wubao.standard.level_ratio' },
  reference: { clause: '八.1' },
  formula: ({ wubao_person: wubao, wubao_centralised: home, wubao_living_level: levelH }, p, ctx) => {
    const level = ctx.agg.broadcastToPersons(levelH);
    const dispersed = asColumn(p.dispersed, ctx.size, ctx);
    const centralised = asColumn(p.centralised, ctx.size, ctx);
    const ratio = asNumber(p.ratio);
    const out = ctx.alloc(Float64Array);
    for (let i = 0; i < out.length; i++) if (wubao[i]) out[i] = flooredStandard(home[i] ? centralised[i]! : dispersed[i]!, ratio, level[i]!);
    return out;
  },
});
