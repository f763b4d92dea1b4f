/**
 * The type of every rule's column follows its unit (docs/performance.md, "Column types"):
 * flags, codes and indices in one byte, month counters in two, the household size in four,
 * money and every other quantity in float64. Narrower types are used only where they hold
 * every value a valid parameter can give exactly; money is not whole fen in every rule
 * (an assessed per-capita income is a quotient) and a fen amount is not exact in float32
 * (179.37 is 179.3699951171875 there), so money stays float64.
 */
import { describe, expect, it } from 'vitest';
import { loadDataset, resolveDatasetPath } from '../src/data/dataset.js';
import { runMonthLoop } from '../src/dynamics/month-loop.js';
import type { Column } from '../src/engine/column.js';
import { systemRules, systemState } from '../src/programs/system.js';
import { scenarioSimulation } from '../src/scenarios/execution/run.js';
import { loadScenario } from '../src/scenarios/input/load.js';
import { ROOT } from './helpers.js';

/** The documented type of a rule's column, by its unit. */
function policy(unit: string): string {
  if (unit === 'bool' || unit === 'code' || unit === 'index') return 'Uint8Array';
  if (unit === 'months') return 'Uint16Array';
  if (unit === 'persons') return 'Int32Array';
  return 'Float64Array';
}

describe('rule column types', () => {
  it('every rule of the system, computed and carried from month to month, has its unit\'s type', async () => {
    const dataset = await loadDataset(resolveDatasetPath('fixture-system', ROOT));
    const sim = scenarioSimulation(loadScenario(`${ROOT}/scenarios/baseline-2006.yaml`), dataset);
    const seen = new Map<string, string>();
    // Two months: in the second the `<x>_previous` columns are the first month's, given by the loop.
    runMonthLoop(sim, {
      months: ['2006-01', '2006-02'],
      state: systemState,
      onMonth: (month) => {
        for (const r of systemRules) {
          const c: Column = sim.calculate(r.id, r.period === 'year' ? month.slice(0, 4) : month);
          const type = c.constructor.name;
          expect(type, `${r.id} (${r.unit}) in ${month}`).toBe(policy(r.unit ?? ''));
          seen.set(r.id, type);
        }
      },
    });
    expect(seen.size).toBe(systemRules.length);
    // Every rule declares a unit, so the policy covers it.
    expect(systemRules.filter((r) => !r.unit).map((r) => r.id)).toEqual([]);
  });
});
