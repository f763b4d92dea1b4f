/** The benchmark workloads. W1 is implemented; W2–W4 are placeholders to fill in later. */
import type { WorkloadResult } from './lib/report.js';
import type { YearMode } from './w1/year.js';

export interface RunOptions {
  yearMode?: YearMode;
  warn: (message: string) => void;
  progress: (message: string) => void;
}

export interface Workload {
  id: string;
  title: string;
  /** Absent while the workload is not implemented. */
  run?: (opts: RunOptions) => Promise<WorkloadResult>;
}

export const WORKLOADS: readonly Workload[] = [
  {
    id: 'W1',
    title: 'dibao rule chain on 1,000,000 persons',
    run: async (opts) => (await import('./w1/index.js')).runW1(opts),
  },
  { id: 'W2', title: 'not implemented yet' },
  { id: 'W3', title: 'not implemented yet' },
  { id: 'W4', title: 'not implemented yet' },
];
