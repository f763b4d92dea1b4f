/**
 * Poverty and inequality of a run (summary.distribution) and of a reform (deltas): worked by hand
 * on three households, then the pipeline's transfers checked against the programs' costs.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decileShares, fgt, povertyGap, weightedGini } from '../src/analytics/index.js';
import { loadDataset, resolveDatasetPath } from '../src/data/dataset.js';
import { baselineParameters } from '../src/policy/parameters.js';
import { PROGRAMS } from '../src/programs/index.js';
import { distributionDelta, distributionSummary, IncomeFiguresMemo, type HouseholdIncomes } from '../src/scenarios/results/distribution.js';
import { accumulateScenario, scenarioResult } from '../src/scenarios/execution/run.js';
import { ROOT } from './helpers.js';

// Three households (monthly per-capita incomes, yuan):
//   h0 urban, weight 1, 2 persons: before 50, after 150, local standard 158
//   h1 rural, weight 2, 1 person:  before 40, after 80,  local standard 76
//   h2 rural, weight 1, 1 person:  before 300, after 300, local standard 76
// Person weights w × size: 2, 2, 1 (5 persons).
const x: HouseholdIncomes = {
  weight: Float64Array.of(1, 2, 1), size: Float64Array.of(2, 1, 1), urban: Uint8Array.of(1, 0, 0),
  before: Float64Array.of(50, 40, 300), after: Float64Array.of(150, 80, 300), standard: Float64Array.of(158, 76, 76),
};
const NATIONAL = [57.75]; // 693 ÷ 12, the 2006 line of dibao.linkage.rural_poverty_line

describe('summary.distribution, by hand (Foster, Greer & Thorbecke 1984; the Gini as ΣΣ w_i w_j |x_i − x_j| / (2 W² μ))', () => {
  const d = distributionSummary(x, NATIONAL, 12);
  it('means and Gini, person-weighted', () => {
    expect(d.before.mean).toBeCloseTo((2 * 50 + 2 * 40 + 300) / 5, 12); // 96
    expect(d.after.mean).toBeCloseTo((2 * 150 + 2 * 80 + 300) / 5, 12); // 152
    // Pairs, both orders: (50,40) 2·2·10·2 = 80; (50,300) 2·1·250·2 = 1000; (40,300) 2·1·260·2 = 1040 → 2120 / (2·25·96) = 0.441667.
    expect(d.before.gini).toBeCloseTo(2120 / 4800, 12);
    expect(d.before.decileShares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });
  it('FGT against each household’s local standard, before and after', () => {
    // Before: h0 poor, gap (158 − 50)/158 = 0.683544; h1 poor, (76 − 40)/76 = 0.473684; h2 not poor.
    expect(d.poverty.localStandard.before.headcount).toBeCloseTo(4 / 5, 12);
    expect(d.poverty.localStandard.before.gap).toBeCloseTo((2 * (108 / 158) + 2 * (36 / 76)) / 5, 12);
    expect(d.poverty.localStandard.before.severity).toBeCloseTo((2 * (108 / 158) ** 2 + 2 * (36 / 76) ** 2) / 5, 12);
    // After: h0 still poor, (158 − 150)/158; h1 at 80 ≥ 76 is not.
    expect(d.poverty.localStandard.after.headcount).toBeCloseTo(2 / 5, 12);
    expect(d.poverty.localStandard.after.gap).toBeCloseTo((2 * (8 / 158)) / 5, 12);
  });
  it('FGT of rural persons against the national rural line ÷ 12', () => {
    // Rural persons: h1 (2) at 40 < 57.75, gap 17.75/57.75; h2 (1) at 300. After, 80 ≥ 57.75.
    expect(d.poverty.nationalRuralLine.line).toBe(57.75);
    expect(d.poverty.nationalRuralLine.before.headcount).toBeCloseTo(2 / 3, 12);
    expect(d.poverty.nationalRuralLine.before.gap).toBeCloseTo((2 * (17.75 / 57.75)) / 3, 12);
    expect(d.poverty.nationalRuralLine.after).toEqual({ headcount: 0, gap: 0, severity: 0 });
  });
  it('transfers, the money poverty gap closed, and the gap closed per yuan', () => {
    // Transfers: (2 × 100 + 2 × 40) × 12 months = 3360. Gap before 2 × 108 + 2 × 36 = 288, after 2 × 8 = 16 a month: closed 272 × 12 = 3264.
    expect(d.transfers).toBeCloseTo(3360, 9);
    expect(d.povertyGapClosed).toBeCloseTo(3264, 9);
    expect(d.gapClosedPerYuan).toBeCloseTo(3264 / 3360, 12);
  });
});

describe('income figures met before are reused only for the very same numbers', () => {
  it('the same incomes give the same figures; one income changed gives that income’s own', () => {
    const first = distributionSummary(x, NATIONAL, 12);
    // The same arrays again (a sweep's income before assistance): the same figures.
    const again = distributionSummary({ ...x, before: Float64Array.from(x.before) }, NATIONAL, 12);
    expect(again.before).toEqual(first.before);
    // h2's income before assistance 300 → 100: person-weighted incomes 50, 50, 40, 40, 100
    // (mean 56). Pairs, both orders: (50,40) 2·2·10·2 = 80; (50,100) 2·1·50·2 = 200;
    // (40,100) 2·1·60·2 = 240 → 520 / (2·25·56) = 0.185714; not the 0.441667 of 300.
    const changed = distributionSummary({ ...x, before: Float64Array.of(50, 40, 100) }, NATIONAL, 12);
    expect(changed.before.mean).toBeCloseTo(56, 12);
    expect(changed.before.gini).toBeCloseTo(520 / 2800, 12);
  });
});

describe('the scenarios of one run share their income figures (IncomeFiguresMemo, W2 session 8)', () => {
  it('figures are found by content, for the very same numbers only', () => {
    // A memo holding made-up figures for x's income before assistance (person weights 2, 2, 1):
    // a copy of those numbers finds them (found by content, not by array), so they were not computed again.
    const memo = new IncomeFiguresMemo();
    const madeUp = { mean: 1, gini: 0.5, decileShares: new Array<number>(10).fill(0.1) };
    memo.add(Float64Array.from(x.before), Float64Array.of(2, 2, 1), madeUp);
    // After assistance, h2 at 310 (numbers not met before): computed, mean (2·150 + 2·80 + 310)/5 = 154, and kept for the next scenario.
    const d = distributionSummary({ ...x, before: Float64Array.from(x.before), after: Float64Array.of(150, 80, 310) }, NATIONAL, 12, memo);
    expect(d.before).toEqual(madeUp);
    expect(d.after.mean).toBeCloseTo(154, 12);
    expect(memo.find(Float64Array.of(150, 80, 310), Float64Array.of(2, 2, 1))?.figures.mean).toBeCloseTo(154, 12);
    // One income changed (h2 300 → 100): its own figures, mean 56 and Gini 520/2800 (worked above).
    const changed = distributionSummary({ ...x, before: Float64Array.of(50, 40, 100) }, NATIONAL, 12, memo);
    expect(changed.before.mean).toBeCloseTo(56, 12);
    expect(changed.before.gini).toBeCloseTo(520 / 2800, 12);
  });
  it('holds the last four inputs met, however many scenarios a run has', () => {
    const memo = new IncomeFiguresMemo();
    const w = Float64Array.of(1);
    const figures = (m: number) => ({ mean: m, gini: 0, decileShares: new Array<number>(10).fill(0.1) });
    for (let k = 1; k <= 5; k++) memo.add(Float64Array.of(k), w, figures(k));
    expect(memo.find(Float64Array.of(1), w)).toBeUndefined(); // the oldest of five, let go
    expect(memo.find(Float64Array.of(2), w)?.figures.mean).toBe(2);
    // Met again, 2 is the most recent: adding 6 lets 3 go, not 2.
    memo.add(Float64Array.of(6), w, figures(6));
    expect(memo.find(Float64Array.of(3), w)).toBeUndefined();
    expect(memo.find(Float64Array.of(2), w)?.figures.mean).toBe(2);
  });
});

describe('deltas: winners and losers, decile impact', () => {
  it('by person, against the baseline’s incomes after assistance', () => {
    // Reform: h0 150 → 160 (+6.7%, gains more than 5%), h1 unchanged, h2 300 → 290 (−3.3%, loses less than 5%).
    const reform: HouseholdIncomes = { ...x, after: Float64Array.of(160, 80, 290) };
    const d = distributionDelta(x, reform);
    expect(d.winnersLosers.gainMore).toBeCloseTo(2 / 5, 12);
    expect(d.winnersLosers.noChange).toBeCloseTo(2 / 5, 12);
    expect(d.winnersLosers.loseLess).toBeCloseTo(1 / 5, 12);
    expect(d.decileImpact).toHaveLength(10);
    expect(d.decileImpact.reduce((s, r) => s + r.totalChange, 0)).toBeCloseTo(2 * 10 - 10, 9);
  });
});

describe('the pipeline’s transfers are the programs’ household costs less own contributions', async () => {
  const ds = await loadDataset(resolveDatasetPath('fixture-dibao', ROOT));
  it('on the hand-worked fixture, over 2006', () => {
    const tree = baselineParameters();
    const r = scenarioResult('t', accumulateScenario(ds.population, tree, { from: '2006-01', to: '2006-12' }, 1), tree);
    // Household components only: computed ones (facilities, stations, the land-expropriated farmers' one-off
    // contributions) are nobody's income, and neither is what the farmers pay into them themselves (their
    // individual share of land_expropriated.insurance.cost_shares), which costByPayer.individual also holds.
    const individualOfComputed = (p: (typeof PROGRAMS)[number]): number => Object.entries(p.components).filter(([, c]) => !('rule' in c)).reduce((t, [k, c]) => {
      const payer = (c as { payer: string | { shares: string } }).payer;
      const own = typeof payer === 'string' ? (payer === 'individual' ? 1 : 0) : (tree.leaf(payer.shares).categories ?? []).includes('individual') ? tree.valueAt(payer.shares, '2006-06-01', { category: 'individual' }) : 0;
      return t + own * r.programs[p.id]!.components[k]!;
    }, 0);
    const expected = PROGRAMS.reduce((s, p) => s + Object.entries(p.components).filter(([, c]) => 'rule' in c).reduce((t, [k]) => t + r.programs[p.id]!.components[k]!, 0) - (r.programs[p.id]!.costByPayer.individual - individualOfComputed(p)), 0);
    expect(r.summary.distribution.transfers).toBeCloseTo(expected, 2);
    expect(r.summary.distribution.poverty.localStandard.after.headcount).toBeLessThan(r.summary.distribution.poverty.localStandard.before.headcount);
  });
});

describe('deltas carry the distribution, targeting and every program', async () => {
  const { compareScenarios } = await import('../src/scenarios/studies/compare.js');
  const { loadScenario } = await import('../src/scenarios/input/load.js');
  const ds = await loadDataset(resolveDatasetPath('fixture-dibao', ROOT));
  const r = await compareScenarios([loadScenario(`${ROOT}/scenarios/baseline-2006.yaml`), loadScenario(`${ROOT}/scenarios/raise-standard-10pct.yaml`)], ds, { timestamp: false, period: { from: '2006-01', to: '2006-03' } });
  const d = r.deltas[0]!;
  const [a, b] = [r.scenarios[0]!, r.scenarios[1]!];
  it('each delta is the reform’s figure less the baseline’s', () => {
    const t = d.summary['targeting.coverageOfPoor'] as { baseline: number; value: number; absolute: number };
    expect(t.baseline).toBe((a.summary as unknown as { targeting: { coverageOfPoor: number } }).targeting.coverageOfPoor);
    expect(t.absolute).toBeCloseTo(t.value - t.baseline, 12);
    const pov = d.distribution['poverty.localStandard.after.headcount']!;
    expect(pov.baseline).toBe((a.summary as unknown as { distribution: { poverty: { localStandard: { after: { headcount: number } } } } }).distribution.poverty.localStandard.after.headcount);
    expect(d.programs.dibao!.cost!.absolute).toBeCloseTo(b.programs!.dibao!.cost - a.programs!.dibao!.cost, 6);
    expect(d.distribution['before.decileShares.10']).toBeDefined();
  });
  it('a higher standard makes no one on the fixture lose, and some gain', () => {
    expect(d.winnersLosers.loseMore + d.winnersLosers.loseLess).toBe(0);
    expect(d.winnersLosers.gainMore + d.winnersLosers.gainLess).toBeGreaterThan(0);
  });
});

describe('a locality whose dibao standard is 0', () => {
  // A scenario may set a standard to 0 (dibao abolished there). No one is below a line of 0 and a
  // gap ratio against it is undefined, so those persons are left out of the local-standard figures.
  const x: HouseholdIncomes = {
    weight: Float64Array.of(1, 2),
    size: Float64Array.of(1, 1),
    urban: Uint8Array.of(1, 0),
    before: Float64Array.of(50, 80),
    after: Float64Array.of(50, 80),
    standard: Float64Array.of(0, 100),
  };
  it('is left out of the local-standard poverty figures; the rest are measured as usual', () => {
    const d = distributionSummary(x, [], 1);
    // Only the rural person (weight 2, income 80, standard 100) counts: headcount 1, gap 0.2, severity 0.04.
    expect(d.poverty.localStandard.before.headcount).toBe(1);
    expect(d.poverty.localStandard.before.gap).toBeCloseTo(0.2, 12);
    expect(d.poverty.localStandard.before.severity).toBeCloseTo(0.04, 12);
  });
  it('with every standard 0, the figures are 0 rather than an error', () => {
    const d = distributionSummary({ ...x, standard: Float64Array.of(0, 0) }, [], 1);
    expect(d.poverty.localStandard.after).toEqual({ headcount: 0, gap: 0, severity: 0 });
  });
});

describe('a scenario’s sums do not hold its population once accumulated (issue #25)', async () => {
  const { setFlagsFromString } = await import('node:v8');
  const { runInNewContext } = await import('node:vm');
  const { packPopulation } = await import('../src/scenarios/execution/threads.js');
  setFlagsFromString('--expose_gc');
  const gc = runInNewContext('gc') as () => void;
  const ds = await loadDataset(resolveDatasetPath('fixture-dibao', ROOT));
  // A population of its own (fresh columns, no dataset cache holds it), accumulated over one month.
  const accumulated = (): { sums: ReturnType<typeof accumulateScenario>; pop: WeakRef<object> } => {
    const pop = packPopulation(ds.population).population;
    return { sums: accumulateScenario(pop, baselineParameters(), { from: '2006-01', to: '2006-01' }, 1), pop: new WeakRef(pop) };
  };
  it('the population (and with it its buffer pool) is collected while the sums live on', async () => {
    const { sums, pop } = accumulated();
    // A WeakRef made in this turn stays alive until the turn ends: collect after it. Up to five
    // turns and collections: under a loaded suite something transient (a pending task of the
    // run) held it past the first collection once in some thirty runs (sessions 9 and 10). What
    // this guards against holds it for good (until the next slice merges), which no retry lets through.
    for (let i = 0; i < 5 && pop.deref() !== undefined; i++) {
      await new Promise((r) => setTimeout(r, 0));
      gc();
    }
    // Held by the distribution's current part, a full-count prefecture's population and its pool
    // (5.3 GB of columns on Changchun's 2.4 million households) lived until the next slice merged.
    expect(pop.deref()).toBeUndefined();
    expect(sums.distribution.incomes().weight.length).toBe(ds.population.nHouseholds);
  });
});

describe('the figures in one pass are each measure’s own, bit for bit (session 9)', () => {
  // distributionSummary adds the poverty sums, transfers and money gaps in one pass and sorts an
  // income after assistance from a close one met before: every figure must still be the public
  // measure's (src/analytics, each tested by hand in test/analytics.test.ts) on the same rows,
  // byte for byte. Households with ties, zero weights, standards of 0 (left out of the local
  // measures) and urban and rural; then variants with a few incomes changed, in a row, as a sweep
  // makes them.
  const person = (x: HouseholdIncomes): Float64Array => Float64Array.from(x.weight, (w, h) => w * x.size[h]!);
  const none = { headcount: 0, gap: 0, severity: 0 };
  const expected = (x: HouseholdIncomes, line: number, months: number) => {
    const w = person(x);
    const rural = [...x.urban.keys()].filter((h) => !x.urban[h]);
    const pick = (a: ArrayLike<number>) => Float64Array.from(rural, (h) => a[h]!);
    const wz = Float64Array.from(w, (v, h) => (x.standard[h]! > 0 ? v : 0));
    const z = Float64Array.from(x.standard, (s) => (s > 0 ? s : 1));
    const fgt3 = (y: ArrayLike<number>, ww: ArrayLike<number>, l: number | ArrayLike<number>) => ({ headcount: fgt(y, ww, l, 0), gap: fgt(y, ww, l, 1), severity: fgt(y, ww, l, 2) });
    // Without a positive mean the figures are 0 (the measures need one).
    const positive = (y: Float64Array) => y.reduce((a, v, h) => a + v * w[h]!, 0) > 0;
    const income = (y: Float64Array) => (positive(y) ? { gini: weightedGini(y, w), decileShares: decileShares(y, w) } : { gini: 0, decileShares: new Array<number>(10).fill(0) });
    let transfers = 0;
    for (let h = 0; h < w.length; h++) transfers += w[h]! * (x.after[h]! - x.before[h]!) * months;
    return {
      before: income(x.before), after: income(x.after),
      // Persons of a positive standard, and rural persons, if there are any (else the figures are 0).
      local: wz.some((v) => v > 0) ? { before: fgt3(x.before, wz, z), after: fgt3(x.after, wz, z) } : { before: none, after: none },
      rural: pick(w).some((v) => v > 0) ? { before: fgt3(pick(x.before), pick(w), line), after: fgt3(pick(x.after), pick(w), line), line } : { before: none, after: none, line },
      transfers,
      closed: (povertyGap(x.before, w, x.standard) - povertyGap(x.after, w, x.standard)) * months,
    };
  };
  const household = fc.record({
    weight: fc.constantFrom(0, 1, 1.5, 2, 7),
    size: fc.integer({ min: 1, max: 5 }),
    urban: fc.constantFrom(0, 1),
    before: fc.constantFrom(0, 40, 80, 120.5, 300, 1000),
    extra: fc.constantFrom(0, 0, 10, 38.25, 100),
    standard: fc.constantFrom(0, 76, 158, 200.5),
  });
  it('on fast-check populations of 1–5,000 households, each followed by three variants with a few incomes changed', () => {
    fc.assert(fc.property(fc.array(household, { minLength: 1, maxLength: 5000 }), fc.array(fc.tuple(fc.nat(), fc.constantFrom(0, 5, 60, 300)), { minLength: 1, maxLength: 30 }), (hs, changes) => {
      const x: HouseholdIncomes = {
        weight: Float64Array.from(hs, (h) => h.weight), size: Float64Array.from(hs, (h) => h.size), urban: Uint8Array.from(hs, (h) => h.urban),
        before: Float64Array.from(hs, (h) => h.before), after: Float64Array.from(hs, (h) => h.before + h.extra), standard: Float64Array.from(hs, (h) => h.standard),
      };
      if (!(x.after.some((v, h) => v > 0 && x.weight[h]! > 0))) return; // the measures need a positive mean
      const variants = [x];
      for (let v = 0; v < 3; v++) {
        const after = Float64Array.from(variants[v]!.after);
        for (const [r, add] of changes.slice(v * 10, v * 10 + 10)) after[r % after.length] = x.before[r % after.length]! + add;
        variants.push({ ...x, after });
      }
      for (const y of variants) {
        const d = distributionSummary(y, NATIONAL, 3);
        const e = expected(y, NATIONAL[0]!, 3);
        for (const k of ['before', 'after'] as const) {
          expect(Object.is(d[k].gini, e[k].gini)).toBe(true);
          expect(d[k].decileShares).toEqual(e[k].decileShares);
          expect(d[k].decileShares.map((v, i) => Object.is(v, e[k].decileShares[i]))).not.toContain(false);
        }
        expect(d.poverty.localStandard).toEqual(e.local);
        expect(d.poverty.nationalRuralLine).toEqual(e.rural);
        expect(Object.is(d.transfers, e.transfers)).toBe(true);
        expect(Object.is(d.povertyGapClosed, e.closed)).toBe(true);
      }
    }), { seed: 20261207, numRuns: 60 });
  });
  it('an income that is not a number is still named by the measure that refuses it', () => {
    const bad = { ...x, after: Float64Array.of(150, NaN, 300) };
    expect(() => distributionSummary(bad, NATIONAL, 12)).toThrow('fgt: values[1] is NaN');
  });
});
