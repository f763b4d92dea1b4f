/**
 * Provenance travels inside the Result (issue #18): a result's `provenance` holds each scenario's
 * parameter values with their references and the overrides that changed them, the scenarios' and
 * the dataset's files, and the clause coverage — so the report is made from the Result alone,
 * even from a Result read back from its JSON.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDataset, resolveDatasetPath } from '../src/data/dataset.js';
import { reportTables } from '../src/report/tables.js';
import { loadScenario } from '../src/scenarios/input/load.js';
import { jiuzhuCommit } from '../src/scenarios/execution/run.js';
import { ResultSchema, type Result } from '../src/scenarios/results/result.js';
import { compareScenarios } from '../src/scenarios/studies/compare.js';
import { ROOT } from './helpers.js';

let result: Result;
beforeAll(async () => {
  const scenarios = ['scenarios/baseline-2006.yaml', 'scenarios/raise-standard-10pct.yaml'].map((f) => loadScenario(join(ROOT, f)));
  const data = await loadDataset(resolveDatasetPath('fixture-dibao'));
  result = await compareScenarios(scenarios, data, { period: { from: '2006-01', to: '2006-01' }, timestamp: false });
});

describe('result.provenance', () => {
  it('holds each scenario’s parameter value on the first day of the period, and the override that changed it', () => {
    const standard = result.provenance.parameters.find((p) => p.path === 'dibao.standard')!;
    expect(result.provenance.date).toBe('2006-01-01');
    expect(standard.clause).toBe('二.1');
    // src/programs/dibao/parameters/standard.yaml: Changchun urban 158, rural 76; the reform scales by 1.10
    // (scenarios/raise-standard-10pct.yaml): 158 × 1.1 = 173.8, 76 × 1.1 = 83.6 (83.60000000000001 in binary floating point).
    expect(standard.values[0]!.value).toMatch(/^220100\.urban=158 220100\.rural=76 /);
    expect(standard.values[1]!.value).toMatch(/^220100\.urban=173\.8 220100\.rural=83\.60000000000001 /);
    expect(standard.overrides).toEqual(['raise-standard-10pct: scale ×1.1']);
    // The override keeps the baseline's reference, so the reform's value repeats none.
    expect(standard.values[1]).toEqual({ value: standard.values[1]!.value });
  });
  it('names the scenario chain and the dataset files, and counts the opinion’s clauses', () => {
    expect(result.provenance.scenarios.map((s) => s.name)).toEqual(['baseline-2006', 'raise-standard-10pct']);
    expect(result.provenance.scenarios[1]!.files.map((f) => f.split('/').pop())).toEqual(['baseline-2006.yaml', 'raise-standard-10pct.yaml']);
    expect(result.provenance.dataset.files.map((f) => f.split('/').pop())).toEqual(['households.csv', 'persons.csv']);
    // src/policy/coverage.yaml: 27 paragraphs of the opinion, each with a status.
    expect(result.provenance.clauses.counts.total).toBe(27);
    expect(result.provenance.clauses.rows).toHaveLength(27);
  });
  it('each result gets its own copy of the clause rows (worked out once per baseline): changing one changes no later result', async () => {
    const data = await loadDataset(resolveDatasetPath('fixture-dibao'));
    const again = async (): Promise<Result> => compareScenarios([loadScenario(join(ROOT, 'scenarios/baseline-2006.yaml'))], data, { period: { from: '2006-01', to: '2006-01' }, timestamp: false });
    const first = await again();
    const kept = JSON.stringify(first.provenance.clauses);
    expect(kept).toBe(JSON.stringify(result.provenance.clauses));
    first.provenance.clauses.rows.length = 0;
    first.provenance.clauses.counts.total = -1;
    expect(JSON.stringify((await again()).provenance.clauses)).toBe(kept);
  });
  it('meta.commit is the checkout\'s HEAD (asked of git once a process), the same in every result', async () => {
    // The worktree's HEAD as git tells it, against the commit the results carry.
    const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    expect(head).toMatch(/^[0-9a-f]{40}$/);
    expect(result.meta.commit).toBe(head);
    expect(jiuzhuCommit()).toBe(head);
  });
  it('is enough for the report: a Result read back from its JSON gives the same tables', () => {
    const read = ResultSchema.parse(JSON.parse(JSON.stringify(result)));
    for (const lang of ['zh', 'en'] as const) expect(reportTables(read, { lang })).toEqual(reportTables(result, { lang }));
    const ids = reportTables(read, { lang: 'en' }).map((t) => t.id);
    expect(ids).toEqual(expect.arrayContaining(['meta', 'parameters', 'assumptions', 'clauses']));
  });
});
