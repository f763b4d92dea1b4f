/**
 * The slice helper's thread (helper-thread.ts): it holds copies of the slices it owns, their
 * shared-results stores and its parts of each differential base, and for every job accumulates
 * the scenario on its slices exactly as execute does in one thread (accumulateSlice, smallest
 * slice first), then posts their sums, copied (its stores keep arrays the sums refer to), and
 * signals the waiting thread.
 */
import { workerData } from 'node:worker_threads';
import { DifferentialBase, type DifferentialUse } from '../../engine/differential.js';
import { ParameterTree } from '../../engine/parameters/tree.js';
import { SharedResults } from '../../engine/shared-results.js';
import { accumulateSlice } from './execute.js';
import { specTrees, type RunSpec } from './spec.js';
import { packSums } from '../results/sums.js';
import { packError } from './threads.js';
import type { HelperJob, HelperMessage, HelperReply, HelperSetup } from './helper-thread.js';

const setup = workerData as HelperSetup;
const { port, signal } = setup;
// Built once, on the baseline the calling thread sent (workerParameters): no parameter file is read here.
const baseline = ParameterTree.fromData(setup.parameters);
// Smallest slice first, as executeOn (a cold thread spends its first compilations on the least work).
const slices = [...setup.slices].sort((a, b) => a.population.nPersons - b.population.nPersons || a.k - b.k);
const stores = new Map(slices.filter((s) => s.shared).map((s) => [s.k, new SharedResults(s.population, s.shared!.maxBytes, s.shared!.options)]));
/** This thread's parts of the calling thread's bases, by the id it gave them. */
const bases = new Map<number, DifferentialBase>();

function use(job: HelperJob): DifferentialUse | undefined {
  const d = job.differential;
  if (!d) return undefined;
  let base = bases.get(d.id);
  if (!base) bases.set(d.id, (base = new DifferentialBase()));
  return d.record ? { record: base } : { base };
}

function run(job: HelperJob): HelperReply {
  const spec: RunSpec = { scenarios: [job.scenario], period: job.period, seeds: [job.seed] };
  const trees = specTrees(spec, baseline);
  const differential = use(job);
  const sums = slices.map((s) => {
    const shared = job.shared ? stores.get(s.k) : undefined;
    // Unplaced (place false): the calling thread places them at the slice's households, as runOnThreads does.
    // Each month computed is a sign of life for the waiting thread (helper-thread.ts, HELPER_STALL_MS).
    const out = accumulateSlice(spec, trees, s, s.k, setup.nSlices, { shared, differential, onProgress: () => Atomics.add(signal, 2, 1) }, s.k, false);
    return [s.k, out.map((x) => packSums(x).value)] as [number, ReturnType<typeof packSums>['value'][]];
  });
  // Recorded on every slice of this thread: a base to compute against from now on, as runScenarioOn marks it.
  if (differential && 'record' in differential) differential.record.complete = true;
  return { id: job.id, sums: sums.sort((a, b) => a[0] - b[0]).map(([k, s]) => [k, s[0]!]) };
}

const signalAnswer = (): void => {
  Atomics.add(signal, 0, 1);
  Atomics.notify(signal, 0);
};
process.on('exit', () => {
  Atomics.store(signal, 1, 1);
  signalAnswer();
});

port.on('message', (m: HelperMessage) => {
  if ('release' in m) {
    bases.delete(m.release);
    return;
  }
  let reply: HelperReply;
  try {
    reply = run(m.job);
  } catch (e) {
    reply = { id: m.job.id, error: packError(e) };
  }
  port.postMessage(reply);
  signalAnswer();
});
