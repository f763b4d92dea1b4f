/**
 * Seeded fuzzing of the Arrow IPC and Parquet loaders. Parquet files are loaded in child processes
 * (a crash in DuckDB's native code fails the case that caused it instead of the test runner);
 * Arrow files, read by pure JavaScript (flechette), in-process. For every case:
 * valid files load what was written; damaged ones are rejected with a JiuzhuError located at the
 * file and, for a bad value, its row and column; damaged bytes are accepted or rejected with a
 * location — never a raw exception, never a crash or a hang. `JIUZHU_FUZZ_RUNS` cases per format
 * (default 100; `npm run fuzz`: 10,000).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCase, closeWriters, damage, writeCase, type BinaryFormat, type BinarySpec, type Damage, type Expectation } from './fuzz/binary.js';
import { loadReport, type ChildReport } from './fuzz/binary-report.js';
import { runBatch } from './fuzz/child-runner.js';
import { RUNS, seed } from './fuzz/common.js';
import { csvModel } from './fuzz/csv.js';

const dir = mkdtempSync(join(tmpdir(), 'jiuzhu-fuzz-binary-'));
afterAll(() => {
  closeWriters();
  rmSync(dir, { recursive: true, force: true });
});

/** Cases per child process: spawning (tsx, the loader's imports) costs about a second. */
const BATCH = 500;
/** A batch's time limit: generous per case (a Parquet load is ~20 ms), so only a hang trips it. */
const batchTimeout = (n: number): number => 60_000 + n * 200;

/** Why a case's outcome is wrong, or undefined if it is right. */
function judge(file: string, expect: Expectation, rep: ChildReport | undefined): string | undefined {
  if (!rep) return 'no report';
  if (rep.status === 'raw') return `raw exception: ${rep.message}`;
  if (rep.status === 'rejected') {
    if (rep.location?.file !== file) return `rejection without the file in its location: ${rep.message} ${JSON.stringify(rep.location)}`;
    if (rep.kind !== 'input' && rep.kind !== 'usage') return `rejected as ${rep.kind}: ${rep.message}`;
  }
  if ('either' in expect) return undefined;
  if ('accept' in expect) {
    if (rep.status !== 'accepted') return `rejected a valid file: ${rep.message}`;
    if (rep.households !== expect.households || rep.persons !== expect.persons) return `loaded ${rep.households} households / ${rep.persons} persons, wrote ${expect.households} / ${expect.persons}`;
    if (JSON.stringify(rep.ages) !== JSON.stringify(expect.ages)) return `ages ${JSON.stringify(rep.ages)} ≠ written ${JSON.stringify(expect.ages)}`;
    if (JSON.stringify(rep.prefectures) !== JSON.stringify(expect.prefectures)) return `prefectures ${JSON.stringify(rep.prefectures)} ≠ written ${JSON.stringify(expect.prefectures)}`;
    if (expect.warnColumn && !rep.warnings!.some((w) => w.includes(`'${expect.warnColumn}'`))) return `no warning names the extra column '${expect.warnColumn}': ${JSON.stringify(rep.warnings)}`;
    return undefined;
  }
  if (rep.status !== 'rejected') return 'accepted an invalid file';
  if (expect.code && rep.code !== expect.code) return `code ${rep.code}, expected ${expect.code}: ${rep.message}`;
  if (expect.column && rep.location?.column !== expect.column) return `column ${String(rep.location?.column)}, expected ${expect.column}: ${rep.message}`;
  if (expect.row && rep.location?.row !== expect.row) return `row ${String(rep.location?.row)}, expected ${expect.row}: ${rep.message}`;
  return undefined;
}

interface Prepared { index: number; file: string; spec: BinarySpec; expect: Expectation }

/** Writes every case's file; a case whose file cannot be written is a bug of the generator. */
async function prepare(format: BinaryFormat, specs: BinarySpec[], prefix: string): Promise<Prepared[]> {
  const out: Prepared[] = [];
  for (const [index, spec] of specs.entries()) {
    const file = join(dir, `${prefix}-${index}.${format}`);
    const built = buildCase(spec);
    await writeCase(file, format, built);
    out.push({ index, file, spec, expect: built.expect });
  }
  return out;
}

/** Runs a batch: Arrow in-process, Parquet (DuckDB, native code) in a child process. */
async function loadBatch(format: BinaryFormat, batch: { index: number; file: string }[], batchFile: string): Promise<ReturnType<typeof runBatch>> {
  if (format === 'parquet') return runBatch(batch, batchFile, batchTimeout(batch.length));
  const reports = new Map<number, ChildReport>();
  for (const { index, file } of batch) reports.set(index, await loadReport(index, file));
  return { reports };
}

