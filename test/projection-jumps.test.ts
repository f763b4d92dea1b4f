/**
 * Issue #21, "Done when": in `jiuzhu project scenarios/dynamic-growth-2007-2015.yaml` no program's
 * cost jumps by more than 30% in a year without a parameter change that explains it. A change
 * explains a jump when a parameter the program reads — declared by its rules or by the rules
 * they read, transitively, or under its own parameter namespace (compute components) — holds a
 * different value somewhere in the year than in the year before (the growth rule's standards
 * included). Run on datasets/fixture-dibao, January of each year × 12, 2007–2015.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadDataset, resolveDatasetPath, type Dataset } from '../src/data/dataset.js';
import type { ParameterTree } from '../src/engine/parameters/tree.js';
import type { Rule } from '../src/engine/rule.js';
import { PROGRAMS } from '../src/programs/index.js';
import { systemRules } from '../src/programs/system.js';
import { loadScenario } from '../src/scenarios/input/load.js';
import { projectScenarioOn, type Projection } from '../src/scenarios/studies/project.js';
import { scenarioParameters } from '../src/scenarios/execution/run.js';
import { ROOT } from './helpers.js';

const RULES = new Map<string, Rule>(systemRules.map((r) => [r.id, r]));
const snake = (id: string): string => id.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** Every parameter path a program reads: its rules' and their inputs' (transitively), and its namespace's. */
function programParameters(tree: ParameterTree, programId: string): string[] {
  const program = PROGRAMS.find((p) => p.id === programId)!;
  const seen = new Set<string>();
  const paths = new Set<string>();
  const visit = (id: string): void => {
    if (seen.has(id)) return;
    seen.add(id);
    const r = RULES.get(id);
    if (!r) return; // a dataset column
    for (const p of Object.values(r.parameters)) if (tree.exists(p)) for (const l of tree.leavesUnder(p)) paths.add(l.path);
    for (const i of Object.values(r.inputs)) visit(i.replace(/_previous$/, ''));
  };
  for (const r of program.rules) visit(r.id);
  const ns = snake(programId);
  if (tree.exists(ns)) for (const l of tree.leavesUnder(ns)) paths.add(l.path);
  return [...paths];
}

/** The values a leaf holds over a year's months (one string per distinct dated entry in force). */
function yearValues(tree: ParameterTree, path: string, year: number): Set<string> {
  const out = new Set<string>();
  for (let m = 1; m <= 12; m++) {
    try {
      const e = tree.entryAt(path, `${year}-${String(m).padStart(2, '0')}-01`);
      out.add(JSON.stringify([e.value ?? null, e.cells ?? null, e.brackets ?? null]));
    } catch {
      out.add('none');
    }
  }
  return out;
}

const changed = (tree: ParameterTree, path: string, year: number): boolean => {
  const a = yearValues(tree, path, year - 1);
  const b = yearValues(tree, path, year);
  return a.size !== b.size || [...b].some((v) => !a.has(v));
};

describe('dynamic-growth 2007–2015 on fixture-dibao: no unexplained jump of a program’s cost', () => {
  let data: Dataset;
  let p: Projection;
  const scenario = loadScenario(join(ROOT, 'scenarios/dynamic-growth-2007-2015.yaml'));
  beforeAll(async () => {
    data = await loadDataset(resolveDatasetPath('fixture-dibao', ROOT));
    p = projectScenarioOn(scenario, data, { monthsPerYear: 1 });
  }, 300_000);

  it('every year-on-year change above 30% has a parameter change of the program behind it', () => {
    // The uprating of amounts (projection.uprating, CPI or wages: a few percent a year) changes
    // every uprated program's parameters every year, so it would explain any jump: jumps are
    // explained on the parameters without it — the scenario's, the growth rule's standards and
    // the parameters' own dated values.
    const explaining = scenarioParameters(scenario).withOverrides(p.overrides.filter((o) => !p.upratingOverrides.includes(o)));
    expect(p.years.map((y) => y.year)).toEqual([2007, 2008, 2009, 2010, 2011, 2012, 2013, 2014, 2015]);
    const unexplained: string[] = [];
    const explained = new Map<string, string[]>();
    for (let i = 1; i < p.years.length; i++) {
      const [prev, cur] = [p.years[i - 1]!, p.years[i]!];
      for (const [id, cost] of Object.entries(cur.costByProgram)) {
        const before = prev.costByProgram[id] ?? 0;
        const jump = before === 0 ? cost !== 0 : Math.abs(cost / before - 1) > 0.3;
        if (!jump) continue;
        const why = programParameters(explaining, id).filter((path) => changed(explaining, path, cur.year));
        if (!why.length) unexplained.push(`${id} ${prev.year}→${cur.year}: ${before} → ${cost}`);
        else explained.set(`${id} ${cur.year}`, why);
      }
    }
    expect(unexplained).toEqual([]);
    // The check is not empty: the welfare-centre programme's yearly build share (§九.1,
    // src/programs/facilities/parameters) ends after 2007, and facilities' cost falls by far more
    // than 30% in 2008 — explained by facilities parameters.
    expect(explained.get('facilities 2008')?.some((path) => path.startsWith('facilities.'))).toBe(true);
    // The uprating itself is in the projection: employment's post wage follows wages.
    expect(p.years[1]!.uprating.employment).toEqual({ rule: 'wages', index: 1.1367 });
    // A weak point, said plainly: under the growth rule dibao.standard changes every year, so any
    // jump of dibao (and of programs reading dibao_receives) counts as explained.
    expect(changed(p.parameters, 'dibao.standard', 2009)).toBe(true);
  });
  it('and the 2011 poverty-line jump of the national line (1274 → 2300) no longer lifts rural standards', () => {
    // Without a bound the rural standards grow with income: Changchun 2010 × 2011 income growth 1.1548.
    const cc2010 = p.standards['2010']!['220100']!.rural;
    expect(p.standards['2011']!['220100']!.rural).toBe(Math.round(cc2010 * 1.1548 * 100) / 100);
    expect(p.years[4]!.linkage.povertyLine.reference).toEqual({ min: 191.67, max: 191.67 }); // 2300 / 12
  });
});
