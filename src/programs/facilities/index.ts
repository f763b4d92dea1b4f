/**
 * Assistance facilities (吉政发〔2006〕48号 §九.1–§九.2): the building of one rural social welfare
 * centre per county-level unit and per township (a capital plan by year), and the minors'
 * sections of the assistance stations for street children (renovation and running). No
 * household receives these: every cost line is computed per prefecture × area cell and month
 * from parameters, accruing a twelfth of the year's amount a month (annual/12 to the fen), and
 * the program has no recipients. programs.facilities.byYear is the capital plan by year.
 */
import { monthlyAccrual, MONTHS_PER_YEAR } from '../../engine/money.js';
import { PREFECTURE_CODES } from '../../engine/locality.js';
import type { ParameterTree } from '../../engine/parameters/tree.js';
import { monthFromIndex, monthIndex } from '../../engine/period.js';
import { defineProgram, type CheckContext, type FundsContext, type ProgramCheck, type ProgramDefinition } from '../../engine/program.js';

const CENTRES = 'facilities.welfare_centres';
const STATIONS = 'facilities.street_children';

/**
 * Cost in a month of the centres of one kind (county or township) built in a prefecture that
 * year: units × (1 − share meeting the standard) × the year's build share × unit cost, a twelfth
 * of it, to the fen.
 */
function centresBuilt(ctx: FundsContext, units: string, unitCost: string): number {
  const t = ctx.parameters;
  const n = t.valueAt(`${CENTRES}.${units}`, ctx.date, { prefecture: ctx.prefecture });
  const backlog = n * (1 - t.valueAt(`${CENTRES}.meeting_standard`, ctx.date));
  return monthlyAccrual(backlog * t.valueAt(`${CENTRES}.build_share`, ctx.date) * t.valueAt(`${CENTRES}.${unitCost}`, ctx.date));
}

/** County-town welfare centres (§九.1), costed in the prefecture's urban cell. */
export function countyCentresCost(ctx: FundsContext): number {
  return ctx.area === 'urban' ? centresBuilt(ctx, 'counties', 'county_centre_cost') : 0;
}

/** Township welfare centres (§九.1), costed in the prefecture's rural cell. */
export function townshipCentresCost(ctx: FundsContext): number {
  return ctx.area === 'rural' ? centresBuilt(ctx, 'townships', 'township_centre_cost') : 0;
}

/** Running the stations' minors' sections (§九.2): stations × yearly cost, a twelfth a month, in the urban cell. */
export function stationsRunningCost(ctx: FundsContext): number {
  if (ctx.area !== 'urban') return 0;
  const t = ctx.parameters;
  return monthlyAccrual(t.valueAt(`${STATIONS}.stations`, ctx.date, { prefecture: ctx.prefecture }) * t.valueAt(`${STATIONS}.running_cost`, ctx.date));
}

/** Renovating the stations (§九.2 适当改造): stations × the year's renovation share × cost, a twelfth a month, in the urban cell. */
export function stationsRenovationCost(ctx: FundsContext): number {
  if (ctx.area !== 'urban') return 0;
  const t = ctx.parameters;
  const stations = t.valueAt(`${STATIONS}.stations`, ctx.date, { prefecture: ctx.prefecture });
  return monthlyAccrual(stations * t.valueAt(`${STATIONS}.renovation_share`, ctx.date) * t.valueAt(`${STATIONS}.renovation_cost`, ctx.date));
}

/** 'YYYY-MM' of a 'YYYY-MM-DD' date. */
function monthOf(date: string | undefined): string | undefined {
  if (date === undefined) return undefined;
  const [y, m] = date.split('-');
  return `${y}-${m}`;
}

/**
 * The build programme of a dated share parameter: the share of the backlog built over all its
 * dates (each month a twelfth of the share in force), the share by calendar year, and whether
 * it ends (its last dated value is 0; otherwise it builds for ever).
 */
