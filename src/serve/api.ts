/**
 * The explorer's engine side: a request (scenario + slider settings) → the scenario with the
 * settings as overrides → a run on the dataset loaded once → headline numbers, charts, tables,
 * the scenario YAML. The page only displays what this returns; every number is computed here by
 * the library (runScenarioOn, reportTables, reportCharts), none in the browser.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderPng, renderSvg, reportCharts } from '../charts/index.js';
import { withNames } from '../report/charts.js';
import type { Dataset } from '../data/dataset.js';
import { JiuzhuError } from '../engine/errors.js';
import { monthsBetween } from '../engine/period.js';
import { packagePath } from '../engine/paths.js';
import { reportTables } from '../report/tables.js';
import { tableCsv, type ReportTable } from '../report/table.js';
import { loadScenario, type Scenario } from '../scenarios/input/load.js';
import { SharedResults } from '../engine/shared-results.js';
import { DifferentialBase, type DifferentialUse } from '../engine/differential.js';
import { runScenarioOn, scenarioParameters, scenarioPeriod, type Period, type ScenarioResult } from '../scenarios/execution/run.js';
import { workerParameters } from '../scenarios/execution/spec.js';
import { SliceHelper, sliceThreadsOf } from '../scenarios/execution/helper-thread.js';
import { MIN_SLICED_HOUSEHOLDS, slicesOf } from '../scenarios/execution/plan.js';
import type { Result } from '../scenarios/results/result.js';
import type { ExplorerOptions } from './options.js';
import { Lane, SUPERSEDED } from './lane.js';
import { ComputeThread, DEFAULT_COMPUTE_TIMEOUT_MS } from './thread.js';
import type { ExplorerRequest } from './request.js';
import { headlineFigures, programFigures, type Figure } from './headline.js';
import { explorerResult } from './result.js';
import { checkSliders, effectiveSettings, SLIDERS, sliderDefaults, type Settings, type SliderId } from './sliders.js';
import { explorerName, scenarioYaml, type SetValue } from './yaml.js';
import { legendNames, type LegendNames } from './legend.js';
import { checkUserOverrides, engineOverrides, latestOverrides, overrideText, prefectureStandards, searchParameters, type ParameterMatch, type PrefectureStandard, type UserOverride } from './overrides.js';
import type { ParameterTree } from '../engine/parameters/tree.js';

export { SUPERSEDED };

export type { ExplorerOptions } from './options.js';

export interface ExplorerScenario {
  name: string;
  file: string;
  description: { zh: string; en: string };
  /** The months every run of this scenario covers. */
  period: Period;
  /** The scenario's own period, as `jiuzhu run` runs it. */
  scenarioPeriod: Period;
  /** Said beside the figures when `period` is not the scenario's own (which months are shown, and that nothing is annualised). */
  periodNote?: Bilingual;
  /** Each slider's value with the scenario left as written. */
  defaults: Record<SliderId, number>;
  scenario: Scenario;
  /** Its parameter tree, as written: what set values are checked against and the search lists. */
  parameters: ParameterTree;
}

/** Scenarios the explorer leaves out, and why. */
export interface ExcludedScenario { file: string; name: string; reason: string }

type Bilingual = { zh: string; en: string };

export interface RunResponse {
  scenario: string;
  /** The settings that differ from the scenario's own values (what a saved YAML adds). */
  settings: Settings;
  /** The values set directly, the latest for each parameter cell, in the order set (added after the sliders). */
  overrides: UserOverride[];
  /** Every prefecture's urban and rural standard in the explored scenario on the period's first day (yuan/person/month). */
  standards: PrefectureStandard[];
  /** The two scenarios as the charts' legends name them, in the request's language. */
  names: LegendNames;
  /** The months the figures cover (every one simulated, none extrapolated). */
  period: Period;
  /** How many months that is. */
  months: number;
  /** The scenario's own period; differs from `period` only when the explorer was started with --period. */
  scenarioPeriod: Period;
  /** When `period` is not the scenario's own: which months are shown, in words. */
  periodNote?: Bilingual;
  dataset: { name: string; households: number; persons: number };
  headline: Figure[];
  programs: Figure[];
  /** Person-weighted average standard of the explored scenario, yuan/person/month, next to the standard sliders. */
  averageStandard: { urban: number; rural: number };
  timing: { baselineMs: number; runMs: number; cached: boolean };
}

