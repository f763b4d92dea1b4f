/**
 * Disaster relief (吉政发〔2006〕48号 §十.1–§十.2). A scenario's shocks.disaster sets, for the month a
 * disaster strikes and by prefecture, the share of households affected and the houses destroyed
 * (disaster.shock.*). Affected households are drawn (mostly rural), destroyed houses among them;
 * the government pays a one-off rebuild subsidy per destroyed house and temporary living aid per
 * person for some months to the households in need. The relief reserve (救灾资金储备) is reported
 * as an account: need = what relief pays, funds = the reserve, gap = what the reserve cannot meet.
 */
import { monthlyAccrual } from '../../engine/money.js';
import { PREFECTURE_CODES, prefectureLabel } from '../../engine/locality.js';
import { checkRow, defineProgram, PROVINCE_SCOPE, type CheckContext, type FundsContext, type ProgramCheck, type ProgramDefinition } from '../../engine/program.js';
import type { Rule } from '../../engine/rule.js';
import { disaster_affected } from './disaster_affected.js';
import { disaster_house_destroyed } from './disaster_house_destroyed.js';
import { disaster_living_aid } from './disaster_living_aid.js';
import { disaster_rebuild_subsidy } from './disaster_rebuild_subsidy.js';
import { disaster_recipient } from './disaster_recipient.js';
import { disaster_relief_months } from './disaster_relief_months.js';
import { disaster_relief_months_previous } from './disaster_relief_months_previous.js';
import { disaster_relief_needed } from './disaster_relief_needed.js';

export const disasterRules: readonly Rule[] = [
  disaster_affected, disaster_house_destroyed, disaster_relief_needed,
  disaster_relief_months_previous, disaster_relief_months,
  disaster_living_aid, disaster_rebuild_subsidy, disaster_recipient,
];

/** State the month loop carries: the months of living aid a household has left. */
export const DISASTER_STATE: readonly (readonly [previous: string, current: string])[] = [
  ['disaster_relief_months_previous', 'disaster_relief_months'],
];

/**
 * The relief reserve of one prefecture × area cell in a month (§十.1): the prefecture's yearly
 * reserve (disaster.reserve.annual), split between its cells as disasters are expected to strike
 * (disaster.relief.rural_share to the rural cell, the rest to the urban cell), a twelfth a month,
 * to the fen.
 */
export function reserveFunds(ctx: FundsContext): number {
  const t = ctx.parameters;
  const annual = t.valueAt('disaster.reserve.annual', ctx.date, { prefecture: ctx.prefecture });
  const rural = t.valueAt('disaster.relief.rural_share', ctx.date);
  return monthlyAccrual(annual * (ctx.area === 'rural' ? rural : 1 - rural));
}

/**
 * A disaster's houses destroyed must fit among its affected households (houses destroyed ≤
 * affected share × households of the prefecture), or the simulation, which destroys houses
 * only of affected households and at most all of them, destroys fewer than the scenario says.
 */
export function disasterChecks(ctx: CheckContext): ProgramCheck[] {
  const t = ctx.parameters;
  const struck: string[] = [];
  const misfits: string[] = [];
  const misfitsZh: string[] = [];
  for (const month of ctx.months) {
    const date = `${month}-01`;
    for (const prefecture of PREFECTURE_CODES) {
      const share = t.valueAt('disaster.shock.affected_share', date, { prefecture });
      const destroyed = t.valueAt('disaster.shock.houses_destroyed', date, { prefecture });
      if (share <= 0 && destroyed <= 0) continue;
      const affected = share * t.valueAt('disaster.households.count', date, { prefecture });
      const text = `${month} ${prefecture}: ${destroyed} houses destroyed ${destroyed <= affected ? '≤' : '>'} ${share} × households = ${Math.round(affected)} affected`;
      struck.push(text);
      if (destroyed > affected) {
        misfits.push(text);
        misfitsZh.push(`${month} ${prefectureLabel(prefecture, 'zh')}：倒房 ${destroyed} 户 > 受灾比例 ${share} × 户数 = ${Math.round(affected)} 户`);
      }
    }
  }
  const detail = struck.length === 0
    ? 'no disaster strikes in the period'
    : misfits.length === 0 ? `every disaster's houses destroyed are among its affected households (${struck.join('; ')})` : `more houses destroyed than households affected, so fewer are simulated: ${misfits.join('; ')}`;
  const detailZh = struck.length === 0 ? '期内无灾害' : misfits.length === 0 ? `${struck.length} 次灾害的倒房户均在受灾户之内` : `倒房户多于受灾户，模拟的倒房户因此较少：${misfitsZh.join('；')}`;
  return [checkRow({
    id: 'disaster-houses-within-affected',
    clause: '十.2',
    reading: { id: 'model', name: { zh: '情景自洽', en: 'consistency' }, en: "a consistency check of the scenario, not of the opinion: a disaster's houses destroyed fit among its affected households", zh: '情景自洽检查（非条文要求）：倒房户须在受灾户之内' },
    scope: PROVINCE_SCOPE,
    status: struck.length === 0 ? 'not-applicable' : misfits.length === 0 ? 'complies' : 'does-not-comply',
    detail: `吉政发〔2006〕48号 §十.2: ${detail}.`,
    detailZh: `吉政发〔2006〕48号 §十.2：${detailZh}。`,
  })];
}

export const disasterProgram: ProgramDefinition = defineProgram({
  id: 'disaster',
  label: { zh: '灾民救助', en: 'Disaster relief' },
  clauses: ['十.1', '十.2'],
  rules: disasterRules,
  state: DISASTER_STATE,
  components: {
    livingAid: { rule: 'disaster_living_aid', payer: 'budget', label: { zh: '灾民临时生活救助', en: 'Temporary living aid' } },
    rebuild: { rule: 'disaster_rebuild_subsidy', payer: 'budget', label: { zh: '倒房重建补助', en: 'Rebuild subsidies' } },
  },
  recipient: 'disaster_recipient',
  accounts: {
    // The reserve drawn: need against the reserve, reported only (no `pays`: the budget pays both
    // the reserve and any gap, through emergency appropriations and higher-level transfers).
    reserve: {
      label: { zh: '救灾资金储备', en: 'Relief reserve' },
      components: ['livingAid', 'rebuild'],
      funds: { compute: reserveFunds },
    },
  },
  checks: disasterChecks,
});