/** Runs prepared cases in batches; returns every failure, described. */
async function runCases(format: BinaryFormat, cases: Prepared[], label: string): Promise<{ failures: string[]; reports: Map<number, ChildReport> }> {
  const failures: string[] = [];
  const reports = new Map<number, ChildReport>();
  for (let start = 0; start < cases.length; start += BATCH) {
    const batch = cases.slice(start, start + BATCH);
    const r = await loadBatch(format, batch.map(({ index, file }) => ({ index, file })), join(dir, `${label}-batch-${start}.json`));
    for (const [k, v] of r.reports) reports.set(k, v);
    if (r.crash) {
      const at = batch.find((c) => !r.reports.has(c.index));
      failures.push(`${label}: the child process died (${r.crash.how}) on case ${at?.index ?? '?'} (${JSON.stringify(at?.spec.damage)}, ${at?.file})\n${r.crash.stderr}`);
      if (!at) continue;
    }
    for (const c of batch) {
      if (!r.reports.has(c.index)) continue;
      const why = judge(c.file, c.expect, r.reports.get(c.index));
      if (why) failures.push(`${label} case ${c.index} (${c.spec.damage.kind}: ${JSON.stringify(c.spec.damage).slice(0, 200)}): ${why}`);
    }
  }
  return { failures, reports };
}

const KINDS: Damage['kind'][] = ['none', 'extraNumber', 'extraText', 'missingColumn', 'ageAsText', 'textValue', 'fractionalId', 'fractionalAge', 'nonFinite', 'hugeMoney', 'hugeAge', 'hugeInt64', 'nullValue', 'listColumn', 'duplicateMember', 'householdMismatch', 'noRows', 'truncate', 'flip', 'garbage'];

describe.each([
  { format: 'arrow' as const, n: 20260501 },
  { format: 'parquet' as const, n: 20260502 },
])('fuzz: $format files (loadDataset; Parquet in a child process)', ({ format, n }) => {
  it(`${RUNS} seeded cases: valid ones load what was written, damaged ones are located rejections, nothing crashes`, async () => {
    const specs = fc.sample(fc.record({ model: csvModel, damage }), { seed: seed(n), numRuns: RUNS });
    const cases = await prepare(format, specs, `fuzz-${format}`);
    const { failures, reports } = await runCases(format, cases, `${format} (seed ${seed(n)})`);
    expect(failures.slice(0, 10), `${failures.length} failing cases`).toEqual([]);
    // Every kind of damage was tried (the seeded 100 cases of each format hit all 20), and each verdict was reached somewhere.
    const kinds = new Set(specs.map((s) => s.damage.kind));
    if (RUNS >= 100) expect([...KINDS].filter((k) => !kinds.has(k))).toEqual([]);
    const statuses = new Set([...reports.values()].map((r) => r.status));
    expect([...statuses].sort()).toEqual(['accepted', 'rejected']);
  }, 120_000 + RUNS * 300);
});

// ---- every kind of bad input, once, with the outcome worked out by hand ------------------------

/**
 * Three households, six rows (1-based):
 *   1: household 10 (220100 urban, weight 2) person 1 age 40 earnings 500
 *   2: household 10                          person 2 age 12 earnings 0
 *   3: household 20 (220800 rural, weight 3) person 1 age 70 earnings 0
 *   4: household 30 (222400 urban, weight 1) person 1 age 35 earnings 1200.5
 *   5: household 30                          person 2 age 33 earnings 0
 *   6: household 30                          person 3 age 5  earnings 0
 */
const FIXED: BinarySpec['model'] = {
  households: [
    { id: 10, prefecture: 220100, urban: 1, weight: 2, persons: [{ pid: 1, age: 40, sex: 1, earnings: 500, pension: 0 }, { pid: 2, age: 12, sex: 2, earnings: 0, pension: 0 }] },
    { id: 20, prefecture: 220800, urban: 0, weight: 3, persons: [{ pid: 1, age: 70, sex: 2, earnings: 0, pension: 0 }] },
    { id: 30, prefecture: 222400, urban: 1, weight: 1, persons: [{ pid: 1, age: 35, sex: 1, earnings: 1200.5, pension: 0 }, { pid: 2, age: 33, sex: 2, earnings: 0, pension: 0 }, { pid: 3, age: 5, sex: 1, earnings: 0, pension: 0 }] },
  ],
  optional: ['weight', 'earnings'],
  extra: false, bom: false, crlf: false, quoteAll: false, trailingNewline: true, notes: [''],
};
const AGES = [40, 12, 70, 35, 33, 5];
const PREFECTURES = [220100, 220800, 222400];

