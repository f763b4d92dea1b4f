/**
 * `jiuzhu report`: the files it writes (index.html with the meta block, the delta table and every
 * chart; CSVs with a BOM that parse; JSON tables; report.xlsx with one sheet per table; SVG and
 * PNG charts), and atomic output: a run killed mid-write over an earlier report leaves that
 * report intact, byte for byte.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../src/data/csv.js';
import { loadDataset, resolveDatasetPath } from '../src/data/dataset.js';
import { escapeHtml, tableHtml } from '../src/report/html.js';
import { MANIFEST, PAUSE_ENV, recoverStale, StagedDir } from '../src/report/staged-dir.js';
import { LEFTOVER_MARKER, markLeftover } from '../src/data/leftover.js';
import { formatCell, tableCsv, type ReportTable } from '../src/report/table.js';
import { writeReport } from '../src/report/write.js';
import { loadScenario } from '../src/scenarios/input/load.js';
import { compareScenarios } from '../src/scenarios/studies/compare.js';
import { builtCli, cli, ROOT, type CliRun } from './helpers.js';

const SCENARIOS = ['scenarios/baseline-2006.yaml', 'scenarios/raise-standard-10pct.yaml'];
// The ten-household fixture and two months keep every run to seconds.
const FAST = ['--data', 'datasets/fixture-dibao', '--period', '2006-01:2006-02'];
const tmp = mkdtempSync(join(tmpdir(), 'jiuzhu-report-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Every file under a folder (relative path → sha256). */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out[relative(dir, p)] = createHash('sha256').update(readFileSync(p)).digest('hex');
    }
  };
  walk(dir);
  return out;
}

