/**
 * The budget solver (`jiuzhu solve`): the value of one lever — a parameter path — that meets
 * an objective, found by running the scenario again and again on one loaded dataset.
 *
 * The lever is an override appended to the scenario's own: `scale: k` of the path (default;
 * a branch scales every number under it, so `dibao.standard × k` is "raise every standard by
 * k"), or `set: v` of a number leaf. Bounds default to 0.5–3 for a scale, 0–1 for a set of a
 * probability or share; the resolution `xtol` (every value tried is a multiple of it) to a
 * thousandth of the range, rounded down to a power of ten.
 *
 * Objectives:
 * - `coverage-of-poor`: the lowest value at which summary.targeting.coverageOfPoor reaches
 *   the target. "The poor" are those the rules find eligible on true income under the
 *   scenario's own parameters, so a lever that moves the standard moves the poor with it, and
 *   coverage of the poor need not rise with the standard (take-up and assessment error cap it).
 *   So the solver first walks a grid upwards to the first value that reaches the target, then
 *   bisects between it and the grid value below, to the resolution.
 * - `budget-neutral`: the value at which the cost equals that of `against` over the same
 *   period, dataset and seed: the Illinois variant of regula falsi on cost − cost(against),
 *   bracketed by the bounds, until the cost is within tol (relative) of the target.
 * - `gap-closed`: the value that closes the most poverty gap (summary.distribution.
 *   povertyGapClosed) with an annualised cost within the budget. A grid first: if the gap closed
 *   and the cost both rise along it, the answer is the largest value within the budget (regula
 *   falsi on cost − budget between the last grid value within it and the next); if not, a
 *   golden-section search for the largest gap closed around the best grid value, values over
 *   budget counting as infeasible.
 *
 * The cost is the §二 dibao cost (summary.cost: regular dibao, temporary aid, price subsidy,
 * gradual-exit payments) or, with `cost: 'all'`, the sum of every program's cost, whoever pays.
 * Budgets are yuan a year: the cost over the period × 12 ÷ its months. Every evaluation is a
 * full run, cached by lever value; the iterations are reported.
 */