/** Each explicit case: its damage, and what must come back (checked field by field). */
const EXPLICIT: { name: string; damage: Damage; bytes?: (valid: Uint8Array) => Uint8Array; want: (format: BinaryFormat) => Partial<ChildReport> & { messageMatch?: RegExp; warns?: RegExp } }[] = [
  { name: 'a valid file loads what was written', damage: { kind: 'none' }, want: () => ({ status: 'accepted', households: 3, persons: 6, ages: AGES, prefectures: PREFECTURES }) },
  { name: 'an extra numeric column is accepted with a warning naming it', damage: { kind: 'extraNumber' }, want: () => ({ status: 'accepted', persons: 6, ages: AGES, warns: /column 'income_note' is not mapped to the schema; ignored/ }) },
  { name: 'an extra text column is accepted with a warning naming it', damage: { kind: 'extraText', text: 'note ' }, want: () => ({ status: 'accepted', persons: 6, warns: /column 'remark' is not mapped to the schema; ignored/ }) },
  { name: 'a missing required column', damage: { kind: 'missingColumn', column: 'urban' }, want: () => ({ status: 'rejected', code: 'MISSING_COLUMN', location: { column: 'urban' }, messageMatch: /missing required column 'urban'/ }) },
  { name: 'wrong type: age as text holding numbers loads (as from CSV)', damage: { kind: 'ageAsText' }, want: () => ({ status: 'accepted', ages: AGES }) },
  { name: 'wrong type: a text age', damage: { kind: 'textValue', column: 'age', row: 4, text: 'old' }, want: () => ({ status: 'rejected', code: 'BAD_VALUE', location: { row: 5, column: 'age' }, messageMatch: /'old' is not a finite number/ }) },
  { name: 'wrong type: a fractional person id', damage: { kind: 'fractionalId', column: 'person_id', row: 1, value: 0.5 }, want: () => ({ status: 'rejected', code: 'BAD_VALUE', location: { row: 2, column: 'person_id' }, messageMatch: /2\.5 is not a whole number/ }) },
  { name: 'wrong type: a fractional household id', damage: { kind: 'fractionalId', column: 'household_id', row: 3, value: 0.5 }, want: () => ({ status: 'rejected', code: 'BAD_VALUE', location: { row: 4, column: 'household_id' }, messageMatch: /30\.5 is not a whole number \(and 2 more\)/ }) },
  { name: 'wrong type: a fractional age in a float column', damage: { kind: 'fractionalAge', row: 2, value: 40.5 }, want: () => ({ status: 'rejected', code: 'BAD_VALUE', location: { row: 3, column: 'age' }, messageMatch: /40\.5 is not a whole number/ }) },
  { name: 'wrong type: a list column', damage: { kind: 'listColumn' }, want: (f) => ({ status: 'rejected', code: 'BAD_VALUE', location: { row: 1, column: 'age' }, messageMatch: f === 'arrow' ? /a list \[40, 40\] is not a number \(and 5 more\)/ : /'\[40, 40\]' is not a finite number \(and 5 more\)/ }) },
  { name: 'NaN', damage: { kind: 'nonFinite', column: 'earnings', row: 0, value: Number.NaN }, want: () => ({ status: 'rejected', code: 'BAD_VALUE', location: { row: 1, column: 'earnings' }, messageMatch: /NaN is not a finite number/ }) },
  { name: '+Infinity', damage: { kind: 'nonFinite', column: 'pension', row: 5, value: Infinity }, want: () => ({ status: 'rejected', code: 'BAD_VALUE', location: { row: 6, column: 'pension' }, messageMatch: /: Infinity is not a finite number/ }) },
  { name: '-Infinity', damage: { kind: 'nonFinite', column: 'age', row: 1, value: -Infinity }, want: () => ({ status: 'rejected', code: 'BAD_VALUE', location: { row: 2, column: 'age' }, messageMatch: /-Infinity is not a finite number/ }) },
  { name: 'a huge income (1e300) is a number like any other', damage: { kind: 'hugeMoney', row: 3, value: 1e300 }, want: () => ({ status: 'accepted', persons: 6 }) },
  { name: 'a huge age', damage: { kind: 'hugeAge', row: 0, value: 1e6 }, want: () => ({ status: 'rejected', code: 'BAD_VALUE', location: { row: 1, column: 'age' }, messageMatch: /1000000 is above the maximum 120/ }) },
  { name: 'a 64-bit age beyond 2^53', damage: { kind: 'hugeInt64', column: 'age', row: 5, value: String(2n ** 62n) }, want: () => ({ status: 'rejected', code: 'BAD_VALUE', location: { row: 6, column: 'age' }, messageMatch: /46116860184273\d+ is above the maximum 120/ }) },
  { name: 'a 64-bit household id beyond 2^53', damage: { kind: 'hugeInt64', column: 'household_id', row: 0, value: String(2n ** 63n - 1n) }, want: () => ({ status: 'rejected', code: 'BAD_VALUE', location: { row: 1, column: 'household_id' }, messageMatch: /922337203685477\d+ is above the maximum 90071992547409 \(and 1 more\)/ }) },
  { name: 'a null value', damage: { kind: 'nullValue', column: 'age', row: 2 }, want: () => ({ status: 'rejected', code: 'BAD_VALUE', location: { row: 3, column: 'age' }, messageMatch: /empty value; expected a number/ }) },
  { name: 'duplicate ids: the same person twice in a household', damage: { kind: 'duplicateMember', row: 0 }, want: () => ({ status: 'rejected', code: 'DUPLICATE_ID', location: { row: 2, column: 'person_id' }, messageMatch: /duplicate person 1 in household 10 \(also on row 1\)/ }) },
  { name: 'a household column that differs between members', damage: { kind: 'householdMismatch', column: 'prefecture', row: 1 }, want: () => ({ status: 'rejected', code: 'BAD_VALUE', location: { row: 5, column: 'prefecture' }, messageMatch: /household 30 has '220100' here but '222400' on its first row \(row 4\)/ }) },
  { name: 'a file without rows', damage: { kind: 'noRows' }, want: () => ({ status: 'rejected', code: 'EMPTY_FILE', messageMatch: /the file has columns but no rows/ }) },
  { name: 'an empty (zero-byte) file', damage: { kind: 'none' }, bytes: () => new Uint8Array(0), want: (f) => ({ status: 'rejected', code: f === 'arrow' ? 'EMPTY_FILE' : 'BAD_PARQUET', messageMatch: f === 'arrow' ? /the file is empty \(0 bytes\)/ : /not a readable Parquet file/ }) },
  { name: 'a truncated file', damage: { kind: 'none' }, bytes: (b) => b.slice(0, Math.floor(b.length / 2)), want: (f) => ({ status: 'rejected', code: f === 'arrow' ? 'BAD_ARROW' : 'BAD_PARQUET', messageMatch: f === 'arrow' ? /it is truncated/ : /not a readable Parquet file/ }) },
  { name: 'bytes that are not the format at all (a CSV renamed)', damage: { kind: 'none' }, bytes: () => new TextEncoder().encode('household_id,person_id\n1,1\n'), want: (f) => ({ status: 'rejected', code: f === 'arrow' ? 'BAD_ARROW' : 'BAD_PARQUET' }) },
];

