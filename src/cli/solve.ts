/** `jiuzhu solve`: the lever value that meets an objective, its iterations, and the solved scenario. */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { JiuzhuError } from '../engine/errors.js';
import type { CellSelector } from '../engine/parameters/types.js';
import { isIsoDate } from '../engine/period.js';
import { loadScenario } from '../scenarios/input/load.js';
import { COST_MEASURES, LEVER_MODES, SOLVE_OBJECTIVES, solveScenario, writeSolvedScenario, type CostMeasure, type Evaluation, type LeverMode, type SolveObjective, type SolveResult } from '../scenarios/studies/solve.js';
import { findPrefecture, prefectureChoices } from '../text/prefectures.js';
import { datasetFor, parseLang, parsePeriod, parseSeed, printJson, type CommonOptions } from './common.js';
import type { Lang } from '../text/labels.js';
import { fmtMoneyIn, fmtMoneyWithUnit, moneyUnitOf, unitLine } from '../text/units.js';
import { formatTable } from '../text/format.js';
import type { CliIo } from './io.js';

export interface SolveCliOptions extends CommonOptions {
  lever: string;
  objective: string;
  target?: string;
  budget?: string;
  against?: string;
  mode?: string;
  min?: string;
  max?: string;
  xtol?: string;
  tol?: string;
  grid?: string;
  where?: string;
  from?: string;
  cost?: string;
  period?: string;
  write?: string;
  name?: string;
}

const usage = (key: string, message: string, hint?: string): JiuzhuError => new JiuzhuError('BAD_OPTION', message, { kind: 'usage', location: { key }, hint });

function num(key: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const x = Number(v);
  if (v.trim() === '' || !Number.isFinite(x)) throw usage(key, `${key} must be a number, not '${v}'`);
  return x;
}

function oneOf<T extends string>(key: string, v: string | undefined, allowed: readonly T[]): T | undefined {
  if (v === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(v)) throw usage(key, `${key} must be one of ${allowed.join(', ')}, not '${v}'`);
  return v as T;
}

/** `--where area=urban,prefecture=220100+220200,category=x`: the cells the lever changes. */
export function parseWhere(v: string | undefined): CellSelector | undefined {
  if (v === undefined) return undefined;
  const out: { prefecture?: number | number[]; area?: 'urban' | 'rural'; category?: string | string[] } = {};
  for (const part of v.split(',')) {
    const [k, val] = part.split('=').map((x) => x.trim());
    const list = (val ?? '').split('+').filter(Boolean);
    if (!val || !list.length) throw usage('--where', `--where takes key=value pairs separated by commas (e.g. area=urban,prefecture=220100), not '${v}'`);
    if (k === 'area') {
      if (val !== 'urban' && val !== 'rural') throw usage('--where', `--where area is urban or rural, not '${val}'`);
      out.area = val;
    } else if (k === 'prefecture') {
      const found = list.map((x) => findPrefecture(x));
      if (found.some((p) => !p)) throw usage('--where', `--where prefecture takes prefecture codes or names joined by +, one of: ${prefectureChoices()}; not '${val}'`);
      const codes = found.map((p) => p!.code);
      out.prefecture = codes.length === 1 ? codes[0]! : codes;
    } else if (k === 'category') out.category = list.length === 1 ? list[0]! : list;
    else throw usage('--where', `--where keys are area, prefecture and category, not '${k}'`);
  }
  return out;
}