export function buildProgramme(t: ParameterTree, path: string): { total: number; byYear: [string, number][]; ends: boolean } {
  const values = t.leaf(path).values;
  const first = monthOf(values[0]?.date);
  const last = monthOf(values[values.length - 1]?.date);
  const byYear = new Map<string, number>();
  let total = 0;
  if (first !== undefined && last !== undefined) {
    for (let i = monthIndex(first); i < monthIndex(last); i++) {
      const month = monthFromIndex(i);
      const share = t.valueAt(path, `${month}-01`) / MONTHS_PER_YEAR;
      total += share;
      const [year = month] = month.split('-');
      if (share !== 0) byYear.set(year, (byYear.get(year) ?? 0) + share);
    }
  }
  const ends = values.length === 0 || values[values.length - 1]!.value === 0;
  return { total, byYear: [...byYear], ends };
}

const pct = (x: number): string => `${+(x * 100).toFixed(1)}%`;

/**
 * §九.1 asks for a centre in every county-level unit and every township: the centres meeting the
 * standard plus those the build programme builds must be all of them (to a hundredth of a centre).
 */
export function facilitiesChecks(ctx: CheckContext): ProgramCheck[] {
  const t = ctx.parameters;
  const start = ctx.months[0];
  if (start === undefined) return [];
  const date = `${start}-01`;
  const sum = (units: string): number => PREFECTURE_CODES.reduce((s, p) => s + t.valueAt(`${CENTRES}.${units}`, date, { prefecture: p }), 0);
  const counties = sum('counties');
  const townships = sum('townships');
  const all = counties + townships;
  const met = t.valueAt(`${CENTRES}.meeting_standard`, date);
  const plan = buildProgramme(t, `${CENTRES}.build_share`);
  const built = all * (1 - met) * plan.total;
  const centres = all * met + built;
  const passed = plan.ends && Math.round(centres * 100) === Math.round(all * 100);
  const years = plan.byYear.map(([y, s]) => `${y} ${pct(s)}`).join(', ') || 'none';
  return [{
    id: 'welfare-centre-in-every-county-and-township',
    passed,
    detail: `吉政发〔2006〕48号 §九.1: one social welfare centre in each of ${counties} county-level units and ${townships} townships (${all}); ${pct(met)} met the standard and the build programme builds ${pct(plan.total)} of the other ${+(all * (1 - met)).toFixed(1)} (${years})${plan.ends ? '' : ', and never ends'}: ${+centres.toFixed(1)} of ${all} centres.`,
    detailZh: `吉政发〔2006〕48号 §九.1：${counties} 个县级单位和 ${townships} 个乡镇（共 ${all} 个）各建一所社会福利中心；${pct(met)} 已达标，建设计划建成其余 ${+(all * (1 - met)).toFixed(1)} 个中的 ${pct(plan.total)}（${plan.byYear.map(([y, s]) => `${y}年 ${pct(s)}`).join('，') || '无'}）${plan.ends ? '' : '，且无完成之年'}：${+centres.toFixed(1)} / ${all} 所。`,
  }];
}

export const facilitiesProgram: ProgramDefinition = defineProgram({
  id: 'facilities',
  label: { zh: '救助设施建设', en: 'Assistance facilities' },
  clauses: ['九.1', '九.2'],
  rules: [],
  components: {
    countyCentres: { compute: countyCentresCost, payer: { shares: `${CENTRES}.cost_shares` }, label: { zh: '县级社会福利中心建设', en: 'County welfare centres built' } },
    townshipCentres: { compute: townshipCentresCost, payer: { shares: `${CENTRES}.cost_shares` }, label: { zh: '乡镇社会福利中心建设', en: 'Township welfare centres built' } },
    stationRenovation: { compute: stationsRenovationCost, payer: 'budget', label: { zh: '救助管理站未成年人救助区改造', en: 'Assistance stations renovated for minors' } },
    stationRunning: { compute: stationsRunningCost, payer: 'budget', label: { zh: '流浪未成年人救助运行', en: 'Running the street-children sections' } },
  },
  recipient: null,
  checks: facilitiesChecks,
});