describe.each(['arrow', 'parquet'] as const)('every kind of bad input, explicitly: %s', (format) => {
  const reports = new Map<number, ChildReport>();
  const files: string[] = [];
  beforeAll(async () => {
    const cases: Prepared[] = [];
    for (const [index, c] of EXPLICIT.entries()) {
      const file = join(dir, `explicit-${format}-${index}.${format}`);
      const built = buildCase({ model: FIXED, damage: c.damage });
      await writeCase(file, format, c.bytes ? { ...built, mutateBytes: c.bytes } : built);
      files[index] = file;
      cases.push({ index, file, spec: { model: FIXED, damage: c.damage }, expect: { either: true } });
    }
    const r = await loadBatch(format, cases.map(({ index, file }) => ({ index, file })), join(dir, `explicit-${format}.json`));
    if (r.crash) throw new Error(`the child process died (${r.crash.how})\n${r.crash.stderr}`);
    for (const [k, v] of r.reports) reports.set(k, v);
  }, 120_000);

  for (const [index, c] of EXPLICIT.entries()) {
    it(c.name, () => {
      const rep = reports.get(index)!;
      const { messageMatch, warns, location, ...want } = c.want(format);
      expect(rep.status === 'raw' ? rep.message : rep.status).toBe(want.status);
      expect(rep).toMatchObject(want);
      if (rep.status === 'rejected') {
        expect(rep.kind).toBe('input');
        expect(rep.location).toMatchObject({ file: files[index], ...location });
      }
      if (messageMatch) expect(rep.message).toMatch(messageMatch);
      if (warns) expect(rep.warnings!.join('\n')).toMatch(warns);
    });
  }
});

describe('the child-process harness', () => {
  it('reports a child that dies (here: killed by its time limit) against the case it was running', () => {
    const file = join(dir, 'never-read.arrow');
    const r = runBatch([{ index: 7, file }], join(dir, 'killed.json'), 1);
    expect(r.crash?.how).toMatch(/ETIMEDOUT|SIGTERM/);
    expect(r.reports.has(7)).toBe(false);
  });
});
