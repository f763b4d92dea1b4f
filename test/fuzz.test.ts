/**
 * Seeded fuzzing of the loaders (fast-check). For every generated input: no uncaught exception;
 * every rejection is a JiuzhuError whose location names at least the file; every valid input is
 * accepted. `JIUZHU_FUZZ_RUNS` raises the number of cases (default 100 per property; `npm run fuzz`: 10,000).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCodebook } from '../src/data/codebook.js';
import { loadDataset } from '../src/data/dataset.js';
import { loadParameterText } from '../src/engine/parameters/load.js';
import { clauseIds } from '../src/policy/clauses.js';
import { parseScenarioText } from '../src/scenarios/input/load.js';
import { mustReject, outcome, outcomeAsync, RUNS, seed } from './fuzz/common.js';
import { cellsOf, csvModel, csvText, PREFECTURES, serialize } from './fuzz/csv.js';
import { codebook, override, parameterFile, scenario, toYaml } from './fuzz/yaml.js';

const dir = mkdtempSync(join(tmpdir(), 'jiuzhu-fuzz-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const options = (n: number) => ({ seed: seed(n), numRuns: RUNS });

let fileNo = 0;
/** Writes text or bytes to a fresh temp .csv and returns its path. */
function csvFile(content: string | Uint8Array): string {
  const f = join(dir, `f${fileNo++}.csv`);
  writeFileSync(f, content);
  return f;
}

/** Random edits of a text: truncation, garbage bytes spliced in, a line dropped or doubled. */
const textMutation = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('splice' as const), at: fc.nat(), junk: fc.string({ unit: 'binary', maxLength: 8 }) }),
  fc.record({ kind: fc.constant('dropLine' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('dupLine' as const), at: fc.nat() }),
);
function mutateText(text: string, m: { kind: string; at: number; junk?: string }): string {
  const at = m.at % (text.length + 1);
  if (m.kind === 'truncate') return text.slice(0, at);
  if (m.kind === 'splice') return text.slice(0, at) + (m.junk ?? '') + text.slice(at);
  const lines = text.split('\n');
  const k = m.at % lines.length;
  if (m.kind === 'dropLine') lines.splice(k, 1);
  else lines.splice(k, 0, lines[k]!);
  return lines.join('\n');
}

/** YAML-ish token soup: anchors, aliases (also recursive ones), tags, merge keys, flow and block syntax. */
const YAML_TOKENS = ['a', 'b', 'values', 'description', 'name', 'overrides', 'columns', ':', ': ', ' ', '\n', '\n  ', '\n    ', '- ', '&a ', '&b ', '*a', '*b', '*c', '[', ']', '{', '}', ', ', '!!binary ', '!!set ', '!!map ', '!foo ', '<<: ', '? ', '"', "'", '# ', '---\n', '%YAML 1.1\n', '1', '-1', '.inf', '.nan', '0x1f', '2006-01-01', '~', 'null', 'true'];
const yamlSoup = fc.array(fc.constantFrom(...YAML_TOKENS), { maxLength: 60 }).map((ts) => ts.join(''));
/** Any text a YAML loader might get: a damaged valid document, token soup, or random characters. */
const yamlJunk = (valid: fc.Arbitrary<unknown>): fc.Arbitrary<string> =>
  fc.oneof(fc.tuple(valid, textMutation).map(([v, m]) => mutateText(toYaml(v), m)), yamlSoup, fc.string({ unit: 'binary', maxLength: 200 }));

// ---- flat CSV ------------------------------------------------------------------------------

