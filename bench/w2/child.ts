/**
 * W2's child process: one step on the full-count chunked dataset, then one JSON line with its
 * time, figures and peak RSS (worker threads included: they share the process).
 *   node --import tsx bench/w2/child.ts <month|year> <dataset dir> <workers: 0 = one thread>
 */
import { openChunkedDataset } from '../../src/data/chunked.js';
import { loadScenario } from '../../src/scenarios/input/load.js';
import { compareScenarios } from '../../src/scenarios/studies/compare.js';
import { runScenario } from '../../src/scenarios/execution/run.js';
import { packagePath } from '../../src/engine/paths.js';
import { peakRssKiB } from '../lib/child.js';
import { W2_MONTH, W2_YEAR, type W2ChildReport } from './spec.js';

const [step, dir, w] = process.argv.slice(2);
const workers = Number(w) > 0 ? Number(w) : undefined;
const base = loadScenario(packagePath('scenarios/baseline-2006.yaml'));
const reform = loadScenario(packagePath('scenarios/raise-standard-10pct.yaml'));
const source = openChunkedDataset(dir!);
const t = performance.now();
const cpu = process.cpuUsage();
const cpuMs = (): number => { const c = process.cpuUsage(cpu); return (c.user + c.system) / 1000; };
let report: W2ChildReport;
if (step === 'month') {
  const r = await compareScenarios([base, reform], source, { period: W2_MONTH, timestamp: false, workers });
  const ms = performance.now() - t;
  const [b, f] = r.scenarios.map((s) => s.summary as unknown as { cost: number; recipients: number });
  report = { step, ms, cpuMs: cpuMs(), workers: workers ?? 0, peakRssKiB: peakRssKiB(), figures: { baselineCost: b!.cost, baselineRecipients: b!.recipients, reformCost: f!.cost, reformRecipients: f!.recipients } };
} else if (step === 'year') {
  const r = await runScenario(base, { dataset: source, period: W2_YEAR, workers });
  const ms = performance.now() - t;
  report = { step, ms, cpuMs: cpuMs(), workers: workers ?? 0, peakRssKiB: peakRssKiB(), figures: { baselineCost: r.summary.cost, baselineRecipients: r.summary.recipients } };
} else throw new Error(`unknown W2 step '${step}'`);
process.stdout.write(`${JSON.stringify(report)}\n`);
