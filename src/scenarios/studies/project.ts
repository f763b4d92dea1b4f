/**
 * Multi-year projection (`jiuzhu project`): the dynamic growth mechanism of 吉政发〔2006〕48号 §二.1
 * (建立城乡低保补助资金动态增长机制). The real pipeline runs year by year; for year y it takes
 *
 * - the scenario's parameters plus the standards of the growth rule (behaviour.growth.standard):
 *   the previous year's standard of each prefecture × area uprated by the year's index (income
 *   growth of its area, the CPI or fiscal-revenue growth), to the fen, then bounded by the
 *   linkage lines — the urban standard at most ratio × the minimum wage and at most the
 *   unemployment benefit, the rural standard at least the national rural poverty line ÷ 12 —
 *   as dated `set` overrides of dibao.standard for that year, so explain shows where they come from;
 * - the dataset's population with its money columns uprated by the cumulative income growth
 *   since the data year, the weights of households with an elderly member raised for ageing and
 *   the others' scaled to the population's growth (upratePopulation);
 * - the CPI path, for the price index (first year = 1) and `--real`.
 *
 * Each year's row reports the standards, recipients, cost by program and by level of government
 * (the funding rows), what local budgets must pay against the budget available (a share of
 * fiscal revenue) and the funding gap.
 */
import { JiuzhuError } from '../../engine/errors.js';
import { AREAS, PREFECTURE_CODES, type Area } from '../../engine/locality.js';
import type { Override, ParameterTree } from '../../engine/parameters/tree.js';
import type { Population } from '../../engine/population.js';
import type { Dataset } from '../../data/dataset.js';
import { HOUSEHOLD_TYPES } from '../../programs/dibao/index.js';
import { LEVELS, OTHER_PAYERS, fundingByLevel, fundingByOtherPayer, type Level } from '../results/funding.js';
import { linkageDistances, type LinkageDistance } from '../../dynamics/linkage.js';
import { fiscalPath, type FiscalBasis } from '../../dynamics/fiscal-path.js';
import { amountUpratingOverrides, type UpratingRule } from '../../dynamics/amount-uprating.js';
import type { Scenario } from '../input/load.js';
import type { PricePoint } from '../../dynamics/price-trigger.js';
import { scenarioDataset, scenarioParameters, scenarioPeriod, scenarioPrices, scenarioResult, type Check, type DatasetSource, type RunSpec, type ScenarioResult, type ScenarioSums } from '../execution/run.js';
import { executeAll, executeOn } from '../execution/execute.js';
import { isChunked } from '../execution/plan.js';
import { checkWorkers } from '../execution/threads.js';
import { projectYearsOnThreads } from './project-threads.js';
import { DibaoAccumulator, summarise, type DibaoSummary } from '../results/summary.js';

/** The year every dataset shipped with jiuzhu describes; `behaviour.uprating.dataYear` changes it. */
export const DEFAULT_DATA_YEAR = 2006;

export { MONEY_COLUMNS, ageingTotals, otherWeightFactor, upratePopulation, type UpratingFactors } from '../../dynamics/uprating.js';
export { BOUNDS, boundStandard, nextStandard, passOn, ruleIndex, type Bound, type IndexTo, type LinkageLines, type StandardRule, type YearIndices } from '../../dynamics/growth.js';
import { ageingTotals, otherWeightFactor, upratePopulation, type UpratingFactors } from '../../dynamics/uprating.js';
import { BOUNDS, boundStandard, nextStandard, passOn, ruleIndex, type Bound, type LinkageLines, type StandardRule, type YearIndices } from '../../dynamics/growth.js';

const fen = (x: number): number => Math.round(x * 100) / 100;
/** The programs of §二.4's dibao funding: the benefit and the offices' running costs (工作经费). */
const DIBAO_PROGRAMS = new Set(['dibao', 'dibaoAdministration']);

// ── Paths: scenario inputs, else parameters ──────────────────────────────────

