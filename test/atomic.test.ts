/**
 * Atomic outputs (issue #11 item 5): a dataset file or a chunked dataset being written over an
 * earlier one is written beside it and renamed into place, so a process killed mid-write leaves
 * the earlier output byte for byte, and the next write clears what it left. The CLI is paused
 * by the test hook JIUZHU_TEST_PAUSE_AFTER_FILES=N (src/data/write.ts: after the N-th file
 * written beside its target, before any rename) and killed with SIGKILL there.
 *
 * The report folder's kill test is in test/report.test.ts (same hook, src/report/staged-dir.ts).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LEFTOVER_MARKER, markLeftover } from '../src/data/leftover.js';
import { MANIFEST, openChunkedDataset, recoverStaleChunked, writeChunkedDataset } from '../src/data/chunked.js';
import { loadDataset } from '../src/data/dataset.js';
import { generateDataset, populationHash, writeGeneratedFile } from '../src/data/generated.js';
import { writeFullCount } from '../src/data/full-count.js';
import { isJiuzhuError } from '../src/engine/errors.js';
import { PAUSE_ENV } from '../src/data/write.js';
import { builtCli, ROOT } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'jiuzhu-atomic-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Every file under a path (a file, or a folder's files by relative path) → bytes. */
function snapshot(p: string): Record<string, Buffer> {
  if (!statSync(p).isDirectory()) return { [basename(p)]: readFileSync(p) };
  const out: Record<string, Buffer> = {};
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const q = join(d, name);
      if (statSync(q).isDirectory()) walk(q);
      else out[relative(p, q)] = readFileSync(q);
    }
  };
  walk(p);
  return out;
}

/** Snapshots compared as hex-free sizes and equality (a readable diff on failure). */
function expectSame(now: Record<string, Buffer>, before: Record<string, Buffer>): void {
  expect(Object.keys(now)).toEqual(Object.keys(before));
  for (const [k, b] of Object.entries(before)) expect(now[k]!.equals(b), `${k} changed`).toBe(true);
}

/** Starts the CLI with the pause hook and resolves once it has paused; returns the child and its exit. */
async function pausedCli(args: string[], after: number): Promise<{ pid: number; kill: () => Promise<NodeJS.Signals | null> }> {
  const child = spawn(process.execPath, [builtCli(), ...args], {
    cwd: ROOT, env: { ...process.env, [PAUSE_ENV]: String(after), FORCE_COLOR: '0' }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<NodeJS.Signals | null>((res) => child.on('exit', (_code, signal) => res(signal)));
  let stderr = '';
  await new Promise<void>((res, rej) => {
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      if (stderr.includes(`paused after ${after} files`)) res();
    });
    child.on('exit', () => rej(new Error(`the run ended before pausing:\n${stderr}`)));
  });
  return {
    pid: child.pid!,
    kill: async () => {
      child.kill('SIGKILL');
      return exited;
    },
  };
}

/** The pid of a process that has ended (for leftovers "of a dead run"). */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(r.stdout);
}

describe('a generated dataset file killed mid-write', () => {
  for (const ext of ['parquet', 'arrow'] as const) {
    it(`.${ext}: the earlier file stays whole, byte for byte; the next write replaces it and removes the dead run's temporary file`, async () => {
      const file = join(dir, `jilin.${ext}`);
      await writeGeneratedFile(file, { year: 2006, households: 400, seed: 3 });
      const before = snapshot(file);
      const run = await pausedCli(['generate', '--households', '700', '--seed', '4', '--out', file], 1);
      // Paused with the new file complete beside the target, not yet renamed.
      const temp = `${file}.${run.pid}.tmp${ext === 'parquet' ? '.parquet' : ''}`;
      expect(existsSync(temp)).toBe(true);
      expect(statSync(temp).size).toBeGreaterThan(0);
      expectSame(snapshot(file), before);
      expect(await run.kill()).toBe('SIGKILL');
      expectSame(snapshot(file), before);
      expect((await loadDataset(file)).population.nHouseholds).toBe(400);
      // The next write to the same file: the new data in place, nothing left beside it.
      await writeGeneratedFile(file, { year: 2006, households: 700, seed: 4 });
      expect(existsSync(temp)).toBe(false);
      expect(readdirSync(dir).filter((n) => n.startsWith(`jilin.${ext}.`))).toEqual([]);
      const back = await loadDataset(file);
      expect(populationHash(back.population)).toBe(populationHash(generateDataset({ year: 2006, households: 700, seed: 4 }).dataset.population));
    });
  }
});

