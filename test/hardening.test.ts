/**
 * Hardening found by a hostile probe (issue 23): what jiuzhu may touch, what it may read, and how
 * it reports what it refuses. Each test failed before its fix.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LEFTOVER_MARKER, markLeftover } from '../src/data/leftover.js';
import { MANIFEST, recoverStale, StagedDir } from '../src/report/staged-dir.js';
import { recoverStaleChunked } from '../src/data/chunked.js';
import { loadDataset, resolveDatasetPath } from '../src/data/dataset.js';
import { tableCsv, UTF8_BOM, type ReportTable } from '../src/report/table.js';
import { reportTables } from '../src/report/tables.js';
import { loadScenario } from '../src/scenarios/load.js';
import { compareScenarios } from '../src/scenarios/result.js';
import { ROOT } from './helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'jiuzhu-hardening-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A process id that is certainly not running: a child that has already exited. */
const deadPid = (): number => spawnSync(process.execPath, ['-e', '0']).pid!;

describe('report --out DIR touches only its own leftovers', () => {
  it("a user's report.old-<n>/ and report.tmp-<n>/ survive, even when <n> is no live process", () => {
    const out = join(tmp, 'user', 'report');
    const dead = deadPid();
    mkdirSync(`${out}.old-${dead}`, { recursive: true });
    writeFileSync(join(`${out}.old-${dead}`, 'notes.txt'), 'a backup the user made');
    mkdirSync(`${out}.tmp-${dead}`);
    writeFileSync(join(`${out}.tmp-${dead}`, 'draft.txt'), 'scratch work');
    recoverStale(out);
    // DIR was missing, yet the user's backup is not renamed into its place, nor deleted.
    expect(existsSync(out)).toBe(false);
    expect(readFileSync(join(`${out}.old-${dead}`, 'notes.txt'), 'utf8')).toBe('a backup the user made');
    expect(readFileSync(join(`${out}.tmp-${dead}`, 'draft.txt'), 'utf8')).toBe('scratch work');
    // A whole write beside them leaves them alone too.
    const s = new StagedDir(out);
    s.write('a.txt', 'x');
    s.commit();
    expect(readdirSync(join(tmp, 'user')).sort()).toEqual(['report', `report.old-${dead}`, `report.tmp-${dead}`]);
    // The marker does not stay in the finished report.
    expect(readdirSync(out).sort()).toEqual(['a.txt', MANIFEST]);
  });

  it("even a copy of an earlier report named report.old-<n> is not jiuzhu's leftover without the marker", () => {
    const out = join(tmp, 'copy', 'report');
    const dead = deadPid();
    mkdirSync(`${out}.old-${dead}`, { recursive: true });
    writeFileSync(join(`${out}.old-${dead}`, MANIFEST), JSON.stringify({ kind: 'jiuzhu-report', files: [] }));
    recoverStale(out);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(`${out}.old-${dead}`)).toEqual([MANIFEST]);
  });

  it('a marker naming another folder or another process does not make a folder ours', () => {
    const out = join(tmp, 'forged', 'report');
    const dead = deadPid();
    mkdirSync(`${out}.tmp-${dead}`, { recursive: true });
    markLeftover(`${out}.tmp-${dead}`, join(tmp, 'elsewhere'), dead);
    mkdirSync(`${out}.old-${dead}`);
    markLeftover(`${out}.old-${dead}`, out, dead + 1);
    recoverStale(out);
    expect(existsSync(`${out}.tmp-${dead}`) && existsSync(`${out}.old-${dead}`)).toBe(true);
  });

  it("jiuzhu's own leftovers of a dead run are still cleared, and the old report put back", () => {
    const out = join(tmp, 'ours', 'report');
    const dead = deadPid();
    mkdirSync(`${out}.old-${dead}`, { recursive: true });
    writeFileSync(join(`${out}.old-${dead}`, MANIFEST), JSON.stringify({ kind: 'jiuzhu-report', files: [] }));
    markLeftover(`${out}.old-${dead}`, out, dead);
    mkdirSync(`${out}.tmp-${dead}`);
    markLeftover(`${out}.tmp-${dead}`, out, dead);
    recoverStale(out);
    expect(readdirSync(out)).toEqual([MANIFEST]); // put back, marker removed
    expect(existsSync(`${out}.old-${dead}`) || existsSync(`${out}.tmp-${dead}`)).toBe(false);
    expect(LEFTOVER_MARKER).toMatch(/^\.jiuzhu/);
  });

  it('chunked datasets: a user folder named like a leftover survives', () => {
    const out = join(tmp, 'chunked', 'data');
    const dead = deadPid();
    mkdirSync(join(tmp, 'chunked', `.data.${dead}.old`), { recursive: true });
    writeFileSync(join(tmp, 'chunked', `.data.${dead}.old`, 'mine.txt'), 'keep');
    mkdirSync(join(tmp, 'chunked', `.data.${dead}.tmp`));
    recoverStaleChunked(out);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(join(tmp, 'chunked')).sort()).toEqual([`.data.${dead}.old`, `.data.${dead}.tmp`]);
  });
});

