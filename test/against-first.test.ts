/**
 * A comparison's later scenarios computed against the first one's run, slice by slice
 * (src/scenarios/execution/against-first.ts, issue #25): the result document is the same bytes
 * with the switch on and off, for every example scenario paired with baseline-2006 (in either
 * order: a scenario with a price path first makes the baseline compute keys the base was given),
 * in one thread and on workers; and the base is really used (differential work is counted).
 *
 * "The same bytes" is checked against the path without a base in the same process, not against
 * stored bytes, so the test stays valid when the generator or the parameters change.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { openChunkedDataset, slicePopulation, writeChunkedDataset } from '../src/data/chunked.js';
import { generateDataset } from '../src/data/generated.js';
import { differentialCounts } from '../src/engine/differential.js';
import { monthsBetween } from '../src/engine/period.js';
import { setTemporal, TEMPORAL_MAX_PERSONS } from '../src/engine/temporal.js';
import type { Population } from '../src/engine/population.js';
import { loadScenario, type Scenario } from '../src/scenarios/input/load.js';
import { compareScenarios, compareScenariosOn } from '../src/scenarios/studies/compare.js';
import { BASE_MAX_BYTES, baseFits, FirstRunBase, setAgainstFirst } from '../src/scenarios/execution/against-first.js';
import { scenarioPeriod } from '../src/scenarios/execution/run.js';
import { inFlightBudget } from '../src/scenarios/execution/threads.js';
import { ROOT, useBuiltWorkers } from './helpers.js';

useBuiltWorkers();
afterEach(() => {
  setAgainstFirst(true);
  setTemporal(true);
});

const json = (x: unknown): string => JSON.stringify(x);
/** Rule-periods a differential run decided (taken from the base, in full or on a sub-population) during `f`. */
async function decided(f: () => unknown): Promise<number> {
  const before = differentialCounts();
  await f();
  const after = differentialCounts();
  return after.unchanged + after.full + after.subset - (before.unchanged + before.full + before.subset);
}
/** The comparison's document with the switch on (and the rule-periods decided against a base) and off. */
async function bothWays(f: () => unknown): Promise<{ on: string; off: string; decided: number }> {
  setAgainstFirst(false);
  const off = json(await f());
  setAgainstFirst(true);
  let on = '';
  const n = await decided(async () => { on = json(await f()); });
  return { on, off, decided: n };
}

const baseline = loadScenario(join(ROOT, 'scenarios', 'baseline-2006.yaml'));
/** The scenarios also checked over three months (see below). */
const OVER_MONTHS = new Set(['price-subsidy-2008.yaml', 'gradual-exit-6m.yaml', 'raise-standard-10pct.yaml']);
const files = readdirSync(join(ROOT, 'scenarios')).filter((f) => f.endsWith('.yaml') && f !== 'baseline-2006.yaml').sort();

describe('compare with the later scenarios against the first: the same bytes as without', () => {
  const dataset = generateDataset({ year: 2006, households: 1200, seed: 7 }).dataset;
  for (const file of files) {
    it(`${file} and baseline-2006, both orders: its first month${OVER_MONTHS.has(file) ? '; the baseline first, its first three months (not month to month)' : ''}`, async () => {
      const s = loadScenario(join(ROOT, 'scenarios', file));
      const months = monthsBetween(scenarioPeriod(s).from, scenarioPeriod(s).to);
      const one = { from: months[0]!, to: months[0]! };
      const three = { from: months[0]!, to: months[Math.min(2, months.length - 1)]! };
      for (const pair of [[baseline, s], [s, baseline]] as Scenario[][]) {
        const names = pair.map((p) => p.name).join(' then ');
        const m = await bothWays(() => compareScenariosOn(pair, dataset, { period: one, timestamp: false }));
        expect(m.on, `${names}, one month`).toBe(m.off);
        // Every scenario here keeps the seed: the second is computed against the first's run.
        expect(m.decided, `${names}: a base was used`).toBeGreaterThan(0);
        // Over months a small slice computes month to month, which a run against a base cannot:
        // no base then (against-first.ts). Without month to month, a base over three months
        // (the baseline first; the other order is checked over one month above). Over three months
        // only for the scenarios whose months differ in kind: a price path (keys given), gradual exit
        // (state carried from month to month) and the common lever, as the suite's time is bounded
        // (#19's 120 s).
        if (pair[0] !== baseline || !OVER_MONTHS.has(file)) continue;
        setTemporal(false);
        const q = await bothWays(() => compareScenariosOn(pair, dataset, { period: three, timestamp: false }));
        expect(q.on, `${names}, three months`).toBe(q.off);
        expect(q.decided, `${names}: a base was used over three months`).toBeGreaterThan(0);
        setTemporal(true);
      }
    });
  }
  it('over months with month to month on, a small slice records no base (its runs compute month to month instead)', async () => {
    const reform = loadScenario(join(ROOT, 'scenarios', 'raise-standard-10pct.yaml'));
    const r = await bothWays(() => compareScenariosOn([baseline, reform], dataset, { period: { from: '2006-01', to: '2006-02' }, timestamp: false }));
    expect(r.on).toBe(r.off);
    expect(r.decided).toBe(0);
  });
});