describe('fuzz: flat CSV (loadDataset)', () => {
  it('accepts every valid CSV and loads what was generated', async () => {
    await fc.assert(
      fc.asyncProperty(csvModel, async (m) => {
        const t = csvText(m);
        const file = csvFile(t.text);
        const r = await outcomeAsync(() => loadDataset(file), file);
        if (r.error) throw new Error(`rejected a valid CSV: ${r.error.summary()}\n${t.text}`);
        const pop = r.value!.population;
        expect(pop.nHouseholds).toBe(m.households.length);
        expect(pop.nPersons).toBe(m.households.reduce((s, h) => s + h.persons.length, 0));
        expect(Array.from(pop.person.age!)).toEqual(m.households.flatMap((h) => h.persons.map((p) => p.age)));
        expect(Array.from(pop.household.prefecture!)).toEqual(m.households.map((h) => h.prefecture));
        if (m.optional.includes('earnings')) expect(Array.from(pop.person.earnings!)).toEqual(m.households.flatMap((h) => h.persons.map((p) => p.earnings)));
      }),
      options(20260101),
    );
  });

  it('accepts households whose rows are interleaved (households in order of first appearance)', async () => {
    await fc.assert(
      fc.asyncProperty(csvModel, fc.array(fc.nat(), { minLength: 120, maxLength: 120 }), async (m, keys) => {
        const { header, rows } = cellsOf(m);
        const order = rows.map((_, i) => i).sort((a, b) => keys[a]! - keys[b]! || a - b);
        const shuffled = order.map((i) => rows[i]!);
        const file = csvFile(serialize(m, header, shuffled).text);
        const r = await outcomeAsync(() => loadDataset(file), file);
        if (r.error) throw new Error(`rejected a valid interleaved CSV: ${r.error.summary()}`);
        const pop = r.value!.population;
        const col = (c: string) => header.indexOf(c);
        const firstSeen = [...new Set(shuffled.map((row) => row[col('household_id')]!))];
        expect(pop.nHouseholds).toBe(m.households.length);
        expect(pop.nPersons).toBe(rows.length);
        // Persons come grouped by household (households in order of first appearance), each
        // household's members in file order.
        const byHousehold = firstSeen.flatMap((id) => shuffled.filter((row) => row[col('household_id')] === id).map((row) => Number(row[col('age')])));
        expect(Array.from(pop.person.age!)).toEqual(byHousehold);
        expect(Array.from(pop.household.prefecture!)).toEqual(firstSeen.map((id) => m.households.find((h) => String(h.id) === id)!.prefecture));
      }),
      options(20260105),
    );
  });

  it("rejects a household column that differs between members, at the member's line", async () => {
    await fc.assert(
      fc.asyncProperty(csvModel, fc.nat(), fc.constantFrom('prefecture', 'urban'), fc.nat(), async (m, rowPick, col, valPick) => {
        const { header, rows } = cellsOf(m);
        // Non-first members: rows whose household id equals the previous row's.
        const members = rows.map((_, i) => i).filter((i) => i > 0 && rows[i]![0] === rows[i - 1]![0]);
        if (members.length === 0) return;
        const r = members[rowPick % members.length]!;
        const j = header.indexOf(col);
        const others = (col === 'prefecture' ? PREFECTURES.map(String) : ['0', '1']).filter((v) => v !== rows[r]![j]);
        rows[r]![j] = others[valPick % others.length]!;
        const t = serialize(m, header, rows);
        const file = csvFile(t.text);
        const e = (await outcomeAsync(() => loadDataset(file), file)).error;
        if (!e) throw new Error(`accepted a household whose members disagree on ${col}`);
        expect(e.location.column, e.summary()).toBe(col);
        expect(e.location.line, e.summary()).toBe(t.lines[r]);
      }),
      options(20260106),
    );
  });

  const BAD_VALUES: Record<string, string[]> = {
    household_id: ['NaN', 'abc', '', '-1', 'Infinity', '1.5', '90071992547410'],
    person_id: ['NaN', '1e400', '', '-5', 'x1', '2.5'],
    prefecture: ['999999', '220101', '', 'NaN', '220100.5', 'Jilin'],
    urban: ['2', '-1', '', 'yes', '0.5'],
    age: ['-1', '121', 'NaN', 'Infinity', '1e400', '', 'old', '3.5'],
    sex: ['0', '3', '', 'F'],
    earnings: ['NaN', 'Infinity', '-Infinity', '1e400', '-1', '', 'lots'],
    pension: ['NaN', '-0.01', '', '1e400', 'text'],
    weight: ['-1', 'NaN', '', 'Infinity'],
  };

  it('rejects a bad cell with its line and column', async () => {
    await fc.assert(
      fc.asyncProperty(csvModel, fc.nat(), fc.nat(), fc.nat(), async (m, rowPick, colPick, valPick) => {
        const { header, rows } = cellsOf(m);
        const cols = header.filter((c) => c in BAD_VALUES);
        const col = cols[colPick % cols.length]!;
        const bad = BAD_VALUES[col]!;
        const value = bad[valPick % bad.length]!;
        const r = rowPick % rows.length;
        rows[r]![header.indexOf(col)] = value;
        const t = serialize(m, header, rows);
        const file = csvFile(t.text);
        const e = (await outcomeAsync(() => loadDataset(file), file)).error;
        if (!e) throw new Error(`accepted '${value}' in column ${col}, row ${r + 1}`);
        expect(e.location.column, e.summary()).toBe(col);
        expect(e.location.line, e.summary()).toBe(t.lines[r]);
      }),
      options(20260102),
    );
  });

  it('rejects structural damage (missing column, duplicate member, empty file) with a location', async () => {
    await fc.assert(
      fc.asyncProperty(csvModel, fc.constantFrom('dropColumn', 'dupMember', 'headerOnly', 'dupColumn', 'shortRow'), fc.nat(), async (m, kind, pick) => {
        const { header, rows } = cellsOf(m);
        let h = header;
        let rs = rows;
        const required = ['household_id', 'person_id', 'prefecture', 'urban', 'age'];
        if (kind === 'dropColumn') {
          const k = header.indexOf(required[pick % required.length]!);
          h = header.filter((_, j) => j !== k);
          rs = rows.map((r) => r.filter((_, j) => j !== k));
        } else if (kind === 'dupMember') {
          const r = pick % rows.length;
          rs = [...rows.slice(0, r + 1), [...rows[r]!], ...rows.slice(r + 1)];
        } else if (kind === 'headerOnly') rs = [];
        else if (kind === 'dupColumn') h = [...header.slice(0, -1), header[0]!];
        else {
          const r = pick % rows.length;
          rs = rows.map((row, j) => (j === r ? row.slice(0, -1) : row));
        }
        const t = serialize({ ...m, trailingNewline: kind === 'shortRow' ? true : m.trailingNewline }, h, rs);
        const file = csvFile(t.text);
        const e = (await outcomeAsync(() => loadDataset(file), file)).error;
        if (!e) throw new Error(`accepted a CSV with ${kind}`);
        if (kind === 'dropColumn') expect(e.location.column).toBe(required[pick % required.length]);
        if (kind === 'dupMember' || kind === 'shortRow') expect(e.location.line ?? e.location.row, e.summary()).toBeDefined();
      }),
      options(20260103),
    );
  });

  it('never throws a raw exception on truncated, spliced or garbage bytes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.tuple(csvModel, textMutation).map(([m, mut]) => new TextEncoder().encode(mutateText(csvText(m).text, mut))),
          fc.tuple(csvModel, fc.nat()).map(([m, at]) => {
            const b = new TextEncoder().encode(csvText(m).text);
            return b.slice(0, at % (b.length + 1)); // truncated at a random byte (may split a UTF-8 sequence)
          }),
          fc.uint8Array({ maxLength: 200 }),
        ),
        async (bytes: Uint8Array) => {
          const file = csvFile(bytes);
          await outcomeAsync(() => loadDataset(file), file);
        },
      ),
      options(20260104),
    );
  });
});

