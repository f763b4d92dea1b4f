/**
 * `jiuzhu explain` covers every rule of every program: each rule explains as a tree whose root is
 * the rule, whose parameters carry a value, a date and a reference, and whose text names them.
 * Run on the hand-worked fixture through two months of the baseline (so state rules have a month
 * before them), for household 1.
 */
import { describe, expect, it } from 'vitest';
import { explain, type ExplainNode } from '../src/engine/explain.js';
import { formatExplain } from '../src/text/explain-text.js';
import { loadDataset, resolveDatasetPath } from '../src/data/dataset.js';
import { runMonthLoop } from '../src/dynamics/month-loop.js';
import { PROGRAMS } from '../src/programs/index.js';
import { loadScenario } from '../src/scenarios/input/load.js';
import { scenarioSimulation } from '../src/scenarios/execution/run.js';
import { systemState } from '../src/programs/system.js';
import { cli, ROOT } from './helpers.js';

const MONTHS = ['2006-01', '2006-02'];

describe('explain covers every rule of every program', async () => {
  const dataset = await loadDataset(resolveDatasetPath('fixture-dibao', ROOT));
  const scenario = loadScenario(`${ROOT}/scenarios/baseline-2006.yaml`);
  const sim = scenarioSimulation(scenario, dataset);
  runMonthLoop(sim, { months: MONTHS, state: systemState, onMonth: () => {} });
  for (const program of PROGRAMS) {
    it(`${program.id}: every rule explains with its parameters and references`, () => {
      // Facilities and charity have only computed components and accounts: no household rule to explain.
      const computedOnly = Object.values(program.components).every((c) => !('rule' in c)) && program.recipient === null;
      expect(program.rules.length > 0 || computedOnly, program.id).toBe(true);
      for (const rule of program.rules) {
        const tree: ExplainNode = explain(sim, rule.id, MONTHS[1]!, 1);
        expect(tree.id, rule.id).toBe(rule.id);
        expect(['rule', 'state'], rule.id).toContain(tree.kind);
        if (tree.kind === 'rule') {
          expect(tree.parameters.map((p) => p.name).sort(), rule.id).toEqual(Object.keys(rule.parameters).sort());
          for (const p of tree.parameters) expect(p.referenceText.length, `${rule.id} ${p.path}`).toBeGreaterThan(0);
          expect(tree.inputs.map((i) => i.id).sort(), rule.id).toEqual(Object.values(rule.inputs).map((i) => i.split('@')[0]).sort());
        }
        const text = formatExplain(tree, 'en');
        expect(text, rule.id).toContain(rule.id);
        for (const path of Object.values(rule.parameters)) expect(text, `${rule.id} ${path}`).toContain(path);
      }
    });
  }
  it('the CLI explains a whole program: one tree per component', async () => {
    const r = await cli(['explain', 'scenarios/baseline-2006.yaml', '--program', 'dibao', '--household', '1', '--data', 'datasets/fixture-dibao']);
    // stderr may warn that the fixture lacks optional columns (filled with their defaults).
    expect(r.stderr).not.toMatch(/error/i);
    expect(r.status).toBe(0);
    for (const c of Object.values(PROGRAMS[0]!.components)) if ('rule' in c) expect(r.stdout).toContain(c.rule);
  });
  it('a program with only computed components says so instead of printing nothing', async () => {
    const r = await cli(['explain', 'scenarios/baseline-2006.yaml', '--program', 'facilities', '--household', '1', '--data', 'datasets/fixture-dibao']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/no household rules: its cost lines .*countyCentres/);
  });
  it('an unknown program is a usage error naming the known ones', async () => {
    const r = await cli(['explain', 'scenarios/baseline-2006.yaml', '--program', 'nope', '--household', '1', '--data', 'datasets/fixture-dibao']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/unknown program 'nope'.*dibao/);
  });
});
