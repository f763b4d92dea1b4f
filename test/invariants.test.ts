/**
 * Invariants of the whole system (issue #11 item 3), as seeded fast-check properties over every
 * program of src/programs/index.ts PROGRAMS: small generated Jilin populations (20–160
 * households, any seed), one to three months of four shipped scenarios (the 2006 baseline, the
 * six-month gradual exit, the 2007 disaster, the 2008 price subsidy) with their behaviour as
 * written, or with full take-up and no assessment error, or with a recipient quota.
 *
 * What must hold, and why:
 * - every cost component is ≥ 0 for every household-month (household rules) and every
 *   prefecture × area cell-month (computed components), and so are account funds: a negative
 *   cost would silently offset others in every total;
 * - a higher dibao standard (× k ∈ [1, 2], both areas or one) never lowers any household's
 *   benefits across programs (less what it pays itself), the total cost or any program's
 *   recipients — a reform that only raises a floor should leave nobody worse off. Two notches
 *   of the rules break it (gradual exit, temporary assistance): documented exceptions, each
 *   rebuilt by hand in 'known notches' below;
 * - byPrefecture, byArea and byYear add up to each program's totals, components and costByPayer
 *   to cost, funding rows to cost, payers, prefectures and years — exactly in fen (docs/programs.md
 *   promises it); the §二 summary's groups within its documented rounding;
 * - `jiuzhu explain`'s tree (a fresh simulation replayed month by month to the month explained, the household then on its own)
 *   has at its root the value the run computed for that household;
 * - weights are preserved: the population a result reports is Σ weight × size; slicing and
 *   chunking keep every weight; upratePopulation scales the population by exactly the factor asked.
 *
 * JIUZHU_FUZZ_RUNS sets the cases (default 500 → 25 per property, see CASES); JIUZHU_FUZZ_SEED shifts the seeds.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { openChunkedDataset, slicePopulation, writeChunkedDataset } from '../src/data/chunked.js';
import type { Dataset } from '../src/data/dataset.js';
import { generateDataset } from '../src/data/generated.js';
import { explainScenarioHousehold } from '../src/cli/explain.js';
import { allocColumn, type Column } from '../src/engine/column.js';
import { PREFECTURE_CODES } from '../src/engine/locality.js';
import { createPopulation, type Population } from '../src/engine/population.js';
import { Simulation } from '../src/engine/simulation.js';
import { HOUSEHOLD_COLUMNS, PERSON_COLUMNS, withSchemaDefaults } from '../src/data/schema.js';
import { baselineParameters } from '../src/policy/parameters.js';
import { systemRules } from '../src/programs/system.js';
import type { Override, ParameterTree } from '../src/engine/parameters/tree.js';
import { monthsBetween } from '../src/engine/period.js';
import type { ProgramComponent, ProgramDefinition } from '../src/engine/program.js';
import { PAYERS } from '../src/engine/program.js';
import { PROGRAMS } from '../src/programs/index.js';
import { LEVELS, PAYER_OF } from '../src/scenarios/results/funding.js';
import { loadScenario, type Scenario } from '../src/scenarios/input/load.js';
import type { ProgramFigures } from '../src/scenarios/results/program-summary.js';
import { upratePopulation } from '../src/scenarios/studies/project.js';
import { runScenarioOn, scenarioParameters, type Period, type ScenarioResult } from '../src/scenarios/execution/run.js';
import { RUNS, seed } from './fuzz/common.js';
import { ROOT } from './helpers.js';

/** Cases per property: a twentieth of the fuzz runs (25 by default), at least 3; each case runs the whole system once or twice. */
const CASES = Math.max(3, Math.round(RUNS / 20));
const opts = (n: number, cases = CASES) => ({ seed: seed(n), numRuns: cases });
const EPS = 1e-9;
const fen = (yuan: number): number => Math.round(yuan * 100);

