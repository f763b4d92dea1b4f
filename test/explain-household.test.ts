/**
 * `jiuzhu explain` computes only what the run's months need and explains the household on a
 * population of its own (engine/explain.ts `explainHousehold`, issue #25 item 5). Its trees must
 * be the ones the earlier explain gave: `explain` on the run with every column of the whole
 * population kept (the reference below is exactly that path: a simulation that does not lend,
 * the same month loop, `explain` per rule). Compared as JSON text, so values, labels,
 * parameters and their order are all checked: `--json` prints these trees, and the text and
 * summary are made from them alone.
 *
 * The reference is computed in the same process, not stored, so the test stays valid when the
 * generator or the parameters change.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { explainScenarioHousehold, runToMonth } from '../src/cli/explain.js';
import { generateDataset } from '../src/data/generated.js';
import type { Column } from '../src/engine/column.js';
import { explain, explainHousehold, type ExplainNode } from '../src/engine/explain.js';
import { formatExplain } from '../src/text/explain-text.js';
import { monthsBetween } from '../src/engine/period.js';
import { selectHouseholdRows } from '../src/engine/population.js';
import { Simulation } from '../src/engine/simulation.js';
import { PROGRAMS } from '../src/programs/index.js';
import { scenarioPeriod, scenarioSimulation } from '../src/scenarios/execution/run.js';
import { selectHouseholds } from '../src/scenarios/execution/plan.js';
import { loadScenario, type Scenario } from '../src/scenarios/input/load.js';
import type { Dataset } from '../src/data/dataset.js';
import { ROOT } from './helpers.js';

/** What `--program` explains for every program, and the default rule: the cost components' rules and the recipient rules. */
const RULES = [...new Set(['dibao_benefit', ...PROGRAMS.flatMap((p) => [...Object.values(p.components).flatMap((c) => ('rule' in c ? [c.rule] : [])), ...(p.recipient ? [p.recipient] : [])])])];

/**
 * Per scenario: the default rule and the employment recipient rule. Between them they reach
 * both rules of scope 'population' (dibao_admitted, employment_post_holder), the state carried
 * from last month and most of the dibao chain; their trees are 1.6 MB of JSON a household
 * (every program's rules: 32 MB, so those are checked once, below).
 */
const SCENARIO_RULES = ['dibao_benefit', 'employment_recipient'];

/** The earlier explain: the run keeps every column of the whole population, `explain` reads the tree from it. */
function reference(s: Scenario, dataset: Dataset, month: string): Simulation {
  const sim = scenarioSimulation(s, dataset);
  runToMonth(sim, s, month);
  return sim;
}

const row = (sim: Simulation, id: string, month: string, h: number): number => {
  const c = sim.calculate(id, month);
  if (sim.entityOf(id) === 'household') return c[h]!;
  const pop = sim.population;
  let sum = 0;
  for (let q = pop.householdStart[h]!; q < pop.householdStart[h + 1]!; q++) sum += c[q]!;
  return sum;
};

/** Dataset ids of the first `n` households whose value of `id` (summed over members) passes `test`. */
function households(sim: Simulation, id: string, month: string, n: number, test: (v: number) => boolean): number[] {
  const out: number[] = [];
  for (let h = 0; h < sim.population.nHouseholds && out.length < n; h++) if (test(row(sim, id, month, h))) out.push(sim.population.householdId[h]!);
  return out;
}

/** 1,500 generated households: every example scenario has dibao recipients and post holders among them. */
const dataset = generateDataset({ year: 2006, households: 1500, seed: 7 }).dataset;

describe('explain on one household gives the trees of explain on the whole run', () => {
  const files = readdirSync(join(ROOT, 'scenarios')).filter((f) => f.endsWith('.yaml')).sort();

  for (const file of files) {
    it(`${file}: dibao and employment, its second month, a dibao household, a post holder and another`, () => {
      const s = loadScenario(join(ROOT, 'scenarios', file));
      const { from, to } = scenarioPeriod(s);
      // The second month, so that state carried from the first (dibao last month, posts, exits) is read.
      const month = monthsBetween(from, to)[1] ?? from;
      const ref = reference(s, dataset, month);
      const recipients = households(ref, 'dibao_benefit', month, 1, (v) => v > 0);
      const posts = households(ref, 'employment_post_holder', month, 1, (v) => v > 0);
      // Every scenario has dibao recipients and post holders on this dataset; a test on none would prove little.
      expect([recipients.length, posts.length], file).toEqual([1, 1]);
      const run = scenarioSimulation(s, dataset, undefined, { lend: true });
      runToMonth(run, s, month);
      for (const id of [...new Set([...recipients, ...posts, ref.population.householdId[0]!])]) {
        const expected = SCENARIO_RULES.map((r) => explain(ref, r, month, id));
        expect(JSON.stringify(explainHousehold(run, SCENARIO_RULES, month, id)), `${file} household ${id}`).toBe(JSON.stringify(expected));
      }
    });
  }

  it('baseline-2006.yaml: every program\'s rules for a dibao household, through the command\'s own path (explainScenarioHousehold)', () => {
    const s = loadScenario(join(ROOT, 'scenarios', 'baseline-2006.yaml'));
    const month = '2006-03';
    const ref = reference(s, dataset, month);
    const [id] = households(ref, 'dibao_benefit', month, 1, (v) => v > 0);
    const got = explainScenarioHousehold(s, dataset, id!, month, RULES);
    expect(got.map((t) => t.id)).toEqual(RULES);
    RULES.forEach((r, k) => expect(JSON.stringify(got[k]), r).toBe(JSON.stringify(explain(ref, r, month, id!))));
  });
});

