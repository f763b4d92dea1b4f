/**
 * Sweeps (src/scenarios/execution/sweep.ts, issue #25): every variant run through a
 * ScenarioSweep (shared columns of the rules no lever reaches, computed against the reference
 * scenario's recorded run) gives the bytes of the same variant run alone with runScenarioOn.
 *
 * "The same bytes" is checked against independent runs in the same process (not against stored
 * bytes), so the test stays valid when the generator or the parameters change.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateDataset } from '../src/data/generated.js';
import { differentialCounts } from '../src/engine/differential.js';
import { monthsBetween } from '../src/engine/period.js';
import { loadScenario, type Scenario } from '../src/scenarios/input/load.js';
import { runScenarioOn, scenarioPeriod } from '../src/scenarios/execution/run.js';
import { ScenarioSweep } from '../src/scenarios/execution/sweep.js';
import { resolveLever, solveScenario, withLever } from '../src/scenarios/studies/solve.js';
import { ROOT } from './helpers.js';

const bytes = (x: unknown): string => JSON.stringify(x, (_k, v: unknown) => (ArrayBuffer.isView(v) ? Array.from(v as unknown as ArrayLike<number>) : v));

/** W3's lever: the branch of every prefecture's urban and rural standard. */
const LEVER = 'dibao.standard';
const scaled = (s: Scenario, f: number): Scenario => ({ ...s, name: `${s.name} standard×${f}`, overrides: [...s.overrides, { path: LEVER, scale: f }] });

/** Factors from W3's range (×0.80…×1.30), below and above the reference's ×1, and the reference itself. */
const FACTORS = [0.8, 0.95, 1, 1.02, 1.3];

describe('a sweep gives the bytes of each variant run alone', () => {
  const dataset = generateDataset({ year: 2006, households: 1500, seed: 7 }).dataset;
  const files = readdirSync(join(ROOT, 'scenarios')).filter((f) => f.endsWith('.yaml')).sort();

  for (const file of files) {
    it(`${file}: the standard scaled ×0.8…×1.3 over its first two months`, () => {
      const s = loadScenario(join(ROOT, 'scenarios', file));
      const months = monthsBetween(scenarioPeriod(s).from, scenarioPeriod(s).to);
      const period = { from: months[0]!, to: months[Math.min(1, months.length - 1)]! };
      const sweep = new ScenarioSweep(s, dataset, { period, levers: [LEVER] });
      expect(bytes(sweep.referenceResult())).toBe(bytes(runScenarioOn(s, dataset, { period })));
      for (const f of FACTORS) {
        const v = scaled(s, f);
        expect(bytes(sweep.run(v)), `×${f}`).toBe(bytes(runScenarioOn(v, dataset, { period })));
      }
    });
  }

  it('variants that cross a binding dibao quota (households ranked against each other) give the bytes of runs alone', () => {
    const s = loadScenario(join(ROOT, 'scenarios', 'baseline-2006.yaml'));
    const period = { from: '2006-01', to: '2006-03' };
    // A local quota of 1% of the population binds: more applicants than places, so
    // dibao_admitted ranks them (scope: 'population'); a lower standard frees places that
    // households the lever did not touch then take, a higher one pushes ranked households out.
    const quota: Scenario = { ...s, name: 'quota', overrides: [...s.overrides, { path: 'dibao.implementation.quota_share', set: 0.01 }] };
    const sweep = new ScenarioSweep(quota, dataset, { period, levers: [LEVER] });
    const alone = FACTORS.map((f) => runScenarioOn(scaled(quota, f), dataset, { period }));
    // The quota binds: at ×1.3 it admits fewer households than the same variant without it.
    const free = runScenarioOn(scaled(s, 1.3), dataset, { period });
    expect(alone[FACTORS.indexOf(1.3)]!.summary.households).toBeLessThan(free.summary.households);
    FACTORS.forEach((f, i) => expect(bytes(sweep.run(scaled(quota, f))), `×${f}`).toBe(bytes(alone[i])));
  });

  it('variants are computed against the reference: most rule-months are taken from its run', () => {
    const s = loadScenario(join(ROOT, 'scenarios', 'baseline-2006.yaml'));
    const period = { from: '2006-01', to: '2006-01' };
    const sweep = new ScenarioSweep(s, dataset, { period, levers: [LEVER] });
    sweep.referenceResult();
    const before = differentialCounts();
    sweep.run(scaled(s, 1.02));
    const after = differentialCounts();
    // Without a base no rule-month is decided by the differential logic at all (every count stays 0).
    expect(after.unchanged - before.unchanged).toBeGreaterThan(0);
    expect(after.unchanged + after.full + after.subset - before.unchanged - before.full - before.subset).toBeGreaterThan(100);
  });

  it('jiuzhu solve evaluates through a sweep: every evaluation equals the lever value run alone', () => {
    const s = loadScenario(join(ROOT, 'scenarios', 'baseline-2006.yaml'));
    const period = { from: '2006-01', to: '2006-02' };
    const lever = { path: LEVER, mode: 'scale' as const, min: 0.8, max: 1.3, xtol: 0.01 };
    const solved = solveScenario(s, dataset, { lever, objective: 'coverage-of-poor', target: 0.6, tol: 0.02, period, grid: 3 });
    expect(solved.iterations.length).toBeGreaterThan(2);
    for (const e of solved.iterations) {
      const alone = runScenarioOn(withLever(s, resolveLever(lever), e.value!), dataset, { period });
      expect([e.cost, e.coverageOfPoor, e.povertyGapClosed], `value ${e.value}`).toEqual([alone.summary.cost, alone.summary.targeting.coverageOfPoor, alone.summary.distribution.povertyGapClosed]);
    }
  });
});
