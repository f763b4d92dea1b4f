/**
 * A worker thread of runOnWorkers and accumulateJobsOnWorkers (workers.ts): builds each scenario's
 * parameters once, then for every chunk (or projection year) it is sent accumulates every scenario on it, exactly as runChunked does, and sends
 * the sums back (transferred, not copied). Errors go back as a reply, with their code and location.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openChunkedDataset, type ChunkedDataset } from '../data/chunked.js';
import { SharedResults } from '../engine/shared-results.js';
import { accumulateScenario, scenarioParameters, scenarioPrices } from './run.js';
import { packError, packSums, type ChunkJob, type ChunkReply, type WorkerSetup } from './workers.js';

const setup = workerData as WorkerSetup;
const port = parentPort!;
const trees = setup.scenarios.map((s) => (setup.overrides?.length ? scenarioParameters(s).withOverrides(setup.overrides) : scenarioParameters(s)));
const folders = new Map<string, ChunkedDataset>();
const folder = (dir: string): ChunkedDataset => {
  let ds = folders.get(dir);
  if (!ds) folders.set(dir, (ds = openChunkedDataset(dir)));
  return ds;
};

port.on('message', (job: ChunkJob) => {
  void (async () => {
    try {
      const pop = job.population ?? (await folder(job.dir!).loadChunk(job.chunk));
      const shared = setup.scenarios.length > 1 ? new SharedResults(pop) : undefined;
      const packed = setup.scenarios.map((s, i) => packSums(accumulateScenario(pop, trees[i]!, job.period ?? setup.period, setup.seeds[i]!, undefined, scenarioPrices(s), undefined, shared)));
      const reply: ChunkReply = { chunk: job.chunk, sums: packed.map((p) => p.value) };
      port.postMessage(reply, [...new Set(packed.flatMap((p) => p.transfer))]);
    } catch (e) {
      const reply: ChunkReply = { chunk: job.chunk, error: packError(e) };
      port.postMessage(reply);
    }
  })();
});
