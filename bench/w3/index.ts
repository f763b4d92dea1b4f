/**
 * Workload W3: a sweep. 100 variants of the dibao standard (every standard scaled, ×0.80 … ×1.30)
 * on the default dataset, every program, one month, through the public sweep path
 * (ScenarioSweep, as jiuzhu solve uses it): the reference scenario run once (it records the
 * base every variant is computed against; timed apart), five warm-up variants, then each
 * variant run once, timed; the median latency per variant is the figure. The sweep's default
 * threads: two where the machine has two cores (a helper thread computes about half of the
 * prefecture slices of every run, helper-thread.ts), else one.
 */
import { fileURLToPath } from 'node:url';
import { loadScenario, type Scenario } from '../../src/scenarios/input/load.js';
import { scenarioDataset, scenarioParameters } from '../../src/scenarios/execution/run.js';
import { ScenarioSweep } from '../../src/scenarios/execution/sweep.js';
import { systemRules } from '../../src/programs/system.js';
import { Simulation } from '../../src/engine/simulation.js';
import type { Dataset } from '../../src/data/dataset.js';
import { packagePath } from '../../src/engine/paths.js';
import type { Target, Timing, WorkloadResult } from '../lib/report.js';
import { GcClock } from '../lib/gc.js';
import { settle, timed } from '../lib/timing.js';
import { populationPool } from '../../src/engine/buffers.js';
import { slicesOf } from '../../src/scenarios/execution/plan.js';
import type { RunOptions } from '../workloads.js';
import { bundleScript } from '../lib/bundle.js';
import { bootWorkersFromBuild } from '../../src/scenarios/execution/worker-thread.js';

const VARIANTS = 100;
const WARM_UP = 5;
const LOW = 0.8;
const HIGH = 1.3;
const MONTH = { from: '2006-01', to: '2006-01' };
const TARGET_MS = 20;
/** The lever: a branch, so scaling it scales every prefecture's urban and rural standard. */
const LEVER = 'dibao.standard';

const factor = (i: number): number => LOW + ((HIGH - LOW) * i) / (VARIANTS - 1);

function variant(base: Scenario, f: number): Scenario {
  return { ...base, name: `${base.name} standard×${f.toFixed(4)}`, overrides: [...base.overrides, { path: LEVER, scale: f }] };
}

const quantile = (sorted: readonly number[], q: number): number => {
  const x = (sorted.length - 1) * q;
  const lo = Math.floor(x);
  const hi = Math.ceil(x);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (x - lo);
};

/**
 * What a sweep could skip: the system's rules split into those that read the lever (directly or
 * through another rule) and the rest, each group's time on one month of a fresh simulation. A
 * sweep that kept the rest from one run would still recompute the first group, every accumulator
 * and the summary.
 */
function ruleSplit(dataset: Dataset, base: Scenario): { dependent: number; independent: number; dependentMs: number; independentMs: number } {
  const rules = new Map(systemRules.map((r) => [r.id, r]));
  const reads = new Map<string, boolean>();
  const readsLever = (id: string): boolean => {
    const known = reads.get(id);
    if (known !== undefined) return known;
    const r = rules.get(id);
    if (!r) return false;
    reads.set(id, false);
    const v = Object.values(r.parameters).some((p) => p === LEVER || p.startsWith(`${LEVER}.`) || LEVER.startsWith(`${p}.`)) || Object.values(r.inputs).some((i) => readsLever(i.replace(/@year$/, '')));
    reads.set(id, v);
    return v;
  };
  const sim = new Simulation({ population: dataset.population, parameters: scenarioParameters(base), rules: systemRules, seed: base.seed ?? 1 });
  const out = { dependent: 0, independent: 0, dependentMs: 0, independentMs: 0 };
  for (const id of sim.graph.order) {
    const t = timed(() => sim.calculate(id, MONTH.from));
    if (readsLever(id)) { out.dependent++; out.dependentMs += t.ms; } else { out.independent++; out.independentMs += t.ms; }
  }
  return out;
}

