/**
 * Assistance facilities (吉政发〔2006〕48号 §九.1–§九.2): the building of one rural social welfare
 * centre per county-level unit and per township (a capital plan by year), and the minors'
 * sections of the assistance stations for street children (renovation and running). No
 * household receives these: every cost line is computed per prefecture × area cell and month
 * from parameters, accruing a twelfth of the year's amount a month (annual/12 to the fen), and
 * the program has no recipients. programs.facilities.byYear is the capital plan by year.
 */
import { monthlyAccrual, MONTHS_PER_YEAR } from '../../engine/money.js';
import { PREFECTURE_CODES, prefectureLabel } from '../../engine/locality.js';
import type { ParameterTree } from '../../engine/parameters/tree.js';
import { monthFromIndex, monthIndex } from '../../engine/period.js';
import { checkRow, defineProgram, PROVINCE_SCOPE, type CheckContext, type CheckScope, type FundsContext, type ProgramCheck, type ProgramDefinition } from '../../engine/program.js';

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

/** The share of the backlog built by the end of `month` (each month a twelfth of the share in force, from the programme's first date). */
export function builtBy(t: ParameterTree, path: string, month: string): number {
  const values = t.leaf(path).values;
  const first = monthOf(values[0]?.date);
  if (first === undefined) return 0;
  let built = 0;
  for (let i = monthIndex(first); i <= monthIndex(month); i++) built += t.valueAt(path, `${monthFromIndex(i)}-01`) / MONTHS_PER_YEAR;
  return built;
}

const FACILITIES_READING = {
  id: 'text',
  name: { zh: '按条文', en: 'as written' },
  en: 'every county-level unit and every township has one social welfare centre, rebuilt or new; the clause sets no date, so a programme that finishes after the period is not yet due',
  zh: '每个县（市、区）和乡（镇）改建或新建1所社会福利中心；条文未定期限，建设计划在模拟期后完成的不作判定',
} as const;

/**
 * §九.1 asks for a centre in every county-level unit and every township. The centres standing at
 * the end of the period are those meeting the standard plus those the build programme has built
 * by then (counted by the dates they are built). All of them: complies. Fewer, but the programme
 * builds the rest later: not applicable in the period (the clause sets no date). Fewer, and the
 * programme never builds them all: does not comply. One row for the province, one per prefecture.
 */
export function facilitiesChecks(ctx: CheckContext): ProgramCheck[] {
  const t = ctx.parameters;
  const start = ctx.months[0];
  const end = ctx.months[ctx.months.length - 1];
  if (start === undefined || end === undefined) return [];
  const date = `${start}-01`;
  const met = t.valueAt(`${CENTRES}.meeting_standard`, date);
  const plan = buildProgramme(t, `${CENTRES}.build_share`);
  const built = Math.min(1, builtBy(t, `${CENTRES}.build_share`, end));
  // To a hundredth of the backlog, as the centres are counted to a hundredth of a centre below.
  const completes = plan.ends && Math.round(plan.total * 100) >= 100;
  const years = plan.byYear.map(([y, s]) => `${y} ${pct(s)}`).join(', ') || 'none';
  const yearsZh = plan.byYear.map(([y, s]) => `${y}年 ${pct(s)}`).join('，') || '无';
  const row = (scope: CheckScope, counties: number, townships: number): ProgramCheck => {
    const all = counties + townships;
    const standing = all * met + all * (1 - met) * built;
    const status = Math.round(standing * 100) >= Math.round(all * 100) ? 'complies' : completes ? 'not-applicable' : 'does-not-comply';
    const where = scope.kind === 'province' ? '' : ` (${prefectureLabel(Number(scope.key))})`;
    const whereZh = scope.kind === 'province' ? '' : `（${prefectureLabel(Number(scope.key), 'zh')}）`;
    const due = status === 'not-applicable' ? '; the programme finishes them after the period, and the clause sets no date' : status === 'does-not-comply' ? '; the programme never builds them all' : '';
    const dueZh = status === 'not-applicable' ? '；其余在模拟期后建成，条文未定期限' : status === 'does-not-comply' ? '；建设计划不能全部建成' : '';
    return checkRow({
      id: 'welfare-centre-in-every-county-and-township',
      clause: '九.1',
      reading: FACILITIES_READING,
      scope,
      status,
      detail: `吉政发〔2006〕48号 §九.1${where}: one social welfare centre in each of ${counties} county-level units and ${townships} townships (${all}); ${pct(met)} met the standard and by ${end} the build programme (${years}${plan.ends ? '' : ', never ending'}) has built ${pct(built)} of the other ${+(all * (1 - met)).toFixed(1)}: ${+standing.toFixed(1)} of ${all} centres${due}.`,
      detailZh: `吉政发〔2006〕48号 §九.1${whereZh}：${counties} 个县级单位和 ${townships} 个乡镇（共 ${all} 个）各建一所社会福利中心；${pct(met)} 已达标，至 ${end} 建设计划（${yearsZh}${plan.ends ? '' : '，无完成之年'}）建成其余 ${+(all * (1 - met)).toFixed(1)} 个中的 ${pct(built)}：${+standing.toFixed(1)} / ${all} 所${dueZh}。`,
    });
  };
  const units = (kind: string, prefecture: number): number => t.valueAt(`${CENTRES}.${kind}`, date, { prefecture });
  const sum = (kind: string): number => PREFECTURE_CODES.reduce((s, p) => s + units(kind, p), 0);
  return [
    row(PROVINCE_SCOPE, sum('counties'), sum('townships')),
    ...PREFECTURE_CODES.map((p) => row({ kind: 'prefecture', key: String(p) }, units('counties', p), units('townships', p))),
  ];
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