interface YearPathInput<T> { values: Record<string, T> }

/** Every exogenous figure of the years a projection needs. */
export interface ProjectionPaths {
  /** The year's index (previous year = 1), the linkage lines, the budget share, the ageing factor. */
  indices(year: number): YearIndices;
  /** The year's linkage lines of a prefecture (the minimum wage is tiered by prefecture). */
  lines(year: number, prefecture: number): LinkageLines;
  revenue(year: number): number;
  /** Whether the year's revenue is published, interpolated between published years, or grown by the assumption. */
  revenueBasis(year: number): FiscalBasis;
  budgetShare(year: number): number;
  dibaoBudgetShare(year: number): number;
  elderlyWeightGrowth(year: number): number;
  elderlyAge(year: number): number;
  populationGrowth(year: number): number;
}

const jan1 = (y: number): string => `${y}-01-01`;

/** Reads a year's figure from the scenario's inputs, else from the parameters. */
export function projectionPaths(s: Scenario, tree: ParameterTree): ProjectionPaths {
  const inputs = s.inputs;
  const prices = scenarioPrices(s);
  const ageing = s.behaviour.uprating?.ageing;
  const cpi = (y: number): number => inputs.cpi?.values[String(y)] ?? annualCpi(prices, y) ?? tree.valueAt('projection.cpi', jan1(y));
  const incomeGrowth = (y: number): { urban: number; rural: number } => {
    const given = inputs.incomeGrowth?.values[String(y)];
    return Object.fromEntries(AREAS.map((a) => [a, given?.[a] ?? tree.valueAt('projection.income_growth', jan1(y), { area: a })])) as { urban: number; rural: number };
  };
  // Revenue: published anchors (parameter values dated 1 January, and the scenario's inputs), the
  // constant-growth path between them, fiscal_revenue_growth outside them (dynamics/fiscal-path.ts).
  const anchors = new Map<number, number>();
  for (const v of tree.leaf('projection.fiscal_revenue').values) if (v.date.endsWith('-01-01') && v.value !== undefined) anchors.set(Number(v.date.slice(0, 4)), v.value * 1e8); // 亿 yuan
  for (const [y, v] of Object.entries(inputs.fiscalRevenue?.values ?? {})) anchors.set(Number(y), v);
  const fiscal = fiscalPath(anchors, (y) => tree.valueAt('projection.fiscal_revenue_growth', jan1(y)));
  const revenue = (y: number): number => fiscal(y).value;
  return {
    indices: (y) => ({ cpi: cpi(y), incomeGrowth: incomeGrowth(y), revenueGrowth: revenue(y) / revenue(y - 1) }),
    lines: (y, prefecture) => ({
      minimumWage: inputs.minimumWage?.values[String(y)] ?? tree.valueAt('dibao.linkage.minimum_wage', jan1(y), { prefecture }),
      minimumWageRatio: tree.valueAt('dibao.linkage.minimum_wage_ratio', jan1(y)),
      unemploymentBenefit: inputs.unemploymentBenefit?.values[String(y)] ?? tree.valueAt('dibao.linkage.unemployment_benefit', jan1(y)),
      povertyLine: tree.valueAt('dibao.linkage.rural_poverty_line', jan1(y)),
    }),
    revenue,
    revenueBasis: (y) => fiscal(y).basis,
    budgetShare: (y) => tree.valueAt('projection.budget_share', jan1(y)),
    dibaoBudgetShare: (y) => tree.valueAt('projection.dibao_budget_share', jan1(y)),
    elderlyWeightGrowth: (y) => ageing?.elderlyWeightGrowth ?? tree.valueAt('projection.elderly_weight_growth', jan1(y)),
    elderlyAge: (y) => tree.valueAt('projection.elderly_age', jan1(y)),
    populationGrowth: (y) => tree.valueAt('projection.population_growth', jan1(y)),
  };
}

