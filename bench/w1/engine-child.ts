/**
 * The engine-only child process: generates the W1 columns, then runs only the engine's steps
 * (build, baseline, reform, year) with no JIT warm-up and no forced GC, and prints one JSON
 * object with its timings and peak RSS (worker threads included). Peak RSS is VmHWM from
 * /proc/self/status where it exists: process.resourceUsage().maxRSS is also reported, but on
 * Linux getrusage's ru_maxrss survives fork + exec, so in a child it is never below the RSS
 * of the (large) bench process that spawned it.
 * Started by the W1 bench as bundled JavaScript with plain node (bench/lib/bundle.ts); argv[2] is the year mode.
 */
import type { Population } from '../../src/engine/population.js';
import type { Simulation } from '../../src/engine/simulation.js';
import { timed, timedAsync } from '../lib/timing.js';
import { w1Columns } from './data.js';
import { baselineStep, buildSimulation, reformStep, summarize, w1Parameters } from './engine.js';
import { vmHwmKiB, type ChildReport } from './child-report.js';
import { YearPool } from './year-pool.js';
import { WORKERS_FOR, YEAR_MODES, yearStep, type YearMode } from './year.js';

const mode = (process.argv[2] ?? 'single') as YearMode;
if (!YEAR_MODES.includes(mode)) throw new Error(`unknown year mode '${mode}'`);
const tree = w1Parameters();
const pool = WORKERS_FOR[mode] > 0 ? await YearPool.start(WORKERS_FOR[mode], false) : undefined;
// As a program using the engine would: each step's objects are dropped once it is done (the
// input id arrays after build, the baseline simulation after baseline); the population stays.
const built = ((): { ms: number; population: Population; sim: Simulation } => {
  const cols = w1Columns(undefined, undefined, WORKERS_FOR[mode] > 0);
  const b = timed(() => buildSimulation(cols, tree));
  return { ms: b.ms, ...b.value };
})();
const population = built.population;
const base = timed(() => baselineStep(built.sim));
delete (built as Partial<typeof built>).sim;
const reform = timed(() => reformStep(population, tree));
const year = await timedAsync(async () => summarize(await yearStep(mode, population, tree, pool)));
await pool?.close();
const report: ChildReport = {
  yearMode: mode,
  ms: { build: built.ms, baseline: base.ms, reform: reform.ms, year: year.ms },
  baseline: base.value,
  maxRssKiB: process.resourceUsage().maxRSS,
  vmHwmKiB: vmHwmKiB(),
};
process.stdout.write(`${JSON.stringify(report)}\n`);
