/**
 * Clause coverage (issue #13): the opinion as data, a status for every clause, references for
 * every rule and parameter, and the `clauses` and `params` commands.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { isJiuzhuError } from '../src/engine/errors.js';
import { ruleClauses } from '../src/engine/rule.js';
import { clauseIds, clauses, sectionOf, sections } from '../src/policy/clauses.js';
import {
  baselineCoverageInput, clauseCoverage, clauseLinks, coverage, coverageProblems, loadCoverage, parameterProvenance, parameterValueText,
  type CoverageInput, type CoverageProblem, type LeafLink, type RuleLink,
} from '../src/policy/coverage.js';
import { baselineParameters } from '../src/policy/parameters.js';
import { systemRules } from '../src/programs/system.js';
import { cli, ROOT } from './helpers.js';

// The opinion's full text and its clause table, copied unchanged from the project's shared policy
// folder (shared/policy/, beside the repository in this workplace) so a clean clone checks them too.
const POLICY = join(ROOT, 'test', 'fixtures', 'policy');
const FIXTURES = join(ROOT, 'test', 'fixtures', 'coverage');
const noSpace = (s: string): string => s.replace(/\s+/g, '');
const codes = (ps: readonly CoverageProblem[]): string[] => ps.map((p) => `${p.code} ${p.subject}`);

describe('the opinion as data (src/policy/clauses.yaml)', () => {
  it('has the clause ids and lead phrases of SECTIONS.md', () => {
    const table = readFileSync(join(POLICY, 'SECTIONS.md'), 'utf8');
    const rows = [...table.matchAll(/\|\s*([一二三四五六七八九十]+\.\d+)\s*\|\s*([^|]+?)\s*\|/g)].map((m) => [m[1]!, m[2]!] as const);
    expect(new Map(rows)).toEqual(new Map(clauses().map((c) => [c.id, c.lead])));
  });

  it('holds every paragraph of the Chinese text, in order', () => {
    const opinion = noSpace(readFileSync(join(POLICY, 'jilin-2006-48-opinion.zh.txt'), 'utf8'));
    let previous = -1;
    for (const c of clauses()) {
      const at = opinion.indexOf(noSpace(c.text));
      expect(at, `${c.id}: text not found in the opinion`).toBeGreaterThan(previous);
      previous = at;
    }
    for (const s of sections()) expect(opinion.includes(`${s.id}、${s.title}`), s.id).toBe(true);
  });

  it('has eleven sections, each with its paragraphs, and every paragraph a gloss and text', () => {
    expect(sections().map((s) => s.id)).toEqual(['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一']);
    for (const s of sections()) expect(clauses().some((c) => sectionOf(c.id) === s.id), s.id).toBe(true);
    for (const c of clauses()) expect(c.gloss.trim() && c.text.trim(), c.id).toBeTruthy();
  });
});

describe('the coverage of the package (src/policy/coverage.yaml)', () => {
  const input = baselineCoverageInput();

  it('has no problems: one status per clause, modelled clauses have rules, every rule and parameter is referenced', () => {
    expect(coverageProblems(input)).toEqual([]);
  });

  it('every clause has exactly one status, with what is missing or why it is out of scope', () => {
    const ids = clauses().map((c) => c.id);
    expect(coverage().map((e) => e.id).sort()).toEqual([...ids].sort());
    for (const e of coverage()) {
      if (e.status === 'partly') expect(e.missing?.trim(), e.id).toBeTruthy();
      if (e.status === 'out-of-scope') expect(e.reason?.trim(), e.id).toBeTruthy();
    }
  });

  it('modelled clauses have rules citing them, and listed rules exist', () => {
    const links = clauseLinks(systemRules, baselineParameters().leaves());
    const ruleIds = new Set(systemRules.map((r) => r.id));
    for (const e of coverage()) {
      if (e.status === 'modelled') expect(links.get(e.id)?.rules.length ?? 0, e.id).toBeGreaterThan(0);
      for (const r of e.rules ?? []) expect(ruleIds.has(r), `${e.id} lists ${r}`).toBe(true);
    }
  });

  it('every rule cites a valid clause or a source; every parameter names a clause or cites a source', () => {
    const ids = clauseIds();
    for (const r of systemRules) {
      const r0 = r.reference;
      if ('clause' in r0) for (const c of [r0.clause].flat()) expect(ids.has(c), `${r.id} cites ${c}`).toBe(true);
      else expect(r0.source.trim(), r.id).toBeTruthy();
    }
    for (const leaf of baselineParameters().leaves()) {
      const anchored = (leaf.clause && ids.has(leaf.clause)) || leaf.values.every((v) => 'source' in v.reference || 'clause' in v.reference);
      expect(anchored, leaf.path).toBe(true);
    }
  });

  it('leaves no paragraph of §二–§八 out of scope', () => {
    // §二–§八 name benefits, eligibility and funding rules; 六.2 (春风行动) delivers §六.1's, so it is partly modelled through them.
    const outOfScope = coverage().filter((e) => e.status === 'out-of-scope' && ['二', '三', '四', '五', '六', '七', '八'].includes(sectionOf(e.id)));
    expect(outOfScope.map((e) => e.id)).toEqual([]);
  });

  it('breaks when a rule’s reference is removed', () => {
    const withoutGap = systemRules.map((r) => (r.id === 'dibao_gap_benefit' ? { id: r.id, reference: { clause: [] } } : r));
    expect(codes(coverageProblems({ ...input, rules: withoutGap }))).toEqual(['rule-without-reference dibao_gap_benefit']);
    // Strip every rule behind one modelled clause: the clause is then modelled by nothing.
    const clause = coverage().find((e) => e.status === 'modelled')!.id;
    const stripped = systemRules.map((r) => (ruleClauses(r).includes(clause) ? { id: r.id, reference: { source: '' } } : r));
    expect(codes(coverageProblems({ ...input, rules: stripped }))).toContain(`modelled-without-rule ${clause}`);
  });
});

describe('the checker on fixtures (test/fixtures/coverage)', () => {
  interface World { clauses: { id: string }[]; rules: RuleLink[]; parameters: LeafLink[] }
  const world = (name: string): Omit<CoverageInput, 'coverage'> => {
    const w = parse(readFileSync(join(FIXTURES, name), 'utf8')) as World;
    return { clauses: w.clauses, rules: w.rules, leaves: w.parameters };
  };
  const good = loadCoverage(join(FIXTURES, 'coverage-good.yaml'));

  it('finds nothing wrong in the good world', () => {
    expect(coverageProblems({ ...world('world.yaml'), coverage: good })).toEqual([]);
  });

  it('flags a rule and a parameter whose references were removed', () => {
    expect(codes(coverageProblems({ ...world('world-reference-removed.yaml'), coverage: good }))).toEqual([
      'modelled-without-rule 二.2',
      'rule-without-reference top_up',
      'parameter-without-reference dibao.standard',
    ]);
  });

  it('flags a clause with no status, a listed rule that does not exist, and entries that say too little', () => {
    const problems = coverageProblems({ ...world('world.yaml'), coverage: loadCoverage(join(FIXTURES, 'coverage-broken.yaml')) });
    expect(codes(problems)).toEqual([
      'no-status 二.2',
      'duplicate-status 九.2',
      'unknown-clause 十二.1',
      'unknown-rule 二.1',
      'reason-not-given 九.2',
      'missing-not-said 九.2',
    ]);
    expect(problems.find((p) => p.code === 'unknown-rule')!.message).toContain("'no_such_rule'");
  });

  it('flags what is missing on a clause not marked partly', () => {
    const said = good.map((e) => (e.id === '二.1' ? { ...e, missing: 'the growth mechanism' } : e));
    expect(codes(coverageProblems({ ...world('world.yaml'), coverage: said }))).toEqual(['stray-field 二.1']);
  });

  it('rejects a malformed coverage file with its lines', () => {
    const file = join(FIXTURES, 'coverage-bad-shape.yaml');
    try {
      loadCoverage(file);
      expect.unreachable();
    } catch (e) {
      expect(isJiuzhuError(e)).toBe(true);
      const details = (e as { details: string[] }).details.join('\n');
      expect(details).toMatch(/coverage-bad-shape\.yaml:2: key '0\.status'/);
      expect(details).toMatch(/coverage-bad-shape\.yaml:3: .*unknown key 'rule'/);
    }
  });

  it('builds no table from a dishonest coverage', () => {
    expect(() => clauseCoverage({ ...baselineCoverageInput(), coverage: coverage().slice(1) })).toThrow(/no status/);
  });
});

describe('parameter provenance', () => {
  it('shows — before a parameter’s first value, and still says where that value comes from', () => {
    const doc = parameterProvenance(baselineParameters().leaves(), '2004-06-01');
    expect(doc.counts.notInForce).toBe(doc.counts.total);
    for (const p of doc.parameters) {
      expect(parameterValueText(p)).toBe('—');
      expect(['clause', 'source', 'assumption']).toContain(p.kind);
    }
  });
});

describe('jiuzhu clauses', () => {
  it('lists §一–§十一 with every paragraph’s status and ends with the counts', async () => {
    const r = await cli(['clauses']);
    expect(r.status, r.stderr).toBe(0);
    let at = -1;
    for (const c of clauses()) {
      const line = new RegExp(`^  [✓◐–] ${c.id} +(modelled|partly modelled|out of scope) · `, 'm').exec(r.stdout.slice(at + 1));
      expect(line, c.id).not.toBeNull();
      at += 1 + line!.index;
    }
    const counts = /^(\d+) clauses: (\d+) modelled, (\d+) partly modelled, (\d+) out of scope$/m.exec(r.stdout.trimEnd().split('\n').at(-1)!);
    expect(counts).not.toBeNull();
    const [total, modelled, partly, out] = counts!.slice(1).map(Number);
    expect(total).toBe(27);
    expect(modelled! + partly! + out!).toBe(27);
  });

  it('prints the clause tree as JSON, and in Chinese with the lead phrases', async () => {
    const json = await cli(['clauses', '--json']);
    expect(json.status, json.stderr).toBe(0);
    const doc = JSON.parse(json.stdout) as ReturnType<typeof clauseCoverage>;
    expect(doc.sections.flatMap((s) => s.clauses.map((c) => c.id))).toEqual(clauses().map((c) => c.id));
    expect(doc.counts.total).toBe(27);
    expect(doc.sections[1]!.clauses[0]!.rules).toContain('dibao_standard');
    const zh = await cli(['clauses', '--lang', 'zh']);
    expect(zh.stdout).toContain('建立城乡低保补助资金动态增长机制');
    expect(zh.stdout).toMatch(/共 27 条：已建模 \d+，部分建模 \d+，不纳入模型 \d+/);
  });
});

describe('jiuzhu clauses SCENARIO', () => {
  it('says apart whether a clause is modelled and whether the scenario complies with it', async () => {
    // perfect-baseline on the hand-worked fixture (test/fixture-dibao.test.ts): §二.2 fails on the
    // top-up reading (urban 44.18 ≤ 72.17) and complies on the payment reading (province and both
    // areas); §八.1 fails on both readings (standards 1276/1913 against a level of 3469.63);
    // §九.1 is not yet due in 2006 (399 of 668 centres, the rest built in 2007).
    const r = await cli(['clauses', 'test/scenarios/perfect-baseline.yaml', '--data', 'datasets/fixture-dibao', '--period', '2006-01:2006-12']);
    expect(r.status, r.stderr).toBe(0);
    const after = (id: string): string => r.stdout.slice(r.stdout.search(new RegExp(`^  [✓◐–] ${id.replace('.', '\\.')} `, 'm')));
    expect(after('二.2')).toMatch(/^  ✓ 二\.2 +modelled/);
    expect(after('二.2')).toMatch(/complied with in perfect-baseline: ✗ does not comply \(top-up reading\), ✓ complies \(payment reading\)/);
    expect(after('八.1')).toMatch(/complied with in perfect-baseline: ✗ does not comply \(net-income reading\), ✗ does not comply \(consumption reading\)/);
    expect(after('九.1')).toMatch(/complied with in perfect-baseline: – not applicable in the period \(as written\)/);
    expect(after('三.1')).toMatch(/complied with in perfect-baseline: not checked/);
    // §二.2, §八.1, §九.1 and §十.2 (the disaster consistency check) have checks; none complies on every reading but §十.2's n/a.
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('perfect-baseline: 4 clauses checked, 0 complied with on every reading, 2 not complied with on at least one');
  });
});

describe('jiuzhu params', () => {
  it('gives every parameter with its value on the date and its kind of source', async () => {
    const r = await cli(['params', '--date', '2007-01-01', '--json']);
    expect(r.status, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as ReturnType<typeof parameterProvenance>;
    expect(doc.date).toBe('2007-01-01');
    expect(doc.parameters.map((p) => p.path)).toEqual(baselineParameters().paths());
    for (const p of doc.parameters) expect(['clause', 'source', 'assumption'], p.path).toContain(p.kind);
    const standard = doc.parameters.find((p) => p.path === 'dibao.standard')!;
    // src/programs/dibao/parameters/standard.yaml, 2007-01-01: "220100": {urban: 168, rural: 76}.
    expect(standard.cells?.['220100.urban']).toBe(168);
    expect(standard).toMatchObject({ since: '2007-01-01', kind: 'assumption', unit: 'CNY/person/month', clause: '二.1' });
    const setAside = doc.parameters.find((p) => p.path === 'education.higher.set_aside_rate')!;
    expect(setAside).toMatchObject({ value: 0.1, kind: 'clause' }); // §四.3: 提取 10%的救助资金
  });

  it('prints a table ending with the counts by kind, on the opinion’s date by default', async () => {
    const r = await cli(['params']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^dibao\.standard +Dibao standard +220100\.urban=158 /m);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toMatch(/^\d+ parameters on 2006-12-18: \d+ from the opinion \(clause\), \d+ from published statistics \(source\), \d+ labelled assumptions/);
  });

  it('rejects a date that is not YYYY-MM-DD with exit 2', async () => {
    const r = await cli(['params', '--date', '2007-02-30']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--date must be a date YYYY-MM-DD, not '2007-02-30'/);
  });
});