export async function runW3(opts: RunOptions): Promise<WorkloadResult> {
  const { progress } = opts;
  const base = loadScenario(packagePath('scenarios/baseline-2006.yaml'));
  progress('W3: loading the default dataset…');
  const dataset = (await scenarioDataset(base)) as Dataset;
  // The sweep path: the rules the standard does not reach are computed once and shared, and
  // every variant is computed against the base scenario's recorded run (sweep.ts).
  const sweeper = new ScenarioSweep(base, dataset, { period: MONTH, levers: [LEVER] });
  // The helper thread runs bundled JavaScript with plain node, as `npx jiuzhu solve` runs dist/
  // (W4 does the same): from the source it would first register tsx and compile the TypeScript.
  // Read before close(), after which the sweep runs on one thread.
  const threads = sweeper.threads;
  if (threads === 2) {
    await bundleScript(new URL('../../src/scenarios/execution/helper-entry.ts', import.meta.url), 'w3-helper', 'w3/scenarios/execution/helper-entry.js');
    bootWorkersFromBuild(fileURLToPath(new URL('../.cache/w3', import.meta.url)));
  }
  const run = (f: number): number => sweeper.run(variant(base, f)).summary.cost;
  progress('W3: the reference run (records the base)…');
  const refCpu0 = process.cpuUsage();
  const reference = timed(() => sweeper.referenceResult());
  const refCpu = process.cpuUsage(refCpu0);
  progress(`W3: ${WARM_UP} warm-up runs…`);
  const warm = timed(() => { for (let i = 0; i < WARM_UP; i++) run(factor(Math.round((i * (VARIANTS - 1)) / (WARM_UP - 1)))); });
  await settle();
  progress(`W3: ${VARIANTS} variants…`);
  const ms: number[] = [];
  const costs: number[] = [];
  const cpu = process.cpuUsage();
  // A run on the default dataset simulates it in prefecture slices, each with its own pool.
  const pools = slicesOf(dataset.population).map((s) => populationPool(s.population));
  const poolBytes = (k: 'freshBytes' | 'reusedBytes'): number => pools.reduce((a, p) => a + p[k], 0);
  const fresh0 = poolBytes('freshBytes');
  const reused0 = poolBytes('reusedBytes');
  const gcClock = new GcClock().start();
  const sweep = timed(() => {
    for (let i = 0; i < VARIANTS; i++) {
      const t = timed(() => run(factor(i)));
      ms.push(t.ms);
      costs.push(t.value);
    }
  });
  const sweepCpu = process.cpuUsage(cpu);
  const gc = await gcClock.stop();
  const freshMB = (poolBytes('freshBytes') - fresh0) / VARIANTS / 1e6;
  const reusedMB = (poolBytes('reusedBytes') - reused0) / VARIANTS / 1e6;
  const gcShare = gc.ms / sweep.ms;
  await sweeper.close();
  bootWorkersFromBuild(undefined);
  const sorted = [...ms].sort((a, b) => a - b);
  const median = quantile(sorted, 0.5);
  await settle();
  progress('W3: which rules read the standard…');
  const split = ruleSplit(dataset, base);
  const timings: Timing[] = [
    { step: 'variant.median', ms: median, label: `median latency of one variant: ScenarioSweep.run, every program, ${MONTH.from}` },
    { step: 'variant.p10', ms: quantile(sorted, 0.1), label: '10th percentile', info: true },
    { step: 'variant.p90', ms: quantile(sorted, 0.9), label: '90th percentile', info: true },
    { step: 'sweep', ms: sweep.ms, label: `all ${VARIANTS} variants, one after another`, info: true },
    { step: 'sweep.cpu', ms: (sweepCpu.user + sweepCpu.system) / 1000, label: 'CPU time of the sweep, every thread of the process (GC helpers included)', info: true },
    { step: 'reference', ms: reference.ms, label: `the reference run, once before the variants (records the base; CPU ${((refCpu.user + refCpu.system) / 1000).toFixed(0)} ms; base copies ${(sweeper.baseBytes / 1e6).toFixed(1)} MB)`, info: true },
    { step: 'variant.with-reference', ms: (sweep.ms + reference.ms) / VARIANTS, label: `the sweep and the reference run, ÷ ${VARIANTS}`, info: true },
    { step: 'gc.variant', ms: gc.ms / VARIANTS, label: `GC pause per variant (one month): ${gc.count} collections in the sweep, ${(100 * gcShare).toFixed(1)}% of its time${threads === 2 ? ' (the calling thread\'s heap; the helper collects its own)' : ''}`, info: true },
    { step: 'warm-up', ms: warm.ms, label: `${WARM_UP} warm-up runs (not in the sweep)`, info: true },
    { step: 'rules.reading-standard', ms: split.dependentMs, label: `${split.dependent} rules that read ${LEVER}, directly or through another rule: one month, fresh simulation`, info: true },
    { step: 'rules.other', ms: split.independentMs, label: `the other ${split.independent} rules (what a sweep could keep from one run)`, info: true },
  ];
  const monotone = costs.every((c, i) => i === 0 || c >= costs[i - 1]! - 1e-6);
  if (!monotone) opts.warn('W3: the dibao cost does not rise with the standard across the sweep');
  const targets: Target[] = [
    { label: `median ≤ ${TARGET_MS} ms per variant`, measured: `${median.toFixed(0)} ms`, holds: median <= TARGET_MS },
    { label: 'GC ≤ 10% of the month (the sweep)', measured: `${(100 * gcShare).toFixed(1)}%`, holds: gcShare <= 0.1 },
  ];
  return {
    workload: 'W3',
    title: `sweep: ${VARIANTS} variants of the dibao standard (×${LOW.toFixed(2)}…×${HIGH.toFixed(2)}) on the default dataset, every program, one month`,
    timings,
    ratios: [{ ratio: 'variant/target', value: median / TARGET_MS, label: `median latency ÷ the ${TARGET_MS} ms target` }],
    targets,
    notes: [
      `${dataset.population.nHouseholds.toLocaleString('en')} households, ${dataset.population.nPersons.toLocaleString('en')} persons (${dataset.meta.name}). Dibao cost of ${MONTH.from}: ${(costs[0]! / 1e6).toFixed(1)}M yuan at ×${LOW.toFixed(2)}, ${(costs[costs.length - 1]! / 1e6).toFixed(1)}M at ×${HIGH.toFixed(2)}.`,
      'Each variant is a scenario with one more override (dibao.standard scaled) run through the public sweep path, ScenarioSweep.run (src/scenarios/execution/sweep.ts): parameters, a fresh simulation computed against the base (the unscaled scenario\'s recorded run), the month loop, every accumulator and the result (summary, distribution, programs, funding); the same bytes as runScenarioOn alone. The reference run is made once before the variants and timed apart. No forced GC between variants: a sweep pays for its garbage.',
      `Only ${split.independent} of ${split.dependent + split.independent} rules do not read the standard (it decides dibao eligibility, which every program's targeting reads), so reusing them from one run would save at most ${((100 * split.independentMs) / (split.dependentMs + split.independentMs)).toFixed(0)}% of the rule time.`,
      `Column buffers per variant: ${freshMB.toFixed(1)} MB allocated fresh, ${reusedMB.toFixed(1)} MB reused from the pools of the population's slices (src/engine/buffers.ts)${threads === 2 ? '; of the calling thread\'s slices only (the helper\'s slices are copies with pools of their own, in its thread)' : ''}.`,
      sweeper.sliceThreads === 2 && threads === 1 ? 'Variants run one after another; each on one thread (the dataset is one slice).'
        : threads === 2 ? 'Variants run one after another, each on two threads (the sweep\'s default on this machine of two cores or more): a helper thread computes about half of the nine prefecture slices (helper-thread.ts), keeping their shared columns and their parts of the base; the calling thread computes the others and merges every slice in slice order (the same bytes). The sweep\'s CPU counts both threads.'
        : 'Variants run one after another, each on one thread (the sweep\'s default on a machine of one core).',
    ],
  };
}