/** Solves, prints the solution, and returns the exit code: 3 when the objective cannot be met. */
export async function solveCommand(file: string, options: SolveCliOptions, io: CliIo): Promise<number> {
  const lang = parseLang(options.lang);
  const objective = oneOf<(typeof SOLVE_OBJECTIVES)[number]>('--objective', options.objective, SOLVE_OBJECTIVES)!;
  if (options.from !== undefined && !isIsoDate(options.from)) throw usage('--from', `--from must be a date YYYY-MM-DD, not '${options.from}'`);
  if (options.write !== undefined && !existsSync(dirname(resolve(options.write)))) throw usage('--write', `--write: the folder ${dirname(resolve(options.write))} does not exist`);
  const scenario = loadScenario(file);
  const against = options.against !== undefined ? loadScenario(options.against) : undefined;
  const dataset = await datasetFor(scenario, options, io);
  if ('kind' in dataset) throw usage('--data', 'jiuzhu solve runs the scenario many times and needs a dataset in memory, not a chunked one', 'solve on a sample (jiuzhu generate --households 100000), then run the solved scenario on the full count');
  const zh = lang === 'zh';
  const progress = io.stderr.isTTY && !options.json;
  const result = solveScenario(scenario, dataset, {
    lever: {
      path: options.lever,
      mode: oneOf<LeverMode>('--mode', options.mode, LEVER_MODES),
      min: num('--min', options.min),
      max: num('--max', options.max),
      xtol: num('--xtol', options.xtol),
      where: parseWhere(options.where),
      from: options.from,
    },
    objective,
    target: num('--target', options.target),
    budget: num('--budget', options.budget),
    against,
    tol: num('--tol', options.tol),
    grid: num('--grid', options.grid),
    cost: oneOf<CostMeasure>('--cost', options.cost, COST_MEASURES),
    period: parsePeriod(options.period),
    seed: parseSeed(options.seed),
    onEvaluation: progress ? (e) => io.stderr.write(`${evaluationLine(e, lang)}\n`) : undefined,
  });
  let written: string | undefined;
  if (options.write !== undefined) {
    if (result.status !== 'solved') throw new JiuzhuError('SOLVE_UNREACHABLE', `not writing ${options.write}: ${result.message}`, { kind: 'input', location: { key: '--write' }, hint: 'widen --min/--max or change the target' });
    writeSolvedScenario(file, options.write, scenario, result, options.name);
    written = options.write;
  }
  if (options.json) printJson(io, { ...result, ...(written ? { written } : {}) });
  else io.stdout.write(`${solveReport(result, lang)}${written ? `\n${zh ? '已写入并校验' : 'Wrote and validated'} ${written}` : ''}\n`);
  if (result.status !== 'solved') {
    io.stderr.write(`${zh ? '错误' : 'error'}: ${zh && result.messageZh ? result.messageZh : result.message}\n`);
    return 3;
  }
  return 0;
}

/** One line of progress on stderr per run of the scenario. */
export function evaluationLine(e: Evaluation, lang: Lang): string {
  if (lang === 'zh') return `  第 ${e.n} 次运行（${PHASE_ZH[e.phase]}）${e.value ?? '对照'}：贫困人口覆盖率 ${e.coverageOfPoor.toFixed(4)}，弥合贫困缺口 ${fmtMoneyWithUnit(e.povertyGapClosed, lang)}，支出 ${fmtMoneyWithUnit(e.cost, lang)} · ${e.seconds.toFixed(1)} 秒`;
  return `  run ${e.n} (${e.phase}) ${e.value ?? 'against'}: coverage of the poor ${e.coverageOfPoor.toFixed(4)}, gap closed ${fmtMoneyWithUnit(e.povertyGapClosed, lang)}, cost ${fmtMoneyWithUnit(e.cost, lang)} · ${e.seconds.toFixed(1)} s`;
}

/** The search phases in Chinese. */
const PHASE_ZH: Record<Evaluation['phase'], string> = { against: '对照', bound: '边界', grid: '网格', bisection: '二分', 'regula-falsi': '试位法', golden: '黄金分割' };

const OBJ: Record<SolveObjective, { zh: string; en: string }> = {
  'coverage-of-poor': { zh: '贫困人口覆盖率', en: 'coverage of the poor' },
  'gap-closed': { zh: '弥合贫困缺口', en: 'poverty gap closed' },
  'budget-neutral': { zh: '支出持平', en: 'budget-neutral' },
  check: { zh: '条款符合', en: 'compliance' },
};