// ---- scenarios -----------------------------------------------------------------------------

const SCN = 'fuzz-scenario.yaml';

describe('fuzz: scenario text (parseScenarioText)', () => {
  it('accepts every valid scenario', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const text = toYaml(s);
        const r = outcome(() => parseScenarioText(text, SCN), SCN);
        if (r.error) throw new Error(`rejected a valid scenario: ${r.error.summary()}\n${text}`);
        expect(r.value!.name).toBe(s.name);
        expect(r.value!.overrides?.length ?? 0).toBe(s.overrides?.length ?? 0);
      }),
      options(20260201),
    );
  });

  const INVALID: [string, (s: Record<string, unknown>, o: Record<string, unknown>) => void][] = [
    ['unknown top-level key', (s) => { s.nmae = 'x'; }],
    ['unknown override key', (s, o) => { o.sett = 1; s.overrides = [o]; }],
    ['name of the wrong type', (s) => { s.name = 123; }],
    ['bad name', (s) => { s.name = '-bad name'; }],
    ['missing name', (s) => { delete s.name; }],
    ['description a string', (s) => { s.description = 'text'; }],
    ['negative seed', (s) => { s.seed = -1; }],
    ['seed a string', (s) => { s.seed = 'abc'; }],
    ['overrides a mapping', (s, o) => { s.overrides = { a: o }; }],
    ['two operations', (s, o) => { s.overrides = [{ ...o, set: 1, scale: 2 }]; }],
    ['no operation', (s) => { s.overrides = [{ path: 'dibao.standard' }]; }],
    ['bad date', (s, o) => { s.overrides = [{ ...o, from: '2006-02-30' }]; }],
    ['date not a date', (s, o) => { s.overrides = [{ ...o, until: 'tomorrow' }]; }],
    ['unknown prefecture', (s, o) => { s.overrides = [{ ...o, where: { prefecture: 229900 } }]; }],
    ['bad area', (s, o) => { s.overrides = [{ ...o, where: { area: 'suburban' } }]; }],
    ['bad month', (s) => { s.period = { from: '2006-13', to: '2007-01' }; }],
    ['take-up above 1', (s) => { s.behaviour = { takeUp: { rate: 1.5, assumption: 'a' } }; }],
    ['reserved key', (s) => { s.shocks = { flood: 1 }; }],
    ['set a string', (s, o) => { s.overrides = [{ path: o.path, set: 'ten' }]; }],
  ];

  it('rejects wrong types, unknown keys, bad dates … with file, line and key', () => {
    fc.assert(
      fc.property(scenario, override, fc.nat(INVALID.length - 1), (s, o, k) => {
        const [what, mutate] = INVALID[k]!;
        const bad = structuredClone(s) as Record<string, unknown>;
        mutate(bad, structuredClone(o));
        const e = mustReject(() => parseScenarioText(toYaml(bad), SCN), SCN, what);
        expect(e.location.line, `${what}: ${e.summary()}`).toBeGreaterThan(0);
      }),
      options(20260202),
    );
  });

  it('rejects a duplicate key with its line', () => {
    fc.assert(
      fc.property(scenario, fc.constantFrom('name: again', 'seed: 1', 'description: {zh: a, en: b}', 'overrides: []'), (s, dup) => {
        const text = `${toYaml(s)}${dup}\n`;
        const key = dup.split(':')[0]!;
        if (!(key in s)) return; // not a duplicate: nothing to check
        const e = mustReject(() => parseScenarioText(text, SCN), SCN, 'duplicate key');
        expect(e.code).toBe('DUPLICATE_KEY');
        expect(e.location.line).toBe(text.split('\n').length - 1);
      }),
      options(20260203),
    );
  });

  it('never throws a raw exception on damaged or random text', () => {
    fc.assert(
      fc.property(yamlJunk(scenario), (text) => {
        outcome(() => parseScenarioText(text, SCN), SCN);
      }),
      options(20260204),
    );
  });
});