/** The annual CPI of a year from a monthly path (the mean of its twelve year-on-year indices), if it has all twelve. */
export function annualCpi(prices: Readonly<Record<string, PricePoint>> | undefined, year: number): number | undefined {
  if (!prices) return undefined;
  const months = Array.from({ length: 12 }, (_, i) => prices[`${year}-${String(i + 1).padStart(2, '0')}`]);
  if (months.some((m) => m === undefined)) return undefined;
  return months.reduce((a, m) => a + m!.cpi, 0) / 12;
}

// ── The projection ───────────────────────────────────────────────────────────

export interface ProjectOptions {
  /** First and last year (default: the years of the scenario's period). */
  from?: number;
  to?: number;
  /** Money in constant prices of the first year (divided by priceIndex). */
  real?: boolean;
  /** 12 (default): every month of each year; 1: January only, flows × 12 (fast, approximate). */
  monthsPerYear?: 1 | 12;
  seed?: number;
  /** Called after each simulated month with (done, total) over the whole projection (after each year with workers). */
  onProgress?: (done: number, total: number) => void;
  /**
   * Simulate the years on this many worker threads (a dataset in memory; a chunked one runs in
   * this thread). The years are independent runs, each on its uprated dataset, so the result is
   * the same bytes for any number of workers, and the same as without them.
   */
  workers?: number;
  /** Households from which a year's population is cut into prefecture slices (RunOptions.minSlicedHouseholds). */
  minSlicedHouseholds?: number;
}

type Areas = { urban: number; rural: number };
export type StandardsByPrefecture = Record<string, Areas>;

/** One year of a projection (the `years` rows of `project --json`). */
export interface YearRow {
  year: number;
  /** Person-weighted average standard, yuan per person per month. */
  averageStandard: Areas;
  /** Dibao recipients, average month (persons, weighted). */
  recipients: number;
  population: number;
  coverage: number;
  /** Every program's cost in the year, yuan; adds up costByProgram, and costByLevel with costByOtherPayer. */
  cost: number;
  costByProgram: Record<string, number>;
  /** Government money by level. */
  costByLevel: Record<Level, number>;
  /** Money of payers that are not the government (households, collectives, hospitals, universities, donors). */
  costByOtherPayer: Record<(typeof OTHER_PAYERS)[number], number>;
  /** What provincial, prefecture and county budgets pay (funding rows from the budget, central transfers left out). */
  budgetNeed: number;
  /** The assistance budget available: projection.budget_share × fiscal revenue. */
  budget: number;
  /** max(0, budgetNeed − budget). */
  fundingGap: number;
  /** What provincial, prefecture and county budgets pay for dibao and its running costs (§二.4). */
  dibaoBudgetNeed: number;
  /** The dibao budget available: projection.dibao_budget_share × fiscal revenue. */
  dibaoBudget: number;
  /** max(0, dibaoBudgetNeed − dibaoBudget). */
  dibaoFundingGap: number;
  fiscalRevenue: number;
  /** Where the year's fiscal revenue comes from: published, interpolated between published years, or assumed growth. */
  fiscalRevenueBasis: FiscalBasis;
  /** CPI of the first year = 1. */
  priceIndex: number;
  /** The cumulative factor the dataset's incomes were multiplied by, by area. */
  incomeIndex: Areas;
  /** The factor on the weights of elderly households. */
  elderlyWeightIndex: number;
  /** Prefectures whose standard a linkage bound capped or raised this year (bounds a scenario asked for). */
  standardsBound: Record<Bound, number[]>;
  /** How far the year's standards are from their §二.1 linked references (standard − reference, over the prefectures). */
  linkage: Record<Bound, LinkageDistance>;
  /** The rule each program's amounts follow (projection.uprating) and its cumulative factor since the first year; dibao's standards follow the growth rule. */
  uprating: Record<string, { rule: UpratingRule; index: number }>;
  poverty?: { localStandard: Fgt; nationalRuralLine: Fgt };
  inequality?: { giniBefore: number; giniAfter: number };
  targeting?: DibaoSummary['targeting'];
  byArea?: Record<Area, AreaFigures>;
  byPrefecture?: Record<string, AreaFigures & { standard: Areas }>;
}
interface Fgt { headcount: number; gap: number; severity: number }
interface AreaFigures { population: number; recipients: number; coverage: number; cost: number }

