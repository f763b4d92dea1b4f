/**
 * Starting a worker thread on one of this package's entry modules, and one request to it. Shared
 * by the slice workers (threads.ts), the projection's year workers (studies/project-threads.ts) and
 * the explorer's compute worker (serve/thread.ts).
 */
import { relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, type Transferable } from 'node:worker_threads';
import { JiuzhuError } from '../../engine/errors.js';

/** True when this module runs from the TypeScript source (tsx, vitest) rather than dist/. */
const FROM_SOURCE = import.meta.url.endsWith('.ts');

/** The source folder (src/), whose layout a build (dist/) repeats with .js files. */
const SRC = new URL('../../', import.meta.url);

/** A build of this same source that workers started from the source boot from instead of tsx; none by default. */
let sourceBuild: string | undefined;

/**
 * From the source only (ignored from dist/): start workers on the same entry modules of a build of
 * this source (a folder laid out like dist/) rather than through tsx, which loads some 240 modules
 * per thread (~0.65 s of CPU against ~0.2 s). The tests use it with a build at least as new as
 * every source file, so a worker runs the same code; `undefined` goes back to tsx.
 */
export function bootWorkersFromBuild(dir: string | undefined): void {
  sourceBuild = dir;
}

/**
 * Starts a worker on the entry module `name` (no extension) beside the module at `base`
 * (its import.meta.url). From dist/ that is plain JavaScript. From the source, the worker must
 * first register tsx's loader: on Node 20 a worker does not inherit the loader of the thread
 * that starts it, and `execArgv: ['--import', 'tsx']` is not honoured by workers.
 */
export function startEntryWorker(name: string, base: string, workerData: unknown, transferList?: Transferable[]): Worker {
  const entry = new URL(`./${name}.${FROM_SOURCE ? 'ts' : 'js'}`, base);
  const options = { workerData, ...(transferList ? { transferList } : {}) };
  if (!FROM_SOURCE) return new Worker(entry, options);
  if (sourceBuild !== undefined) {
    const built = pathToFileURL(`${sourceBuild}/${relative(fileURLToPath(SRC), fileURLToPath(entry)).replace(/\.ts$/, '.js')}`);
    return new Worker(built, options);
  }
  const boot = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((t) => { t.register(); return import(${JSON.stringify(entry.href)}); });`;
  return new Worker(boot, { eval: true, ...options });
}

/**
 * Sends a job and waits for its reply; a worker that fails, or exits first, rejects (with
 * `stopped(code)` as the message of the latter).
 */
export function request<Job, Reply>(w: Worker, job: Job, transfer: ArrayBuffer[], stopped: (code: number) => string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const off = (): void => {
      w.off('message', onMessage);
      w.off('error', onError);
      w.off('exit', onExit);
    };
    const onMessage = (m: Reply): void => { off(); resolve(m); };
    const onError = (e: Error): void => { off(); reject(e); };
    const onExit = (code: number): void => { off(); reject(new JiuzhuError('WORKER_EXIT', stopped(code), { kind: 'internal' })); };
    w.on('message', onMessage);
    w.once('error', onError);
    w.once('exit', onExit);
    w.postMessage(job, transfer);
  });
}