export interface ChartSvg { id: string; title: string; svg: string }
/** The second step of an update: the charts, and the tables there are to download. */
export interface ChartsResponse { charts: ChartSvg[]; tables: { id: string; title: Bilingual }[]; timing: { chartsMs: number } }

/**
 * One computed comparison, cached by scenario and settings. The result document (deltas, decile
 * impact) is built only when charts or tables ask for it, so the headline numbers come first.
 */
interface Computed {
  found: ExplorerScenario;
  explored: Scenario;
  scenarios: [Scenario, Scenario];
  runs: [ScenarioResult, ScenarioResult];
  response: RunResponse;
  createdAt: string;
  /** Times it was found in the cache. */
  hits: number;
  result?: Result;
  charts: Map<string, ChartSvg[]>;
  tables: Map<string, ReportTable[]>;
}

/**
 * Byte budget of the explorer's shared columns: a year of the columns no slider reaches on the
 * default 100,000-household dataset is about 370 MB (measured 2026-12-06). A memory knob.
 */
const EXPLORER_SHARED_BYTES = 512 * 1024 * 1024;

/**
 * Recorded runs kept to compute moves against (engine/differential.ts), one per scenario and
 * period: each holds the columns of the rules a slider reaches for the whole period, about
 * 150 MB on the default dataset (sparse copies). A memory knob.
 */
const MAX_BASES = 2;

/** The key of a scenario's base over a period. */
const baseKey = (name: string, period: Period): string => JSON.stringify([name, period.from, period.to]);

/** Comparisons kept: enough to go back and forth between a few settings without recomputing. */
const CACHE_SIZE = 8;

const isProjection = (s: Scenario): boolean => s.behaviour.growth !== undefined || s.behaviour.uprating !== undefined;

export class Explorer {
  readonly scenarios: ExplorerScenario[];
  readonly excluded: ExcludedScenario[];
  readonly baseline: Scenario;
  readonly dataset: Dataset;
  private readonly options: ExplorerOptions;
  private readonly seed: number;
  private readonly lane: Lane;
  private readonly thread: ComputeThread | undefined;
  private readonly baselines = new Map<string, ScenarioResult>();
  private readonly cache = new Map<string, Computed>();
  /** Per scenario and period, the first run computed: later moves recompute only what changed since (engine/differential.ts). */
  private readonly bases = new Map<string, DifferentialBase>();
  private readonly tmp: string;

  constructor(options: ExplorerOptions) {
    this.options = options;
    this.dataset = options.dataset;
    const baselineFile = options.baselineFile ?? packagePath('scenarios', 'baseline-2006.yaml');
    const loaded = new Map<string, Scenario>();
    const load = (file: string): Scenario => {
      const s = options.loaded?.get(file) ?? loadScenario(file);
      loaded.set(file, s);
      return s;
    };
    this.baseline = load(baselineFile);
    checkSliders(scenarioParameters(this.baseline));
    this.seed = options.seed ?? this.baseline.seed ?? 1;
    const files = options.scenarioFiles?.length ? [...options.scenarioFiles] : defaultScenarioFiles();
    this.scenarios = [];
    this.excluded = [];
    const byName = new Map<string, string>();
    for (const file of files) {
      const s = load(file);
      if (isProjection(s)) {
        this.excluded.push({ file, name: s.name, reason: 'a projection (behaviour.growth or uprating): run it year by year with `jiuzhu project`' });
        continue;
      }
      const seen = byName.get(s.name);
      if (seen) throw new JiuzhuError('DUPLICATE_SCENARIO', `two scenarios are named '${s.name}': ${seen} and ${file}`, { kind: 'usage', location: { file, key: 'name' }, hint: 'give each scenario file its own name' });
      byName.set(s.name, file);
      const own = scenarioPeriod(s);
      const period = options.period ?? own;
      const periodNote = explorerPeriodNote(period, own);
      const parameters = scenarioParameters(s);
      this.scenarios.push({ name: s.name, file, description: s.description, period, scenarioPeriod: own, ...(periodNote ? { periodNote } : {}), defaults: sliderDefaults(parameters, `${period.from}-01`), scenario: s, parameters });
    }
    if (!this.scenarios.length) {
      throw new JiuzhuError('NO_SCENARIOS', 'no scenario to explore: every file given is a projection', { kind: 'usage', location: { key: 'scenarios' }, hint: 'give scenario files that `jiuzhu run` runs month by month' });
    }
    // Every option is checked before the temporary folder is made: a refused option leaves nothing behind.
    this.sliceThreads = sliceThreadsOf(options.sliceThreads);
    const timeoutMs = options.thread ? checkComputeTimeout(options.computeTimeoutMs ?? DEFAULT_COMPUTE_TIMEOUT_MS) : 0;
    this.tmp = mkdtempSync(join(tmpdir(), 'jiuzhu-serve-'));
    this.lane = new Lane({ maxWaiting: options.maxQueue });
    if (options.thread) {
      const { scenarioFiles, baselineFile, period, seed, dataArg, testBusyMs, sliceThreads, minSlicedHouseholds } = options;
      // The thread runs on what this thread has loaded already: the dataset, the scenarios and the baseline parameters.
      const limits = { timeoutMs, testStallFirstThreadMs: options.testStallFirstThreadMs };
      this.thread = new ComputeThread({ options: { scenarioFiles, baselineFile, period, seed, dataArg, testBusyMs, loaded, sliceThreads, minSlicedHouseholds }, dataset: options.dataset, parameters: workerParameters() }, limits);
    }
  }

