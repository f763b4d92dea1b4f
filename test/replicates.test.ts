/** Bootstrap intervals: the draws, the re-weighted figures against the summary and against a re-run, and intervals that narrow as the sample grows. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateDataset } from '../src/data/generated.js';
import { loadScenario } from '../src/scenarios/input/load.js';
import { ResultSchema } from '../src/scenarios/results/result.js';
import { compareScenariosOn } from '../src/scenarios/studies/compare.js';
import { bootstrapCounts, bootstrapWeights, HouseholdSums, INTERVAL_METRICS, metricValue, percentile } from '../src/scenarios/studies/replicates.js';
import { runScenarioOn } from '../src/scenarios/execution/run.js';
import { cli, ROOT } from './helpers.js';

const baseline = loadScenario(join(ROOT, 'scenarios/baseline-2006.yaml'));
const raise = loadScenario(join(ROOT, 'scenarios/raise-standard-10pct.yaml'));
const period = { from: '2006-01', to: '2006-02' };
const small = generateDataset({ year: 2006, households: 2000, seed: 1 }).dataset;
const large = generateDataset({ year: 2006, households: 20000, seed: 1 }).dataset;

describe('bootstrap draws', () => {
  it('n draws with replacement, keyed by seed and replicate', () => {
    const c = bootstrapCounts(1000, 7, 0);
    expect(c.reduce((a, b) => a + b, 0)).toBe(1000);
    expect(bootstrapCounts(1000, 7, 0)).toEqual(c);
    expect(bootstrapCounts(1000, 7, 1)).not.toEqual(c);
    expect(bootstrapCounts(1000, 8, 0)).not.toEqual(c);
    // About 1/e of the households are left out of a replicate.
    const out = c.filter((k) => k === 0).length / 1000;
    expect(out).toBeGreaterThan(0.33);
    expect(out).toBeLessThan(0.41);
    expect(bootstrapWeights([2, 3], 1, 0).every((w, h) => w === [2, 3][h]! * bootstrapCounts(2, 1, 0)[h]!)).toBe(true);
  });
  it('percentiles interpolate between order statistics', () => {
    expect(percentile([3, 1, 2, 4], 0.5)).toBe(2.5);
    expect(percentile([1, 2, 3, 4, 5], 0.05)).toBeCloseTo(1.2, 12);
    expect(percentile([1, 2, 3, 4, 5], 1)).toBe(5);
  });
});

describe('re-weighting one run', () => {
  it('with the original weights, gives the summary’s figures', () => {
    const sums = new HouseholdSums(small.population.nHouseholds);
    const r = runScenarioOn(baseline, small, { period, onMonth: sums.observe });
    const f = sums.figures(small.population.weight, r.incomes, r.summary.distribution.poverty.nationalRuralLine.line);
    for (const m of INTERVAL_METRICS) {
      if (m === 'cost' || m === 'costAnnual') expect(Math.abs(f[m] - metricValue(r, m)), m).toBeLessThanOrEqual(0.01 * 12); // the summary rounds each month to the fen
      else expect(f[m], m).toBeCloseTo(metricValue(r, m), 9);
    }
  });
  it('equals re-simulating on the replicate weights when no rule reads weights (public-welfare posts off, no quota)', () => {
    const noPosts = { ...baseline, overrides: [...baseline.overrides, { path: 'employment.posts.area_weight', set: 0 }] };
    const sums = new HouseholdSums(small.population.nHouseholds);
    const r = runScenarioOn(noPosts, small, { period, onMonth: sums.observe });
    for (const rep of [0, 5]) {
      const w = bootstrapWeights(small.population.weight, 1, rep);
      const f = sums.figures(w, r.incomes, r.summary.distribution.poverty.nationalRuralLine.line);
      const again = runScenarioOn(noPosts, { ...small, population: { ...small.population, weight: w } }, { period });
      for (const m of INTERVAL_METRICS) {
        if (m === 'cost' || m === 'costAnnual') expect(Math.abs(f[m] - metricValue(again, m)), m).toBeLessThanOrEqual(0.12);
        else expect(f[m], m).toBeCloseTo(metricValue(again, m), 9);
      }
    }
  });
});

describe('intervals', () => {
  const rel = (ds: typeof small) => {
    const res = compareScenariosOn([baseline, raise], ds, { period, replicates: 200, timestamp: false });
    const s = res.scenarios[0]!;
    return { res, width: (s.intervals!.cost.hi - s.intervals!.cost.lo) / s.summary.cost };
  };
  const a = rel(small);
  const b = rel(large);
  it('are in the result JSON, valid, with the level, for every scenario and change', () => {
    expect(() => ResultSchema.parse(a.res)).not.toThrow();
    expect(a.res.meta.replicates).toEqual({ count: 200, level: 0.9, seed: 1, method: 'reweight' });
    for (const s of a.res.scenarios) expect(Object.keys(s.intervals!).sort()).toEqual([...INTERVAL_METRICS].sort());
    expect(a.res.deltas[0]!.intervals!.cost.level).toBe(0.9);
  });
  it('contain the point estimate', () => {
    for (const { res } of [a, b]) {
      for (const s of res.scenarios) {
        for (const m of ['cost', 'recipients', 'coverage', 'distribution.poverty.localStandard.after.headcount', 'distribution.poverty.localStandard.after.gap', 'distribution.poverty.nationalRuralLine.after.headcount'] as const) {
          const v = metricValue(s as never, m);
          expect(s.intervals![m].lo, `${s.name} ${m}`).toBeLessThanOrEqual(v);
          expect(s.intervals![m].hi, `${s.name} ${m}`).toBeGreaterThanOrEqual(v);
        }
      }
      // The change of cost is positive in every sense: the paired interval excludes 0.
      expect(res.deltas[0]!.intervals!.cost.lo).toBeGreaterThan(0);
    }
  });
  it('are deterministic for a seed, and differ with another', () => {
    const again = compareScenariosOn([baseline, raise], small, { period, replicates: 200, timestamp: false });
    expect(again.scenarios.map((s) => s.intervals)).toEqual(a.res.scenarios.map((s) => s.intervals));
    const other = compareScenariosOn([baseline], small, { period, replicates: 200, seed: 2, timestamp: false });
    expect(other.scenarios[0]!.intervals!.cost).not.toEqual(a.res.scenarios[0]!.intervals!.cost);
  });
  it('narrow as the sample grows: 10 times the households, about √10 narrower', () => {
    const ratio = a.width / b.width;
    expect(ratio).toBeGreaterThan(2);
    expect(ratio).toBeLessThan(5);
  });
  it('re-simulating agrees with re-weighting when no rule reads weights', async () => {
    const noPosts = { ...baseline, overrides: [...baseline.overrides, { path: 'employment.posts.area_weight', set: 0 }] };
    const fast = compareScenariosOn([noPosts], small, { period, replicates: 4, timestamp: false });
    const exact = compareScenariosOn([noPosts], small, { period, replicates: 4, replicateMethod: 'resimulate', timestamp: false });
    expect(exact.meta.replicates!.method).toBe('resimulate');
    for (const m of INTERVAL_METRICS) {
      const [x, y] = [fast.scenarios[0]!.intervals![m], exact.scenarios[0]!.intervals![m]];
      const scale = Math.max(1, Math.abs(x.hi));
      expect(Math.abs(x.lo - y.lo) / scale, m).toBeLessThan(1e-9 + (m.startsWith('cost') ? 0.2 / scale : 0));
      expect(Math.abs(x.hi - y.hi) / scale, m).toBeLessThan(1e-9 + (m.startsWith('cost') ? 0.2 / scale : 0));
    }
  });
});

describe('command line', () => {
  it('run --replicates prints intervals; --json carries them; a bad level is a usage error', async () => {
    const args = ['run', 'scenarios/baseline-2006.yaml', '--data', 'datasets/fixture-dibao', '--period', '2006-01:2006-02', '--replicates', '30'];
    const text = await cli(args);
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(/90% intervals: 30 bootstrap replicates of households/);
    const json = await cli([...args, '--json', '--level', '0.8']);
    expect(json.status).toBe(0);
    const res = ResultSchema.parse(JSON.parse(json.stdout));
    expect(res.scenarios[0]!.intervals!.cost.level).toBe(0.8);
    const bad = await cli([...args, '--level', '90']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--level must be between 0 and 1/);
  });
});