// ---- parameters ----------------------------------------------------------------------------

const PAR = 'fuzz-parameters.yaml';
const ids = [...clauseIds()];
const loadParams = (text: string) => loadParameterText(text, PAR, { clauseIds: clauseIds() });

/** Paths of a generated tree's leaves. */
function leafPaths(tree: Record<string, unknown>, prefix: string[] = []): string[] {
  return Object.entries(tree).flatMap(([k, v]) => {
    if (k === 'description' && typeof v === 'string') return [];
    const p = [...prefix, k];
    return v && typeof v === 'object' && 'values' in v ? [p.join('.')] : leafPaths(v as Record<string, unknown>, p);
  });
}

/** The first leaf of a tree, with its path. */
function firstLeaf(tree: Record<string, unknown>): Record<string, unknown> | undefined {
  for (const [k, v] of Object.entries(tree)) {
    if (k === 'description' && typeof v === 'string') continue;
    const node = v as Record<string, unknown>;
    if ('values' in node) return node;
    const found = firstLeaf(node);
    if (found) return found;
  }
  return undefined;
}

describe('fuzz: parameter text (loadParameterText)', () => {
  it('accepts every valid parameter file', () => {
    fc.assert(
      fc.property(parameterFile(ids), (tree) => {
        const text = toYaml(tree);
        const r = outcome(() => loadParams(text), PAR);
        if (r.error) throw new Error(`rejected a valid parameter file: ${r.error.summary()}\n${text}`);
        expect([...r.value!.leaves.keys()].sort()).toEqual(leafPaths(tree).sort());
      }),
      options(20260301),
    );
  });

  const INVALID: [string, (leaf: Record<string, unknown>, tree: Record<string, unknown>) => void][] = [
    ['unknown leaf key', (l) => { l.units = 'CNY'; }],
    ['bad unit', (l) => { l.unit = 'yuan'; }],
    ['no description', (l) => { delete l.description; }],
    ['label a string', (l) => { l.label = 'x'; }],
    ['unknown clause', (l) => { l.clause = '九.99'; }],
    ['bad kind', (l) => { l.kind = 'text'; }],
    ['breakdown out of order', (l) => { l.breakdown = ['area', 'prefecture']; delete l.categories; }],
    ['unknown dimension', (l) => { l.breakdown = ['county']; }],
    ['no values', (l) => { l.values = {}; }],
    ['values a list', (l) => { l.values = [1, 2]; }],
    ['bad date', (l) => { l.values = { '2006-02-30': { value: 1, reference: { source: 's' } } }; }],
    ['not a date', (l) => { l.values = { soon: { value: 1, reference: { source: 's' } } }; }],
    ['no reference', (l) => { l.values = { '2006-01-01': { value: 1 } }; }],
    ['two references', (l) => { l.values = { '2006-01-01': { value: 1, reference: { source: 's', assumption: 'a' } } }; }],
    ['unknown reference kind', (l) => { l.values = { '2006-01-01': { value: 1, reference: { law: 's' } } }; }],
    ['unknown value key', (l) => { l.values = { '2006-01-01': { value: 1, note: 'x', reference: { source: 's' } } }; }],
    ['value text', (l) => { l.kind = 'number'; l.unit = 'rate'; delete l.breakdown; delete l.categories; l.values = { '2006-01-01': { value: 'ten', reference: { source: 's' } } }; }],
    ['value infinite', (l) => { l.kind = 'number'; l.unit = 'rate'; delete l.breakdown; delete l.categories; l.values = { '2006-01-01': { value: Infinity, reference: { source: 's' } } }; }],
    ['value NaN', (l) => { l.kind = 'number'; l.unit = 'rate'; delete l.breakdown; delete l.categories; l.values = { '2006-01-01': { value: NaN, reference: { source: 's' } } }; }],
    ['bool a number', (l) => { l.kind = 'bool'; l.unit = 'bool'; delete l.breakdown; delete l.categories; l.values = { '2006-01-01': { value: 1, reference: { source: 's' } } }; }],
    ['unknown prefecture', (l) => { l.kind = 'number'; l.unit = 'rate'; l.breakdown = ['prefecture']; delete l.categories; l.values = { '2006-01-01': { value: { '229900': 1, '*': 2 }, reference: { source: 's' } } }; }],
    ['missing cell', (l) => { l.kind = 'number'; l.unit = 'rate'; l.breakdown = ['area']; delete l.categories; l.values = { '2006-01-01': { value: { urban: 1 }, reference: { source: 's' } } }; }],
    ['brackets not increasing', (l) => { l.kind = 'scale'; l.unit = 'rate'; delete l.breakdown; delete l.categories; l.values = { '2006-01-01': { value: [{ above: 5, value: 1 }, { above: 1, value: 2 }], reference: { source: 's' } } }; }],
    ['bad name', (_l, t) => { t.BadName = { description: 'x' }; }],
    ['branch a scalar', (_l, t) => { t.stray = 3; }],
  ];

  it('rejects wrong types, unknown keys, bad dates … with file, line and key', () => {
    fc.assert(
      fc.property(parameterFile(ids), fc.nat(INVALID.length - 1), (tree, k) => {
        const [what, mutate] = INVALID[k]!;
        const bad = structuredClone(tree);
        mutate(firstLeaf(bad)!, bad);
        const e = mustReject(() => loadParams(toYaml(bad)), PAR, what);
        expect(e.location.line, `${what}: ${e.summary()}`).toBeGreaterThan(0);
        expect(e.location.key, `${what}: ${e.summary()}`).toBeTruthy();
      }),
      options(20260302),
    );
  });

  it('rejects a duplicate key', () => {
    fc.assert(
      fc.property(parameterFile(ids), (tree) => {
        const text = toYaml(tree);
        const first = text.split('\n')[0]!;
        const e = mustReject(() => loadParams(`${text}${first}\n`), PAR, 'duplicate key');
        expect(e.code).toBe('DUPLICATE_KEY');
        expect(e.location.line).toBe(text.split('\n').length);
      }),
      options(20260303),
    );
  });

  it('never throws a raw exception on damaged or random text', () => {
    fc.assert(
      fc.property(yamlJunk(parameterFile(ids)), (text) => {
        outcome(() => loadParams(text), PAR);
      }),
      options(20260304),
    );
  });
});

