/** Imperfect implementation: rationing's losers, targeting errors, and monotonicity without rationing. */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDataset, resolveDatasetPath, type Dataset } from '../src/data/dataset.js';
import { createPopulation } from '../src/engine/population.js';
import { withSchemaDefaults } from '../src/data/schema.js';
import { Simulation } from '../src/engine/simulation.js';
import { baselineParameters } from '../src/policy/parameters.js';
import { loadScenario } from '../src/scenarios/input/load.js';
import { runScenarioOn, scenarioParameters } from '../src/scenarios/execution/run.js';
import { systemRules } from '../src/programs/system.js';
import { ROOT } from './helpers.js';

describe('rationing by a local quota', () => {
  // Six one-person households. Changchun urban (standard 158 in 2006): incomes 0, 50, 100, 150,
  // 200 (not eligible); and one in Changchun rural (standard 76) with income 0.
  const pop = createPopulation({
    households: { id: [1, 2, 3, 4, 5, 6], columns: { prefecture: Int32Array.of(220100, 220100, 220100, 220100, 220100, 220100), urban: Uint8Array.of(1, 1, 1, 1, 1, 0), single_parent: new Uint8Array(6) } },
    persons: {
      id: [1, 2, 3, 4, 5, 6], household: [1, 2, 3, 4, 5, 6],
      columns: { age: Int16Array.of(40, 40, 40, 40, 40, 40), pension: Float64Array.of(0, 50, 100, 150, 200, 0), earnings: new Float64Array(6), unemployment_benefit: new Float64Array(6), farm_business: new Float64Array(6), other_transfers: new Float64Array(6), disability: new Uint8Array(6), illness: new Uint8Array(6), orphan: new Uint8Array(6) },
    },
  });
  const run = (quota: number) => {
    const p = baselineParameters().withOverrides([{ path: 'dibao.implementation.quota_share', set: quota }]);
    const sim = new Simulation({ population: withSchemaDefaults(pop), parameters: p, rules: systemRules });
    return { receives: Array.from(sim.calculate('dibao_receives', '2006-06')), eligible: Array.from(sim.calculate('dibao_eligible', '2006-06')) };
  };
  it('without a quota every eligible household is paid', () => {
    expect(run(1)).toEqual({ receives: [1, 1, 1, 1, 0, 1], eligible: [1, 1, 1, 1, 0, 1] });
  });
  it('a quota of 40% admits the poorest first; the losers are the richest eligible applicants', () => {
    // Urban Changchun: 5 persons, quota 0.4 × 5 = 2 → incomes 0 and 50 admitted; 100 and 150 lose.
    // Rural Changchun is its own locality: 1 person, quota 0.4 × 1 = 0.4 < 1 → its only applicant loses too.
    expect(run(0.4).receives).toEqual([1, 1, 0, 0, 0, 0]);
  });
  it('a quota of 60% admits three urban households (0.6 × 5 = 3), still poorest first', () => {
    expect(run(0.6).receives).toEqual([1, 1, 1, 0, 0, 0]);
  });
});

describe('targeting on the default Jilin population (one month)', () => {
  let ds: Dataset;
  beforeAll(async () => {
    ds = await loadDataset(resolveDatasetPath('jilin-2006'));
  });
  const month = { from: '2006-01', to: '2006-01' };
  it('with perfect implementation inclusion and exclusion errors are exactly 0', () => {
    const r = runScenarioOn(loadScenario(join(ROOT, 'test/scenarios/perfect-baseline.yaml')), ds, { period: month });
    expect(r.summary.targeting).toEqual({ inclusionError: 0, exclusionError: 0, leakage: 0, coverageOfPoor: 1 });
  });
  it('with the baseline’s take-up and observation error both are non-zero', () => {
    const t = runScenarioOn(loadScenario(join(ROOT, 'scenarios/baseline-2006.yaml')), ds, { period: month }).summary.targeting;
    expect(t.inclusionError).toBeGreaterThan(0.05);
    expect(t.exclusionError).toBeGreaterThan(0.2); // take-up alone excludes 25–35%
    expect(t.leakage).toBeGreaterThan(0);
    expect(t.coverageOfPoor).toBeCloseTo(1 - t.exclusionError, 12);
  });
  it('without rationing a higher standard lowers nobody’s benefit, household by household, despite take-up and observation error', () => {
    const base = loadScenario(join(ROOT, 'scenarios/baseline-2006.yaml'));
    const reform = loadScenario(join(ROOT, 'scenarios/raise-standard-10pct.yaml'));
    const a = new Simulation({ population: ds.population, parameters: scenarioParameters(base), rules: systemRules, seed: 1 }).calculate('dibao_benefit', '2006-01');
    const b = new Simulation({ population: ds.population, parameters: scenarioParameters(reform), rules: systemRules, seed: 1 }).calculate('dibao_benefit', '2006-01');
    let worse = 0, better = 0;
    for (let h = 0; h < a.length; h++) { if (b[h]! < a[h]!) worse++; if (b[h]! > a[h]!) better++; }
    expect(worse).toBe(0);
    expect(better).toBeGreaterThan(1000);
  });
});
