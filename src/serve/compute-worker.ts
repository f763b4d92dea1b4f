/**
 * The explorer's worker thread: it holds a copy of the dataset and an Explorer of its own, and
 * computes what the main thread's lane sends it, one job at a time. The main thread only reads
 * requests and writes answers, so it stays responsive while a simulation runs for seconds.
 * It starts on what the main thread has loaded already (the dataset, the scenarios, the baseline
 * parameters): reading and parsing them again was more than half of its start-up CPU.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { JiuzhuError } from '../engine/errors.js';
import { adoptWorkerParameters } from '../scenarios/execution/spec.js';
import { Explorer } from './api.js';
import type { ComputeJob, ComputeReply, ComputeSetup } from './thread.js';

const setup = workerData as ComputeSetup;
const port = parentPort!;
// Before anything reads them: the main thread's baseline parameters are this thread's (no file parsed here).
adoptWorkerParameters(setup.parameters);
const explorer = new Explorer({ ...setup.options, dataset: setup.dataset, thread: false });

async function answer(job: ComputeJob): Promise<unknown> {
  switch (job.op) {
    case 'run': return explorer.runNow(job.req);
    case 'charts': return explorer.chartsNow(job.req);
    case 'table': return explorer.tableCsvNow(job.req, job.id!);
    case 'chart': return explorer.chartPngNow(job.req, job.id!);
    case 'warm': return explorer.warmNow(job.req.lang);
  }
}

port.on('message', (job: ComputeJob) => {
  // Test hook only (a thread that hangs): the main thread's time limit must stop it.
  if (job.stallMs) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, job.stallMs);
  void answer(job).then(
    (value) => port.postMessage({ id: job.seq, value } satisfies ComputeReply),
    (e: unknown) => {
      const error = e instanceof JiuzhuError
        ? { message: e.message, code: e.code, kind: e.kind, location: e.location, hint: e.hint, details: e.details }
        : { message: e instanceof Error ? e.message : String(e), stack: e instanceof Error ? e.stack : undefined };
      port.postMessage({ id: job.seq, error } satisfies ComputeReply);
    },
  );
});
port.postMessage({ id: -1, value: 'ready' } satisfies ComputeReply);
