/**
 * A worker thread of execute (threads.ts): builds each scenario's parameters once, on the
 * baseline its parent sent, then for every slice it is sent accumulates every scenario on it,
 * exactly as execute does in one thread, and sends the sums back (transferred, not copied). Errors go back as a reply, with their code and location.
 */
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parentPort, workerData } from 'node:worker_threads';
import { detachOneBuffer } from '../../engine/detach-once.js';
import { monthsBetween } from '../../engine/period.js';
import { SharedResults } from '../../engine/shared-results.js';
import { accumulateScenario } from './accumulate.js';
import { againstFirst, FirstRunBase } from './against-first.js';
import { scenarioPrices, workerTrees } from './spec.js';
import { packSums } from '../results/sums.js';
import { packError, type SliceJob, type SliceReply, type WorkerSetup } from './threads.js';

// Before anything is optimised (engine/detach-once.ts): the first slice's code then outlives its reply.
detachOneBuffer();
const setup = workerData as WorkerSetup;
v8.setFlagsFromString('--expose-gc');
/** V8's full collection, from a context made after the flag (the only way without starting node with --expose-gc). */
const collectGarbage = runInNewContext('gc') as () => void;
const port = parentPort!;
// Built on the baseline the parent sent (workerParameters): no parameter file is read or parsed here.
const trees = workerTrees(setup);

port.on('message', (job: SliceJob) => {
  try {
    const pop = job.population;
    const shared = setup.scenarios.length > 1 ? new SharedResults(pop) : undefined;
    // The later scenarios against the first one's run, as the parent would (against-first.ts).
    const first = new FirstRunBase(pop, setup.seeds, monthsBetween(job.period.from, job.period.to).length, setup.againstFirst ?? againstFirst());
    const packed = setup.scenarios.map((s, i) => packSums(accumulateScenario(pop, trees[i]!, job.period, setup.seeds[i]!, undefined, scenarioPrices(s), undefined, shared, first.option(i))));
    const reply: SliceReply = { slice: job.slice, sums: packed.map((p) => p.value) };
    port.postMessage(reply, [...new Set(packed.flatMap((p) => p.transfer))]);
    // The slice's population and its buffer pool are garbage now: collected before the next
    // slice allocates, not beside it (on the full count, gigabytes; issue #25).
    collectGarbage();
  } catch (e) {
    const reply: SliceReply = { slice: job.slice, error: packError(e) };
    port.postMessage(reply);
  }
});