/** Shipped scenarios and months worth starting at: the year boundary, the disaster month, the price-subsidy months. */
const BASES: readonly { file: string; starts: readonly string[] }[] = [
  { file: 'baseline-2006.yaml', starts: ['2006-01', '2006-07', '2006-12'] },
  { file: 'gradual-exit-6m.yaml', starts: ['2006-02', '2006-09'] },
  { file: 'disaster-2007.yaml', starts: ['2007-06', '2007-07'] },
  { file: 'price-subsidy-2008.yaml', starts: ['2008-01', '2008-02'] },
];
const scenarios = BASES.map((b) => loadScenario(join(ROOT, 'scenarios', b.file)));

/** Implementation variants, as the overrides `behaviour` turns into (src/scenarios/input/load.ts). */
const BEHAVIOURS: Readonly<Record<string, readonly Override[]>> = {
  asWritten: [],
  fullTakeUpNoError: [{ path: 'dibao.implementation.take_up', set: 1 }, { path: 'dibao.implementation.observation_error', set: 0 }],
  quota: [{ path: 'dibao.implementation.quota_share', set: 0.04 }],
};

interface Case { households: number; dataSeed: number; base: number; start: number; months: number; behaviour: string }

const caseArb: fc.Arbitrary<Case> = fc.record({
  households: fc.integer({ min: 20, max: 160 }),
  dataSeed: fc.integer({ min: 1, max: 1_000_000 }),
  base: fc.integer({ min: 0, max: BASES.length - 1 }),
  start: fc.nat({ max: 100 }),
  months: fc.integer({ min: 1, max: 3 }),
  behaviour: fc.constantFrom(...Object.keys(BEHAVIOURS)),
});

/** Generated datasets by size and seed (fast-check revisits them while shrinking). */
const datasets = new Map<string, Dataset>();
function dataset(households: number, dataSeed: number): Dataset {
  const key = `${households}/${dataSeed}`;
  let d = datasets.get(key);
  if (!d) {
    d = generateDataset({ year: 2006, households, seed: dataSeed }).dataset;
    if (datasets.size > 50) datasets.clear();
    datasets.set(key, d);
  }
  return d;
}

function setup(c: Case, extra: readonly Override[] = []): { scenario: Scenario; data: Dataset; period: Period } {
  const b = BASES[c.base]!;
  const base = scenarios[c.base]!;
  const from = b.starts[c.start % b.starts.length]!;
  const to = monthsBetween(from, '2099-12')[c.months - 1]!;
  const scenario: Scenario = { ...base, period: { from, to }, overrides: [...base.overrides, ...BEHAVIOURS[c.behaviour]!, ...extra] };
  return { scenario, data: dataset(c.households, c.dataSeed), period: { from, to } };
}

/** Household-rule components of a program, with their names. */
const ruleComponents = (p: ProgramDefinition): [string, ProgramComponent & { rule: string }][] =>
  Object.entries(p.components).filter((e): e is [string, ProgramComponent & { rule: string }] => 'rule' in e[1]);

/** Every household-month value of every component and funds rule the run computed, copied while the month's columns are cached. */
interface Observed { months: string[]; values: Map<string, Float64Array[]> }

function run(scenario: Scenario, data: Dataset, period: Period): { result: ScenarioResult; observed: Observed } {
  const rules = new Set<string>();
  for (const p of PROGRAMS) {
    for (const [, c] of ruleComponents(p)) rules.add(c.rule);
    for (const a of Object.values(p.accounts ?? {})) if ('rule' in a.funds) rules.add(a.funds.rule);
    if (p.recipient) rules.add(p.recipient);
  }
  rules.add('dibao_receives');
  const observed: Observed = { months: [], values: new Map([...rules].map((r) => [r, []])) };
  const result = runScenarioOn(scenario, data, {
    period,
    onMonth: (m, sim) => {
      observed.months.push(m);
      for (const r of rules) observed.values.get(r)!.push(Float64Array.from(sim.calculate(r, m)));
    },
  });
  return { result, observed };
}

/** The share of a component a household pays itself (payer 'individual'), on a date. */
function ownShare(c: ProgramComponent, tree: ParameterTree, date: string): number {
  if (typeof c.payer === 'string') return c.payer === 'individual' ? 1 : 0;
  const cats = tree.leaf(c.payer.shares).categories;
  return cats.includes('individual') ? tree.valueAt(c.payer.shares, date, { category: 'individual' }) : 0;
}