  /** Threads a computation runs on (ExplorerOptions.sliceThreads, checked, or the default for this machine). */
  readonly sliceThreads: 1 | 2;
  private helperThread: SliceHelper | undefined;

  /**
   * The helper thread that computes about half of every run's slices, started at the first
   * computation of an explorer that computes on this thread, with two slice threads, on a dataset
   * of more than one slice; else undefined (one thread).
   */
  private get helper(): SliceHelper | undefined {
    const minSliced = this.options.minSlicedHouseholds ?? MIN_SLICED_HOUSEHOLDS;
    if (this.helperThread || this.thread || this.sliceThreads < 2 || slicesOf(this.dataset.population, minSliced).length < 2) return this.helperThread;
    return (this.helperThread = new SliceHelper(this.dataset.population, this.shared, undefined, minSliced));
  }

  /** Computations waiting, and those dropped because their client went away. */
  get queue(): { waiting: number; max: number; dropped: number } {
    return { waiting: this.lane.waiting, max: this.lane.maxWaiting, dropped: this.lane.dropped };
  }

  /** The scenario the page opens on: the baseline when it is offered, else the first. */
  get initialScenario(): ExplorerScenario {
    return this.scenarios.find((s) => s.name === this.baseline.name) ?? this.scenarios[0]!;
  }

  /**
   * Headline numbers and program costs. One job at a time; a page's newer request replaces its
   * request still waiting (a run or charts it no longer shows). Without a client id nothing is replaced.
   */
  async run(req: ExplorerRequest, client?: string, signal?: AbortSignal): Promise<RunResponse | typeof SUPERSEDED> {
    this.check(req);
    return this.lane.submit(laneKey(client), () => (this.thread ? this.thread.call<RunResponse>('run', req) : this.runNow(req)), signal);
  }

  /** `run` on this thread, now (the worker's side). */
  runNow(req: ExplorerRequest): RunResponse {
    const c = this.compute(this.find(req), req);
    const response = { ...c.response, names: this.names(c, req.lang) };
    // A comparison met before took no engine time this time.
    return c.hits ? { ...response, timing: { baselineMs: 0, runMs: 0, cached: true } } : response;
  }

  /** The charts as SVG in the request's language; rendered once per comparison and language. */
  async charts(req: ExplorerRequest, client?: string, signal?: AbortSignal): Promise<ChartsResponse | typeof SUPERSEDED> {
    this.check(req);
    const key = laneKey(client);
    return this.lane.submit(key, () => (this.thread
      ? this.thread.call<ChartsResponse>('charts', req)
      // Drawing takes a while: stop when the page has asked for something newer meanwhile.
      : this.chartsNow(req, () => key !== undefined && this.lane.waitingFor(key))), signal);
  }

  /** `charts` on this thread, now (the worker's side); `stop` says when the answer is no longer wanted. */
  async chartsNow(req: ExplorerRequest, stop: () => boolean = () => false): Promise<ChartsResponse | typeof SUPERSEDED> {
    const t0 = performance.now();
    const c = this.compute(this.find(req), req);
    const charts = await this.chartSvgs(c, req.lang, stop);
    if (charts === SUPERSEDED) return SUPERSEDED;
    const tables = this.tablesOf(c, req.lang).map((t) => ({ id: t.id, title: t.title }));
    return { charts, tables, timing: { chartsMs: Math.round(performance.now() - t0) } };
  }

