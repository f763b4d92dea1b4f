/**
 * A year worker: warms up like the main thread, then computes demo_benefit for the months it
 * is sent, on a fresh simulation over the shared-memory population, and returns the
 * per-household sum (transferred, not copied).
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Population } from '../../src/engine/population.js';
import { WARMUP_PERSONS, w1Columns } from './data.js';
import { benefitOverMonths, w1Parameters, warmUpEngine } from './engine.js';

export interface YearJob { population: Population; months: string[] }

const tree = w1Parameters();
if ((workerData as { warmUp?: boolean }).warmUp) warmUpEngine(w1Columns(WARMUP_PERSONS, 1, true), tree);
const port = parentPort!;
port.on('message', (job: YearJob) => {
  const sum = benefitOverMonths(job.population, tree, job.months);
  port.postMessage(sum, [sum.buffer]);
});
port.postMessage('ready');
