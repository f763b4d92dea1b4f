/** House rules checked on the code itself: references, units, one rule per file, no policy numbers in code. */
import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UNITS } from '../src/engine/parameters/types.js';
import { defineRule, ruleClauses, type Rule } from '../src/engine/rule.js';
import { Simulation } from '../src/engine/simulation.js';
import { loadDataset, resolveDatasetPath } from '../src/data/dataset.js';
import { clauseIds } from '../src/policy/clauses.js';
import { baselineParameters } from '../src/policy/parameters.js';
import { findFiles } from '../src/engine/paths.js';
import { demoRules } from '../src/programs/demo/index.js';
import { PROGRAMS } from '../src/programs/index.js';
import { systemRules } from '../src/programs/system.js';
import { ROOT } from './helpers.js';
import { cycles, importGraph, layerOf } from './import-graph.js';

const ids = clauseIds();
const tree = baselineParameters();

describe('parameters', () => {
  it('every value has exactly one valid reference, and every leaf a known unit', () => {
    expect(tree.leaves().length).toBeGreaterThan(5);
    for (const leaf of tree.leaves()) {
      expect(UNITS, leaf.path).toContain(leaf.unit);
      expect(leaf.values.length, leaf.path).toBeGreaterThan(0);
      for (const v of leaf.values) {
        // One reference, and beside a source or an assumption, optionally its Chinese text (zh).
        const keys = Object.keys(v.reference).filter((k) => k !== 'zh');
        expect(keys, `${leaf.path} ${v.date}`).toHaveLength(1);
        expect(['clause', 'source', 'assumption']).toContain(keys[0]);
        const text = (v.reference as Record<string, string>)[keys[0]!]!;
        expect(text.trim().length, `${leaf.path} ${v.date}`).toBeGreaterThan(0);
        const zh = (v.reference as { zh?: string }).zh;
        if (zh !== undefined) expect(!('clause' in v.reference) && /[\u4e00-\u9fff]/.test(zh), `${leaf.path} ${v.date} zh`).toBe(true);
        if ('clause' in v.reference) expect(ids.has(v.reference.clause), `${leaf.path} cites ${v.reference.clause}`).toBe(true);
      }
    }
  });
  it('every source and assumption carries its Chinese text (zh), so --lang zh tables read in Chinese', () => {
    const missing = tree.leaves().flatMap((leaf) => leaf.values.filter((v) => !('clause' in v.reference) && !(v.reference as { zh?: string }).zh).map((v) => `${leaf.path} ${v.date}`));
    expect(missing, 'add zh: "…" beside the source or assumption').toEqual([]);
  });
  it('every policy parameter (all but the demo) names the clause it serves', () => {
    for (const leaf of tree.leaves().filter((l) => !l.path.startsWith('demo.'))) {
      expect(leaf.clause && ids.has(leaf.clause), leaf.path).toBe(true);
    }
  });
});