import { parameterPathHint } from '../../text/suggest.js';
import { fmtMoneyWithUnit } from '../../text/units.js';
import { renameSync, writeFileSync, readFileSync, existsSync } from 'node:fs';
import { basename, dirname, extname, isAbsolute, relative, resolve } from 'node:path';
import { parseDocument, isMap, isSeq, Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import type { Dataset } from '../../data/dataset.js';
import { resolveDatasetPath } from '../../data/dataset.js';
import { JiuzhuError } from '../../engine/errors.js';
import type { CellSelector } from '../../engine/parameters/types.js';
import type { Override, ParameterTree } from '../../engine/parameters/tree.js';
import { monthsBetween } from '../../engine/period.js';
import { baselineParameters } from '../../policy/parameters.js';
import { loadScenario, type Scenario } from '../input/load.js';
import { ScenarioSweep, type SweepOptions } from '../execution/sweep.js';
import { scenarioParameters, scenarioPeriod, type Period, type ScenarioResult } from '../execution/run.js';
import { OverrideSchema, type OverrideSpec } from '../input/schema.js';

export const SOLVE_OBJECTIVES = ['coverage-of-poor', 'gap-closed', 'budget-neutral'] as const;
/** `check` is asked by `jiuzhu comply` (the lowest value at which check rows comply), not on solve's command line. */
export type SolveObjective = (typeof SOLVE_OBJECTIVES)[number] | 'check';
export const COST_MEASURES = ['dibao', 'all'] as const;
export type CostMeasure = (typeof COST_MEASURES)[number];
export const LEVER_MODES = ['scale', 'set'] as const;
export type LeverMode = (typeof LEVER_MODES)[number];

/** The lever as asked: a parameter path, and optionally how it moves and within what. */
export interface LeverSpec {
  path: string;
  mode?: LeverMode;
  min?: number;
  max?: number;
  /** Resolution of the lever: every value tried is a multiple of it. */
  xtol?: number;
  /** Cells the lever changes (default: all). */
  where?: CellSelector;
  /** First day the lever applies (default: throughout). */
  from?: string;
}

/** The lever with its defaults filled in. */
export interface Lever extends LeverSpec { mode: LeverMode; min: number; max: number; xtol: number }

export interface SolveOptions {
  lever: LeverSpec;
  objective: SolveObjective;
  /** coverage-of-poor: the coverage of the poor to reach (0–1). */
  target?: number;
  /** gap-closed: the most the cost may be, yuan a year. */
  budget?: number;
  /** budget-neutral: the scenario whose cost to match. */
  against?: Scenario;
  /**
   * check: the check rows that must comply (src/scenarios/studies/comply.ts): a predicate on a
   * run's checks, and optionally the same on a parameter tree alone, for a check that reads
   * parameters only (then the search runs nothing until the solution is found).
   */
  complies?: { onRun: (checks: ScenarioResult['checks']) => boolean; onParameters?: (t: ParameterTree) => boolean; label: string };
  /** Tolerance on the objective: absolute for coverage, relative for a cost (default 0.001). */
  tol?: number;
  cost?: CostMeasure;
  /** Grid points over the bounds for coverage-of-poor and gap-closed (default 6). */
  grid?: number;
  /** Most runs before giving up (default 60). */
  maxEvaluations?: number;
  period?: Period;
  seed?: number;
  /**
   * Threads each run computes on (SweepOptions.sliceThreads); default 1. The same result either
   * way. A solve is a few runs (8 for the README's example), and a second thread first starts and
   * compiles the engine again: measured quiet on the default dataset (session 13), the README's
   * solve took 7.25–7.40 s on two threads against 6.89–7.06 s on one, with 35% more CPU. A sweep
   * of many variants gains (W3: median 116–118 against 134–154 ms a variant).
   */
  sliceThreads?: 1 | 2;
  /** Households from which a population is cut into prefecture slices (SweepOptions.minSlicedHouseholds; the tests slice small populations). */
  minSlicedHouseholds?: number;
  /** Called after every run (progress). */
  onEvaluation?: (e: Evaluation) => void;
}

/** Money in a Chinese message: 万元 or 亿元 by size. */
const wan = (yuan: number): string => fmtMoneyWithUnit(yuan, 'zh');
const modeZh = (mode: string): string => (mode === 'scale' ? '×' : '=');

export type Phase = 'against' | 'bound' | 'grid' | 'bisection' | 'regula-falsi' | 'golden';

/** One run of the scenario at one lever value. */
export interface Evaluation {
  n: number;
  phase: Phase;
  /** Lever value (null for the `against` scenario). */
  value: number | null;
  coverageOfPoor: number;
  povertyGapClosed: number;
  /** The chosen cost measure over the period, and a year of it (NaN when a check was read off the parameters without a run). */
  cost: number;
  costAnnual: number;
  /** check: the rows asked for comply at this value. */
  complies?: boolean;
  seconds: number;
}

export interface SolveResult {
  scenario: string;
  objective: { kind: SolveObjective; target?: number; budget?: number; against?: string; tol: number; cost: CostMeasure };
  lever: Lever;
  period: Period;
  seed: number;
  dataset: { name: string; sha256: string };
  /** `unreachable`: no lever value within the bounds meets the objective (see message). */
  status: 'solved' | 'unreachable';
  solution: {
    value: number;
    /** The override that the solved scenario appends. */
    override: OverrideSpec;
    coverageOfPoor: number;
    povertyGapClosed: number;
    cost: number;
    costAnnual: number;
    /** The objective is met within tol (coverage reached and within tol above the target; cost within tol of the target or budget). */
    withinTol: boolean;
  } | null;
  against?: { name: string; cost: number; costAnnual: number };
  /** Along the grid (where there is one): does each rise with the lever? */
  monotone?: { objective: boolean; cost: boolean };
  message: string;
  /** The message in Chinese, for `--lang zh`. */
  messageZh?: string;
  iterations: Evaluation[];
  seconds: number;
}

const DEFAULT_SCALE_BOUNDS = [0.5, 3] as const;

/** The lever's defaults from its parameter: bounds by mode and unit, a resolution from the range. */
export function resolveLever(spec: LeverSpec, parameters: ParameterTree = baselineParameters()): Lever {
  const usage = (key: string, message: string, hint?: string): JiuzhuError => new JiuzhuError('BAD_OPTION', message, { kind: 'usage', location: { key }, hint });
  if (!parameters.exists(spec.path)) {
    throw new JiuzhuError('UNKNOWN_PARAMETER', `unknown parameter path '${spec.path}'`, { kind: 'usage', location: { key: '--lever' }, hint: parameterPathHint(spec.path, parameters.paths()) });
  }
  const mode = spec.mode ?? 'scale';
  const leaves = parameters.leavesUnder(spec.path).filter((l) => l.kind === 'number');
  if (!leaves.length) throw usage('--lever', `'${spec.path}' has no number to move (it is yes/no or a bracket scale)`);
  let min = spec.min;
  let max = spec.max;
  if (mode === 'set') {
    const leaf = parameters.has(spec.path) ? parameters.leaf(spec.path) : undefined;
    if (!leaf || leaf.kind !== 'number') throw usage('--mode', `--mode set needs a number leaf; '${spec.path}' is a branch or not a number`, 'scale a branch instead (--mode scale)');
    if (leaf.unit === 'probability' || leaf.unit === 'share') {
      min ??= 0;
      max ??= 1;
    }
    if (min === undefined || max === undefined) throw usage('--min', `--mode set on '${spec.path}' (${leaf.unit}) needs --min and --max`);
  } else {
    min ??= DEFAULT_SCALE_BOUNDS[0];
    max ??= DEFAULT_SCALE_BOUNDS[1];
  }
  if (!(Number.isFinite(min) && Number.isFinite(max) && min < max)) throw usage('--min', `the lever bounds must be numbers with --min < --max, not ${min} and ${max}`);
  const xtol = spec.xtol ?? Number(`1e${Math.floor(Math.log10((max - min) / 1000))}`);
  if (!(xtol > 0 && xtol < max - min)) throw usage('--xtol', `--xtol must be positive and below the range ${max - min}, not ${xtol}`);
  const lever: Lever = { ...spec, mode, min, max, xtol };
  const check = OverrideSchema.safeParse(leverOverrideSpec(lever, min));
  if (!check.success) throw usage(spec.where ? '--where' : '--from', `the lever override is not valid: ${check.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  // Apply it once, so a bad --where (a dimension the leaf lacks, an unknown prefecture) fails now.
  parameters.withOverrides([leverOverride(lever, min)]);
  return lever;
}

/** The override as written in a scenario file. */
export function leverOverrideSpec(lever: Lever, value: number): OverrideSpec {
  return {
    path: lever.path,
    [lever.mode]: value,
    ...(lever.from ? { from: lever.from } : {}),
    ...(lever.where ? { where: lever.where as OverrideSpec['where'] } : {}),
  };
}

/** The override a run applies, with its origin for explain. */
export function leverOverride(lever: Lever, value: number): Override {
  return { ...leverOverrideSpec(lever, value), origin: { key: lever.path, scenario: `jiuzhu solve lever ${lever.path} ${lever.mode} ${value}` } } as Override;
}

/** The scenario with the lever at a value: its overrides, then the lever's. */
export function withLever(s: Scenario, lever: Lever, value: number): Scenario {
  return { ...s, overrides: [...s.overrides, leverOverride(lever, value)] };
}

/** Decimal places that show every multiple of xtol exactly. */
const decimalsOf = (xtol: number): number => Math.min(12, Math.max(0, Math.ceil(-Math.log10(xtol) - 1e-9) + 1));

const OBJECTIVE_LABEL: Record<SolveObjective, string> = {
  'coverage-of-poor': 'coverage of the poor',
  'gap-closed': 'poverty gap closed',
  'budget-neutral': 'cost',
  check: 'compliance',
};

/** Finds the lever value that meets the objective. Runs are synchronous: the dataset is in memory. */
export function solveScenario(scenario: Scenario, dataset: Dataset, options: SolveOptions): SolveResult {
  let sweep: ScenarioSweep | undefined;
  try {
    return solve(scenario, dataset, options, (o) => (sweep = new ScenarioSweep(scenario, dataset, { ...o, sliceThreads: options.sliceThreads ?? 1, minSlicedHouseholds: options.minSlicedHouseholds })));
  } finally {
    // Its helper thread (if any) stops; solve returns at once (the thread is unref'd meanwhile).
    void sweep?.close();
  }
}

function solve(scenario: Scenario, dataset: Dataset, options: SolveOptions, openSweep: (o: SweepOptions) => ScenarioSweep): SolveResult {
  const t0 = performance.now();
  const lever = resolveLever(options.lever);
  const tol = options.tol ?? 0.001;
  if (!(tol >= 0 && Number.isFinite(tol))) throw new JiuzhuError('BAD_OPTION', `--tol must be a non-negative number, not ${tol}`, { kind: 'usage', location: { key: '--tol' } });
  const measure = options.cost ?? 'dibao';
  const gridN = options.grid ?? 6;
  if (!Number.isInteger(gridN) || gridN < 2) throw new JiuzhuError('BAD_OPTION', `--grid must be an integer ≥ 2, not ${gridN}`, { kind: 'usage', location: { key: '--grid' } });
  const maxEvaluations = options.maxEvaluations ?? 60;
  const period = options.period ?? scenarioPeriod(scenario);
  const seed = options.seed ?? scenario.seed ?? 1;
  const months = monthsBetween(period.from, period.to).length;
  checkObjectiveOptions(options);

  const iterations: Evaluation[] = [];
  const cache = new Map<number, Evaluation>();
  const decimals = decimalsOf(lever.xtol);
  /** The multiple of xtol nearest x (bounds stay as given). */
  const snap = (x: number): number => Number((Math.round(x / lever.xtol) * lever.xtol).toFixed(decimals));
  const costOf = (r: ScenarioResult): { cost: number; costAnnual: number } => {
    if (measure === 'dibao') return { cost: r.summary.cost, costAnnual: r.summary.costAnnual };
    const fen = Object.values(r.programs).reduce((a, p) => a + Math.round(p.cost * 100), 0);
    return { cost: fen / 100, costAnnual: Math.round((fen * 12) / Math.max(months, 1)) / 100 };
  };
  const record = (phase: Phase, value: number | null, r: ScenarioResult, t: number): Evaluation => {
    const e: Evaluation = { n: iterations.length + 1, phase, value, coverageOfPoor: r.summary.targeting.coverageOfPoor, povertyGapClosed: r.summary.distribution.povertyGapClosed, ...costOf(r), ...(options.complies ? { complies: options.complies.onRun(r.checks) } : {}), seconds: (performance.now() - t) / 1000 };
    iterations.push(e);
    options.onEvaluation?.(e);
    return e;
  };
  // Every evaluation is a variant of one sweep (execution/sweep.ts): the rules the lever does
  // not reach are computed once, and each evaluation against the scenario's own run (recorded
  // at the first evaluation), recomputing only what the lever changed.
  const sweep = openSweep({ period, seed, levers: [lever.path] });
  const evaluate = (x: number, phase: Phase): Evaluation => {
    const hit = cache.get(x);
    if (hit) return hit;
    if (iterations.length >= maxEvaluations) {
      throw new JiuzhuError('SOLVE_BUDGET', `no solution after ${maxEvaluations} runs`, { kind: 'input', location: { key: '--lever' }, hint: 'narrow --min/--max, or loosen --tol or --xtol' });
    }
    const t = performance.now();
    const onParameters = options.complies?.onParameters;
    if (onParameters) {
      // A check on parameters only: read it off the scenario's tree at this value, no run.
      const e: Evaluation = { n: iterations.length + 1, phase, value: x, coverageOfPoor: NaN, povertyGapClosed: NaN, cost: NaN, costAnnual: NaN, complies: onParameters(scenarioParameters(withLever(scenario, lever, x))), seconds: (performance.now() - t) / 1000 };
      iterations.push(e);
      options.onEvaluation?.(e);
      cache.set(x, e);
      return e;
    }
    const e = record(phase, x, sweep.run(withLever(scenario, lever, x)), t);
    cache.set(x, e);
    return e;
  };

  const base = {
    scenario: scenario.name,
    objective: { kind: options.objective, target: options.target, budget: options.budget, against: options.against?.name, tol, cost: measure },
    lever,
    period,
    seed,
    dataset: { name: dataset.meta.name, sha256: dataset.meta.sha256 },
  };
  const grid = (): number[] => Array.from({ length: gridN }, (_, i) => (i === 0 ? lever.min : i === gridN - 1 ? lever.max : snap(lever.min + ((lever.max - lever.min) * i) / (gridN - 1))));
  const rising = (xs: readonly number[]): boolean => xs.every((v, i) => i === 0 || v >= xs[i - 1]!);
  const finish = (status: SolveResult['status'], best: Evaluation | null, withinTol: boolean, message: string, extra: Partial<SolveResult> = {}): SolveResult => ({
    ...base,
    status,
    solution: best && best.value !== null ? { value: best.value, override: leverOverrideSpec(lever, best.value), coverageOfPoor: best.coverageOfPoor, povertyGapClosed: best.povertyGapClosed, cost: best.cost, costAnnual: best.costAnnual, withinTol } : null,
    ...extra,
    message,
    iterations,
    seconds: (performance.now() - t0) / 1000,
  });
  const fmt = (x: number): string => String(Number(x.toFixed(decimals)));

  /**
   * The Illinois variant of regula falsi on g over a bracket [a, b] whose ends have opposite
   * signs, on the lattice of xtol; stops when `done` or when no lattice point is left inside.
   */
  const regulaFalsi = (g: (e: Evaluation) => number, a: Evaluation, b: Evaluation, done: (e: Evaluation) => boolean): { a: Evaluation; b: Evaluation } => {
    let ga = g(a);
    let gb = g(b);
    let side = 0;
    for (;;) {
      const xa = a.value!;
      const xb = b.value!;
      let x = snap(xb - (gb * (xb - xa)) / (gb - ga));
      if (!(x > xa && x < xb) || !Number.isFinite(x)) x = snap((xa + xb) / 2);
      if (!(x > xa && x < xb)) return { a, b };
      const e = evaluate(x, 'regula-falsi');
      if (done(e)) return { a: e, b: e };
      const ge = g(e);
      if (Math.sign(ge) === Math.sign(gb)) {
        b = e;
        gb = ge;
        if (side === -1) ga /= 2;
        side = -1;
      } else {
        a = e;
        ga = ge;
        if (side === 1) gb /= 2;
        side = 1;
      }
    }
  };

  // Up the grid to the first value that reaches a target (the values tried, in order).
  const walkUp = (reaches: (e: Evaluation) => boolean): Evaluation[] => {
    const walked: Evaluation[] = [];
    for (const x of grid()) {
      const e = evaluate(x, 'grid');
      walked.push(e);
      if (reaches(e)) break;
    }
    return walked;
  };
  // Bisection between a value that does not reach and one that does (reaching taken to rise with the
  // lever): the lowest value found reaching, and the highest found below it.
  const bisectUp = (below: Evaluation, reached: Evaluation, reaches: (e: Evaluation) => boolean): { lo: Evaluation; hi: Evaluation } => {
    let lo = below;
    let hi = reached;
    for (;;) {
      const x = snap((lo.value! + hi.value!) / 2);
      if (!(x > lo.value! && x < hi.value!)) break;
      const e = evaluate(x, 'bisection');
      if (reaches(e)) hi = e;
      else lo = e;
    }
    return { lo, hi };
  };

  if (options.objective === 'coverage-of-poor') {
    const target = options.target!;
    const reaches = (e: Evaluation): boolean => e.coverageOfPoor >= target;
    const walked = walkUp(reaches);
    const monotone = { objective: rising(walked.map((e) => e.coverageOfPoor)), cost: rising(walked.map((e) => e.cost)) };
    const hit = walked[walked.length - 1]!;
    if (!reaches(hit)) {
      const best = walked.reduce((a, e) => (e.coverageOfPoor > a.coverageOfPoor ? e : a));
      return finish('unreachable', null, false, `coverage of the poor never reaches ${target} for ${lever.path} ${lever.mode} in [${lever.min}, ${lever.max}]: at most ${best.coverageOfPoor.toFixed(4)} (at ${fmt(best.value!)})`, { monotone, messageZh: `${lever.path} ${modeZh(lever.mode)} [${lever.min}, ${lever.max}] 范围内贫困人口覆盖率达不到 ${target}：最高 ${best.coverageOfPoor.toFixed(4)}（取值 ${fmt(best.value!)}）` });
    }
    if (walked.length === 1) {
      return finish('solved', hit, hit.coverageOfPoor - target <= tol, `coverage of the poor is ${hit.coverageOfPoor.toFixed(4)} ≥ ${target} already at the lower bound ${fmt(hit.value!)}`, { monotone, messageZh: `在下界 ${fmt(hit.value!)} 贫困人口覆盖率已为 ${hit.coverageOfPoor.toFixed(4)} ≥ ${target}` });
    }
    const { lo, hi } = bisectUp(walked[walked.length - 2]!, hit, reaches);
    const within = hi.coverageOfPoor - target <= tol;
    const message = within
      ? `lowest ${lever.path} ${lever.mode} reaching coverage of the poor ${target}: ${fmt(hi.value!)} (coverage ${hi.coverageOfPoor.toFixed(4)}; ${fmt(lo.value!)} gives ${lo.coverageOfPoor.toFixed(4)})`
      : `coverage of the poor jumps past ${target} ± ${tol}: from ${lo.coverageOfPoor.toFixed(4)} at ${fmt(lo.value!)} to ${hi.coverageOfPoor.toFixed(4)} at ${fmt(hi.value!)}; the lowest value reaching the target is ${fmt(hi.value!)}`;
    const messageZh = within
      ? `贫困人口覆盖率达到 ${target} 的最低 ${lever.path} ${modeZh(lever.mode)} ${fmt(hi.value!)}（覆盖率 ${hi.coverageOfPoor.toFixed(4)}；${fmt(lo.value!)} 时为 ${lo.coverageOfPoor.toFixed(4)}）`
      : `贫困人口覆盖率跳过 ${target} ± ${tol}：${fmt(lo.value!)} 时为 ${lo.coverageOfPoor.toFixed(4)}，${fmt(hi.value!)} 时为 ${hi.coverageOfPoor.toFixed(4)}；达到目标的最低取值为 ${fmt(hi.value!)}`;
    return finish('solved', hi, within, monotone.objective ? message : `${message} (coverage of the poor does not rise along the grid: this is the lowest crossing found walking up from ${lever.min})`, { monotone, messageZh: monotone.objective ? messageZh : `${messageZh}（贫困人口覆盖率沿网格并非单调上升：这是自 ${lever.min} 向上找到的第一个交点）` });
  }

  if (options.objective === 'check') {
    // The lowest lever value at which the rows comply: up the grid to the first that does, then
    // bisection between it and the grid value below (compliance is taken to rise with the lever).
    const label = options.complies!.label;
    const reaches = (e: Evaluation): boolean => e.complies === true;
    const walked = walkUp(reaches);
    const hit = walked[walked.length - 1]!;
    if (!reaches(hit)) {
      return finish('unreachable', null, false, `${label} does not comply for ${lever.path} ${lever.mode} anywhere in [${lever.min}, ${lever.max}]`, { messageZh: `${lever.path} ${modeZh(lever.mode)} [${lever.min}, ${lever.max}] 范围内 ${label} 均不符合` });
    }
    if (walked.length === 1) return finish('solved', hit, true, `${label} complies already at the lower bound ${fmt(hit.value!)}`, { messageZh: `在下界 ${fmt(hit.value!)} ${label} 已符合` });
    const { lo, hi } = bisectUp(walked[walked.length - 2]!, hit, reaches);
    return finish('solved', hi, true, `lowest ${lever.path} ${lever.mode} at which ${label} complies: ${fmt(hi.value!)} (${fmt(lo.value!)} does not)`, { messageZh: `${label} 符合的最低 ${lever.path} ${modeZh(lever.mode)} ${fmt(hi.value!)}（${fmt(lo.value!)} 不符合）` });
  }

  if (options.objective === 'budget-neutral') {
    const against = options.against!;
    const t = performance.now();
    const ref = record('against', null, sweep.runAlone(against), t);
    const target = ref.cost;
    const againstInfo = { name: against.name, cost: ref.cost, costAnnual: ref.costAnnual };
    const g = (e: Evaluation): number => e.cost - target;
    const ok = (e: Evaluation): boolean => Math.abs(g(e)) <= tol * Math.abs(target);
    const a = evaluate(lever.min, 'bound');
    if (ok(a)) return finish('solved', a, true, `the cost at the lower bound already equals ${against.name}'s`, { against: againstInfo, messageZh: `下界处的支出已与 ${against.name} 持平` });
    const b = evaluate(lever.max, 'bound');
    if (ok(b)) return finish('solved', b, true, `the cost at the upper bound equals ${against.name}'s`, { against: againstInfo, messageZh: `上界处的支出与 ${against.name} 持平` });
    if (Math.sign(g(a)) === Math.sign(g(b))) {
      return finish('unreachable', null, false, `the ${measure} cost runs from ${a.cost.toFixed(2)} to ${b.cost.toFixed(2)} yuan for ${lever.path} ${lever.mode} in [${lever.min}, ${lever.max}]; ${against.name}'s is ${target.toFixed(2)}`, { against: againstInfo, messageZh: `${lever.path} ${modeZh(lever.mode)} [${lever.min}, ${lever.max}] 范围内支出为 ${wan(a.cost)} 至 ${wan(b.cost)}，达不到 ${against.name} 的 ${wan(target)}` });
    }
    const end = regulaFalsi(g, a, b, ok);
    const best = [end.a, end.b].reduce((p, e) => (Math.abs(g(e)) < Math.abs(g(p)) ? e : p));
    const within = ok(best);
    return finish('solved', best, within, within
      ? `${lever.path} ${lever.mode} ${fmt(best.value!)}: ${measure} cost ${best.cost.toFixed(2)} yuan against ${against.name}'s ${target.toFixed(2)} (${((g(best) / target) * 100).toFixed(3)}%)`
      : `the cost jumps across ${against.name}'s ${target.toFixed(2)} yuan between ${fmt(end.a.value!)} (${end.a.cost.toFixed(2)}) and ${fmt(end.b.value!)} (${end.b.cost.toFixed(2)}); closest: ${fmt(best.value!)}`, { against: againstInfo, messageZh: within
      ? `${lever.path} ${modeZh(lever.mode)} ${fmt(best.value!)}：支出 ${wan(best.cost)}，${against.name} 为 ${wan(target)}（相差 ${((g(best) / target) * 100).toFixed(3)}%）`
      : `支出在 ${fmt(end.a.value!)}（${wan(end.a.cost)}）与 ${fmt(end.b.value!)}（${wan(end.b.cost)}）之间跳过 ${against.name} 的 ${wan(target)}；最接近的取值为 ${fmt(best.value!)}` });
  }

  // gap-closed
  const budget = options.budget!;
  const feasible = (e: Evaluation): boolean => e.costAnnual <= budget;
  const points = grid().map((x) => evaluate(x, 'grid'));
  const monotone = { objective: rising(points.map((e) => e.povertyGapClosed)), cost: rising(points.map((e) => e.costAnnual)) };
  const feasibleBest = (es: readonly Evaluation[]): Evaluation | undefined => es.filter(feasible).reduce<Evaluation | undefined>((a, e) => (!a || e.povertyGapClosed > a.povertyGapClosed ? e : a), undefined);
  if (!points.some(feasible)) {
    return finish('unreachable', null, false, `every lever value costs more than the budget of ${budget.toFixed(2)} yuan a year: at least ${Math.min(...points.map((e) => e.costAnnual)).toFixed(2)} (${lever.path} ${lever.mode} in [${lever.min}, ${lever.max}])`, { monotone, messageZh: `每个取值的年支出都超过预算 ${wan(budget)}：最少 ${wan(Math.min(...points.map((e) => e.costAnnual)))}（${lever.path} ${modeZh(lever.mode)} [${lever.min}, ${lever.max}]）` });
  }
  if (monotone.objective && monotone.cost) {
    if (points.every(feasible)) {
      const top = points[points.length - 1]!;
      return finish('solved', top, true, `the budget does not bind: at the upper bound ${fmt(top.value!)} the cost is ${top.costAnnual.toFixed(2)} ≤ ${budget.toFixed(2)} yuan a year`, { monotone, messageZh: `预算不构成约束：上界 ${fmt(top.value!)} 时年支出 ${wan(top.costAnnual)} ≤ ${wan(budget)}` });
    }
    // The cost rises along the grid, so the values within the budget are a prefix of it (the first is one).
    const i = points.findIndex((e) => !feasible(e)) - 1;
    const h = (e: Evaluation): number => e.costAnnual - budget;
    const near = (e: Evaluation): boolean => feasible(e) && budget - e.costAnnual <= tol * budget;
    let best = points[i]!;
    // Regula falsi keeps its lower end within the budget: that end is the largest feasible value found.
    if (!near(best)) best = regulaFalsi(h, best, points[i + 1]!, near).a;
    const within = near(best);
    return finish('solved', best, within, within
      ? `largest ${lever.path} ${lever.mode} within ${budget.toFixed(2)} yuan a year: ${fmt(best.value!)} (cost ${best.costAnnual.toFixed(2)}, gap closed ${best.povertyGapClosed.toFixed(2)} yuan over the period)`
      : `the cost jumps past the budget just above ${fmt(best.value!)} (cost ${best.costAnnual.toFixed(2)} yuan a year, ${(((budget - best.costAnnual) / budget) * 100).toFixed(3)}% under the budget)`, { monotone, messageZh: within
      ? `年预算 ${wan(budget)} 以内的最高 ${lever.path} ${modeZh(lever.mode)} ${fmt(best.value!)}（年支出 ${wan(best.costAnnual)}，期内弥合贫困缺口 ${wan(best.povertyGapClosed)}）`
      : `支出在 ${fmt(best.value!)} 之上跳过预算（年支出 ${wan(best.costAnnual)}，低于预算 ${(((budget - best.costAnnual) / budget) * 100).toFixed(3)}%）` });
  }
  // Not monotone: golden-section search for the most gap closed around the best feasible grid value.
  const F = (e: Evaluation): number => (feasible(e) ? e.povertyGapClosed : -Infinity);
  const k = points.indexOf(feasibleBest(points)!);
  let a = points[Math.max(0, k - 1)]!.value!;
  let b = points[Math.min(points.length - 1, k + 1)]!.value!;
  const phi = (Math.sqrt(5) - 1) / 2;
  for (;;) {
    const c = snap(b - phi * (b - a));
    const d = snap(a + phi * (b - a));
    if (!(c > a && d < b && c < d)) break;
    if (F(evaluate(c, 'golden')) >= F(evaluate(d, 'golden'))) b = d;
    else a = c;
  }
  const best = feasibleBest(iterations.filter((e) => e.value !== null))!;
  return finish('solved', best, true, `${OBJECTIVE_LABEL['gap-closed']} does not rise steadily along the grid${monotone.cost ? '' : ' (nor does the cost)'}: grid and golden-section search give ${lever.path} ${lever.mode} ${fmt(best.value!)} (gap closed ${best.povertyGapClosed.toFixed(2)} yuan, cost ${best.costAnnual.toFixed(2)} ≤ ${budget.toFixed(2)} yuan a year)`, { monotone, messageZh: `弥合贫困缺口沿网格并非稳定上升${monotone.cost ? '' : '（支出亦然）'}：网格与黄金分割搜索得 ${lever.path} ${modeZh(lever.mode)} ${fmt(best.value!)}（弥合缺口 ${wan(best.povertyGapClosed)}，年支出 ${wan(best.costAnnual)} ≤ ${wan(budget)}）` });
}

function checkObjectiveOptions(o: SolveOptions): void {
  const usage = (key: string, message: string): JiuzhuError => new JiuzhuError('BAD_OPTION', message, { kind: 'usage', location: { key } });
  if (o.objective === 'check') {
    if (!o.complies) throw usage('--objective', '--objective check is asked by jiuzhu comply, which names the check rows');
    return;
  }
  const given = [o.target !== undefined && '--target', o.budget !== undefined && '--budget', o.against !== undefined && '--against'].filter(Boolean) as string[];
  const need = { 'coverage-of-poor': '--target', 'gap-closed': '--budget', 'budget-neutral': '--against' }[o.objective];
  if (!given.includes(need) || given.length !== 1) throw usage(need, `--objective ${o.objective} takes ${need}${given.filter((g) => g !== need).length ? `, not ${given.filter((g) => g !== need).join(', ')}` : ''}`);
  if (o.objective === 'coverage-of-poor' && !(o.target! >= 0 && o.target! <= 1)) throw usage('--target', `--target is a coverage between 0 and 1, not ${o.target}`);
  if (o.objective === 'gap-closed' && !(o.budget! > 0 && Number.isFinite(o.budget))) throw usage('--budget', `--budget is yuan a year, a positive number, not ${o.budget}`);
}

/** A sentence (zh, en) saying how the scenario was solved, for its description. */
export function solvedDescription(r: SolveResult): { zh: string; en: string } {
  const s = r.solution!;
  const lever = `${r.lever.path}${r.lever.where ? ` ${JSON.stringify(r.lever.where)}` : ''}${r.lever.from ? ` from ${r.lever.from}` : ''} ${r.lever.mode} ${s.value}`;
  const costZh = r.objective.cost === 'dibao' ? '低保支出' : '各项目总支出';
  const where = `${r.dataset.name}, ${r.period.from}–${r.period.to}, seed ${r.seed}`;
  const en = {
    'coverage-of-poor': `the lowest value at which coverage of the poor reaches ${r.objective.target} (it is ${s.coverageOfPoor.toFixed(4)})`,
    'gap-closed': `the value closing the most poverty gap within ${r.objective.budget} yuan a year of ${r.objective.cost} cost (cost ${s.costAnnual.toFixed(2)})`,
    'budget-neutral': `the value at which the ${r.objective.cost} cost equals that of ${r.objective.against} (${s.cost.toFixed(2)} against ${r.against?.cost.toFixed(2)} yuan, tolerance ${r.objective.tol})`,
    check: `the lowest value at which the check rows comply (${r.message})`,
  }[r.objective.kind];
  const zh = {
    'coverage-of-poor': `贫困人口覆盖率达到 ${r.objective.target} 的最低取值（实为 ${s.coverageOfPoor.toFixed(4)}）`,
    'gap-closed': `在每年 ${r.objective.budget} 元${costZh}预算内弥合贫困缺口最多的取值（年化支出 ${s.costAnnual.toFixed(2)} 元）`,
    'budget-neutral': `${costZh}与 ${r.objective.against} 相等的取值（${s.cost.toFixed(2)} 元对 ${r.against?.cost.toFixed(2)} 元，容差 ${r.objective.tol}）`,
    check: `检查符合的最低取值（${r.messageZh ?? r.message}）`,
  }[r.objective.kind];
  return {
    en: `Solved by jiuzhu solve: ${lever} is ${en}; ${where}.`,
    zh: `由 jiuzhu solve 求解：${lever} 为${zh}；${where}。`,
  };
}

/**
 * The solved scenario as YAML: the input file with one more override (commented) and its
 * description extended by how it was solved; `extends` and a dataset path are rebased to the
 * output's folder. Comments and layout of the input are kept.
 */
export function solvedScenarioText(inputFile: string, outFile: string, r: SolveResult, name?: string): string {
  if (!r.solution) throw new JiuzhuError('SOLVE_UNREACHABLE', 'nothing to write: the objective was not reached', { kind: 'input', location: { key: '--write' } });
  const inDir = dirname(resolve(inputFile));
  const outDir = dirname(resolve(outFile));
  const doc = parseDocument(readFileSync(inputFile, 'utf8'));
  const rebase = (key: 'extends' | 'dataset', onlyIfExists: boolean): void => {
    const v = doc.get(key);
    if (typeof v !== 'string' || isAbsolute(v)) return;
    const abs = resolve(inDir, v);
    if (onlyIfExists && !existsSync(abs)) return; // a dataset name under datasets/
    doc.set(key, relative(outDir, abs) || '.');
  };
  rebase('extends', false);
  rebase('dataset', true);
  const stem = basename(outFile, extname(outFile));
  doc.set('name', name ?? (/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(stem) ? stem : `${String(doc.get('name'))}-solved`));
  const how = solvedDescription(r);
  const description = doc.get('description') as YAMLMap | undefined;
  const old = { zh: String(description?.get('zh') ?? ''), en: String(description?.get('en') ?? '') };
  const folded = (text: string): Scalar => Object.assign(new Scalar(text), { type: Scalar.BLOCK_FOLDED });
  doc.set('description', doc.createNode({ zh: folded(`${old.zh}${old.zh ? ' ' : ''}${how.zh}`), en: folded(`${old.en}${old.en ? ' ' : ''}${how.en}`) }));
  const node = doc.createNode(r.solution.override);
  const where = node.get('where', true);
  if (isMap(where)) where.flow = true;
  node.commentBefore = ` jiuzhu solve --objective ${r.objective.kind}: ${r.message}`.replace(/\n/g, ' ');
  let overrides = doc.get('overrides');
  if (!isSeq(overrides)) {
    overrides = doc.createNode([]);
    doc.set('overrides', overrides);
  }
  (overrides as YAMLSeq).items.push(node);
  return doc.toString({ flowCollectionPadding: false });
}

/**
 * Writes the solved scenario (atomically) and validates it by loading it back: its parameters
 * must be those the solver ran with, and its dataset the same.
 */
export function writeSolvedScenario(inputFile: string, outFile: string, solved: Scenario, r: SolveResult, name?: string): Scenario {
  const text = solvedScenarioText(inputFile, outFile, r, name);
  const tmp = `${outFile}.tmp-${process.pid}`;
  writeFileSync(tmp, text);
  renameSync(tmp, outFile);
  const back = loadScenario(outFile);
  const expected = withLever(solved, r.lever, r.solution!.value);
  const dataset = (s: Scenario): string | undefined => (s.dataset ? resolveDatasetPath(s.dataset.ref, s.dataset.baseDir) : undefined);
  if (scenarioParameters(back).sha256() !== scenarioParameters(expected).sha256() || dataset(back) !== dataset(expected)) {
    throw new JiuzhuError('SOLVE_WRITE', `the scenario written to ${outFile} does not reproduce the solved parameters`, { kind: 'internal', location: { file: outFile } });
  }
  return back;
}