/**
 * What a household receives in a month across programs: every household-rule component, less
 * the part the household pays itself. Computed components (facilities) go to no household.
 */
function householdBenefits(observed: Observed, tree: ParameterTree, nH: number): Float64Array[] {
  return observed.months.map((m, mi) => {
    const out = new Float64Array(nH);
    for (const p of PROGRAMS) {
      for (const [, c] of ruleComponents(p)) {
        const keep = 1 - ownShare(c, tree, `${m}-01`);
        const v = observed.values.get(c.rule)![mi]!;
        for (let h = 0; h < nH; h++) out[h]! += v[h]! * keep;
      }
    }
    return out;
  });
}

/** A program's money figures in fen, keyed by name (cost, payers, components, accounts). */
function moneyFen(f: ProgramFigures): Record<string, number> {
  const out: Record<string, number> = { cost: fen(f.cost) };
  for (const p of PAYERS) out[`costByPayer.${p}`] = fen(f.costByPayer[p]);
  for (const [k, v] of Object.entries(f.components)) out[`components.${k}`] = fen(v);
  for (const k of ['need', 'funds', 'gap', 'balance'] as const) {
    const v = f[k];
    if (v !== undefined) out[k] = fen(v);
  }
  for (const [a, acc] of Object.entries(f.accounts ?? {})) for (const [k, v] of Object.entries(acc)) out[`accounts.${a}.${k}`] = fen(v);
  return out;
}