export interface Projection {
  name: string;
  from: number;
  to: number;
  real: boolean;
  monthsPerYear: 1 | 12;
  dataYear: number;
  standardRule: StandardRule | null;
  incomeRule: { indexTo: 'income' | 'cpi' | 'none'; elasticity: number };
  years: YearRow[];
  /** The overrides the projection adds to the scenario's: the growth rule's dated sets of dibao.standard, then the uprating of amounts. */
  overrides: Override[];
  /** Of them, the uprating of every program's amounts (projection.uprating): dated scales. */
  upratingOverrides: Override[];
  /** The scenario's parameters with those overrides. */
  parameters: ParameterTree;
  /** The standards of each year (nominal), by prefecture. */
  standards: Record<string, StandardsByPrefecture>;
  /** How each year's population was moved from the dataset. */
  factors: Record<string, UpratingFactors>;
  /** Each year's full result (nominal, over the simulated months). */
  results: ScenarioResult[];
  /** Each year's sums, to cost them again under other funding parameters (studies/sensitivity.ts). */
  sums: ScenarioSums[];
  /** The §二 dibao summary over every simulated month of the projection (nominal). */
  summary: DibaoSummary & { byArea: Record<string, DibaoSummary>; byPrefecture: Record<string, DibaoSummary>; byHouseholdType: Record<string, DibaoSummary> };
  checks: Check[];
}

/** The years of a projection: the options', else the scenario period's. */
export function projectionYears(s: Scenario, options: Pick<ProjectOptions, 'from' | 'to'> = {}): { from: number; to: number } {
  const period = scenarioPeriod(s);
  const from = options.from ?? Number(period.from.slice(0, 4));
  const to = options.to ?? Number(period.to.slice(0, 4));
  if (!Number.isInteger(from) || !Number.isInteger(to) || to < from) throw new JiuzhuError('BAD_OPTION', `a projection needs years from ≤ to, not ${from}–${to}`, { kind: 'usage', location: { key: '--from' } });
  return { from, to };
}

/** The standards of every year under the growth rule, and the overrides that set them. */
export function growthOverrides(s: Scenario, base: ParameterTree, from: number, to: number, paths: ProjectionPaths = projectionPaths(s, base)): { overrides: Override[]; standards: Record<string, StandardsByPrefecture>; bound: Record<string, Record<Bound, number[]>> } {
  const rule = s.behaviour.growth?.standard;
  const overrides: Override[] = [];
  const standards: Record<string, StandardsByPrefecture> = {};
  const bound: Record<string, Record<Bound, number[]>> = {};
  let tree = base;
  const file = s.files[s.files.length - 1];
  for (let y = from; y <= to; y++) {
    const idx = rule && y > from ? paths.indices(y) : undefined;
    const year: Override[] = [];
    const bit: Record<Bound, number[]> = { minimumWage: [], unemploymentBenefit: [], povertyLine: [] };
    for (const prefecture of PREFECTURE_CODES) {
      const lines = paths.lines(y, prefecture);
      for (const area of AREAS) {
        const cell = { prefecture, area };
        if (!rule) continue;
        let value: number;
        let b: Bound | null;
        let how: string;
        if (idx) {
          const previous = tree.valueAt('dibao.standard', `${y - 1}-12-01`, cell);
          const step = nextStandard(previous, area, rule, idx, lines);
          ({ value, bound: b } = step);
          how = `${previous} × ${+step.factor.toFixed(6)} (${rule.indexTo}${rule.elasticity !== undefined ? `, elasticity ${rule.elasticity}` : ''})`;
        } else {
          // The first year keeps the parameters' standard, within the bounds.
          const start = tree.valueAt('dibao.standard', jan1(y), cell);
          ({ value, bound: b } = boundStandard(start, area, lines, rule.bounds));
          how = `${start} (parameters)`;
          if (!b) continue;
        }
        if (b) bit[b].push(prefecture);
        year.push({
          path: 'dibao.standard', set: value, from: jan1(y), until: jan1(y + 1), where: { prefecture, area },
          origin: { file, key: 'behaviour.growth.standard', scenario: `${s.name} growth rule ${y}: ${how}${b ? `, ${b} bound` : ''}${rule.assumption ? ` (assumption: ${rule.assumption})` : ''}` },
        });
      }
    }
    tree = tree.withOverrides(year);
    overrides.push(...year);
    bound[y] = bit;
    standards[y] = Object.fromEntries(PREFECTURE_CODES.map((p) => [String(p), Object.fromEntries(AREAS.map((a) => [a, tree.valueAt('dibao.standard', jan1(y), { prefecture: p, area: a })])) as Areas]));
  }
  return { overrides, standards, bound };
}