  /** One table as CSV (UTF-8 with BOM, labels in the request's language), with a file name. */
  async tableCsv(req: ExplorerRequest, id: string, signal?: AbortSignal): Promise<{ filename: string; csv: string }> {
    this.check(req);
    return this.exclusive(() => (this.thread ? this.thread.call<{ filename: string; csv: string }>('table', req, id) : this.tableCsvNow(req, id)), signal);
  }

  /** `tableCsv` on this thread, now (the worker's side). */
  tableCsvNow(req: ExplorerRequest, id: string): { filename: string; csv: string } {
    const c = this.compute(this.find(req), req);
    const tables = this.tablesOf(c, req.lang);
    const table = tables.find((t) => t.id === id);
    if (!table) throw new JiuzhuError('UNKNOWN_TABLE', `unknown table '${id}' (expected one of ${tables.map((t) => t.id).join(', ')})`, { location: { key: 'table' } });
    return { filename: `${c.explored.name}-${id}.csv`, csv: tableCsv(table, req.lang) };
  }

  /** One chart as PNG, with a file name. */
  async chartPng(req: ExplorerRequest, id: string, signal?: AbortSignal): Promise<{ filename: string; png: Buffer }> {
    this.check(req);
    const out = await this.exclusive(() => (this.thread ? this.thread.call<{ filename: string; png: Uint8Array }>('chart', req, id) : this.chartPngNow(req, id)), signal);
    // A Buffer crosses from the worker as a plain Uint8Array.
    return { filename: out.filename, png: Buffer.from(out.png.buffer, out.png.byteOffset, out.png.byteLength) };
  }

  /** `chartPng` on this thread, now (the worker's side). */
  async chartPngNow(req: ExplorerRequest, id: string): Promise<{ filename: string; png: Buffer }> {
    const c = this.compute(this.find(req), req);
    const charts = await this.chartSvgs(c, req.lang);
    const chart = charts.find((x) => x.id === id);
    if (!chart) throw new JiuzhuError('UNKNOWN_CHART', `unknown chart '${id}' (expected one of ${charts.map((x) => x.id).join(', ')})`, { location: { key: 'chart' } });
    return { filename: `${c.explored.name}-${id}.png`, png: renderPng(chart.svg) };
  }

  /** The settings as a scenario YAML that `jiuzhu run` accepts, with a file name. */
  scenarioYaml(req: ExplorerRequest): { filename: string; yaml: string } {
    const found = this.check(req);
    const settings = effectiveSettings(req.settings, found.defaults);
    return { filename: `${explorerName(found.scenario)}.yaml`, yaml: this.yamlText(found, settings, this.setValues(found, req)) };
  }

  /**
   * Parameter leaves of a scenario whose path or label (zh or en) holds every word of `query`,
   * with their value on the period's first day and their unit's range (for the search box).
   */
  parameters(scenario: string, query: string): ParameterMatch[] {
    const found = this.find({ scenario });
    return searchParameters(found.parameters, query, `${found.period.from}-01`);
  }

  /** Computes the initial scenario and its charts, so the page's first view is immediate. */
  async warm(lang: 'zh' | 'en' = 'en'): Promise<number> {
    const t0 = performance.now();
    const req: ExplorerRequest = { scenario: this.initialScenario.name, settings: {}, lang };
    await this.exclusive(() => (this.thread ? this.thread.call('warm', req) : this.warmNow(lang)));
    return Math.round(performance.now() - t0);
  }

  /** `warm` on this thread, now (the worker's side). */
  async warmNow(lang: 'zh' | 'en'): Promise<void> {
    const found = this.initialScenario;
    await this.chartSvgs(this.compute(found, { settings: {} }), lang);
    this.warmMove(found);
  }

  /**
   * One slider move computed at start-up and forgotten (not kept in the cache). The first view
   * runs every rule over the whole population; a move runs the rules it reaches on the
   * households that changed (sub-populations: engine/differential.ts), code V8 had not yet seen:
   * it compiled it, deoptimised it on those shapes and compiled it again during the user's first
   * move, which cost 1.2–1.35 times the CPU of a later move of the same slider (session 14).
   * The move is the first slider (the urban standard) one step up: a standard move reaches the most rules.
   */
  private warmMove(found: ExplorerScenario): void {
    const slider = SLIDERS[0]!;
    const settings: Settings = { [slider.id]: Math.min(slider.max, found.defaults[slider.id] + slider.step) };
    const before = new Set(this.cache.keys());
    this.compute(found, { settings });
    for (const key of this.cache.keys()) if (!before.has(key)) this.cache.delete(key);
  }