const dir = mkdtempSync(join(tmpdir(), 'jiuzhu-invariants-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('invariants of every program', () => {
  it('every cost component and account funds are ≥ 0 for every household-month and every computed cell-month', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const { scenario, data, period } = setup(c);
        const { observed } = run(scenario, data, period);
        for (const [rule, months] of observed.values) {
          months.forEach((v, mi) => {
            for (let h = 0; h < v.length; h++) {
              if (!(v[h]! >= 0)) expect.fail(`${rule} = ${v[h]} for household ${data.population.householdId[h]} in ${observed.months[mi]}`);
            }
          });
        }
        // Computed components and funds: each prefecture × area cell with its weighted population.
        const tree = scenarioParameters(scenario);
        const pop = data.population;
        for (const m of observed.months) {
          for (const prefecture of PREFECTURE_CODES) {
            for (const area of ['urban', 'rural'] as const) {
              let persons = 0;
              let households = 0;
              for (let h = 0; h < pop.nHouseholds; h++) {
                if (pop.household.prefecture![h] !== prefecture || (pop.household.urban![h] ? 'urban' : 'rural') !== area) continue;
                persons += pop.weight[h]! * (pop.householdStart[h + 1]! - pop.householdStart[h]!);
                households += pop.weight[h]!;
              }
              const ctx = { parameters: tree, month: m, date: `${m}-01`, prefecture, area, population: persons, households, inputs: scenario.inputs };
              for (const p of PROGRAMS) {
                const computed = [...Object.entries(p.components).flatMap(([k, x]) => ('compute' in x ? [[`component ${k}`, x.compute] as const] : [])),
                  ...Object.entries(p.accounts ?? {}).flatMap(([k, a]) => ('compute' in a.funds ? [[`funds of ${k}`, a.funds.compute] as const] : []))];
                for (const [what, f] of computed) {
                  const v = f(ctx);
                  if (!(v >= 0)) expect.fail(`${p.id} ${what} = ${v} for ${prefecture} ${area} in ${m}`);
                }
              }
            }
          }
        }
      }),
      opts(1101),
    );
  });

  /**
   * Two exceptions, both found by this property and both notches of the rules at the standard
   * (see 'known notches' below, each rebuilt by hand):
   * - gradual exit (§二.3): a household leaving dibao is paid a share of its LAST full payment,
   *   2/3 in the first of the baseline's two exit months, whatever its income now; if a higher
   *   standard keeps it admitted (its assessed income just under the raised standard), it gets
   *   the current gap, at least the floor: less. Smallest case found: price-subsidy-2008, 28
   *   generated households (seed 999999), 2008-01…02, standards × 1.0137: household 4 (one
   *   person) had 126.96 in January; in February the baseline pays 84.64 of gradual exit, the
   *   reform 10 (the floor) + 28.15 price subsidy + 16.30 medical aid = 54.45.
   * - temporary assistance (§二.2): earnings lost this month count as a shock only for
   *   households NOT on dibao ("dibao already fills a recipient's income gap"); a household the
   *   raise admits at the floor loses that aid. Smallest case found: disaster-2007, 60 generated
   *   households (seed 1), 2007-06…07, standards × 1.2947: household 60 (five rural persons,
   *   standard 72, assessed per-capita income 93.22) lost a 402.92 job in July: the baseline
   *   pays 402.92 of temporary aid, the reform admits it at the floor, 25, and pays no aid.
   * For such household-months the property is checked without the payments of the notch (dibao
   * cash with the gradual-exit payment, or with temporary assistance) in either run: everything
   * else the household gets must not fall. Every other household-month is checked in full; the
   * total cost is checked without gradual-exit payments and temporary assistance.
   */
  it('a higher dibao standard never lowers any household’s benefit (two notches excepted, see above), the total cost or any program’s recipients', () => {
    const raise = fc.record({ k: fc.double({ min: 1, max: 2, noNaN: true }), area: fc.constantFrom('both', 'urban', 'rural') });
    fc.assert(
      fc.property(caseArb, raise, (c, { k, area }) => {
        const o: Override = { path: 'dibao.standard', scale: k, ...(area === 'both' ? {} : { where: { area: area as 'urban' | 'rural' } }) };
        const base = setup(c);
        const raised = setup(c, [o]);
        const a = run(base.scenario, base.data, base.period);
        const b = run(raised.scenario, raised.data, raised.period);
        const nH = base.data.population.nHouseholds;
        const before = householdBenefits(a.observed, scenarioParameters(base.scenario), nH);
        const after = householdBenefits(b.observed, scenarioParameters(raised.scenario), nH);
        const v = (x: Observed, rule: string, mi: number, h: number): number => x.values.get(rule)![mi]![h]!;
        before.forEach((x, mi) => {
          for (let h = 0; h < nH; h++) {
            const left = new Set<string>();
            if (v(a.observed, 'dibao_taper_payment', mi, h) > 0) for (const r of ['dibao_benefit', 'dibao_taper_payment']) left.add(r);
            if (v(a.observed, 'dibao_temporary_assistance', mi, h) > 0 && !v(a.observed, 'dibao_receives', mi, h) && v(b.observed, 'dibao_receives', mi, h)) {
              for (const r of ['dibao_benefit', 'dibao_temporary_assistance']) left.add(r);
            }
            const less = (o: Observed): number => [...left].reduce((sum, r) => sum + v(o, r, mi, h), 0);
            const raisedValue = after[mi]![h]! - less(b.observed);
            const baseValue = x[h]! - less(a.observed);
            if (raisedValue < baseValue - EPS) {
              const detail = PROGRAMS.flatMap((p) => ruleComponents(p).map(([, comp]) => [comp.rule, v(a.observed, comp.rule, mi, h), v(b.observed, comp.rule, mi, h)] as const)).filter(([, u, w]) => u !== w);
              expect.fail(`household ${base.data.population.householdId[h]} in ${a.observed.months[mi]}: benefits${left.size ? ` without ${[...left].join(', ')}` : ''} ${baseValue} → ${raisedValue} under ${JSON.stringify(o)}; changed: ${JSON.stringify(detail)}`);
            }
          }
        });
        const total = (r: ScenarioResult): number => Object.values(r.programs).reduce((sum, p) => sum + fen(p.cost), 0) - fen(r.programs.dibao!.components.taper!) - fen(r.programs.dibao!.components.temporary!);
        expect(total(b.result), 'every program’s cost but gradual-exit payments and temporary assistance').toBeGreaterThanOrEqual(total(a.result));
        expect(b.result.programs.dibao!.recipients!).toBeGreaterThanOrEqual(a.result.programs.dibao!.recipients! - EPS);
        expect(b.result.summary.recipients).toBeGreaterThanOrEqual(a.result.summary.recipients - EPS);
        for (const p of PROGRAMS) {
          const ra = a.result.programs[p.id]!.recipients;
          if (ra !== null) expect(b.result.programs[p.id]!.recipients!, `${p.id} recipients`).toBeGreaterThanOrEqual(ra - EPS * Math.max(1, ra));
        }
      }),
      opts(1102),
    );
  });

  it('byPrefecture and byArea add up to each program’s totals, costByPayer to cost, and funding rows to cost, payers and breakdowns — exactly in fen', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const { scenario, data, period } = setup(c);
        const { result } = run(scenario, data, period);
        for (const [id, p] of Object.entries(result.programs)) {
          const total = moneyFen(p);
          // Accounts balance per cell and calendar year, so gaps add up over all three breakdowns too.
          for (const group of ['byPrefecture', 'byArea', 'byYear'] as const) {
            const sum: Record<string, number> = {};
            for (const g of Object.values(p[group])) for (const [k, v] of Object.entries(moneyFen(g))) sum[k] = (sum[k] ?? 0) + v;
            for (const [k, v] of Object.entries(sum)) expect(v, `${id} Σ ${group} ${k}`).toBe(total[k]);
          }
          expect(Object.keys(p.byPrefecture).sort()).toEqual(PREFECTURE_CODES.map(String).sort());
          expect(PAYERS.reduce((s, q) => s + fen(p.costByPayer[q]), 0), `${id} Σ costByPayer`).toBe(fen(p.cost));
          expect(Object.values(p.components).reduce((s, v) => s + fen(v), 0), `${id} Σ components`).toBe(fen(p.cost));
          // Recipients are distinct persons over the period, each in one cell: additive over
          // prefectures and areas, up to floating-point rounding of fractional (raked) weights.
          for (const k of ['recipients', 'households'] as const) {
            if (p[k] === null) continue;
            for (const group of ['byPrefecture', 'byArea'] as const) {
              const s = Object.values(p[group]).reduce((x, g) => x + g[k]!, 0);
              expect(Math.abs(s - p[k]!), `${id} Σ ${group} ${k}`).toBeLessThanOrEqual(1e-9 * Math.max(1, p[k]!));
            }
          }
          // Funding rows: by source, by prefecture, by year, and all of them.
          const rows = result.funding.filter((r) => r.program === id);
          const sum = (f: (r: (typeof rows)[number]) => boolean): number => rows.filter(f).reduce((s, r) => s + fen(r.amount), 0);
          expect(sum(() => true), `${id} Σ funding`).toBe(fen(p.cost));
          for (const q of PAYERS) expect(sum((r) => r.source === PAYER_OF[q].source), `${id} funding from ${q}`).toBe(fen(p.costByPayer[q]));
          for (const code of PREFECTURE_CODES) expect(sum((r) => r.prefecture === code), `${id} funding of ${code}`).toBe(fen(p.byPrefecture[String(code)]!.cost));
          for (const [y, f] of Object.entries(p.byYear)) expect(sum((r) => r.from.startsWith(y)), `${id} funding of ${y}`).toBe(fen(f.cost));
          for (const r of rows) expect(r.payerType === 'government' ? LEVELS : [null]).toContain(r.level);
        }
        // The §二 summary rounds each group (and each month of the total) to the fen once, so
        // with fractional weights its groups add up within half a fen per rounding.
        const s = result.summary;
        const months = result.months.length;
        for (const group of ['byArea', 'byPrefecture', 'byHouseholdType'] as const) {
          const g = Object.values(s[group]);
          expect(Math.abs(g.reduce((x, v) => x + fen(v.cost), 0) - fen(s.cost)), `Σ summary.${group}.cost`).toBeLessThanOrEqual((g.length + months) / 2 + 1);
          for (const k of ['population', 'recipients', 'households'] as const) {
            expect(Math.abs(g.reduce((x, v) => x + v[k], 0) - s[k]), `Σ summary.${group}.${k}`).toBeLessThanOrEqual(1e-9 * Math.max(1, s[k]));
          }
        }
        // programs.dibao sums whole fen per cell-month; summary.cost rounds each month's province total.
        expect(Math.abs(fen(result.programs.dibao!.cost) - fen(s.cost)), 'programs.dibao.cost vs summary.cost').toBeLessThanOrEqual((24 + 1) * months / 2 + 1);
      }),
      opts(1103),
    );
  });

  it('explain’s root for a household equals the value the run computed for it, for a random component rule of a random program', () => {
    const withRules = PROGRAMS.filter((p) => ruleComponents(p).length > 0);
    fc.assert(
      fc.property(caseArb, fc.nat(), fc.nat(), fc.nat(), (c, pi, ci, hi) => {
        const { scenario, data, period } = setup(c);
        const program = withRules[pi % withRules.length]!;
        const comps = ruleComponents(program);
        const [, comp] = comps[ci % comps.length]!;
        const h = hi % data.population.nHouseholds;
        const id = data.population.householdId[h]!;
        const { observed } = run(scenario, data, period);
        const month = period.to;
        // As `jiuzhu explain` does it (src/cli/explain.ts): a fresh lending run, the months replayed from the period's start,
        // the household explained on a population of its own.
        const tree = explainScenarioHousehold(scenario, data, id, month, [comp.rule])[0]!;
        const computed = observed.values.get(comp.rule)![observed.months.indexOf(month)]![h]!;
        expect(tree.value, `${program.id} ${comp.rule} household ${id} ${month}`).toBe(computed);
        expect(tree.id).toBe(comp.rule);
      }),
      opts(1104),
    );
  });
});

