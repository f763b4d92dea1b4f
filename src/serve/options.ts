/**
 * What an Explorer is made with (api.ts). In a file of its own so that the compute thread
 * (thread.ts), which api.ts starts, can name the options it is sent without importing api.ts.
 */
import type { Dataset } from '../data/dataset.js';
import type { Period } from '../scenarios/execution/run.js';
import type { Scenario } from '../scenarios/input/load.js';

export interface ExplorerOptions {
  /** The dataset every scenario runs on, loaded once. */
  dataset: Dataset;
  /** Scenario files offered, in order (default: every .yaml of the package's scenarios/). */
  scenarioFiles?: readonly string[];
  /** The scenario deltas are against (default scenarios/baseline-2006.yaml). */
  baselineFile?: string;
  /**
   * Months of every run (default: each scenario's own period, the months `jiuzhu run` covers).
   * A shorter period is shown as such, named on the page; it is never annualised.
   */
  period?: Period;
  /** Seed of every run (default: the baseline's, else 1, as `jiuzhu compare`). */
  seed?: number;
  /** What to tell `jiuzhu run` as --data to reproduce a saved scenario (when the dataset is not the scenario's own). */
  dataArg?: string;
  /** Progress lines (default: none). */
  log?: (line: string) => void;
  /**
   * Compute on a worker thread (default false here; `startExplorer` turns it on), so the thread
   * that answers requests is never blocked by a simulation. The worker holds a copy of the dataset.
   */
  thread?: boolean;
  /**
   * Threads a computation runs on: 2, the computing thread and a helper that owns about half of
   * the dataset's slices (prefectures) with what moves reuse for them (scenarios/execution/
   * helper-thread.ts), or 1. Default: 2 when the machine has two cores or more
   * (os.availableParallelism()), else 1. The same figures either way. A dataset below
   * MIN_SLICED_HOUSEHOLDS is one slice: one thread whatever this says.
   */
  sliceThreads?: 1 | 2;
  /**
   * Households from which the dataset is cut into prefecture slices (RunOptions.minSlicedHouseholds;
   * default MIN_SLICED_HOUSEHOLDS). The tests lower it to check two slice threads on a small dataset.
   */
  minSlicedHouseholds?: number;
  /** Most computations waiting behind the running one (default 16); beyond it a request is refused (429). */
  maxQueue?: number;
  /**
   * Longest a computation may hold the compute thread (`thread: true`), in ms; default
   * DEFAULT_COMPUTE_TIMEOUT_MS (10 minutes). After it the thread is stopped, the computation and
   * those waiting on that thread fail with COMPUTE_TIMEOUT / WORKER_EXITED (503), and the next
   * computation starts a fresh thread: a computation that never ends cannot hold the explorer.
   * A computation on the request thread (`thread: false`) cannot be stopped, so it has no limit.
   */
  computeTimeoutMs?: number;
  /** Test hook: every computation first holds its thread this many ms, as a large dataset would. */
  testBusyMs?: number;
  /**
   * Test hook: every computation sent to the first compute thread first holds it this many ms
   * (a thread that hangs); a thread started after a timeout does not.
   */
  testStallFirstThreadMs?: number;
  /**
   * Scenario files already loaded, by the name given (the compute thread gets its main thread's,
   * serve/thread.ts): not read, parsed and checked again. Others are loaded.
   */
  loaded?: ReadonlyMap<string, Scenario>;
}
