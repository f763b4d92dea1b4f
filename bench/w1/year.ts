/** The year step: the 12 months of 2024 on fresh simulations, summed per household. */
import type { ParameterTree } from '../../src/engine/parameters/tree.js';
import type { Population } from '../../src/engine/population.js';
import { sharePopulation } from './data.js';
import { addColumns, benefitOverMonths, YEAR_MONTHS } from './engine.js';
import type { YearPool } from './year-pool.js';

/**
 * - single: one fresh simulation computes the 12 months in the main thread;
 * - workers: two worker threads, 6 months each, each on its own fresh simulation over the
 *   population in shared memory (the membership index is copied to shared memory, timed);
 * - main+worker: the main thread computes months 1–6 on a fresh simulation while one worker
 *   computes months 7–12 over the shared-memory population.
 */
export type YearMode = 'single' | 'workers' | 'main+worker';
export const YEAR_MODES: readonly YearMode[] = ['single', 'workers', 'main+worker'];
/** Workers a mode needs. */
export const WORKERS_FOR: Record<YearMode, number> = { single: 0, workers: 2, 'main+worker': 1 };

export async function yearStep(mode: YearMode, population: Population, tree: ParameterTree, pool?: YearPool): Promise<Float64Array> {
  const first = YEAR_MONTHS.slice(0, 6);
  const second = YEAR_MONTHS.slice(6);
  if (mode === 'single') return benefitOverMonths(population, tree, YEAR_MONTHS);
  if (!pool || pool.size < WORKERS_FOR[mode]) throw new Error(`year mode '${mode}' needs a pool of ${WORKERS_FOR[mode]} workers`);
  const sharedPop = sharePopulation(population);
  if (mode === 'workers') return addColumns(await pool.run(sharedPop, [first, second]));
  const theirs = pool.run(sharedPop, [second]);
  const mine = benefitOverMonths(population, tree, first);
  return addColumns([mine, ...(await theirs)]);
}