describe('rules', () => {
  const all: Rule[] = [...systemRules, ...demoRules];
  it('every rule cites valid clauses or a source', () => {
    for (const r of all) {
      if ('clause' in r.reference) for (const c of ruleClauses(r)) expect(ids.has(c), `${r.id} cites ${c}`).toBe(true);
      else expect(r.reference.source.length, r.id).toBeGreaterThan(0);
    }
  });
  it('one rule per file, the file named for the rule', () => {
    const files = ['src/programs', 'src/events'].flatMap((d) => findFiles(join(ROOT, d), '.ts')).filter((f) => !f.endsWith('index.ts') && !f.endsWith('programs/system.ts')); // index.ts and system.ts register rules, define none
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      const defs = [...text.matchAll(/defineRule\(\{\s*id: '([a-z0-9_]+)'/g)].map((m) => m[1]);
      expect(defs, f).toEqual([basename(f, '.ts')]);
    }
  });
  it('no policy number in rule code: numbers beyond 0, 1, 2 (codes) and 100 (fen) live in parameter files', () => {
    const files = ['src/programs', 'src/events'].flatMap((d) => findFiles(join(ROOT, d), '.ts'));
    for (const f of files) {
      const code = readFileSync(f, 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/\/\/.*$/gm, '')
        .replace(/'[^']*'|"[^"]*"|`[^`]*`/g, "''");
      const numbers = [...code.matchAll(/(?<![\w.])\d+(?:\.\d+)?(?![\w.])/g)].map((m) => m[0]).filter((n) => !['0', '1', '2', '100'].includes(n));
      expect(numbers, f).toEqual([]);
    }
  });
  it('the checker above can fail: it flags a literal standard', () => {
    const code = 'const std = 158;';
    expect([...code.matchAll(/(?<![\w.])\d+(?:\.\d+)?(?![\w.])/g)].map((m) => m[0])).toEqual(['158']);
  });
  it('no rule formula is called per household: each runs once per period over whole columns', async () => {
    const calls = new Map<string, number>();
    // Kernels left out: a rule run by a fused loop (src/engine/fuse.ts) calls no formula at all.
    const counted = systemRules.map((r) => defineRule({ ...r, kernel: undefined, formula: (i: never, p: never, c: never) => { calls.set(r.id, (calls.get(r.id) ?? 0) + 1); return r.formula(i, p, c); } } as never));
    const ds = await loadDataset(resolveDatasetPath('fixture-dibao'));
    const sim = new Simulation({ population: ds.population, parameters: tree, rules: counted });
    // Ask for every rule, in an order that makes many of them inputs of rules already computed.
    for (const r of [...systemRules].reverse()) sim.calculate(r.id, '2006-06');
    expect(ds.population.nHouseholds).toBe(10);
    expect(calls.size).toBe(systemRules.length);
    for (const [id, n] of calls) expect(n, id).toBe(1);
  });
});

/**
 * The layer map: for each folder of src/ (src/scenarios by its concern folders), the folders it
 * may import. Engine at the bottom; cli, serve, notebook and the package index at the top.
 * Anything not listed is a wrong-way import.
 */
const LAYERS: Record<string, readonly string[]> = {
  engine: [],
  text: ['engine'],
  analytics: ['engine'],
  events: ['engine'],
  programs: ['engine', 'events'],
  dynamics: ['engine'],
  policy: ['engine', 'programs'],
  data: ['engine', 'policy'],
  'scenarios/input': ['engine', 'text', 'policy'],
  // Results are built from sums and their costing only (issue #18): no policy, no parameter tree.
  'scenarios/results': ['engine', 'analytics', 'programs', 'scenarios/input'],
  'scenarios/execution': ['engine', 'data', 'dynamics', 'events', 'programs', 'policy', 'scenarios/input', 'scenarios/results'],
  'scenarios/studies': ['engine', 'text', 'analytics', 'data', 'dynamics', 'programs', 'policy', 'scenarios/input', 'scenarios/results', 'scenarios/execution'],
  outcomes: ['engine', 'text', 'scenarios/results'],
  charts: ['text', 'scenarios/results'],
  // A report is made from a Result alone (its provenance included): no policy, scenarios or execution.
  report: ['engine', 'text', 'data', 'charts', 'outcomes', 'scenarios/results'],
  notebook: ['engine', 'text', 'data', 'charts', 'scenarios/input', 'scenarios/results', 'scenarios/execution', 'scenarios/studies', 'report'],
  serve: ['engine', 'text', 'data', 'policy', 'charts', 'report', 'scenarios/input', 'scenarios/results', 'scenarios/execution', 'scenarios/studies'],
  cli: ['engine', 'text', 'analytics', 'events', 'programs', 'dynamics', 'policy', 'data', 'charts', 'outcomes', 'report', 'serve', 'scenarios/input', 'scenarios/results', 'scenarios/execution', 'scenarios/studies'],
  index: ['engine', 'text', 'analytics', 'events', 'programs', 'dynamics', 'policy', 'data', 'charts', 'outcomes', 'report', 'notebook', 'scenarios/input', 'scenarios/results', 'scenarios/execution', 'scenarios/studies'],
};
const layer = (file: string): string => layerOf(file, ['scenarios']);

/** Imports of the parameter tree (engine/parameters, policy) by the modules that must work from a Result alone. */
function treeImports(graph: ReadonlyMap<string, readonly string[]>): string[] {
  const readers = ['scenarios/results/', 'report/', 'charts/'];
  const isTree = (t: string): boolean => t.startsWith('engine/parameters/') || t.startsWith('policy/');
  return [...graph].flatMap(([file, targets]) => (readers.some((r) => file.startsWith(r)) ? targets.filter(isTree).map((t) => `${file} -> ${t}`) : []));
}

describe('layers', () => {
  const graph = importGraph(join(ROOT, 'src'));
  it('the import graph is read: a known import is found (the checks below are not vacuous)', () => {
    expect(graph.get('scenarios/execution/execute.ts')).toContain('scenarios/execution/plan.ts');
    expect(graph.size).toBeGreaterThan(200);
  });
  it('every folder of src/ is on the layer map', () => {
    const folders = new Set([...graph.keys()].map(layer));
    expect([...folders].filter((f) => !(f in LAYERS))).toEqual([]);
  });
  it('every import runs in an allowed direction (the layer map)', () => {
    const wrong: string[] = [];
    for (const [file, targets] of graph) {
      for (const t of targets) {
        const [a, b] = [layer(file), layer(t)];
        if (a !== b && !LAYERS[a]?.includes(b)) wrong.push(`${file} -> ${t}`);
      }
    }
    expect(wrong).toEqual([]);
  });
  it('no module under scenarios/results, report or charts imports the parameter tree (engine/parameters, policy)', () => {
    expect(treeImports(graph)).toEqual([]);
    // The check can fail: before issue #18 the results layer imported the tree's type.
    expect(treeImports(new Map([['scenarios/results/program-summary.ts', ['engine/parameters/tree.ts', 'engine/program.ts']]]))).toEqual(['scenarios/results/program-summary.ts -> engine/parameters/tree.ts']);
  });
  it('generic modules (execution, the month loop, the accumulators) name no program rule: they read the programs\' declarations', () => {
    const ruleIds = new Set(PROGRAMS.flatMap((p) => p.rules.map((r) => r.id)));
    const generic = [...findFiles(join(ROOT, 'src/scenarios/execution'), '.ts'), ...['dynamics/month-loop.ts', 'scenarios/results/program-accumulator.ts', 'scenarios/results/distribution.ts', 'scenarios/results/sums.ts'].map((f) => join(ROOT, 'src', f))];
    const named = (code: string): string[] => [...code.matchAll(/'([a-z][a-z0-9_]*)'/g)].map((m) => m[1]!).filter((id) => ruleIds.has(id));
    expect(generic.flatMap((f) => named(readFileSync(f, 'utf8')).map((id) => `${f.replace(`${ROOT}/`, '')}: '${id}'`))).toEqual([]);
    // The check can fail: before issue #18 the month loop set dibao's price inputs by name.
    expect(named("sim.setInput('price_subsidy_triggered', month, on);")).toEqual(['price_subsidy_triggered']);
  });
  it('the layer map itself has no cycle (it is a partial order)', () => {
    const map = new Map(Object.entries(LAYERS).map(([k, v]) => [k, [...v]]));
    expect(cycles(map)).toEqual([]);
  });
  it('no import cycle between files in src/ (type-only and dynamic imports included)', () => {
    expect(cycles(graph)).toEqual([]);
  });
  it('the cycle finder finds a cycle and a self-import', () => {
    const g = new Map([['a.ts', ['b.ts']], ['b.ts', ['c.ts']], ['c.ts', ['a.ts']], ['d.ts', ['d.ts']], ['e.ts', ['a.ts']]]);
    expect(cycles(g)).toEqual([['a.ts', 'b.ts', 'c.ts'], ['d.ts']]);
  });
  it('src/engine imports nothing else from src/', () => {
    for (const f of findFiles(join(ROOT, 'src/engine'), '.ts')) {
      const imports = [...readFileSync(f, 'utf8').matchAll(/from '(\.[^']+)'/g)].map((m) => m[1]!);
      const depth = f.slice(join(ROOT, 'src/engine').length).split('/').length - 2;
      for (const i of imports) expect(i.startsWith('../'.repeat(depth + 1)), `${f} imports ${i}`).toBe(false);
    }
  });
  it('the parameter folders hold only YAML', () => {
    for (const d of readdirSync(join(ROOT, 'src/programs'))) {
      const files = findFiles(join(ROOT, 'src/programs', d, 'parameters'), '');
      for (const f of files) expect(f.endsWith('.yaml'), f).toBe(true);
    }
  });
});
