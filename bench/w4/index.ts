/**
 * Workload W4: a projection, ten years × 12 months with the dynamics, on the default dataset:
 * `jiuzhu project scenarios/dynamic-growth-2007-2015.yaml --from 2006 --to 2015` (every month
 * simulated, the growth rule, uprated incomes and ageing), through projectScenario with the
 * years on one worker thread per core (`project --workers N`; the years are independent runs, and
 * each worker keeps the prefecture slices it is sent: src/scenarios/studies/project-threads.ts).
 */
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Dataset } from '../../src/data/dataset.js';
import { packagePath } from '../../src/engine/paths.js';
import { loadScenario } from '../../src/scenarios/input/load.js';
import { projectScenario } from '../../src/scenarios/studies/project.js';
import { scenarioDataset } from '../../src/scenarios/execution/run.js';
import type { Target, Timing, WorkloadResult } from '../lib/report.js';
import { settle } from '../lib/timing.js';
import { bundleScript } from '../lib/bundle.js';
import { bootWorkersFromBuild } from '../../src/scenarios/execution/worker-thread.js';
import type { RunOptions } from '../workloads.js';

const FROM = 2006;
const TO = 2015;
const TARGET_MS = 10_000;

export async function runW4(opts: RunOptions): Promise<WorkloadResult> {
  const { progress } = opts;
  const s = loadScenario(packagePath('scenarios/dynamic-growth-2007-2015.yaml'));
  progress('W4: loading the default dataset…');
  const dataset = (await scenarioDataset(s)) as Dataset;
  await settle();
  const workers = availableParallelism();
  // The year workers run bundled JavaScript with plain node, as `npx jiuzhu project` runs dist/
  // (W2's child does the same): from the source each worker would first register tsx and compile
  // the TypeScript again (~0.65 s of CPU a thread). The bundle sits where a build keeps the entry.
  await bundleScript(new URL('../../src/scenarios/studies/project-worker.ts', import.meta.url), 'w4-worker', 'w4/scenarios/studies/project-worker.js');
  bootWorkersFromBuild(fileURLToPath(new URL('../.cache/w4', import.meta.url)));
  progress(`W4: projecting ${FROM}–${TO}, 12 months a year, on ${workers} worker threads…`);
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  const value = await projectScenario(s, { dataset, from: FROM, to: TO, monthsPerYear: 12, workers });
  const p = { value, ms: performance.now() - t0 };
  const used = process.cpuUsage(cpu);
  bootWorkersFromBuild(undefined);
  const years = p.value.years.length;
  const months = years * 12;
  const timings: Timing[] = [
    { step: 'projection', ms: p.ms, label: `${years} years × 12 months, every program, growth rule, uprating and ageing; the years on ${workers} worker threads (their start-up included)` },
    { step: 'projection.cpu', ms: (used.user + used.system) / 1000, label: 'CPU time of the projection, every thread of the process (GC helpers included)', info: true },
    { step: 'per-month', ms: p.ms / months, label: 'the same ÷ months simulated', info: true },
  ];
  const targets: Target[] = [{ label: `projection ≤ ${TARGET_MS / 1000} s`, measured: `${(p.ms / 1000).toFixed(1)} s`, holds: p.ms <= TARGET_MS }];
  const first = p.value.years[0]!;
  const last = p.value.years[years - 1]!;
  return {
    workload: 'W4',
    title: `projection: ${s.name}, ${FROM}–${TO} (ten years × 12 months with the dynamics) on the default dataset`,
    timings,
    ratios: [{ ratio: 'projection/target', value: p.ms / TARGET_MS, label: `projection time ÷ the ${TARGET_MS / 1000} s target` }],
    targets,
    notes: [
      `${dataset.population.nHouseholds.toLocaleString('en')} households (${dataset.meta.name}). Cost of every program: ${(first.cost / 1e6).toFixed(0)}M yuan in ${first.year}, ${(last.cost / 1e6).toFixed(0)}M in ${last.year}; dibao recipients ${Math.round(first.recipients).toLocaleString('en')} → ${Math.round(last.recipients).toLocaleString('en')}.`,
      `The years are independent runs (each starts from the uprated dataset), so they go to ${workers} worker threads as (year, prefecture slice) jobs; each worker keeps the slices it is sent and uprates them itself (what the engine learnt of a slice carries over to its next year), and each year's result is built in the main thread while the workers go on (src/scenarios/studies/project-threads.ts). The result is the same bytes as in one thread (test/workers.test.ts, test/project-threads.test.ts). The workers boot from a bundle of the source (bench/.cache/w4), as from dist/.`,
    ],
  };
}
