/**
 * Differential runs (src/engine/differential.ts, issue #25): a run computed against a recorded
 * base gives the same bytes as the run computed in full, for every example scenario and moves
 * of each of the explorer's five sliders, and it does skip work.
 *
 * "The same bytes" is checked against the full run in the same process (not against stored
 * bytes), so the test stays valid when the generator or the parameters change.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateDataset } from '../src/data/generated.js';
import { DifferentialBase, differentialCounts, paramValueChange, patchedSparse, storeColumn, writeStored, type DifferentialStats } from '../src/engine/differential.js';
import type { Column } from '../src/engine/column.js';
import { Simulation } from '../src/engine/simulation.js';
import { baselineParameters } from '../src/policy/parameters.js';
import { systemRules } from '../src/programs/system.js';
import { selectHouseholds } from '../src/scenarios/execution/plan.js';
import { monthsBetween } from '../src/engine/period.js';
import { loadScenario, type Scenario } from '../src/scenarios/input/load.js';
import { runScenarioOn, scenarioPeriod } from '../src/scenarios/execution/run.js';
import { settingsOverrides, type Settings } from '../src/serve/sliders.js';
import { ROOT } from './helpers.js';

/**
 * A result as text, every typed array as its type and its very bytes (base64): −0 is told from 0,
 * and it is ~2.5× quicker than writing each number out (260 results in this file).
 */
const bytes = (x: unknown): string => JSON.stringify(x, (_k, v: unknown) => (ArrayBuffer.isView(v) ? `${v.constructor.name} ${Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64')}` : v));

/** The one dataset of this file's runs (1,500 generated households), made once for its three blocks. */
const dataset = generateDataset({ year: 2006, households: 1500, seed: 7 }).dataset;

/** The scenario with slider settings added as the explorer adds them (src/serve/yaml.ts: after the scenario's own overrides). */
const moved = (s: Scenario, settings: Settings): Scenario => ({ ...s, name: `${s.name}-moved`, overrides: [...s.overrides, ...settingsOverrides(settings)] });

/** Moves of each slider, among them ones that flip many households (a standard × 0.8 or × 1.3, take-up 0.5). */
const MOVES: readonly Settings[] = [
  { standardUrban: 1.05 }, { standardUrban: 0.8 }, { standardRural: 1.3 }, { takeUpUrban: 0.5 }, { takeUpRural: 0.7 },
  { classifiedRate: 1.5 }, { classifiedRate: 0 }, { standardUrban: 1.1, takeUpRural: 0.5, classifiedRate: 2 },
];

describe('a run against a base gives the bytes of the run in full', () => {
  const files = readdirSync(join(ROOT, 'scenarios')).filter((f) => f.endsWith('.yaml')).sort();
  const baseline = loadScenario(join(ROOT, 'scenarios', 'baseline-2006.yaml'));
  // The baseline run in full over a period, once per period: most scenarios have the same first
  // four months (2006's or 2007's), and each test compares the baseline against its base with it.
  const baselineFull = new Map<string, string>();
  const baselineBytes = (period: { from: string; to: string }): string => {
    const key = `${period.from} ${period.to}`;
    if (!baselineFull.has(key)) baselineFull.set(key, bytes(runScenarioOn(baseline, dataset, { period })));
    return baselineFull.get(key)!;
  };

  for (const file of files) {
    it(`${file}: slider moves over its first four months`, () => {
      const s = loadScenario(join(ROOT, 'scenarios', file));
      const months = monthsBetween(scenarioPeriod(s).from, scenarioPeriod(s).to);
      const period = { from: months[0]!, to: months[Math.min(3, months.length - 1)]! };
      const base = new DifferentialBase();
      const recorded = runScenarioOn(s, dataset, { period, differential: { record: base } });
      expect(bytes(recorded)).toBe(bytes(runScenarioOn(s, dataset, { period })));
      for (const settings of MOVES) {
        const m = moved(s, settings);
        const full = bytes(runScenarioOn(m, dataset, { period }));
        expect(bytes(runScenarioOn(m, dataset, { period, differential: { base } })), JSON.stringify(settings)).toBe(full);
      }
      // The explorer's first view of a scenario computes the baseline over the scenario's period
      // against the scenario's recorded run (src/serve/api.ts): other overrides, shocks and inputs.
      expect(bytes(runScenarioOn(baseline, dataset, { period, differential: { base } })), 'the baseline against this base').toBe(baselineBytes(period));
    });
  }
});

/** The counts of differential work done by `f` (rule-periods and rows). */
function counted(f: () => void): DifferentialStats {
  const before = differentialCounts();
  f();
  const after = differentialCounts();
  return Object.fromEntries(Object.entries(after).map(([k, v]) => [k, v - before[k as keyof DifferentialStats]])) as unknown as DifferentialStats;
}