// 3,000 households cut into their 9 prefectures by lowering the plan's threshold to their number
// (the run option minSlicedHouseholds; by default slicing starts at 30,000 households, ten times the work).
const SLICED = 3_000;
describe('on slices of 3,000 households (minSlicedHouseholds 3,000): one thread from chunks, and workers', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jiuzhu-against-first-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const pair = [baseline, loadScenario(join(ROOT, 'scenarios', 'raise-standard-10pct.yaml'))];
  const month = { from: '2006-01', to: '2006-01' };

  it('the chunked copy in one thread (each prefecture a slice with its own base) and on 2 workers: the bytes without a base', async () => {
    const pop = generateDataset({ year: 2006, households: SLICED, seed: 5 }).dataset.population;
    const cuts = [0, 1200, pop.nHouseholds];
    await writeChunkedDataset(join(dir, 'c'), { name: 'c' }, cuts.slice(1).map((end, i) => ({ population: slicePopulation(pop, cuts[i]!, end) })));
    const chunked = openChunkedDataset(join(dir, 'c'));
    const one = await bothWays(() => compareScenarios(pair, chunked, { period: month, timestamp: false, minSlicedHouseholds: SLICED }));
    expect(one.on).toBe(one.off);
    // Nine prefecture slices, each with a base: some hundred rule-periods each.
    expect(one.decided).toBeGreaterThan(9 * 100);
    // The workers get the switch of the thread that starts them (WorkerSetup.againstFirst);
    // their counts stay in their threads, so only the bytes are checked here.
    // On workers only with the switch on: the bytes without a base are one.off, which equals one.on.
    setAgainstFirst(true);
    const two = json(await compareScenarios(pair, chunked, { period: month, timestamp: false, workers: 2, minSlicedHouseholds: SLICED }));
    expect(two).toBe(one.off);
  });
});

describe('when a slice records a base', () => {
  /** A population of this size, for the policy (only the counts are read). */
  const sized = (nHouseholds: number, nPersons: number): Population => ({ nHouseholds, nPersons } as unknown as Population);

  it('one month always (within BASE_MAX_BYTES); more months only where the runs are not month to month anyway', () => {
    expect(baseFits(sized(10_000, 30_000), 1)).toBe(true);
    expect(baseFits(sized(10_000, 30_000), 12)).toBe(false);
    // Above TEMPORAL_MAX_PERSONS a run is not month to month: a base over months pays (Tonghua's two: 1,499,060 household-months).
    expect(baseFits(sized(749_530, TEMPORAL_MAX_PERSONS + 1), 2)).toBe(true);
    setTemporal(false);
    expect(baseFits(sized(10_000, 30_000), 12)).toBe(true);
  });
  it('a base expected above BASE_MAX_BYTES (128 bytes a household and month) is not recorded', () => {
    // 256 MiB ÷ 128 bytes = 2,097,152 household-months.
    expect(BASE_MAX_BYTES / 128).toBe(2_097_152);
    expect(baseFits(sized(1_437_644, 4_447_949), 1)).toBe(true); // Jilin's month: 1,437,644 ≤ 2,097,152
    expect(baseFits(sized(1_437_644, 4_447_949), 2)).toBe(false); // 2,875,288 > 2,097,152
    expect(baseFits(sized(2_413_125, 7_464_865), 1)).toBe(false); // Changchun's month
    expect(baseFits(sized(2_097_152, 6_500_000), 1)).toBe(true);
    expect(baseFits(sized(2_097_153, 6_500_000), 1)).toBe(false);
  });
  it('only for a later scenario of the first one\'s seed; one scenario records nothing', () => {
    const pop = sized(1000, 3000);
    const mixed = new FirstRunBase(pop, [1, 2, 1], 1, true);
    expect(mixed.used).toBe(true);
    expect(mixed.option(0) && 'record' in mixed.option(0)!).toBe(true);
    expect(mixed.option(1)).toBeUndefined(); // seed 2: in full
    expect(mixed.option(2) && 'base' in mixed.option(2)!).toBe(true);
    expect(new FirstRunBase(pop, [1, 2], 1, true).used).toBe(false);
    expect(new FirstRunBase(pop, [1], 1, true).used).toBe(false);
    expect(new FirstRunBase(pop, [1, 1], 1, false).used).toBe(false);
  });
  it('the workers\' budget leaves room for the bases: on W2 Changchun runs beside Tonghua, not Songyuan', () => {
    // W2's prefectures (bench/.cache/jilin-2006-full's manifest): Changchun, Jilin, Siping,
    // Liaoyuan, Tonghua, Baishan, Songyuan, Baicheng, Yanbian.
    const w2 = [2_413_125, 1_437_644, 1_085_573, 391_507, 749_530, 420_568, 924_985, 656_682, 727_012];
    // Without a base: ceil(2,413,125 × 1.4) = 3,378,375 (more than 2 × the median, 749,530).
    expect(inFlightBudget(w2, 2, 1)).toBe(3_378_375);
    // With one: ÷ (1 + 128 / (2.1 × 1024³ / 10⁶)) = ÷ 1.0567660…, rounded up.
    const budget = inFlightBudget(w2, 2, 1, true);
    expect(budget).toBe(Math.ceil(3_378_375 / (1 + 128 / (2.1 * 1024 ** 3 / 1e6))));
    expect(budget).toBeGreaterThanOrEqual(2_413_125 + 749_530); // Tonghua fits beside Changchun
    expect(budget).toBeLessThan(2_413_125 + 924_985); // Songyuan does not
  });
});