/** The population factors of a year: cumulative income growth and ageing since the data year. */
export function yearFactors(s: Scenario, paths: ProjectionPaths, year: number): UpratingFactors & { income: Areas; elderlyWeight: number; population: number } {
  const up = s.behaviour.uprating;
  const dataYear = up?.dataYear ?? DEFAULT_DATA_YEAR;
  const indexTo = up?.incomes?.indexTo ?? 'income';
  const income: Areas = { urban: 1, rural: 1 };
  let elderlyWeight = 1;
  let population = 1;
  const step = (t: number): [Areas, number, number] => {
    const idx = paths.indices(t);
    return [Object.fromEntries(AREAS.map((a) => [a, passOn(ruleIndex(indexTo, a, idx), up?.incomes?.elasticity)])) as Areas, paths.elderlyWeightGrowth(t), paths.populationGrowth(t)];
  };
  for (let t = dataYear + 1; t <= year; t++) {
    const [g, e, n] = step(t);
    income.urban *= g.urban; income.rural *= g.rural; elderlyWeight *= e; population *= n;
  }
  for (let t = dataYear; t > year; t--) {
    const [g, e, n] = step(t);
    income.urban /= g.urban; income.rural /= g.rural; elderlyWeight /= e; population /= n;
  }
  return { income, elderlyWeight, elderlyAge: paths.elderlyAge(year), population };
}

/** Projects a scenario year by year over its dataset (or the one given); with `workers`, each year's slices run on threads. */
export async function projectScenario(s: Scenario, options: ProjectOptions & { dataset?: DatasetSource } = {}): Promise<Projection> {
  const source = options.dataset ?? (await scenarioDataset(s));
  if (!isChunked(source) && options.workers === undefined) return projectScenarioOn(s, source, options);
  const plan = projectionPlan(s, options);
  if (isChunked(source)) {
    // The population target is the whole dataset's: a first pass sums the chunks' persons.
    const totals = plan.years.map(() => ({ persons: 0, elderlyPersons: 0 }));
    for (let c = 0; c < source.manifest.chunks.length; c++) {
      const pop = await source.loadChunk(c);
      plan.years.forEach((y, i) => {
        const t = ageingTotals(pop, plan.factors[y]!.elderlyAge);
        totals[i]!.persons += t.persons;
        totals[i]!.elderlyPersons += t.elderlyPersons;
      });
    }
    setOtherWeights(plan, (y) => totals[plan.years.indexOf(y)]!);
    // The years share one pool of workers.
    const sums = await executeAll(plan.years.map((y) => yearSpec(plan, y)), source, { workers: options.workers, onProgress: options.onProgress, minSlicedHouseholds: options.minSlicedHouseholds });
    return finishProjection(s, plan, sums.map((perScenario) => perScenario[0]!));
  }
  setOtherWeights(plan, (y) => ageingTotals(source.population, plan.factors[y]!.elderlyAge));
  // A dataset in memory: each worker keeps the slices it is sent and moves them to each year
  // itself (project-threads.ts); a year's result is built here as soon as its slices are back,
  // while the workers go on with the next years.
  const sums: ScenarioSums[] = [];
  const results: ScenarioResult[] = [];
  const years = plan.years.map((y) => ({ period: yearPeriod(plan, y), factors: plan.factors[y]! }));
  await projectYearsOnThreads({ scenario: s, seed: plan.seed, overrides: plan.overrides }, source.population, years, checkWorkers(options.workers), (i, yearSums) => {
    sums[i] = yearSums;
    results[i] = scenarioResult(s.name, yearSums, plan.tree, s.inputs);
  }, options.onProgress, undefined, options.minSlicedHouseholds);
  return finishProjection(s, plan, sums, results);
}