  /** Stops the worker thread and removes the temporary folder of loaded settings files. */
  close(): void {
    void this.thread?.close();
    void this.helperThread?.close();
    rmSync(this.tmp, { recursive: true, force: true });
  }

  /** The request's scenario, after checking its set values against the scenario's parameters (400 on a bad one). */
  private check(req: ExplorerRequest): ExplorerScenario {
    const found = this.find(req);
    checkUserOverrides(found.parameters, req.overrides ?? []);
    return found;
  }

  /** The request's set values, the latest per parameter cell, as overrides with their text. */
  private setValues(found: ExplorerScenario, req: Pick<ExplorerRequest, 'overrides'>): SetValue[] {
    const latest = latestOverrides(req.overrides ?? []);
    const engine = engineOverrides(found.parameters, latest);
    return latest.map((o, i) => ({ override: engine[i]!, text: { zh: overrideText(o, 'zh'), en: overrideText(o, 'en') } }));
  }

  /** Legend names of a comparison in a language. */
  private names(c: Computed, lang: 'zh' | 'en'): LegendNames {
    const changed = Object.keys(c.response.settings).length > 0 || c.response.overrides.length > 0;
    return legendNames(this.baseline, c.explored, c.found.scenario, changed, lang);
  }

  private find(req: Pick<ExplorerRequest, 'scenario'>): ExplorerScenario {
    const found = this.scenarios.find((s) => s.name === req.scenario);
    if (!found) throw new JiuzhuError('UNKNOWN_SCENARIO', `unknown scenario '${req.scenario}' (expected one of ${this.scenarios.map((s) => s.name).join(', ')})`, { location: { key: 'scenario' } });
    return found;
  }

  /** A job in the lane no other job supersedes (downloads). */
  private async exclusive<T>(run: () => Promise<T> | T, signal?: AbortSignal): Promise<T> {
    const out = await this.lane.submit(undefined, run, signal);
    if (out === SUPERSEDED) throw new JiuzhuError('INTERNAL', 'an unkeyed job was superseded', { kind: 'internal' });
    return out;
  }

  private yamlText(found: ExplorerScenario, settings: Settings, sets: readonly SetValue[]): string {
    return scenarioYaml(found.scenario, settings, { period: found.period, datasetName: this.dataset.meta.name, dataArg: this.options.dataArg }, sets);
  }

  /**
   * The explored scenario is the saved YAML loaded back: what runs is by construction what
   * "save scenario YAML" hands out.
   */
  private explored(found: ExplorerScenario, settings: Settings, sets: readonly SetValue[]): Scenario {
    const text = this.yamlText(found, settings, sets);
    const file = join(this.tmp, `${createHash('sha256').update(text).digest('hex').slice(0, 16)}.yaml`);
    writeFileSync(file, text);
    try {
      const s = loadScenario(file);
      return { ...s, files: [...found.scenario.files, 'jiuzhu serve (explorer settings)'] };
    } finally {
      rmSync(file, { force: true });
    }
  }

  private sharedStore: SharedResults | undefined;
  /**
   * Columns every run on the dataset can share: a slider move recomputes only the rules it
   * reaches. The store keeps only columns of rules no slider reaches, every month of the period
   * (the baseline's months cached for the session): every slider move can take them all.
   */
  private get shared(): SharedResults {
    return (this.sharedStore ??= new SharedResults(this.dataset.population, EXPLORER_SHARED_BYTES, { unreached: SLIDERS.map((s) => s.path) }));
  }

  /**
   * How a run of the scenario uses a base: against the scenario's first run computed, once it is
   * complete; the first run records it. Any earlier run serves: a rule's parameters and inputs
   * are compared with that run's, whatever the settings were then.
   */
  private differential(found: ExplorerScenario): DifferentialUse {
    const key = baseKey(found.name, found.period);
    const base = this.bases.get(key);
    if (base?.complete) return { base };
    return { record: this.newBase(key) };
  }