describe('a run against a base skips the work whose inputs did not change', () => {
  const s = loadScenario(join(ROOT, 'scenarios', 'baseline-2006.yaml'));
  const period = { from: '2006-01', to: '2006-04' };
  const base = new DifferentialBase();
  runScenarioOn(s, dataset, { period, differential: { record: base } });

  it('a 5% urban standard: most rule-months are the base’s, and few rows are computed', () => {
    const c = counted(() => runScenarioOn(moved(s, { standardUrban: 1.05 }), dataset, { period, differential: { base } }));
    // Every rule-month is decided once: taken from the base, computed in full or on a sub-population.
    expect(c.unchanged + c.full + c.subset).toBeGreaterThan(400);
    // The rules reached only through dibao status change for a few households: most are the base's.
    expect(c.unchanged).toBeGreaterThan(c.full + c.subset);
    expect(c.subset).toBeGreaterThan(0);
    // A sub-population is at most a quarter of the households (SUBSET_SHARE), so its rows are
    // fewer than a quarter of a full computation's on average.
    expect(c.subsetRows).toBeLessThan(0.25 * c.subset * dataset.population.nPersons);
    // Rows computed at all: under a quarter of what computing every rule-month in full would take
    // (each rule-month is at least the 1,500 households' rows).
    expect(c.fullRows + c.subsetRows).toBeLessThan(0.25 * (c.unchanged + c.full + c.subset) * dataset.population.nHouseholds);
  });

  it('the same run without a base decides nothing differentially', () => {
    const c = counted(() => runScenarioOn(moved(s, { standardUrban: 1.05 }), dataset, { period }));
    expect(c.unchanged + c.full + c.subset).toBe(0);
  });

  it('a base recorded with another seed is not used (draws differ), and the bytes are the full run’s', () => {
    const m = moved(s, { takeUpUrban: 0.5 });
    let out = '';
    const c = counted(() => (out = bytes(runScenarioOn(m, dataset, { period, seed: 99, differential: { base } }))));
    expect(c.unchanged + c.full + c.subset).toBe(0);
    expect(out).toBe(bytes(runScenarioOn(m, dataset, { period, seed: 99 })));
  });

  it('with a binding local quota (rules ranking households against each other), moves still give the full run’s bytes', () => {
    const quota: Scenario = { ...s, name: 'quota', overrides: [...s.overrides, { path: 'dibao.implementation.quota_share', set: 0.01 }] };
    const qbase = new DifferentialBase();
    runScenarioOn(quota, dataset, { period, differential: { record: qbase } });
    // A lower standard frees quota places that households outside the dirty set then take.
    for (const settings of [{ standardUrban: 0.8 }, { standardRural: 0.9 }, { takeUpRural: 0.6 }] as Settings[]) {
      const m = moved(quota, settings);
      expect(bytes(runScenarioOn(m, dataset, { period, differential: { base: qbase } }))).toBe(bytes(runScenarioOn(m, dataset, { period })));
    }
  });
});

/**
 * The locality declaration (Rule.scope). A rule left 'household' is computed on sub-populations
 * of dirty households, which is right only if each household's rows depend on that household
 * alone. Two checks make a wrong declaration hard to miss: a static one (a rule reading the
 * weights or sorting must say 'population') and a dynamic one (every rule left 'household'
 * gives, on a subset of the households with their inputs' rows, the rows it gives on everyone).
 */