/** projectScenario on a loaded dataset, in this thread (synchronous). */
export function projectScenarioOn(s: Scenario, dataset: Dataset, options: ProjectOptions = {}): Projection {
  const plan = projectionPlan(s, options);
  setOtherWeights(plan, (y) => ageingTotals(dataset.population, plan.factors[y]!.elderlyAge));
  const sums = plan.years.map((y, i) => executeOn(yearSpec(plan, y), dataset.population, { onProgress: yearProgress(plan, i, options.onProgress), minSlicedHouseholds: options.minSlicedHouseholds })[0]!);
  return finishProjection(s, plan, sums);
}

/** One year of a projection as a run: its months, the growth-rule overrides, the population uprated to the year. */
function yearSpec(plan: Plan, year: number): RunSpec {
  return { scenarios: [plan.scenario], period: yearPeriod(plan, year), seeds: [plan.seed], overrides: plan.overrides, prepare: (pop) => upratePopulation(pop, plan.factors[year]!) };
}

/** A year's progress as progress over the whole projection. */
function yearProgress(plan: Plan, i: number, onProgress?: (done: number, total: number) => void): ((done: number, total: number) => void) | undefined {
  return onProgress && ((done, total) => onProgress(i * total + done, plan.years.length * total));
}

interface Plan {
  scenario: Scenario;
  years: number[];
  from: number;
  to: number;
  real: boolean;
  monthsPerYear: 1 | 12;
  seed: number;
  paths: ProjectionPaths;
  tree: ParameterTree;
  overrides: Override[];
  upratingOverrides: Override[];
  uprating: Record<string, Record<string, { rule: UpratingRule; index: number }>>;
  standards: Record<string, StandardsByPrefecture>;
  bound: Record<string, Record<Bound, number[]>>;
  factors: Record<string, ReturnType<typeof yearFactors>>;
  priceIndex: Record<string, number>;
}

function projectionPlan(s: Scenario, options: ProjectOptions): Plan {
  const { from, to } = projectionYears(s, options);
  const monthsPerYear = options.monthsPerYear ?? 12;
  if (monthsPerYear !== 1 && monthsPerYear !== 12) throw new JiuzhuError('BAD_OPTION', `--months-per-year must be 1 or 12, not ${String(monthsPerYear)}`, { kind: 'usage', location: { key: '--months-per-year' } });
  const base = scenarioParameters(s);
  const paths = projectionPaths(s, base);
  const growth = growthOverrides(s, base, from, to, paths);
  const { standards, bound } = growth;
  // Every program's amounts follow the rule its parameters name (projection.uprating): CPI, wages (urban income growth) or fixed.
  const uprating = amountUpratingOverrides(base, from, to, (y) => ({ cpi: paths.indices(y).cpi, wages: paths.indices(y).incomeGrowth.urban }), s.files[s.files.length - 1]);
  const overrides = [...growth.overrides, ...uprating.overrides];
  const years = Array.from({ length: to - from + 1 }, (_, i) => from + i);
  const priceIndex: Record<string, number> = {};
  let p = 1;
  for (const y of years) {
    if (y > from) p *= paths.indices(y).cpi;
    priceIndex[y] = p;
  }
  return {
    scenario: s, years, from, to, real: options.real ?? false, monthsPerYear, seed: options.seed ?? s.seed ?? 1, paths,
    tree: base.withOverrides(overrides), overrides, upratingOverrides: uprating.overrides, uprating: uprating.byYear, standards, bound,
    factors: Object.fromEntries(years.map((y) => [y, yearFactors(s, paths, y)])),
    priceIndex,
  };
}