describe('jiuzhu report … --out DIR --xlsx', () => {
  const dir = join(tmp, 'report');
  let run: CliRun;
  let html: string;
  let result: any;
  beforeAll(async () => {
    run = await cli(['report', ...SCENARIOS, ...FAST, '--out', dir, '--xlsx', '--lang', 'zh']);
    html = readFileSync(join(dir, 'index.html'), 'utf8');
    result = JSON.parse(readFileSync(join(dir, 'result.json'), 'utf8'));
  });

  it('exits 0 and prints the path of index.html', () => {
    expect(run.stderr).not.toMatch(/error/i);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(join(dir, 'index.html'));
  });

  it('index.html holds the meta block: version, commit, dataset hash, seed, scenario hashes', () => {
    const meta = JSON.parse(/<script type="application\/json" id="jiuzhu-meta">([\s\S]*?)<\/script>/.exec(html)![1]!);
    expect(meta).toMatchObject({ jiuzhu: result.meta.jiuzhu, commit: result.meta.commit, dataset: result.meta.dataset, seed: 1, period: { from: '2006-01', to: '2006-02' } });
    expect(meta.scenarios.map((s: any) => s.name)).toEqual(['baseline-2006', 'raise-standard-10pct']);
    for (const s of result.meta.scenarios) expect(html).toContain(s.sha256);
    expect(html).toContain(result.meta.dataset.sha256);
    expect(html).toContain(result.meta.commit);
  });

  it('index.html holds the summary and delta tables, methodology, parameters with references, assumptions and provenance', () => {
    for (const id of ['summary', 'deltas', 'programs', 'funding', 'prefectures', 'months', 'distribution', 'parameters', 'assumptions', 'clauses', 'meta']) expect(html, id).toContain(`id="table-${id}"`);
    for (const id of ['methodology', 'provenance', 'findings']) expect(html, id).toContain(`<section id="${id}"`);
    const deltas = /<table class="data" id="table-deltas"[\s\S]*?<\/table>/.exec(html)![0];
    expect(deltas).toContain('raise-standard-10pct');
    expect(deltas).toContain('+14.97%'); // the annualised dibao cost on the fixture: 7221.72 → 8302.92 (jiuzhu compare --json); +28.x% before baseline-2006 set the 2006 rural roll-out (issue #20), which leaves the fixture's rural households out
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('城乡低保汇总');
  });

  it('index.html is self-contained: no external URL, no stylesheet or script to fetch, nothing that runs', () => {
    expect(html).not.toMatch(/(?:src|href)\s*=\s*["']?(?:https?:)?\/\//i);
    expect(html).not.toMatch(/url\(\s*["']?(?:https?:)?\/\//i);
    expect(html).not.toMatch(/<link\b|@import/i);
    expect([...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0])).toEqual(['<script type="application/json" id="jiuzhu-meta">']);
  });

  it('writes at least 8 charts as SVG and PNG, every one inlined in index.html', () => {
    const files = readdirSync(join(dir, 'charts'));
    const ids = files.filter((f) => f.endsWith('.svg')).map((f) => f.slice(0, -4));
    expect(ids.length).toBeGreaterThanOrEqual(8);
    expect(files.filter((f) => f.endsWith('.png')).sort()).toEqual(ids.map((id) => `${id}.png`).sort());
    for (const id of ids) {
      expect(readFileSync(join(dir, 'charts', `${id}.svg`), 'utf8')).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
      expect(readFileSync(join(dir, 'charts', `${id}.png`)).subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
      expect(html, id).toMatch(new RegExp(`<figure class="chart" id="chart-${id}" data-chart="${id}">\\s*<svg`));
    }
    expect([...html.matchAll(/<figure class="chart"/g)]).toHaveLength(ids.length);
  });

  it('tables/*.csv start with the UTF-8 BOM and parse to the rows of tables/*.json', () => {
    const names = readdirSync(join(dir, 'tables'));
    const ids = names.filter((f) => f.endsWith('.csv')).map((f) => f.slice(0, -4));
    expect(ids.length).toBeGreaterThanOrEqual(10);
    for (const id of ids) {
      const bytes = readFileSync(join(dir, 'tables', `${id}.csv`));
      expect([...bytes.subarray(0, 3)], id).toEqual([0xef, 0xbb, 0xbf]);
      const csv = parseCsv(bytes.toString('utf8'), `${id}.csv`);
      const json = JSON.parse(readFileSync(join(dir, 'tables', `${id}.json`), 'utf8'));
      expect(json.id).toBe(id);
      expect(csv.header, id).toEqual(json.columns.map((c: any) => c.label.zh));
      expect(csv.rows.length, id).toBe(json.rows.length);
    }
    const summary = JSON.parse(readFileSync(join(dir, 'tables/summary.json'), 'utf8'));
    const cost = summary.rows.find((r: any) => r.figure === 'costAnnual');
    expect(cost['baseline-2006']).toBeCloseTo(result.scenarios[0].summary.costAnnual, 6);
    expect(cost.change).toBeCloseTo(result.deltas[0].summary.costAnnual.absolute, 6);
  });

  it('the parameter table shows each scenario’s value on the first day with its reference and the overrides', () => {
    const params = JSON.parse(readFileSync(join(dir, 'tables/parameters.json'), 'utf8'));
    const std = params.rows.find((r: any) => r.path === 'dibao.standard');
    // The report is in Chinese (--lang zh): the kind of reference too (src/text/glossary.ts REFERENCE_KIND).
    expect(std.kind).toBe('假设');
    expect(std['value:baseline-2006']).toContain('220100.urban=158');
    expect(std['value:raise-standard-10pct']).toContain('220100.urban=173.8');
    expect(std.overrides).toMatch(/scale ×1\.1/);
    expect(params.rows.every((r: any) => ['文件条款', '统计来源', '假设'].includes(r.kind) && r.reference)).toBe(true);
    const assumptions = JSON.parse(readFileSync(join(dir, 'tables/assumptions.json'), 'utf8'));
    expect(assumptions.rows.map((r: any) => r.subject)).toEqual(expect.arrayContaining(['behaviour.takeUp', 'behaviour.observationError', 'dibao.standard']));
  });

  it('report.xlsx opens with exceljs and has one sheet per table', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'report.xlsx'));
    const tables = readdirSync(join(dir, 'tables')).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5));
    expect(wb.worksheets.map((w) => w.name).sort()).toEqual(tables.sort());
    for (const ws of wb.worksheets) {
      const json = JSON.parse(readFileSync(join(dir, 'tables', `${ws.name}.json`), 'utf8'));
      expect(ws.rowCount, ws.name).toBe(json.rows.length + 1);
    }
    const summary = wb.getWorksheet('summary')!;
    expect(summary.getRow(1).getCell(2).value).toBe('指标');
  });

  it('manifest.json lists every file with its hash', () => {
    const manifest = JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8'));
    expect(manifest.kind).toBe('jiuzhu-report');
    const snap = snapshot(dir);
    delete snap[MANIFEST];
    expect(Object.fromEntries(manifest.files.map((f: any) => [f.path, f.sha256]))).toEqual(snap);
  });

  it('a run killed mid-write over an earlier report leaves that report intact, byte for byte', async () => {
    const out = join(tmp, 'killed');
    cpSync(dir, out, { recursive: true });
    const before = snapshot(out);
    const child = spawn(process.execPath, [builtCli(), 'report', ...SCENARIOS, ...FAST, '--out', out, '--xlsx'], {
      cwd: ROOT, env: { ...process.env, [PAUSE_ENV]: '3' }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    const exited = new Promise<NodeJS.Signals | null>((res) => child.on('exit', (_code, signal) => res(signal)));
    await new Promise<void>((res, rej) => {
      child.stderr.on('data', (d: Buffer) => {
        stderr += d.toString();
        if (stderr.includes('paused after 3 files')) res();
      });
      child.on('exit', () => rej(new Error(`the report run ended before pausing:\n${stderr}`)));
    });
    // Mid-write: three files in the staging folder beside DIR (and the marker that makes it
    // provably jiuzhu's leftover), none of them in DIR.
    const staging = `${out}.tmp-${child.pid}`;
    expect(Object.keys(snapshot(staging)).filter((f) => f !== LEFTOVER_MARKER)).toHaveLength(3);
    expect(existsSync(join(staging, LEFTOVER_MARKER))).toBe(true);
    expect(snapshot(out)).toEqual(before);
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    expect(snapshot(out)).toEqual(before);
    // The next run clears what the killed one left.
    recoverStale(out);
    expect(existsSync(staging)).toBe(false);
    expect(snapshot(out)).toEqual(before);
  });
});

describe('writeReport (library)', () => {
  it('replaces an earlier report in one swap and leaves nothing beside it', async () => {
    const scenarios = SCENARIOS.map((f) => loadScenario(join(ROOT, f)));
    const data = await loadDataset(resolveDatasetPath('fixture-dibao'));
    const result = await compareScenarios(scenarios, data, { period: { from: '2006-01', to: '2006-01' }, timestamp: false });
    const out = join(tmp, 'lib');
    mkdirSync(out);
    writeFileSync(join(out, MANIFEST), JSON.stringify({ kind: 'jiuzhu-report', files: [] }));
    writeFileSync(join(out, 'stale.txt'), 'from an earlier run');
    const written = await writeReport(out, result, { lang: 'en' });
    expect(existsSync(join(out, 'stale.txt'))).toBe(false);
    expect(readdirSync(tmp).filter((n) => n.startsWith('lib.'))).toEqual([]);
    expect(Object.keys(snapshot(out)).sort()).toEqual([...written.files.map((f) => f.path), MANIFEST].sort());
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('<html lang="en">');
    expect(written.charts.length).toBeGreaterThanOrEqual(8);
  });
});

describe('staged folders', () => {
  it('refuse to replace a folder that is not an earlier report', () => {
    const out = join(tmp, 'precious');
    mkdirSync(out);
    writeFileSync(join(out, 'thesis.tex'), 'years of work');
    expect(() => new StagedDir(out)).toThrow(/not an earlier report/);
    expect(readdirSync(out)).toEqual(['thesis.tex']);
  });
  it('put the old report back when a run died between its two renames', () => {
    const out = join(tmp, 'between');
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    mkdirSync(`${out}.old-${dead}`);
    writeFileSync(join(`${out}.old-${dead}`, MANIFEST), JSON.stringify({ kind: 'jiuzhu-report', files: [] }));
    markLeftover(`${out}.old-${dead}`, out, dead); // what the dead run's commit wrote before moving it aside
    mkdirSync(`${out}.tmp-${dead}`);
    markLeftover(`${out}.tmp-${dead}`, out, dead);
    recoverStale(out);
    expect(readdirSync(out)).toEqual([MANIFEST]);
    expect(existsSync(`${out}.old-${dead}`) || existsSync(`${out}.tmp-${dead}`)).toBe(false);
  });
  it('abort removes the staging folder and leaves the target alone', () => {
    const out = join(tmp, 'aborted');
    const s = new StagedDir(out);
    s.write('a/b.txt', 'x');
    s.abort();
    expect(existsSync(s.staging)).toBe(false);
    expect(existsSync(out)).toBe(false);
  });
});

describe('tables and HTML', () => {
  const t: ReportTable = {
    id: 'x', title: { zh: '表', en: 'Table' },
    columns: [{ key: 'name', label: { zh: '名称', en: 'name' }, unit: 'text' }, { key: 'v', label: { zh: '值', en: 'value' }, unit: 'share', signed: true }],
    rows: [{ name: '<img src=x onerror=alert(1)> "a, b"', v: 0.0123 }, { name: 'line\nbreak', v: null }],
  };
  it('CSV quotes commas, quotes and line breaks, with a BOM and CRLF', () => {
    expect(tableCsv(t, 'en')).toBe('\uFEFFname,value\r\n"<img src=x onerror=alert(1)> ""a, b""",0.0123\r\n"line\nbreak",\r\n');
  });
  it('HTML escapes every text', () => {
    const h = tableHtml(t, 'en');
    expect(h).not.toContain('<img');
    expect(h).toContain('&lt;img src=x onerror=alert(1)&gt; &quot;a, b&quot;');
    expect(escapeHtml(`<>&"'`)).toBe('&lt;&gt;&amp;&quot;&#39;');
  });
  it('formats shares as %, changes of shares in pp, money with separators', () => {
    expect(formatCell(0.0123, 'share', true)).toBe('+1.23 pp');
    expect(formatCell(-1234567.891, 'yuan', true)).toBe('−1,234,567.89');
    expect(formatCell(0.5, 'share')).toBe('50.00%');
    expect(formatCell(null, 'yuan')).toBe('–');
  });
});