// ---- codebooks -----------------------------------------------------------------------------

const CB = 'fuzz-codebook.yaml';

describe('fuzz: codebook (parseCodebook)', () => {
  it('accepts every valid codebook', () => {
    fc.assert(
      fc.property(codebook, (c) => {
        const text = toYaml(c);
        const r = outcome(() => parseCodebook(text, CB), CB);
        if (r.error) throw new Error(`rejected a valid codebook: ${r.error.summary()}\n${text}`);
        for (const [k, v] of Object.entries(c.columns)) expect(r.value!.columns[k]!.from).toBe(typeof v === 'string' ? v : v.from);
      }),
      options(20260401),
    );
  });

  const INVALID: [string, (c: Record<string, unknown>) => void][] = [
    ['unknown jiuzhu column', (c) => { c.columns = { ...(c.columns as object), income: 'inc' }; }],
    ['unknown default column', (c) => { c.defaults = { salary: 1 }; }],
    ['unknown key', (c) => { c.colums = {}; }],
    ['no columns', (c) => { delete c.columns; }],
    ['columns a list', (c) => { c.columns = ['age']; }],
    ['empty from', (c) => { c.columns = { age: '' }; }],
    ['scale a string', (c) => { c.columns = { earnings: { from: 'inc', scale: 'x' } }; }],
    ['code a string', (c) => { c.columns = { sex: { from: 'g', codes: { m: 'male' } } }; }],
    ['unknown mapping key', (c) => { c.columns = { sex: { from: 'g', code: { m: 1 } } }; }],
    ['bad encoding', (c) => { c.encoding = 'latin1'; }],
    ['default a string', (c) => { c.defaults = { age: 'old' }; }],
  ];

  it('rejects unknown columns and keys and wrong types with file and line', () => {
    fc.assert(
      fc.property(codebook, fc.nat(INVALID.length - 1), (c, k) => {
        const [what, mutate] = INVALID[k]!;
        const bad = structuredClone(c) as Record<string, unknown>;
        mutate(bad);
        const e = mustReject(() => parseCodebook(toYaml(bad), CB), CB, what);
        expect(e.location.line, `${what}: ${e.summary()}`).toBeGreaterThan(0);
      }),
      options(20260402),
    );
  });

  it('never throws a raw exception on damaged or random text', () => {
    fc.assert(
      fc.property(yamlJunk(codebook), (text) => {
        outcome(() => parseCodebook(text, CB), CB);
      }),
      options(20260403),
    );
  });
});

