/**
 * Workload W2: the whole province (~8.8M households, ~27M persons) from the chunked full-count
 * dataset. Baseline + reform for one month with every program, then the baseline over 12 months
 * with the dynamics, each in its own child process so its peak RSS is its own.
 */
import { existsSync, mkdirSync, readFileSync, statfsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MANIFEST, type Manifest } from '../../src/data/chunked.js';
import { writeFullCount } from '../../src/data/full-count.js';
import { bundleScript } from '../lib/bundle.js';
import { runChild } from '../lib/child.js';
import type { Target, Timing, WorkloadResult } from '../lib/report.js';
import type { RunOptions } from '../workloads.js';
import type { W2ChildReport } from './spec.js';

/** Where the full count is generated once and reused (gitignored). */
export const W2_CACHE = fileURLToPath(new URL('../.cache/jilin-2006-full', import.meta.url));
/** Free disk space needed to generate it (it takes about 2.5 GB). */
const NEEDED_BYTES = 3.5 * 1024 ** 3;
const TARGETS = { monthMs: 15_000, peakRssGiB: 8 } as const;

const yuanM = (x: number): string => `${(x / 1e6).toFixed(1)}M`;

/** The full-count dataset, generated once; a reason string when it cannot be. */
async function fullCount(progress: (m: string) => void): Promise<{ dir: string; manifest: Manifest; generatedMs?: number } | string> {
  const manifestFile = join(W2_CACHE, MANIFEST);
  if (existsSync(manifestFile)) return { dir: W2_CACHE, manifest: JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest };
  mkdirSync(join(W2_CACHE, '..'), { recursive: true });
  const fs = statfsSync(join(W2_CACHE, '..'));
  const free = fs.bavail * fs.bsize;
  if (free < NEEDED_BYTES) return `W2 skipped: generating the full count needs about ${(NEEDED_BYTES / 1024 ** 3).toFixed(1)} GiB free in ${join(W2_CACHE, '..')}, and ${(free / 1024 ** 3).toFixed(1)} GiB is free. Free some space, or generate it elsewhere and link it there (jiuzhu generate --full --out DIR).`;
  progress(`W2: generating the full count once into ${W2_CACHE} (about 2.5 GB, 40 s or more)…`);
  const t = performance.now();
  const manifest = await writeFullCount(W2_CACHE, { year: 2006, seed: 1, onChunk: (c, i, n) => progress(`  chunk ${i + 1}/${n}: ${c.households.toLocaleString('en')} households`) });
  return { dir: W2_CACHE, manifest, generatedMs: performance.now() - t };
}

export async function runW2(opts: RunOptions): Promise<WorkloadResult> {
  const { progress, warn } = opts;
  const workers = opts.workers ?? 2;
  const title = 'the whole province from the chunked full count: baseline + reform one month, 12 months with the dynamics';
  const data = await fullCount(progress);
  if (typeof data === 'string') {
    warn(data);
    return { workload: 'W2', title, timings: [], ratios: [], targets: [], notes: [data] };
  }
  const { dir, manifest } = data;
  // The child runs bundled JavaScript with plain node, as `npx jiuzhu` runs dist/, and so do its
  // worker threads: threads.ts starts `worker-entry.js` beside the bundle (from the source, each
  // worker would first register tsx's loader and compile the TypeScript again, ~2 s).
  const script = await bundleScript(new URL('./child.ts', import.meta.url), 'w2-child');
  await bundleScript(new URL('../../src/scenarios/execution/worker-entry.ts', import.meta.url), 'w2-worker-entry', 'worker-entry.js');
  const child = (step: 'month' | 'year', w: number): Promise<W2ChildReport> => runChild<W2ChildReport>(script, [step, dir, String(w)]);
  const how = workers > 0 ? `${workers} worker thread(s)` : 'one thread';
  progress(`W2: baseline + reform, one month, ${how}…`);
  const month = await child('month', workers);
  progress(`W2: baseline, 12 months with the dynamics, ${how}…`);
  const year = await child('year', workers);
  const timings: Timing[] = [
    { step: 'baseline+reform', ms: month.ms, label: 'compare baseline-2006 and raise-standard-10pct, 2006-01, every program', note: how },
    { step: 'year', ms: year.ms, label: 'baseline-2006 over 2006-01..12, state carried month to month', note: how },
    { step: 'baseline+reform.cpu', ms: month.cpuMs, label: 'CPU time of that child, every thread (user + system)', info: true },
    { step: 'year.cpu', ms: year.cpuMs, label: 'CPU time of that child, every thread (user + system)', info: true },
  ];
  if (data.generatedMs !== undefined) timings.push({ step: 'generate', ms: data.generatedMs, label: 'jiuzhu generate --full (once; reused from bench/.cache afterwards)', info: true });
  const peakRssMiB = Math.max(month.peakRssKiB, year.peakRssKiB) / 1024;
  const targets: Target[] = [
    { label: `baseline + reform ≤ ${TARGETS.monthMs / 1000} s`, measured: `${(month.ms / 1000).toFixed(1)} s`, holds: month.ms <= TARGETS.monthMs },
    { label: `peak RSS ≤ ${TARGETS.peakRssGiB} GiB`, measured: `${(peakRssMiB / 1024).toFixed(2)} GiB`, holds: peakRssMiB <= TARGETS.peakRssGiB * 1024 },
  ];
  const f = month.figures;
  return {
    workload: 'W2',
    title,
    timings,
    ratios: [
      { ratio: 'baseline+reform/target', value: month.ms / TARGETS.monthMs, label: `baseline + reform ÷ the ${TARGETS.monthMs / 1000} s target` },
      { ratio: 'cpu/wall', value: month.cpuMs / month.ms, label: 'baseline + reform: CPU time ÷ wall time (cores kept busy)' },
    ],
    peakRssMiB,
    peakRssNote: `the larger of the two child processes (VmHWM, worker threads included): one month ${(month.peakRssKiB / 1024).toFixed(0)} MiB, 12 months ${(year.peakRssKiB / 1024).toFixed(0)} MiB`,
    targets,
    notes: [
      `${manifest.households.toLocaleString('en')} households, ${manifest.persons.toLocaleString('en')} persons in ${manifest.chunks.length} chunks (${dir}).`,
      `2006-01: baseline ${yuanM(f.baselineCost)} yuan, ${Math.round(f.baselineRecipients).toLocaleString('en')} recipients; reform ${yuanM(f.reformCost ?? 0)} yuan, ${Math.round(f.reformRecipients ?? 0).toLocaleString('en')} recipients. 12 months: ${yuanM(year.figures.baselineCost)} yuan.`,
      'Each step runs in a fresh child process (bundled JavaScript, plain node; its workers too), timed from the call to the result: chunk reading, worker start-up and merging included.',
      'Workers take whole prefectures, largest first within a budget of households in flight (src/scenarios/execution/schedule.ts), and the main thread merges them in plan order: the result is the same bytes as the one-thread run (`--workers 0` runs W2 in one thread for comparison).',
    ],
  };
}
