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