describe('a rule ranking households against each other takes its value from the whole run', () => {
  // A binding dibao quota: 3% of each prefecture × area cell's weighted persons (the assumption
  // in the parameter file is 1, no quota), so that dibao_admitted ranks the cell's applicants.
  const base = loadScenario(join(ROOT, 'scenarios', 'baseline-2006.yaml'));
  const s: Scenario = { ...base, name: 'quota', overrides: [...base.overrides, { path: 'dibao.implementation.quota_share', set: 0.03 }] };
  const month = '2006-02';
  let ref: Simulation;
  let admitted: number[];
  let refused: number[];
  beforeAll(() => {
    ref = reference(s, dataset, month);
    const applied = (h: number): boolean => row(ref, 'dibao_applies', month, h) === 1 && row(ref, 'dibao_assessed_eligible', month, h) === 1;
    admitted = Array.from({ length: ref.population.nHouseholds }, (_, h) => h).filter((h) => applied(h) && row(ref, 'dibao_admitted', month, h) === 1);
    refused = Array.from({ length: ref.population.nHouseholds }, (_, h) => h).filter((h) => applied(h) && row(ref, 'dibao_admitted', month, h) === 0);
  });

  it('the quota binds: some eligible applicants are admitted and some are not', () => {
    expect(admitted.length).toBeGreaterThan(0);
    expect(refused.length).toBeGreaterThan(0);
  });

  it('an admitted household: admitted = 1 as in the run, where alone among one household it would be 0', () => {
    const h = admitted[0]!;
    const id = ref.population.householdId[h]!;
    const [tree] = explainScenarioHousehold(s, dataset, id, month, ['dibao_benefit']);
    expect(JSON.stringify(tree)).toBe(JSON.stringify(explain(ref, 'dibao_benefit', month, id)));
    const node = find(tree!, 'dibao_admitted')!;
    // Explained as a rule (its inputs and the quota parameter shown), not as state carried from last month.
    expect(node.kind).toBe('rule');
    expect(node.value).toBe(1);
    expect(node.parameters.map((p) => [p.path, p.value])).toEqual([['dibao.implementation.quota_share', 0.03]]);
    expect(formatExplain(tree!)).toContain('dibao_admitted (Admitted within the quota) = 1 bool');
    expect(row(ref, 'dibao_benefit', month, h)).toBeGreaterThan(0);
    expect(find(tree!, 'dibao_benefit')!.value).toBe(row(ref, 'dibao_benefit', month, h));
    // Why the run's value is needed: the rule computed on that household alone, its inputs as
    // in the run. Alone, the household is its cell's whole population: its weighted persons
    // w·n exceed 3% of w·n, so it does not fit the quota and is refused.
    const { population: one } = selectHouseholdRows(ref.population, Int32Array.of(h), true);
    const alone = new Simulation({ population: one, parameters: ref.parameters, rules: ref.graph, seed: ref.seed });
    for (const input of Object.values(ref.graph.rules.get('dibao_admitted')!.inputs)) {
      if (ref.graph.rules.has(input)) alone.setInput(input, month, slice(ref, input, month, h));
    }
    expect(alone.calculate('dibao_admitted', month)[0]).toBe(0);
  });

  it('explain\'s whole-dataset run ranks as run\'s prefecture slices do: the same admissions and posts, household by household', () => {
    // jiuzhu run simulates a dataset in memory of 30,000 households or more (the default's
    // 100,000) in slices of whole prefectures (plan.ts planSlices); explain runs the whole
    // dataset at once (runToMonth). Both ranking rules order within a prefecture × area cell
    // (ties by row, sums over the cell in row order), so a cell's households are ranked alike
    // whether the other prefectures are beside them or not. The 1,500 households here are cut
    // into their prefectures the same way.
    const pop = dataset.population;
    const byPrefecture = new Map<number, number[]>();
    for (let h = 0; h < pop.nHouseholds; h++) {
      const k = pop.household.prefecture![h]!;
      if (!byPrefecture.has(k)) byPrefecture.set(k, []);
      byPrefecture.get(k)!.push(h);
    }
    expect(byPrefecture.size).toBe(9);
    let compared = 0;
    for (const list of byPrefecture.values()) {
      const rows = Int32Array.from(list);
      const population = selectHouseholds(pop, rows);
      const sim = new Simulation({ population, parameters: ref.parameters, rules: ref.graph, seed: ref.seed });
      runToMonth(sim, s, month);
      rows.forEach((h, k) => {
        for (const id of ['dibao_admitted', 'employment_post_holder']) expect(row(sim, id, month, k), `${id}, household ${h}`).toBe(row(ref, id, month, h));
        compared++;
      });
    }
    expect(compared).toBe(dataset.population.nHouseholds);
  });

  it('a refused eligible applicant: admitted = 0 and no dibao, as in the run', () => {
    const h = refused[0]!;
    const id = ref.population.householdId[h]!;
    const [tree] = explainScenarioHousehold(s, dataset, id, month, ['dibao_benefit']);
    expect(JSON.stringify(tree)).toBe(JSON.stringify(explain(ref, 'dibao_benefit', month, id)));
    expect(find(tree!, 'dibao_admitted')!.value).toBe(0);
    expect(tree!.value).toBe(0);
  });
});

/** The first node of a tree with this id (depth first). */
function find(node: ExplainNode, id: string): ExplainNode | undefined {
  if (node.id === id) return node;
  for (const c of node.inputs) {
    const f = find(c, id);
    if (f) return f;
  }
  return undefined;
}

/** Household h's rows of a column of the run. */
function slice(sim: Simulation, id: string, month: string, h: number): Column {
  const c = sim.calculate(id, month);
  const pop = sim.population;
  return sim.entityOf(id) === 'household' ? c.slice(h, h + 1) : c.slice(pop.householdStart[h]!, pop.householdStart[h + 1]!);
}