// ---- what the fuzzing found --------------------------------------------------------------

describe('fuzz regressions: YAML aliases', () => {
  const bomb = 'a: &a [1,1,1,1,1,1,1,1,1,1]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\n';
  const loaders: [string, (text: string, file: string) => unknown][] = [
    ['scenario', parseScenarioText],
    ['parameters', (t, f) => loadParameterText(t, f, { clauseIds: clauseIds() })],
    ['codebook', parseCodebook],
  ];
  for (const [name, load] of loaders) {
    it(`${name}: an unresolved alias, a recursive alias and an alias bomb are located errors`, () => {
      expect(mustReject(() => load('name: *x\n', 'f.yaml'), 'f.yaml', 'unresolved alias')).toMatchObject({ code: 'YAML_ALIAS', location: { line: 1 } });
      expect(mustReject(() => load('a: &a\n  b: *a\n', 'f.yaml'), 'f.yaml', 'recursive alias')).toMatchObject({ code: 'YAML_ALIAS', location: { line: 2 } });
      expect(mustReject(() => load('x: &x\n  y: [1, {z: *x}]\n', 'f.yaml'), 'f.yaml', 'recursive alias')).toMatchObject({ code: 'YAML_ALIAS', location: { line: 2 } });
      expect(mustReject(() => load(bomb, 'f.yaml'), 'f.yaml', 'alias bomb').code).toBe('YAML_ALIAS');
    });
  }
});