/** Each year's factor on the weights of households without an elderly member, from the dataset's totals. */
function setOtherWeights(plan: Plan, totals: (year: number) => { persons: number; elderlyPersons: number }): void {
  for (const y of plan.years) {
    const f = plan.factors[y]!;
    f.otherWeight = otherWeightFactor(totals(y), f.elderlyWeight, f.population);
  }
}

/** The months a projection simulates in a year: all twelve, or January only. */
function yearPeriod(plan: Plan, year: number): { from: string; to: string } {
  return { from: `${year}-01`, to: plan.monthsPerYear === 1 ? `${year}-01` : `${year}-12` };
}

function finishProjection(s: Scenario, plan: Plan, sums: ScenarioSums[], built?: ScenarioResult[]): Projection {
  const results = built ?? sums.map((x) => scenarioResult(s.name, x, plan.tree, s.inputs));
  const outputs = s.outputs;
  const years = plan.years.map((y, i) => yearRow(plan, y, results[i]!, outputs));
  const up = s.behaviour.uprating;
  const rule = s.behaviour.growth?.standard ?? null;
  return {
    name: s.name,
    from: plan.from,
    to: plan.to,
    real: plan.real,
    monthsPerYear: plan.monthsPerYear,
    dataYear: up?.dataYear ?? DEFAULT_DATA_YEAR,
    standardRule: rule,
    incomeRule: { indexTo: up?.incomes?.indexTo ?? 'income', elasticity: up?.incomes?.elasticity ?? 1 },
    years,
    overrides: plan.overrides,
    upratingOverrides: plan.upratingOverrides,
    parameters: plan.tree,
    standards: plan.standards,
    factors: plan.factors,
    results,
    sums,
    summary: mergedSummary(sums.map((x) => x.dibao)),
    checks: results.flatMap((r, i) => r.checks.map((c) => ({ ...c, detail: `${plan.years[i]}: ${c.detail}`, ...(c.detailZh !== undefined ? { detailZh: `${plan.years[i]}: ${c.detailZh}` } : {}) }))),
  };
}

/** The §二 summary over the months of every year: the years' sums added up. */
function mergedSummary(accs: DibaoAccumulator[]): Projection['summary'] {
  const total = new DibaoAccumulator(accs[0]!.groupings);
  for (const a of accs) total.merge(a);
  const group = (g: string, keys: readonly string[]): Record<string, DibaoSummary> => Object.fromEntries(keys.map((k) => [k, summarise(total.get(g, k), g === 'byArea')]));
  return {
    ...summarise(total.get('total', 'total')),
    byArea: group('byArea', ['urban', 'rural']),
    byPrefecture: group('byPrefecture', PREFECTURE_CODES.map(String)),
    byHouseholdType: group('byHouseholdType', HOUSEHOLD_TYPES),
  };
}