describe('a chunked dataset killed mid-write', () => {
  it('generate --full over an earlier dataset: the earlier folder stays whole; the next write clears the staging folder', async () => {
    const out = join(dir, 'full');
    const first = await writeFullCount(out, { year: 2006, seed: 1, households: 2000, chunkHouseholds: 500 });
    const before = snapshot(out);
    expect(Object.keys(before)).toHaveLength(first.chunks.length + 1);
    const run = await pausedCli(['generate', '--full', '--households', '3000', '--chunk-households', '500', '--seed', '2', '--out', out], 3);
    // Mid-write: three chunk files in the staging folder beside the target (and the marker that
    // makes it provably jiuzhu's leftover), none in it.
    const staging = join(dir, `.full.${run.pid}.tmp`);
    expect(Object.keys(snapshot(staging)).filter((f) => f !== LEFTOVER_MARKER)).toHaveLength(3);
    expect(existsSync(join(staging, LEFTOVER_MARKER))).toBe(true);
    expectSame(snapshot(out), before);
    expect(await run.kill()).toBe('SIGKILL');
    expectSame(snapshot(out), before);
    expect(openChunkedDataset(out).manifest.households).toBe(2000);
    // The next write clears the dead run's staging folder and replaces the dataset whole.
    const second = await writeFullCount(out, { year: 2006, seed: 2, households: 3000, chunkHouseholds: 500 });
    expect(existsSync(staging)).toBe(false);
    expect(readdirSync(dir).filter((n) => n.startsWith('.full.'))).toEqual([]);
    expect(openChunkedDataset(out).manifest).toEqual(second);
    expect(second.households).toBe(3000);
  });

  it('a crash between moving the earlier dataset aside and renaming the new one in: the next write puts the earlier one back first', async () => {
    const out = join(dir, 'between');
    const pop = generateDataset({ year: 2006, households: 300, seed: 5 }).dataset.population;
    await writeChunkedDataset(out, { name: 'earlier' }, [{ population: pop }]);
    const before = snapshot(out);
    // What a writer killed between the two renames leaves: the earlier dataset moved aside, no target.
    const pid = deadPid();
    const old = join(dir, `.between.${pid}.old`);
    markLeftover(out, out, pid); // what the dead writer marked before moving it aside
    renameSync(out, old);
    mkdirSync(join(dir, `.between.${pid}.tmp`));
    markLeftover(join(dir, `.between.${pid}.tmp`), out, pid);
    writeFileSync(join(dir, `.between.${pid}.tmp`, 'chunk-0000.arrow'), 'half a chunk');
    recoverStaleChunked(out);
    expectSame(snapshot(out), before);
    expect(readdirSync(dir).filter((n) => n.startsWith('.between.'))).toEqual([]);
  });

  it('never replaces a folder that is not a chunked dataset: a usage error, the folder untouched, no staging folder left', async () => {
    const out = join(dir, 'home');
    mkdirSync(out);
    writeFileSync(join(out, 'notes.txt'), 'mine');
    const pop = generateDataset({ year: 2006, households: 50, seed: 6 }).dataset.population;
    const err = await writeChunkedDataset(out, { name: 'x' }, [{ population: pop }]).then(() => undefined, (e: unknown) => e);
    expect(isJiuzhuError(err) && err.code).toBe('OUT_NOT_DATASET');
    expect(isJiuzhuError(err) && err.kind).toBe('usage');
    expect(readFileSync(join(out, 'notes.txt'), 'utf8')).toBe('mine');
    expect(existsSync(join(out, MANIFEST))).toBe(false);
    expect(readdirSync(dir).filter((n) => n.startsWith('.home.'))).toEqual([]);
  });
});
