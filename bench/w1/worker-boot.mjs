// Worker threads do not inherit tsx's loader from the main thread on Node 20: register it,
// then load the TypeScript worker named in workerData.entry.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
