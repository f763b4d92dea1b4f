/**
 * Determinism (issue #11 item 4): the same inputs and seed give the same bytes, across runs
 * (separate processes, here started at the same time) and across worker counts. Each check runs
 * the CLI twice at once on a generated 2,000-household sample or a small full count: once as the
 * built CLI in a child process (node dist/cli/main.js), once in-process through `main(argv, io)`
 * (a run in a process that has already run others must still give the same bytes).
 *
 * Covered elsewhere, not repeated here: `compare` without workers vs `--workers 2` (CLI), the
 * library's sliced and chunked runs and `projectResult` with 1 and 2 workers
 * (test/workers.test.ts); `generate --households … --seed` twice into .csv, .arrow and
 * .parquet (test/generate-cli.test.ts).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDataset } from '../src/data/generated.js';
import { writePopulation } from '../src/data/write.js';
import { cli, cliChild, useBuiltWorkers } from './helpers.js';

// The in-process runs' worker threads (`run --workers 2` below) boot from a fresh build of this
// source, as the child's do from dist/, not through tsx (helpers.ts useBuiltWorkers): the same code, less start-up.
useBuiltWorkers();

const dir = mkdtempSync(join(tmpdir(), 'jiuzhu-determinism-'));
const sample = join(dir, 'sample-2000.arrow');
const SCENARIOS = ['scenarios/baseline-2006.yaml', 'scenarios/raise-standard-10pct.yaml'];

beforeAll(async () => {
  await writePopulation(sample, generateDataset({ year: 2006, households: 2000, seed: 11 }).dataset.population);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Out { status: number | null; stdout: string; stderr: string }

/** Both runs at once, `a` in a child process and `b` in this one; both must succeed. */
async function twice(a: string[], b: string[] = a): Promise<[Out, Out]> {
  const [x, y] = await Promise.all([cliChild(a), cli(b)]);
  expect(x.status, x.stderr).toBe(0);
  expect(y.status, y.stderr).toBe(0);
  return [x, y];
}

/** Every file under a folder (relative path → bytes). */
function files(root: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.set(relative(root, p), readFileSync(p));
    }
  };
  walk(root);
  return out;
}

describe('the same inputs and seed give the same bytes', () => {
  it('run --json (with bootstrap replicates), with and without --no-timestamp: the same stdout but for meta.createdAt', async () => {
    // One run of each (three before: the in-process run was made with and without --no-timestamp).
    // The child's stdout, byte for byte, is the in-process run's document with meta.createdAt taken
    // out and printed as the CLI prints it (two-space JSON and a newline), so two runs in two
    // processes give the same bytes, and createdAt is the only field --no-timestamp changes.
    const args = ['run', SCENARIOS[0]!, '--data', sample, '--period', '2006-01:2006-02', '--replicates', '20', '--json'];
    const [a, stamped] = await twice([...args, '--no-timestamp'], args);
    const doc = JSON.parse(a.stdout);
    expect(doc.meta.createdAt).toBeUndefined();
    expect(doc.meta.replicates.count).toBe(20);
    expect(doc.scenarios[0].summary.recipients).toBeGreaterThan(0);
    // docs/cli.md's promise: meta.createdAt is the only field that differs between two identical runs.
    const s = JSON.parse(stamped.stdout);
    expect(Number.isNaN(Date.parse(s.meta.createdAt))).toBe(false);
    delete s.meta.createdAt;
    expect(`${JSON.stringify(s, null, 2)}\n`).toBe(a.stdout);
  }, 120_000);

  it('report into two folders: every table (CSV and JSON), chart, index.html and result.json is byte-identical; report.xlsx holds the same cells', async () => {
    const [x, y] = [join(dir, 'report-a'), join(dir, 'report-b')];
    const args = (out: string): string[] => ['report', ...SCENARIOS, '--data', sample, '--period', '2006-01:2006-01', '--no-timestamp', '--xlsx', '--out', out];
    await twice(args(x), args(y));
    const a = files(x);
    const b = files(y);
    expect([...b.keys()]).toEqual([...a.keys()]);
    const tables = [...a.keys()].filter((k) => k.startsWith('tables/'));
    expect(tables.filter((k) => k.endsWith('.csv')).length).toBeGreaterThanOrEqual(13);
    expect(tables.filter((k) => k.endsWith('.json')).length).toBeGreaterThanOrEqual(13);
    for (const [k, bytes] of a) {
      if (k === 'report.xlsx' || k === 'manifest.json') continue;
      expect(bytes.equals(b.get(k)!), k).toBe(true);
    }
    // The manifest differs only in the workbook's hash.
    const strip = (m: Buffer): unknown => {
      const j = JSON.parse(m.toString('utf8'));
      j.files = j.files.filter((f: { path: string }) => f.path !== 'report.xlsx');
      return j;
    };
    expect(strip(b.get('manifest.json')!)).toEqual(strip(a.get('manifest.json')!));
    // report.xlsx: exceljs stamps docProps/core.xml (created, modified) and every zip entry
    // with the wall clock even with --no-timestamp (src/report/write.ts passes no date then), so
    // its bytes differ between runs a second apart. Its contents do not: every cell of every sheet.
    const cells = async (buf: Buffer): Promise<string> => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(buf as unknown as ArrayBuffer);
      const out: string[] = [];
      wb.eachSheet((ws) => ws.eachRow((row, r) => row.eachCell((cell, c) => out.push(`${ws.name}!${r}:${c}=${JSON.stringify(cell.value)}:${cell.numFmt ?? ''}`))));
      return out.join('\n');
    };
    const [ca, cb] = [await cells(a.get('report.xlsx')!), await cells(b.get('report.xlsx')!)];
    expect(ca.length).toBeGreaterThan(1000);
    expect(cb).toBe(ca);
  }, 120_000);

  it('generate --full twice: the same manifest and chunk files, byte for byte; run over it with --workers 1 and 2: the same result JSON', async () => {
    const [x, y] = [join(dir, 'full-a'), join(dir, 'full-b')];
    const args = (out: string): string[] => ['generate', '--full', '--households', '3000', '--chunk-households', '500', '--seed', '7', '--out', out];
    await twice(args(x), args(y));
    const a = files(x);
    const b = files(y);
    expect([...b.keys()]).toEqual([...a.keys()]);
    expect(a.size).toBeGreaterThan(9); // at least one chunk per prefecture, and the manifest
    for (const [k, bytes] of a) expect(bytes.equals(b.get(k)!), k).toBe(true);
    const run = (workers: string): string[] => ['run', SCENARIOS[0]!, '--data', x, '--period', '2006-01:2006-01', '--json', '--no-timestamp', '--workers', workers];
    const [one, two] = await twice(run('1'), run('2'));
    expect(two.stdout).toBe(one.stdout);
    expect(JSON.parse(one.stdout).scenarios[0].summary.population).toBeGreaterThan(0);
  }, 120_000);
});