/** One household of `persons` 40-year-olds with these pensions, in a prefecture and area. */
function oneHousehold(prefecture: number, urban: boolean, pensions: readonly number[]): Population {
  const col = (name: string, entity: 'household' | 'person', values: readonly number[]): Column => {
    const spec = (entity === 'household' ? HOUSEHOLD_COLUMNS : PERSON_COLUMNS).find((c) => c.name === name)!;
    const out = allocColumn(spec.dtype, values.length);
    values.forEach((x, i) => { out[i] = x; });
    return out;
  };
  return withSchemaDefaults(createPopulation({
    households: { id: [1], columns: { prefecture: col('prefecture', 'household', [prefecture]), urban: col('urban', 'household', [urban ? 1 : 0]) } },
    persons: { id: pensions.map((_, i) => i + 1), household: pensions.map(() => 1), columns: { age: col('age', 'person', pensions.map(() => 40)), pension: col('pension', 'person', pensions) } },
    source: 'invariants',
  }));
}

/**
 * The two exceptions of the monotonicity property, rebuilt by hand on one household so that
 * every number can be checked: they are notches of the rules, findings of this suite for the
 * lead engineer (src/programs/dibao). If a change of the rules removes a notch, its test here
 * fails: then drop the matching exception from the property above.
 */