function yearRow(plan: Plan, year: number, r: ScenarioResult, outputs: { measures?: readonly string[]; breakdowns?: readonly string[] }): YearRow {
  const priceIndex = plan.priceIndex[year]!;
  const deflator = plan.real ? priceIndex : 1;
  const scale = plan.monthsPerYear === 1 ? 12 : 1;
  /** A simulated flow (whole fen) for the year: × 12 from January, ÷ the price index if real. */
  const flow = (x: number): number => Math.round((Math.round(x * 100) * scale) / deflator) / 100;
  /** An exogenous yearly amount or a price, ÷ the price index if real. */
  const price = (x: number): number => Math.round((x * 100) / deflator) / 100;
  const costByProgram = Object.fromEntries(Object.entries(r.programs).map(([id, p]) => [id, flow(p.cost)]));
  const levels = fundingByLevel(r.funding);
  const costByLevel = Object.fromEntries(LEVELS.map((l) => [l, flow(levels[l])])) as Record<Level, number>;
  const others = fundingByOtherPayer(r.funding);
  const costByOtherPayer = Object.fromEntries(OTHER_PAYERS.map((p) => [p, flow(others[p])])) as YearRow['costByOtherPayer'];
  const cost = flow(Object.values(r.programs).reduce((a, p) => a + Math.round(p.cost * 100), 0) / 100);
  const localBudget = r.funding.filter((f) => f.source === 'budget' && f.level !== 'central');
  const budgetNeed = flow(localBudget.reduce((a, f) => a + Math.round(f.amount * 100), 0) / 100);
  const dibaoBudgetNeed = flow(localBudget.filter((f) => DIBAO_PROGRAMS.has(f.program)).reduce((a, f) => a + Math.round(f.amount * 100), 0) / 100);
  const revenue = plan.paths.revenue(year);
  const budget = price(plan.paths.budgetShare(year) * revenue);
  const dibaoBudget = price(plan.paths.dibaoBudgetShare(year) * revenue);
  const factors = plan.factors[year]!;
  const sum = r.summary;
  const row: YearRow = {
    year,
    averageStandard: { urban: price(sum.byArea.urban?.averageStandard ?? 0), rural: price(sum.byArea.rural?.averageStandard ?? 0) },
    recipients: sum.recipients,
    population: sum.population,
    coverage: sum.coverage,
    cost,
    costByProgram,
    costByLevel,
    costByOtherPayer,
    budgetNeed,
    budget,
    fundingGap: fen(Math.max(0, budgetNeed - budget)),
    dibaoBudgetNeed,
    dibaoBudget,
    dibaoFundingGap: fen(Math.max(0, dibaoBudgetNeed - dibaoBudget)),
    fiscalRevenue: price(revenue),
    fiscalRevenueBasis: plan.paths.revenueBasis(year),
    priceIndex,
    incomeIndex: factors.income,
    elderlyWeightIndex: factors.elderlyWeight,
    standardsBound: plan.bound[year]!,
    uprating: plan.uprating[year]!,
    linkage: Object.fromEntries(Object.entries(linkageDistances(plan.standards[year]!, (prefecture) => plan.paths.lines(year, prefecture))).map(([k, d]) => [k, { reference: { min: price(d.reference.min), max: price(d.reference.max) }, min: price(d.min), max: price(d.max) }])) as Record<Bound, LinkageDistance>,
  };
  const measures = new Set(outputs.measures ?? []);
  const breakdowns = new Set(outputs.breakdowns ?? []);
  if (measures.has('poverty')) row.poverty = { localStandard: sum.distribution.poverty.localStandard.after, nationalRuralLine: sum.distribution.poverty.nationalRuralLine.after };
  if (measures.has('inequality')) row.inequality = { giniBefore: sum.distribution.before.gini, giniAfter: sum.distribution.after.gini };
  if (measures.has('targeting')) row.targeting = sum.targeting;
  const figures = (g: DibaoSummary | undefined): AreaFigures => ({ population: g?.population ?? 0, recipients: g?.recipients ?? 0, coverage: g?.coverage ?? 0, cost: flow(g?.cost ?? 0) });
  if (breakdowns.has('area')) row.byArea = { urban: figures(sum.byArea.urban), rural: figures(sum.byArea.rural) };
  if (breakdowns.has('prefecture')) {
    row.byPrefecture = Object.fromEntries(PREFECTURE_CODES.map((p) => {
      const st = plan.standards[year]![String(p)]!;
      return [String(p), { ...figures(sum.byPrefecture[String(p)]), standard: { urban: price(st.urban), rural: price(st.rural) } }];
    }));
  }
  return row;
}
