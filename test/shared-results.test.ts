/**
 * Rule results shared between the simulations of one population (src/engine/shared-results.ts).
 * Sharing must never change a figure: every scenario run with a shared store gives the same bytes
 * as the same run alone. It must also really share: a rule that reads nothing a reform changed is
 * the very same column in both simulations, and one that does is not.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../src/data/dataset.js';
import { generateDataset } from '../src/data/generated.js';
import { columnFingerprint, ruleReach, SharedResults } from '../src/engine/shared-results.js';
import { Simulation } from '../src/engine/simulation.js';
import { loadScenario } from '../src/scenarios/input/load.js';
import { runScenarioOn, scenarioParameters } from '../src/scenarios/execution/run.js';
import { systemRules } from '../src/programs/system.js';
import { ROOT } from './helpers.js';

const names = ['baseline-2006', 'raise-standard-10pct', 'price-subsidy-2008', 'gradual-exit-6m', 'full-take-up', 'disaster-2007', 'classified-expansion', 'medical-expansion'];
const scenarios = names.map((n) => loadScenario(join(ROOT, `scenarios/${n}.yaml`)));
let dataset: Dataset;
beforeAll(() => {
  dataset = generateDataset({ year: 2006, households: 3000, seed: 5 }).dataset;
});

describe('shared results', () => {
  it('every example scenario gives the same bytes with a store shared by all of them as alone (3 months, the month loop\'s carried state included)', () => {
    const period = { from: '2006-01', to: '2006-03' };
    const shared = new SharedResults(dataset.population);
    for (const s of scenarios) {
      const alone = JSON.stringify(runScenarioOn(s, dataset, { period, seed: 3 }).summary);
      const sharing = JSON.stringify(runScenarioOn(s, dataset, { period, seed: 3, shared }).summary);
      expect(sharing, s.name).toBe(alone);
    }
    expect(shared.size.columns).toBeGreaterThan(100);
  });

  it('the price trigger and a disaster month, in their own periods, give the same bytes shared as alone', () => {
    for (const [name, period] of [['price-subsidy-2008', { from: '2008-01', to: '2008-04' }], ['disaster-2007', { from: '2007-06', to: '2007-09' }]] as const) {
      const shared = new SharedResults(dataset.population);
      for (const s of [scenarios[0]!, scenarios[names.indexOf(name)]!]) {
        const alone = JSON.stringify(runScenarioOn(s, dataset, { period, seed: 4 }).summary);
        expect(JSON.stringify(runScenarioOn(s, dataset, { period, seed: 4, shared }).summary), `${s.name} ${period.from}`).toBe(alone);
      }
    }
  });

  it('the same column object for a rule the reform does not reach; a new one for a rule it does', () => {
    const shared = new SharedResults(dataset.population);
    const [base, raise] = [scenarios[0]!, scenarios[1]!];
    const a = new Simulation({ population: dataset.population, parameters: scenarioParameters(base), rules: systemRules, seed: 1, shared });
    const b = new Simulation({ population: dataset.population, parameters: scenarioParameters(raise), rules: systemRules, seed: 1, shared });
    // household_market_income reads no dibao parameter; dibao_benefit reads the standard.
    expect(ruleReach(a.graph, 'household_market_income').paths.some((p) => p.startsWith('dibao.standard'))).toBe(false);
    expect(ruleReach(a.graph, 'dibao_benefit').paths.some((p) => p.startsWith('dibao.standard'))).toBe(true);
    expect(b.calculate('household_market_income', '2006-01')).toBe(a.calculate('household_market_income', '2006-01'));
    expect(b.calculate('dibao_benefit', '2006-01')).not.toBe(a.calculate('dibao_benefit', '2006-01'));
    // Another seed draws other take-up and events: nothing random may be shared across seeds.
    const c = new Simulation({ population: dataset.population, parameters: scenarioParameters(base), rules: systemRules, seed: 2, shared });
    expect(c.calculate('household_market_income', '2006-01')).not.toBe(a.calculate('household_market_income', '2006-01'));
  });

  it('a store told to keep only rules that do not reach the standard holds household_market_income, never dibao_benefit', () => {
    const shared = new SharedResults(dataset.population, undefined, { unreached: ['dibao.standard'] });
    const [base, raise] = [scenarios[0]!, scenarios[1]!];
    const a = new Simulation({ population: dataset.population, parameters: scenarioParameters(base), rules: systemRules, seed: 1, shared });
    const b = new Simulation({ population: dataset.population, parameters: scenarioParameters(base), rules: systemRules, seed: 1, shared });
    // household_market_income reads no dibao parameter (checked in the test above): kept, and the same column in b.
    expect(shared.holds(a.graph, 'household_market_income')).toBe(true);
    expect(b.calculate('household_market_income', '2006-02')).toBe(a.calculate('household_market_income', '2006-02'));
    // dibao_benefit reads the standard: not kept, so b computes its own, with the same values.
    expect(shared.holds(a.graph, 'dibao_benefit')).toBe(false);
    const [x, y] = [a.calculate('dibao_benefit', '2006-02'), b.calculate('dibao_benefit', '2006-02')];
    expect(y).not.toBe(x);
    expect(columnFingerprint(y)).toBe(columnFingerprint(x));
    // A reform of the standard still takes every kept column it does not reach.
    const c = new Simulation({ population: dataset.population, parameters: scenarioParameters(raise), rules: systemRules, seed: 1, shared });
    expect(c.calculate('household_market_income', '2006-02')).toBe(a.calculate('household_market_income', '2006-02'));
  });

  it('a rule reading a given column is shared only when the given content is the same', () => {
    const shared = new SharedResults(dataset.population);
    const tree = scenarioParameters(scenarios[0]!);
    const sim = () => new Simulation({ population: dataset.population, parameters: tree, rules: systemRules, seed: 1, shared });
    const nH = dataset.population.nHouseholds;
    const [x, y, z] = [sim(), sim(), sim()];
    x.setInput('food_price_rise', '2006-01', new Float64Array(nH).fill(0.1));
    y.setInput('food_price_rise', '2006-01', new Float64Array(nH).fill(0.1)); // equal content, another array
    z.setInput('food_price_rise', '2006-01', new Float64Array(nH).fill(0.2));
    expect(y.calculate('dibao_price_subsidy', '2006-01')).toBe(x.calculate('dibao_price_subsidy', '2006-01'));
    expect(z.calculate('dibao_price_subsidy', '2006-01')).not.toBe(x.calculate('dibao_price_subsidy', '2006-01'));
  });

  it('fingerprints: equal content in different buffers matches; one changed value, another dtype or length does not', () => {
    const a = Float64Array.from({ length: 1001 }, (_, i) => i * 0.5);
    const b = new Float64Array(2000).subarray(3, 1004);
    b.set(a);
    expect(columnFingerprint(b)).toBe(columnFingerprint(a));
    const c = a.slice();
    c[500] = c[500]! + 1e-9;
    expect(columnFingerprint(c)).not.toBe(columnFingerprint(a));
    expect(columnFingerprint(Float32Array.from(a))).not.toBe(columnFingerprint(a));
    expect(columnFingerprint(a.subarray(0, 1000))).not.toBe(columnFingerprint(a));
    const u = Uint8Array.from([1, 2, 3, 4, 5, 6, 7]);
    const v = u.slice();
    v[6] = 8; // in the tail bytes after the last whole 32-bit word
    expect(columnFingerprint(v)).not.toBe(columnFingerprint(u));
  });

  it('a leaf set again to the same values by another tree (the explorer re-applies a scenario\'s own overrides) shares its columns', () => {
    // Two loads of baseline-2006 make two trees, each applying the scenario's override of
    // dibao.eligibility.rural_in_force_share anew: two leaf objects of equal content. The
    // columns of dibao_in_force (which reads only that leaf and the urban column) are then one
    // column; a tree whose standard is raised still gets its own dibao_benefit.
    const file = join(ROOT, 'scenarios/baseline-2006.yaml');
    const [t1, t2] = [scenarioParameters(loadScenario(file)), scenarioParameters(loadScenario(file))];
    const path = 'dibao.eligibility.rural_in_force_share';
    expect(t1.leaf(path)).not.toBe(t2.leaf(path));
    const shared = new SharedResults(dataset.population);
    const sim = (tree: typeof t1) => new Simulation({ population: dataset.population, parameters: tree, rules: systemRules, seed: 1, shared });
    const [a, b] = [sim(t1), sim(t2)];
    expect(b.calculate('dibao_in_force', '2006-01')).toBe(a.calculate('dibao_in_force', '2006-01'));
    const c = sim(scenarioParameters(scenarios[1]!));
    expect(c.calculate('dibao_benefit', '2006-01')).not.toBe(a.calculate('dibao_benefit', '2006-01'));
  });

  it('a result reused from an earlier month is kept for its month too: a second run of the same year adds no column', () => {
    // Before, only a computed month was offered: months reused from the one before were not, so
    // each run of a year found one more month missing, computed it and offered it.
    const period = { from: '2006-01', to: '2006-04' };
    const shared = new SharedResults(dataset.population);
    runScenarioOn(scenarios[0]!, dataset, { period, seed: 3, shared });
    const first = shared.size;
    runScenarioOn(scenarios[0]!, dataset, { period, seed: 3, shared });
    expect(shared.size).toEqual(first);
  });

  it('a column offered under a second key takes no more of the budget', () => {
    const store = new SharedResults(dataset.population, 1000);
    const col = new Float64Array(100); // 800 bytes
    expect(store.offer('m1', col)).toBe(true);
    expect(store.offer('m2', col)).toBe(true);
    expect(store.size).toEqual({ columns: 2, bytes: 800 });
    expect(store.get('m2')).toBe(col);
  });

  it('keeps within its byte budget, first come first kept', () => {
    const store = new SharedResults(dataset.population, 1000);
    store.offer('a', new Float64Array(100)); // 800 bytes
    store.offer('b', new Float64Array(100)); // would pass 1000
    store.offer('c', new Uint8Array(200));
    expect(store.size).toEqual({ columns: 2, bytes: 1000 });
    expect(store.get('b')).toBeUndefined();
    expect(() => new Simulation({ population: generateDataset({ year: 2006, households: 50, seed: 1 }).dataset.population, parameters: scenarioParameters(scenarios[0]!), rules: systemRules, shared: store })).toThrow(/another population/);
  });
});