describe('CSV cells never start a spreadsheet formula', () => {
  const table: ReportTable = {
    id: 't', title: { zh: '表', en: 'T' },
    columns: [{ key: 'a', label: { zh: '=甲', en: '=a' }, unit: 'text' }, { key: 'n', label: { zh: '数', en: 'n' }, unit: 'yuan' }],
    rows: [
      { a: '=HYPERLINK("http://x","y")', n: -12.5 },
      { a: '+1+1', n: 3 },
      { a: '-2+3', n: -0.25 },
      { a: '@SUM(A1)', n: 0 },
      { a: '\tx', n: null },
      { a: '\rx', n: 1e6 },
      { a: 'plain, with comma', n: -7 },
      { a: '-12.5', n: 2 },
    ],
  };
  it('text cells starting with = + - @ tab or CR get a leading apostrophe (OWASP), numbers stay numbers', () => {
    const lines = tableCsv(table, 'en').replace(UTF8_BOM, '').split('\r\n');
    // Worked out by hand: apostrophe first, then RFC 4180 quoting where a quote, comma or CR is inside.
    expect(lines.slice(0, 6)).toEqual([
      "'=a,n",
      `"'=HYPERLINK(""http://x"",""y"")",-12.5`,
      "'+1+1,3",
      "'-2+3,-0.25",
      "'@SUM(A1),0",
      "'\tx,",
    ]);
    expect(lines[6]).toBe(`"'\rx",1000000`);
    expect(lines[7]).toBe('"plain, with comma",-7');
    // A text cell that is a plain number is a number to a spreadsheet, not a formula: left alone.
    expect(lines[8]).toBe('-12.5,2');
  });

  it('scenario text and dataset names reach tables/assumptions.csv and tables/meta.csv escaped', async () => {
    const dir = join(tmp, 'csv-scenario');
    mkdirSync(dir);
    const file = join(dir, 'evil.yaml');
    writeFileSync(file, [
      'name: evil',
      'description:',
      "  zh: '=cmd|'' /C calc''!A0'",
      "  en: '@SUM(1+1)*cmd|'' /C calc''!A0'",
      `extends: ${join(ROOT, 'scenarios', 'baseline-2006.yaml')}`,
      'behaviour:',
      '  takeUp:',
      '    rate: 0.9',
      "    assumption: '+1+cmd|'' /C calc''!A0'",
    ].join('\n'));
    const scenarios = [loadScenario(join(ROOT, 'scenarios', 'baseline-2006.yaml')), loadScenario(file)];
    const data = await loadDataset(resolveDatasetPath('fixture-dibao'));
    const result = await compareScenarios(scenarios, data, { period: { from: '2006-01', to: '2006-01' }, timestamp: false });
    const tables = reportTables(result, scenarios, { lang: 'en', dataset: { ...data.meta, description: '-1+1 a hostile dataset description' } });
    const cells = (id: string): string[] => tableCsv(tables.find((t) => t.id === id)!, 'en').replace(UTF8_BOM, '').split('\r\n').flatMap((l) => l.split(','));
    for (const id of ['assumptions', 'meta']) {
      const all = cells(id);
      expect(all.filter((c) => /^"?[=+\-@\t\r]/.test(c) && !/^"?-?\d/.test(c))).toEqual([]);
    }
    expect(cells('assumptions')).toContain("'+1+cmd|' /C calc'!A0");
    expect(cells('meta')).toContain("'-1+1 a hostile dataset description");
  });
});