  /** A base to record under `key`, the oldest ones dropped past MAX_BASES. */
  private newBase(key: string): DifferentialBase {
    const record = new DifferentialBase();
    this.dropBase(key);
    this.bases.set(key, record);
    while (this.bases.size > MAX_BASES) this.dropBase(this.bases.keys().next().value!);
    return record;
  }

  /** Forgets a base, and the helper thread its parts of it. */
  private dropBase(key: string): void {
    const base = this.bases.get(key);
    if (!base) return;
    this.bases.delete(key);
    this.helperThread?.release(base);
  }

  /**
   * The baseline's run over a period, once per session; against `base` when given (the same
   * bytes as without: engine/differential.ts).
   */
  private baselineRun(period: Period, base?: DifferentialBase): { result: ScenarioResult; ms: number } {
    const key = `${period.from}:${period.to}`;
    const cached = this.baselines.get(key);
    if (cached) return { result: cached, ms: 0 };
    const t0 = performance.now();
    const result = runScenarioOn(this.baseline, this.dataset, { period, seed: this.seed, shared: this.shared, helper: this.helper, ...this.plan, ...(base?.complete ? { differential: { base } } : {}) });
    this.baselines.set(key, result);
    return { result, ms: Math.round(performance.now() - t0) };
  }

  /** The run option minSlicedHouseholds, when given (absent, the runs keep the plan's default). */
  private get plan(): { minSlicedHouseholds?: number } {
    return this.options.minSlicedHouseholds === undefined ? {} : { minSlicedHouseholds: this.options.minSlicedHouseholds };
  }

  private timedRun(explored: Scenario, found: ExplorerScenario, use: DifferentialUse): { run: ScenarioResult; runMs: number } {
    const t0 = performance.now();
    const run = runScenarioOn(explored, this.dataset, { period: found.period, seed: this.seed, shared: this.shared, differential: use, helper: this.helper, ...this.plan });
    return { run, runMs: Math.round(performance.now() - t0) };
  }

  private compute(found: ExplorerScenario, req: Pick<ExplorerRequest, 'settings' | 'overrides'>): Computed {
    // Test hook: hold the thread as a large dataset's run would.
    if (this.options.testBusyMs) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, this.options.testBusyMs);
    const settings = effectiveSettings(req.settings, found.defaults);
    checkUserOverrides(found.parameters, req.overrides ?? []);
    const overrides = latestOverrides(req.overrides ?? []);
    const sets = this.setValues(found, { overrides });
    const key = JSON.stringify([found.name, settings, overrides]);
    const hit = this.cache.get(key);
    if (hit) {
      this.cache.delete(key); // most recently used last
      this.cache.set(key, hit);
      hit.hits++;
      return hit;
    }
    const explored = this.explored(found, settings, sets);
    // A scenario's first view (issue #25): its run, recorded as the base of later moves, comes
    // first, and the baseline's run over the same period (when not yet made) is computed against
    // that base instead of in full: a run against a base gives the full run's bytes whatever
    // overrides, shocks and inputs differ (test/differential.test.ts). For the baseline itself
    // this avoids running the same year twice in full (session 8); for another scenario, a
    // period the baseline was not yet run over (price-subsidy-2008's 2007–2008) costs one full
    // run instead of two (session 9).
    const use = this.differential(found);
    const first = 'record' in use && !this.baselines.has(`${found.period.from}:${found.period.to}`);
    const runFirst = first ? this.timedRun(explored, found, use) : undefined;
    const base = this.baselineRun(found.period, first ? use.record : undefined);
    const { run, runMs } = runFirst ?? this.timedRun(explored, found, use);
    const response: RunResponse = {
      scenario: found.name,
      settings,
      overrides,
      standards: prefectureStandards(scenarioParameters(explored), `${found.period.from}-01`),
      names: { baseline: this.baseline.name, explored: explored.name }, // in the request's language: runNow
      period: found.period,
      months: monthsBetween(found.period.from, found.period.to).length,
      scenarioPeriod: found.scenarioPeriod,
      ...(found.periodNote ? { periodNote: found.periodNote } : {}),
      dataset: { name: this.dataset.meta.name, households: this.dataset.population.nHouseholds, persons: this.dataset.population.nPersons },
      headline: headlineFigures(base.result, run, monthsBetween(found.period.from, found.period.to).length),
      programs: programFigures(base.result, run),
      averageStandard: { urban: run.summary.byArea.urban?.averageStandard ?? 0, rural: run.summary.byArea.rural?.averageStandard ?? 0 },
      timing: { baselineMs: base.ms, runMs, cached: false },
    };
    const computed: Computed = { found, explored, scenarios: [this.baseline, explored], runs: [base.result, run], response, createdAt: new Date().toISOString(), hits: 0, charts: new Map(), tables: new Map() };
    this.cache.set(key, computed);
    while (this.cache.size > CACHE_SIZE) this.cache.delete(this.cache.keys().next().value!);
    return computed;
  }

  /** The result document of the comparison, built once. */
  private resultOf(c: Computed): Result {
    return (c.result ??= explorerResult({ scenarios: c.scenarios, results: c.runs, dataset: this.dataset.meta, period: c.found.period, seed: this.seed, createdAt: c.createdAt }));
  }

  private tablesOf(c: Computed, lang: 'zh' | 'en'): ReportTable[] {
    let t = c.tables.get(lang);
    if (!t) c.tables.set(lang, (t = reportTables(this.resultOf(c), { lang })));
    return t;
  }

  private async chartSvgs(c: Computed, lang: 'zh' | 'en'): Promise<ChartSvg[]>;
  private async chartSvgs(c: Computed, lang: 'zh' | 'en', stop: () => boolean): Promise<ChartSvg[] | typeof SUPERSEDED>;
  private async chartSvgs(c: Computed, lang: 'zh' | 'en', stop: () => boolean = () => false): Promise<ChartSvg[] | typeof SUPERSEDED> {
    const done = c.charts.get(lang);
    if (done) return done;
    const out: ChartSvg[] = [];
    const names = this.names(c, lang);
    const named = withNames(this.resultOf(c), { [this.baseline.name]: names.baseline, [c.explored.name]: names.explored });
    for (const chart of explorerCharts(named, lang)) {
      if (stop()) return SUPERSEDED;
      out.push({ id: chart.id, title: chart.title, svg: await renderSvg(chart.spec) });
    }
    c.charts.set(lang, out);
    return out;
  }
}

