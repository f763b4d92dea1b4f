/**
 * A worker thread of a projection (project-threads.ts). It builds the scenario's parameters
 * once and keeps every slice of the dataset it is sent; a job names a slice and a year, and the
 * worker moves its copy of the slice to that year (upratePopulation, exactly as the one-thread
 * projection does) and accumulates the scenario on it over the year's months. The uprated
 * population shares the slice's household index and ids, so what the engine learns of a
 * population's shape (the rules callers read, the draws' hash prefixes) carries over from year
 * to year instead of being made again for each year. Errors go back as a reply.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Population } from '../../engine/population.js';
import { populationPool } from '../../engine/buffers.js';
import { releaseParameters } from '../../engine/simulation.js';
import { JiuzhuError } from '../../engine/errors.js';
import { upratePopulation } from '../../dynamics/uprating.js';
import { accumulateScenario } from '../execution/accumulate.js';
import { scenarioPrices, workerTrees } from '../execution/spec.js';
import { packError } from '../execution/threads.js';
import { packSums } from '../results/sums.js';
import type { YearJob, YearReply, YearWorkerSetup } from './project-threads.js';
import type { ParameterData } from '../../engine/parameters/tree.js';

const setup = workerData as YearWorkerSetup & { parameters: ParameterData };
const port = parentPort!;
// Built on the baseline the parent sent (spec.ts workerParameters), not on the parameter files.
const tree = workerTrees({ scenarios: [setup.scenario], overrides: setup.overrides, parameters: setup.parameters })[0]!;
const prices = scenarioPrices(setup.scenario);
/** The slices this worker holds, by their index in the plan. */
const held = new Map<number, Population>();
/** The slice of the last job. */
let last: number | undefined;

port.on('message', (job: YearJob) => {
  try {
    for (const k of job.drop) held.delete(k);
    if (job.population) held.set(job.slice, job.population);
    const slice = held.get(job.slice);
    if (!slice) throw new JiuzhuError('WORKER_SLICE', `a projection worker was sent a year of slice ${job.slice}, which it does not hold`, { kind: 'internal' });
    // A slice's years share its buffer pool (populationPool: one per household index), which
    // keeps a year's worth of its columns free for the next. Only the last slice's is kept: a
    // worker holding many slices of a full count (HELD_PERSONS) would otherwise keep a pool for each.
    const before = last === undefined ? undefined : held.get(last);
    if (before && last !== job.slice) populationPool(before).clear();
    last = job.slice;
    const population = upratePopulation(slice, job.factors);
    const sums = accumulateScenario(population, tree, job.period, setup.seed, undefined, prices);
    // Its simulation is released and nothing here reads its parameter columns again: next
    // year's changed leaves are written into them, not into new ones.
    releaseParameters(population);
    const packed = packSums(sums);
    const reply: YearReply = { job: job.job, sums: packed.value };
    port.postMessage(reply, packed.transfer);
  } catch (e) {
    const reply: YearReply = { job: job.job, error: packError(e) };
    port.postMessage(reply);
  }
});