describe('rules that rank households against each other say so (scope)', () => {
  it('every rule reading the weights or sorting households declares scope population', () => {
    const undeclared = systemRules.filter((r) => r.scope !== 'population' && (Object.values(r.inputs).includes('weight') || /\.sort\(/.test(r.formula.toString())));
    expect(undeclared.map((r) => r.id)).toEqual([]);
    // The two rationing rules of the system (plan.ts: the dibao quota and the §六 posts) are declared.
    expect(systemRules.filter((r) => r.scope === 'population').map((r) => r.id).sort()).toEqual(['dibao_admitted', 'employment_post_holder']);
  });

  it('every rule left household-local gives the same rows on a subset of the households as on all (binding quota and posts)', () => {
    const pop = dataset.population;
    // A quota that binds, so that dibao_admitted really ranks households (and is found non-local).
    const parameters = baselineParameters().withOverrides([{ path: 'dibao.implementation.quota_share', set: 0.03 }]);
    const month = '2006-02';
    const full = new Simulation({ population: pop, parameters, rules: systemRules, seed: 3 });
    // Every third household, and a few runs of neighbours (households of one cell stay mixed).
    const picked = Int32Array.from({ length: pop.nHouseholds }, (_, h) => h).filter((h) => h % 3 === 0 || h % 17 < 2);
    const sub = selectHouseholds(pop, picked);
    const persons: number[] = [];
    for (const h of picked) for (let q = pop.householdStart[h]!; q < pop.householdStart[h + 1]!; q++) persons.push(q);
    const rowsOf = (id: string): number[] => (full.entityOf(id) === 'person' ? persons : Array.from(picked));
    const pick = (c: Column, rows: number[]): Column => {
      const out = new (c.constructor as new (n: number) => Column)(rows.length);
      rows.forEach((r, i) => (out[i] = c[r]!));
      return out;
    };
    const nonLocal: string[] = [];
    for (const rule of systemRules) {
      const period = rule.period === 'year' ? month.slice(0, 4) : month;
      const expected = pick(full.calculate(rule.id, period), rowsOf(rule.id));
      // The rule alone on the subset: its rule inputs given as their rows of the full run.
      const local = new Simulation({ population: sub, parameters, rules: systemRules, seed: 3 });
      for (const raw of Object.values(rule.inputs)) {
        const input = systemRules.find((r) => r.id === raw);
        if (input) local.setInput(raw, input.period === 'year' ? month.slice(0, 4) : month, pick(full.calculate(raw, input.period === 'year' ? month.slice(0, 4) : month), rowsOf(raw)));
      }
      const got = local.calculate(rule.id, period);
      if (Buffer.compare(Buffer.from(got.buffer, got.byteOffset, got.byteLength), Buffer.from(expected.buffer, expected.byteOffset, expected.byteLength)) !== 0) nonLocal.push(rule.id);
    }
    // Found non-local on this data: exactly the rules that rank households within a cell.
    expect(nonLocal.sort()).toEqual(['dibao_admitted', 'employment_post_holder']);
    for (const id of nonLocal) expect(systemRules.find((r) => r.id === id)!.scope).toBe('population');
  });
});

describe('a changed parameter marks only the households whose value changed (paramValueChange)', () => {
  it('a locality column: the rows that differ; a scalar or a scale: every household', () => {
    // Hand-made values as resolveParameter gives them for four households: an urban standard
    // raised from 300 to 315 yuan changes households 0 and 2 (urban), not 1 and 3 (rural, 200).
    const was = Float64Array.from([300, 200, 300, 200]);
    const now = Float64Array.from([315, 200, 315, 200]);
    expect(Array.from(paramValueChange(now, was) as Int32Array)).toEqual([0, 2]);
    expect(paramValueChange(was.slice(), was)).toBe('none');
    // -0 and 0 are different bytes, so a row going from 0 to -0 counts as changed.
    expect(Array.from(paramValueChange(Float64Array.from([0, -0]), Float64Array.from([0, 0])) as Int32Array)).toEqual([1]);
    // By category: the union of each category's rows.
    const byCategory = paramValueChange({ a: Float64Array.from([1, 2, 3]), b: Float64Array.from([4, 5, 9]) }, { a: Float64Array.from([1, 7, 3]), b: Float64Array.from([4, 5, 6]) });
    expect(Array.from(byCategory as Int32Array)).toEqual([1, 2]);
    // A scalar leaf may be read over its whole series (FormulaContext.series): every row is dirty,
    // even when the value on the date is the same.
    expect(paramValueChange(3, 3)).toBe('all');
    expect(paramValueChange({ brackets: [{ above: 0, value: 1 }] }, { brackets: [{ above: 0, value: 2 }] })).toBe('all');
    expect(paramValueChange(Float64Array.from([1, 2]), 1)).toBe('all');
  });
});

describe('a patched sparse column read as its non-zero rows (patchedSparse)', () => {
  it('gives the rows a dense write-out holds non-zero, with their values, ascending', () => {
    // Base column of 12 rows, 5 at row 1 and 7 at row 4, stored by those two rows (at most a third non-zero).
    const stored = storeColumn(Float64Array.from([0, 5, 0, 0, 7, 0, 0, 0, 0, 0, 0, 0]));
    expect(Array.from(stored.rows!)).toEqual([1, 4]);
    // A sub-population recomputed rows 0, 4 and 6: row 0 becomes 2, row 4 becomes 0, row 6 becomes -0.
    const patch = { rows: Int32Array.from([0, 4, 6]), values: Float64Array.from([2, 0, -0]) };
    const sparse = patchedSparse(stored, patch.rows, patch.values);
    // Written out densely: 2, 5 and -0 at rows 0, 1 and 6, +0 elsewhere; its rows other than +0 are 0, 1 and 6
    // (-0 is kept, as storeColumn keeps it: its bytes are not +0's).
    expect(Array.from(sparse.rows)).toEqual([0, 1, 6]);
    expect(Array.from(sparse.values)).toEqual([2, 5, -0]);
    expect(Object.is(sparse.values[2], -0)).toBe(true);
    const dense = new Float64Array(12);
    writeStored(stored, dense);
    for (let k = 0; k < patch.rows.length; k++) dense[patch.rows[k]!] = patch.values[k]!;
    expect(storeColumn(dense).rows).toEqual(sparse.rows);
  });
});
