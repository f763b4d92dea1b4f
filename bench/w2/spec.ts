/** W2's fixed inputs, shared by the bench and its child process. */
import type { Period } from '../../src/scenarios/execution/run.js';

/** One month for baseline + reform. */
export const W2_MONTH: Period = { from: '2006-01', to: '2006-01' };
/** Twelve months with the dynamics (state carried month to month). */
export const W2_YEAR: Period = { from: '2006-01', to: '2006-12' };

export interface W2ChildReport {
  step: 'month' | 'year';
  ms: number;
  /** CPU time of the process, every thread (user + system). */
  cpuMs: number;
  /** 0: one thread, no workers. */
  workers: number;
  peakRssKiB: number;
  figures: { baselineCost: number; baselineRecipients: number; reformCost?: number; reformRecipients?: number };
}
