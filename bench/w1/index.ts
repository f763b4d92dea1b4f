/**
 * Workload W1 (shared/bench/peer-workload.md): the dibao rule chain on 1,000,000 persons,
 * through the engine, a hand-written loop (the limit) and arquero 8, in one process; peak
 * memory from a separate engine-only child process.
 */
import { periodStartDate } from '../../src/engine/period.js';
import { Simulation } from '../../src/engine/simulation.js';
import { setFusion } from '../../src/engine/fuse.js';
import { setPeriodReuse } from '../../src/engine/period-reuse.js';
import { demoRules } from '../../src/programs/demo/index.js';
import { bundleScript } from '../lib/bundle.js';
import { runChild } from '../lib/child.js';
import type { Ratio, Target, Timing, WorkloadResult } from '../lib/report.js';
import { GcClock, type GcTotals } from '../lib/gc.js';
import { settle, timed, timedAsync } from '../lib/timing.js';
import { arqueroStep } from './arquero.js';
import { W1_MONTH, WARMUP_PERSONS, w1Columns } from './data.js';
import { peakRssKiB, type ChildReport } from './child-report.js';
import { baselineStep, benefitOverMonths, buildSimulation, REFORM, reformStep, summarize, WARMUP_ROUNDS, warmUpEngine, YEAR_MONTHS, type Summary, w1Parameters } from './engine.js';
import { householdStarts, limitStep } from './limit.js';
import { BUNDLED_WORKER_ENV, YearPool } from './year-pool.js';
import { WORKERS_FOR, YEAR_MODES, yearStep, type YearMode } from './year.js';

/**
 * The year mode `year` reports. Chosen by measurement on this machine (2 cores): see
 * bench/README.md; `--year-mode` overrides it. All modes are also timed, as info rows. Since
 * the engine reuses a month whose inputs and parameters are unchanged (period-reuse.ts), a
 * year of W1 costs about one month plus twelve sums, less than handing half of it to a worker.
 */
export const DEFAULT_YEAR_MODE: YearMode = 'single';

/** The workload's expected figures (peer and JS reference runs), to be matched within ~1%. */
const EXPECTED = {
  households: 349_700,
  baseline: { recipients: 70_300, cost: 75.7e6 },
  reform: { recipients: 78_000, cost: 92.1e6 },
} as const;
const TOLERANCE = 0.01;

const TARGETS = { engineOverLimit: 1.5, arqueroOverEngine: 15, totalMs: 200, peakRssMiB: 250 } as const;

export interface W1Options {
  yearMode?: YearMode;
  /** Called with each warning (figures off, implementations disagreeing). */
  warn: (message: string) => void;
  /** Progress for the table mode (stderr), silent in JSON mode. */
  progress: (message: string) => void;
}

const relDiff = (a: number, b: number): number => Math.abs(a - b) / Math.max(Math.abs(b), 1e-9);
const yuanM = (x: number): string => `${(x / 1e6).toFixed(2)}M`;

function checkFigures(what: string, got: Summary, want: Summary, warn: (m: string) => void): void {
  if (relDiff(got.recipients, want.recipients) > TOLERANCE || relDiff(got.cost, want.cost) > TOLERANCE) {
    warn(`W1 ${what}: ${got.recipients} recipient households, ${yuanM(got.cost)} yuan; the workload expects about ${want.recipients} and ${yuanM(want.cost)} (±${TOLERANCE * 100}%)`);
  }
}

function checkAgree(what: string, got: Summary, engine: Summary, warn: (m: string) => void): void {
  if (got.recipients !== engine.recipients || relDiff(got.cost, engine.cost) > 1e-6) {
    warn(`W1 ${what} disagrees with the engine: ${got.recipients} households / ${got.cost.toFixed(2)} yuan vs ${engine.recipients} / ${engine.cost.toFixed(2)}`);
  }
}

