/** The benchmark workloads W1–W4 (issue #12) and W5, the explorer (issue #25). */
import type { WorkloadResult } from './lib/report.js';
import type { YearMode } from './w1/year.js';

export interface RunOptions {
  yearMode?: YearMode;
  /** Worker threads for the workloads that use them (W2); 0: one thread. Default: the cores available. */
  workers?: number;
  warn: (message: string) => void;
  progress: (message: string) => void;
}

export interface Workload {
  id: string;
  title: string;
  run: (opts: RunOptions) => Promise<WorkloadResult>;
}

export const WORKLOADS: readonly Workload[] = [
  {
    id: 'W1',
    title: 'dibao rule chain on 1,000,000 persons',
    run: async (opts) => (await import('./w1/index.js')).runW1(opts),
  },
  {
    id: 'W2',
    title: 'the whole province (~27M persons) from the chunked full count',
    run: async (opts) => (await import('./w2/index.js')).runW2(opts),
  },
  {
    id: 'W3',
    title: 'sweep: 100 variants of the dibao standard, one month',
    run: async (opts) => (await import('./w3/index.js')).runW3(opts),
  },
  {
    id: 'W4',
    title: 'projection: ten years × 12 months',
    run: async (opts) => (await import('./w4/index.js')).runW4(opts),
  },
  {
    id: 'W5',
    title: 'explorer: a slider move over the scenario\'s full year',
    run: async (opts) => (await import('./w5/index.js')).runW5(opts),
  },
];