/** The iterations as a table and the solution, in Chinese or English. */
export function solveReport(r: SolveResult, lang: Lang): string {
  const zh = lang === 'zh';
  const goal = r.objective.kind === 'coverage-of-poor' ? `≥ ${r.objective.target}` : r.objective.kind === 'gap-closed' ? (zh ? `年预算 ${fmtMoneyWithUnit(r.objective.budget!, lang)}` : `budget ${fmtMoneyWithUnit(r.objective.budget!, lang)} a year`) : (zh ? `对照 ${r.objective.against}` : `against ${r.objective.against}`);
  const lever = `${r.lever.path}${r.lever.where ? ` ${JSON.stringify(r.lever.where)}` : ''}${r.lever.from ? (zh ? ` 自 ${r.lever.from}` : ` from ${r.lever.from}`) : ''} ${r.lever.mode === 'scale' ? '×' : '='} [${r.lever.min}, ${r.lever.max}] (xtol ${r.lever.xtol})`;
  const costName = r.objective.cost === 'dibao' ? (zh ? '低保支出' : 'dibao cost') : (zh ? '各项目总支出' : 'all programs’ cost');
  const title = zh
    ? `求解 ${r.scenario}：${OBJ[r.objective.kind].zh} ${goal}（容差 ${r.objective.tol}）· 杠杆 ${lever} · ${r.period.from} 至 ${r.period.to} · 数据集 ${r.dataset.name} · 种子 ${r.seed}`
    : `Solving ${r.scenario}: ${OBJ[r.objective.kind].en} ${goal} (tol ${r.objective.tol}) · lever ${lever} · ${r.period.from} to ${r.period.to} · dataset ${r.dataset.name} · seed ${r.seed}`;
  const header = zh
    ? ['#', '阶段', '杠杆取值', '贫困人口覆盖率', '弥合贫困缺口', `${costName}（期内）`, `${costName}（年化）`, '秒']
    : ['#', 'phase', 'lever', 'coverage of poor', 'gap closed', `${costName} (period)`, `${costName} (a year)`, 's'];
  const unit = moneyUnitOf(r.iterations.flatMap((e) => [e.povertyGapClosed, e.cost, e.costAnnual]), lang);
  const fmtMoney = (x: number): string => fmtMoneyIn(x, unit);
  const chosen = r.solution?.value;
  const rows = r.iterations.map((e) => [
    String(e.n),
    zh ? PHASE_ZH[e.phase] : e.phase,
    e.value === null ? (r.against?.name ?? '') : `${e.value}${e.value === chosen ? ' ◀' : ''}`,
    e.coverageOfPoor.toFixed(4),
    fmtMoney(e.povertyGapClosed),
    fmtMoney(e.cost),
    fmtMoney(e.costAnnual),
    e.seconds.toFixed(1),
  ]);
  const s = r.solution;
  const outcome = s
    ? zh
      ? `解：${r.lever.path} ${r.lever.mode === 'scale' ? '×' : '='} ${s.value}（${s.withinTol ? '满足容差' : '未达容差'}）· 贫困人口覆盖率 ${s.coverageOfPoor.toFixed(4)} · 年化${costName} ${fmtMoneyWithUnit(s.costAnnual, lang)}`
      : `Solution: ${r.lever.path} ${r.lever.mode} ${s.value} (${s.withinTol ? 'within tol' : 'NOT within tol'}) · coverage of the poor ${s.coverageOfPoor.toFixed(4)} · ${costName} ${fmtMoneyWithUnit(s.costAnnual, lang)} a year`
    : zh ? '无解' : 'No solution';
  const message = zh && r.messageZh ? r.messageZh : r.message;
  const monotone = r.monotone ? (zh ? `沿网格单调上升：目标 ${r.monotone.objective ? '是' : '否'}，支出 ${r.monotone.cost ? '是' : '否'}` : `rising along the grid: objective ${r.monotone.objective ? 'yes' : 'no'}, cost ${r.monotone.cost ? 'yes' : 'no'}`) : '';
  return [title, '', unitLine(unit, lang), formatTable(header, rows), '', outcome, message, ...(monotone ? [monotone] : []), zh ? `共 ${r.iterations.length} 次运行，${r.seconds.toFixed(1)} 秒` : `${r.iterations.length} runs, ${r.seconds.toFixed(1)} s`].join('\n');
}