export async function runW1(opts: W1Options): Promise<WorkloadResult> {
  const yearMode = opts.yearMode ?? DEFAULT_YEAR_MODE;
  const { warn, progress } = opts;
  const tree = w1Parameters();
  const date = periodStartDate(W1_MONTH);
  const timings: Timing[] = [];
  const info = (step: string, ms: number, label: string, note?: string): void => { timings.push({ step, ms, label, note, info: true }); };
  const notes: string[] = [];

  progress('W1: generating the 1,000,000-person population…');
  const data = timed(() => w1Columns(undefined, undefined, true));
  const cols = data.value;
  const nHouseholds = cols.households.id.length;
  if (relDiff(nHouseholds, EXPECTED.households) > TOLERANCE) warn(`W1: ${nHouseholds} households; the workload expects about ${EXPECTED.households}`);

  progress('W1: JIT warm-up on a small population…');
  const small = w1Columns(WARMUP_PERSONS, 1, true); // laid out like the timed data (shared memory)
  // arquero is warmed up just before it is timed, not here: run before the engine's steps, its
  // warm-up slowed the engine's first baseline (a fresh simulation) from 11–13 ms to 19–22 ms (JIT
  // state of shared code, presumably the parameter tree or typed-array built-ins), while the loop stayed at
  // 12–14 ms (a script replaying these steps, 2026-12-07, session 12; docs/performance.md, "W1's
  // ratio on a fast host"). Each implementation is now warmed and timed without the others between.
  const warm = timed(() => {
    warmUpEngine(small, tree);
    const s = householdStarts(small);
    for (let i = 0; i < WARMUP_ROUNDS; i++) limitStep(small, s, tree, date);
  });
  // Year workers are started (and warmed up the same way) before any timing, only when needed.
  const maxWorkers = Math.max(...YEAR_MODES.map((m) => WORKERS_FOR[m]));
  let pool: YearPool | undefined;
  let poolMs = 0;
  const needPool = async (n: number): Promise<YearPool | undefined> => {
    if (n === 0) return undefined;
    if (!pool) {
      progress(`W1: starting ${maxWorkers} year workers…`);
      const started = await timedAsync(() => YearPool.start(maxWorkers, true));
      pool = started.value;
      poolMs = started.ms;
    }
    return pool;
  };

  try {
    // The limit first: like the engine after it, its first run on the full population.
    progress('W1: hand-written loop…');
    await settle();
    const starts = timed(() => householdStarts(cols));
    await settle();
    const limit = timed(() => limitStep(cols, starts.value, tree, date));

    // The engine's four steps, each after a forced GC and a short idle pause (untimed).
    progress('W1: engine…');
    const yearPool = await needPool(WORKERS_FOR[yearMode]);
    await settle();
    const build = timed(() => buildSimulation(cols, tree));
    await settle();
    const base = timed(() => baselineStep(build.value.sim));
    await settle();
    const reform = timed(() => reformStep(build.value.population, tree));
    await settle();
    const yearRun = await timedAsync(() => yearStep(yearMode, build.value.population, tree, yearPool));
    checkFigures('baseline', base.value, EXPECTED.baseline, warn);
    checkFigures('reform', reform.value, EXPECTED.reform, warn);
    checkAgree('limit', limit.value, base.value, warn);
    const yearMs = new Map<YearMode, number>([[yearMode, yearRun.ms]]);
    const yearCost = new Map<YearMode, number>([[yearMode, summarize(yearRun.value).cost]]);

    // For diagnosis only (info rows): the same baseline once more on another fresh simulation
    // of the same population (JIT, allocator and the population's indexes now warm), and the limit.
    await settle();
    const baseAgain = timed(() => baselineStep(new Simulation({ population: build.value.population, parameters: tree, rules: demoRules })));
    await settle();
    const limitAgain = timed(() => limitStep(cols, starts.value, tree, date));

    // arquero.
    progress('W1: arquero…');
    const aqWarm = timed(() => arqueroStep(small, tree, date));
    await settle();
    const aqBase = timed(() => arqueroStep(cols, tree, date));
    await settle();
    const aqReform = timed(() => arqueroStep(cols, tree.withOverrides(REFORM), date));
    checkAgree('arquero baseline', aqBase.value, base.value, warn);
    checkAgree('arquero reform', aqReform.value, reform.value, warn);

    // The other ways of computing the year, for comparison (info rows).
    progress('W1: the year, other modes…');
    // GC is measured on the single-thread year (this thread's collections only).
    let yearGc: GcTotals | undefined;
    for (const mode of YEAR_MODES.filter((m) => m !== yearMode)) {
      const p = await needPool(WORKERS_FOR[mode]);
      await settle();
      const clock = mode === 'single' ? new GcClock().start() : undefined;
      const y = await timedAsync(() => yearStep(mode, build.value.population, tree, p));
      if (clock) yearGc = await clock.stop();
      yearMs.set(mode, y.ms);
      yearCost.set(mode, summarize(y.value).cost);
    }
    if (!yearGc) {
      await settle();
      const clock = new GcClock().start();
      const t = timed(() => benefitOverMonths(build.value.population, tree, YEAR_MONTHS));
      yearGc = await clock.stop();
      yearMs.set('single', t.ms);
    }
    // Diagnosis (info rows): what the period reuse and the fused loop save, each switched off
    // in turn, in the main thread on fresh simulations of the same population.
    await settle();
    setPeriodReuse(false);
    const yearComputed = timed(() => benefitOverMonths(build.value.population, tree, YEAR_MONTHS));
    setPeriodReuse(true);
    const computedCost = summarize(yearComputed.value).cost;
    if (relDiff(computedCost, yearCost.get(yearMode)!) > 1e-9) warn(`W1 year: ${yuanM(computedCost)} yuan with period reuse off, ${yuanM(yearCost.get(yearMode)!)} with it on`);
    await settle();
    setFusion(false);
    const baseFormulas = timed(() => baselineStep(new Simulation({ population: build.value.population, parameters: tree, rules: demoRules, lend: true })));
    setFusion(true);
    checkAgree('engine by the column formulas', baseFormulas.value, base.value, warn);

    // 2024 has one set of parameters, so the year is twelve times the month.
    for (const [mode, cost] of yearCost) {
      if (relDiff(cost, 12 * base.value.cost) > 1e-6) warn(`W1 year (${mode}): ${yuanM(cost)} yuan is not 12 × the month's ${yuanM(base.value.cost)}`);
    }

    // Memory: a child running only the engine's steps.
    progress('W1: engine-only child process (peak memory)…');
    // The child and its year workers run bundled JavaScript with plain node, as `npx jiuzhu`
    // runs dist/: the figure is the engine's, without tsx's loader (bench/lib/bundle.ts).
    const childScript = await bundleScript(new URL('./engine-child.ts', import.meta.url), 'w1-engine-child');
    const childEnv = { [BUNDLED_WORKER_ENV]: await bundleScript(new URL('./year-worker.ts', import.meta.url), 'w1-year-worker') };
    const child = await runChild<ChildReport>(childScript, [yearMode], childEnv);
    // The same child with the year in the main thread only, so the cost of the workers shows.
    const childSingle = yearMode === 'single' ? child : await runChild<ChildReport>(childScript, ['single'], childEnv);
    const idle = await runChild<{ vmHwmKiB?: number; maxRssKiB: number }>(await bundleScript(new URL('./idle-child.ts', import.meta.url), 'w1-idle-child'), []);
    const idleMiB = (idle.vmHwmKiB ?? idle.maxRssKiB) / 1024;

    const year = yearMs.get(yearMode)!;
    const total = build.ms + base.ms + reform.ms + year;
    timings.push(
      { step: 'build', ms: build.ms, label: 'createPopulation from the columns + new Simulation' },
      { step: 'baseline', ms: base.ms, label: `demo_benefit ${W1_MONTH}, first calculation on a fresh simulation` },
      { step: 'reform', ms: reform.ms, label: 'standards × 1.10: withOverrides + new Simulation + calculate' },
      { step: 'year', ms: year, label: '12 months of 2024 on fresh simulations, summed', note: yearMode },
      { step: 'total', ms: total, label: 'build + baseline + reform + year' },
      { step: 'limit.baseline', ms: limit.ms, label: 'hand-written single-pass loop, same month' },
      { step: 'arquero.baseline', ms: aqBase.ms, label: 'arquero 8: table → derive → groupby/rollup → join → derive → rollup' },
      { step: 'arquero.reform', ms: aqReform.ms, label: 'the same with the reformed standards' },
    );
    info('data', data.ms, 'generating the W1 columns (not part of build)');
    info('warm-up', warm.ms + aqWarm.ms, `JIT warm-up: engine ×${WARMUP_ROUNDS}, limit ×${WARMUP_ROUNDS} on ${WARMUP_PERSONS.toLocaleString('en')} persons before the timed steps; arquero ×1 (${aqWarm.ms.toFixed(0)} ms) just before its own`);
    if (pool) info('year.pool-startup', poolMs, `starting ${maxWorkers} year workers (load + the same warm-up)`);
    for (const mode of YEAR_MODES) info(`year.${mode}`, yearMs.get(mode)!, `year computed ${mode === 'single' ? 'in the main thread' : mode === 'workers' ? 'by 2 workers, 6 months each' : 'by the main thread and 1 worker'}`, mode === yearMode ? 'reported as year' : undefined);
    const singleMs = yearMs.get('single')!;
    info('gc.month', yearGc.ms / 12, `GC pause per month of year.single (${yearGc.count} collections in 12 months, ${((100 * yearGc.ms) / singleMs).toFixed(1)}% of the year's time)`);
    info('year.computed', yearComputed.ms, 'year.single with period reuse off: every month computed (by the fused loop)');
    info('baseline.formulas', baseFormulas.ms, 'diagnosis: baseline with fusion off (the column formulas), 3rd fresh simulation of the population');
    info('baseline.again', baseAgain.ms, 'diagnosis: baseline on a 2nd fresh simulation of the same population (not the target)');
    info('limit.again', limitAgain.ms, 'diagnosis: the limit run a 2nd time');
    info('limit.build', starts.ms, 'household start offsets for the limit (not in limit.baseline)');
    info('child.build', child.ms.build, 'engine-only child, no warm-up: build');
    info('child.baseline', child.ms.baseline, 'engine-only child, no warm-up: baseline');
    info('child.reform', child.ms.reform, 'engine-only child, no warm-up: reform');
    info('child.year', child.ms.year, `engine-only child, no warm-up: year (${child.yearMode})`);

    const engineBR = base.ms + reform.ms;
    const ratios: Ratio[] = [
      { ratio: 'engine/limit', value: base.ms / limit.ms, label: 'baseline: engine ÷ hand-written loop' },
      { ratio: 'arquero/engine', value: (aqBase.ms + aqReform.ms) / engineBR, label: 'baseline + reform: arquero ÷ engine' },
      { ratio: 'arquero/engine.baseline', value: aqBase.ms / base.ms, label: 'baseline only' },
      { ratio: 'arquero/engine.reform', value: aqReform.ms / reform.ms, label: 'reform only' },
      { ratio: 'child.baseline/limit', value: child.ms.baseline / limit.ms, label: 'engine baseline with no warm-up (child) ÷ hand-written loop (warm)' },
    ];
    const peakRssMiB = peakRssKiB(child) / 1024;
    const targets: Target[] = [
      { label: `engine baseline ≤ ${TARGETS.engineOverLimit}× the limit`, measured: `${(base.ms / limit.ms).toFixed(2)}×`, holds: base.ms / limit.ms <= TARGETS.engineOverLimit },
      { label: `arquero ÷ engine ≥ ${TARGETS.arqueroOverEngine} on baseline + reform`, measured: `${((aqBase.ms + aqReform.ms) / engineBR).toFixed(1)}×`, holds: (aqBase.ms + aqReform.ms) / engineBR >= TARGETS.arqueroOverEngine },
      { label: `build + baseline + reform + year < ${TARGETS.totalMs} ms`, measured: `${total.toFixed(0)} ms`, holds: total < TARGETS.totalMs },
      { label: 'GC ≤ 10% of the month (year.single)', measured: `${((100 * yearGc.ms) / singleMs).toFixed(1)}%`, holds: yearGc.ms <= 0.1 * singleMs },
      { label: `engine-only peak RSS ≤ ${TARGETS.peakRssMiB} MiB`, measured: `${peakRssMiB.toFixed(0)} MiB`, holds: peakRssMiB <= TARGETS.peakRssMiB },
    ];
    notes.push(
      `${nHouseholds.toLocaleString('en')} households. Baseline ${W1_MONTH}: ${base.value.recipients.toLocaleString('en')} recipient households, ${yuanM(base.value.cost)} yuan/month (workload: ≈70,300 and ≈75.7M). Reform: ${reform.value.recipients.toLocaleString('en')}, ${yuanM(reform.value.cost)} (≈78,000 and ≈92.1M). Year 2024: ${yuanM(yearCost.get(yearMode)!)} yuan.`,
      `limit and arquero give the engine's figures (checked: same recipients, cost within 1e-6).`,
      `year is computed ${yearMode === 'single' ? 'in the main thread' : yearMode === 'workers' ? 'by 2 worker threads, 6 months each' : 'by the main thread (months 1–6) and 1 worker thread (months 7–12)'}, each on its own fresh simulation; this run: single ${yearMs.get('single')!.toFixed(0)} ms, workers ${yearMs.get('workers')!.toFixed(0)} ms, main+worker ${yearMs.get('main+worker')!.toFixed(0)} ms.${pool ? ` Workers are started once before timing (year.pool-startup, not in year) and get the same JIT warm-up; copying the population's index arrays to shared memory is timed.` : ''}`,
      `Warm-up: before any timing, the engine steps, the limit and arquero run on a ${WARMUP_PERSONS.toLocaleString('en')}-person W1 population (JIT only: every timed step still starts from a fresh simulation with an empty cache), and so does each year worker. The child.* rows have no warm-up at all.`,
      'Before each timed step this process forces a full GC and idles 50 ms (untimed) so no GC work spills into the step; the child does neither.',
      ...(childSingle !== child ? [`Peak RSS of the same child with the year in the main thread only (no worker): ${(peakRssKiB(childSingle) / 1024).toFixed(0)} MiB; each year worker costs about 37 MiB before computing anything (an isolate and the engine loaded again).`] : []),
      `Peak RSS: the engine-only child (data generation, build, baseline, reform, year${WORKERS_FOR[child.yearMode] ? ` with ${WORKERS_FOR[child.yearMode]} worker thread(s)` : ''}), read as VmHWM from /proc/self/status, because on Linux ru_maxrss (process.resourceUsage().maxRSS, here ${(child.maxRssKiB / 1024).toFixed(0)} MiB) survives fork + exec and so can report this bench process's RSS at spawn time instead of the child's.`,
    );
    const rssSource = child.vmHwmKiB !== undefined ? 'VmHWM' : 'resourceUsage().maxRSS';
    return { workload: 'W1', title: 'dibao rule chain on 1,000,000 persons (shared/bench/peer-workload.md)', timings, ratios, peakRssMiB, peakRssNote: `engine-only child process, ${rssSource}; bundled JavaScript with plain node; the same with the engine loaded and idle: ${idleMiB.toFixed(0)} MiB`, targets, notes };
  } finally {
    await pool?.close();
  }
}