describe('known notches at the standard (found by the property above)', () => {
  const prefecture = PREFECTURE_CODES[0]!;
  /** Base run and a run with the standard raised to `raisedTo` in that cell, on the same household and month, state given as the month loop would carry it. */
  function pair(pop: Population, month: string, area: 'urban' | 'rural', raisedTo: (q: number) => number, extra: readonly Override[], state: Record<string, Column>): { base: Simulation; raised: Simulation; std: number; q: number } {
    const tree = baselineParameters().withOverrides(extra);
    const std = tree.valueAt('dibao.standard', `${month}-01`, { prefecture, area });
    const make = (o: readonly Override[]): Simulation => {
      const sim = new Simulation({ population: pop, parameters: tree.withOverrides(o), rules: systemRules, seed: 1 });
      for (const [id, v] of Object.entries(state)) sim.setInput(id, month, v);
      return sim;
    };
    const base = make([]);
    const q = base.calculate('per_capita_counted_income', month)[0]!;
    const raised = make([{ path: 'dibao.standard', set: raisedTo(q), where: { prefecture, area } }]);
    return { base, raised, std, q };
  }

  it('gradual exit (§二.3): a recipient whose income rises just above the standard gets 2/3 of its last payment; raise the standard past its income and it gets the floor', () => {
    const month = '2008-02';
    const tree = baselineParameters();
    expect(tree.valueAt('dibao.gradual_exit.months', `${month}-01`)).toBe(2); // exit month 1 of 2 pays (2 − 1 + 1)/(2 + 1) = 2/3
    const std = tree.valueAt('dibao.standard', `${month}-01`, { prefecture, area: 'urban' });
    const floor = tree.valueAt('dibao.minimum_payment', `${month}-01`, { area: 'urban' });
    // One person whose pension is one yuan above the standard; paid 126.96 last month (the household found by the property).
    const { base, raised, q } = pair(oneHousehold(prefecture, true, [std + 1]), month, 'urban', (x) => x + 0.5, [], {
      dibao_received_previous: Uint8Array.of(1), dibao_benefit_previous: Float64Array.of(126.96),
      dibao_taper_step_previous: Uint16Array.of(0), dibao_exit_benefit_previous: Float64Array.of(0),
    });
    expect(q).toBeGreaterThan(std);
    expect(base.calculate('dibao_receives', month)[0]).toBe(0);
    expect(base.calculate('dibao_taper_payment', month)[0]).toBe(84.64); // 126.96 × 2/3
    // Standard q + 0.5: admitted, gap 0.50, raised to the floor (10 yuan × 1 person).
    expect(raised.calculate('dibao_receives', month)[0]).toBe(1);
    expect(raised.calculate('dibao_benefit', month)[0]).toBe(floor);
    expect(floor).toBe(10);
    expect(raised.calculate('dibao_taper_payment', month)[0]).toBe(0);
  });

  it('temporary assistance (§二.2): a lost job counts as a shock only off dibao; raise the standard past the household’s income and the aid becomes the floor', () => {
    const month = '2007-07';
    const tree = baselineParameters();
    const std = tree.valueAt('dibao.standard', `${month}-01`, { prefecture, area: 'rural' });
    const lost = 400;
    // The aid is paid to a share (take-up) of those in hardship: all of them here, so that the rule itself is what is seen.
    const extra: Override[] = [{ path: 'dibao.temporary.take_up', set: 1 }];
    expect(tree.valueAt('dibao.temporary.minimum_need', `${month}-01`)).toBeLessThanOrEqual(lost);
    expect(tree.valueAt('dibao.temporary.cap_multiple', `${month}-01`) * std).toBeGreaterThan(lost);
    // Five persons with pensions ten yuan a head above the standard, below the hardship line (1.5 × standard); one lost a 400-yuan job this month.
    const { base, raised, q } = pair(oneHousehold(prefecture, false, [0, 1, 2, 3, 4].map(() => std + 10)), month, 'rural', (x) => x + 0.5, extra, {
      lost_earnings: Float64Array.of(lost, 0, 0, 0, 0),
    });
    expect(q).toBeGreaterThan(std);
    expect(q).toBeLessThan(tree.valueAt('dibao.temporary.hardship_line', `${month}-01`) * std);
    expect(base.calculate('dibao_receives', month)[0]).toBe(0);
    expect(base.calculate('dibao_temporary_assistance', month)[0]).toBe(lost); // the whole loss: under the cap of 6 × the standard
    // Standard q + 0.5: admitted, gap 0.50 × 5 = 2.50, raised to the floor of 5 yuan × 5 persons; the lost job no longer counts.
    expect(raised.calculate('dibao_receives', month)[0]).toBe(1);
    expect(raised.calculate('dibao_benefit', month)[0]).toBe(25);
    expect(raised.calculate('dibao_temporary_assistance', month)[0]).toBe(0);
  });
});