/** The report's charts, less the month timeline when there is one month (a single point says nothing). */
function explorerCharts(result: Result, lang: 'zh' | 'en') {
  const oneMonth = monthsBetween(result.period.from, result.period.to).length === 1;
  return reportCharts(result, { lang }).filter((c) => !(oneMonth && c.id === 'months'));
}

const periodText = (p: Period): string => (p.from === p.to ? p.from : `${p.from} – ${p.to}`);

/**
 * What the page says when the explorer shows other months than the scenario's own (`--period`):
 * which months, and that the figures are those months' own, not scaled to a year.
 */
export function explorerPeriodNote(shown: Period, own: Period): Bilingual | undefined {
  if (shown.from === own.from && shown.to === own.to) return undefined;
  const n = monthsBetween(shown.from, shown.to).length;
  return {
    zh: `仅 ${periodText(shown)}（${n} 个月；情景期间为 ${periodText(own)}），数字为这些月份之和，未折算为全年`,
    en: `${periodText(shown)} only (${n} month${n === 1 ? '' : 's'}; the scenario runs ${periodText(own)}): figures are these months' own, not annualised`,
  };
}

/** Longest limit accepted: a day. */
const MAX_COMPUTE_TIMEOUT_MS = 86_400_000;

/** The compute time limit asked for, checked: a whole number of ms, 1 ms to a day. */
function checkComputeTimeout(ms: unknown): number {
  if (typeof ms === 'number' && Number.isInteger(ms) && ms >= 1 && ms <= MAX_COMPUTE_TIMEOUT_MS) return ms;
  throw new JiuzhuError('BAD_OPTION', `computeTimeoutMs must be a whole number of milliseconds from 1 to ${MAX_COMPUTE_TIMEOUT_MS} (a day), not '${String(ms)}'`, { kind: 'usage', location: { key: 'computeTimeoutMs' }, hint: `the default is ${DEFAULT_COMPUTE_TIMEOUT_MS} (10 minutes)` });
}

/** The lane key of a page's requests: one waiting job per page. */
const laneKey = (client: string | undefined): string | undefined => (client ? `page:${client}` : undefined);

/** Every scenario file of the package's scenarios/ folder, by name. */
export function defaultScenarioFiles(): string[] {
  const dir = packagePath('scenarios');
  return readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort().map((f) => join(dir, f));
}