describe('weights are preserved', () => {
  it('the population a result reports is Σ weight × household size, in total and by area', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const { scenario, data, period } = setup(c);
        const pop = data.population;
        let persons = 0;
        const byArea = { urban: 0, rural: 0 };
        for (let h = 0; h < pop.nHouseholds; h++) {
          const wn = pop.weight[h]! * (pop.householdStart[h + 1]! - pop.householdStart[h]!);
          persons += wn;
          byArea[pop.household.urban![h] ? 'urban' : 'rural'] += wn;
        }
        const r = runScenarioOn(scenario, data, { period });
        // Summed month by month and divided by the months: equal up to floating-point rounding.
        expect(Math.abs(r.summary.population - persons)).toBeLessThanOrEqual(1e-12 * persons);
        for (const a of ['urban', 'rural'] as const) expect(Math.abs(r.summary.byArea[a]!.population - byArea[a])).toBeLessThanOrEqual(1e-12 * persons);
      }),
      opts(1201),
    );
  });

  it('slicing and writing a chunked dataset keep every household, person and weight, bit for bit', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 20, max: 400 }), fc.integer({ min: 1, max: 1_000_000 }), fc.uniqueArray(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 5 }), async (n, s, cutAt) => {
        const pop = dataset(n, s).population;
        const cuts = [...new Set([0, ...cutAt.map((x) => Math.floor(x * n)), n])].sort((a, b) => a - b);
        const slices = cuts.slice(1).map((end, i) => slicePopulation(pop, cuts[i]!, end));
        const out = join(dir, `chunked-${n}-${s}`);
        const manifest = await writeChunkedDataset(out, { name: 'invariants' }, slices.map((population) => ({ population })));
        expect(manifest.households).toBe(pop.nHouseholds);
        expect(manifest.persons).toBe(pop.nPersons);
        const source = openChunkedDataset(out);
        const back = await Promise.all(source.manifest.chunks.map((_, i) => source.loadChunk(i)));
        for (const parts of [slices, back]) {
          const weights = Float64Array.from(parts.flatMap((p) => Array.from(p.weight)));
          expect(Buffer.from(weights.buffer).equals(Buffer.from(Float64Array.from(pop.weight).buffer))).toBe(true);
          expect(parts.flatMap((p) => Array.from(p.householdId))).toEqual(Array.from(pop.householdId));
          expect(parts.reduce((x, p) => x + p.nPersons, 0)).toBe(pop.nPersons);
        }
        rmSync(out, { recursive: true, force: true });
      }),
      opts(1202),
    );
  });

  it('upratePopulation scales the weighted population by exactly the factor asked, and elderly households by the ageing factor', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 20, max: 400 }), fc.integer({ min: 1, max: 1_000_000 }),
        fc.double({ min: 1, max: 1.3, noNaN: true }), fc.option(fc.double({ min: 0.9, max: 1.2, noNaN: true }), { nil: undefined }),
        (n, s, elderlyWeight, population) => {
          const pop = dataset(n, s).population;
          const up = upratePopulation(pop, { elderlyWeight, ...(population === undefined ? {} : { population }) });
          const persons = (w: ArrayLike<number>): number => {
            let x = 0;
            for (let h = 0; h < pop.nHouseholds; h++) x += w[h]! * (pop.householdStart[h + 1]! - pop.householdStart[h]!);
            return x;
          };
          expect(up.nHouseholds).toBe(pop.nHouseholds);
          expect(up.nPersons).toBe(pop.nPersons);
          if (population !== undefined) expect(Math.abs(persons(up.weight) - population * persons(pop.weight))).toBeLessThanOrEqual(1e-9 * persons(pop.weight));
          const age = pop.person.age!;
          for (let h = 0; h < pop.nHouseholds; h++) {
            let elderly = false;
            for (let p = pop.householdStart[h]!; p < pop.householdStart[h + 1]!; p++) elderly ||= age[p]! >= 65;
            if (elderly) expect(up.weight[h]).toBe(pop.weight[h]! * elderlyWeight);
            else if (population === undefined) expect(up.weight[h]).toBe(pop.weight[h]);
          }
        },
      ),
      opts(1203, CASES * 3),
    );
  });
});
