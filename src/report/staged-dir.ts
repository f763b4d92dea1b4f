/**
 * A folder written atomically: every file goes into `DIR.tmp-<pid>` beside DIR, and only when
 * all are written (and flushed to disk) is the old DIR moved aside to `DIR.old-<pid>`, the new
 * one renamed into place, and the old removed. A crash at any point leaves DIR holding either
 * the old report or the new one, never a mix. If the crash falls between the two renames, DIR
 * is briefly absent and the next run puts the old one back (see `recoverStale`).
 *
 * The folder replaced must be empty or an earlier report (it holds `manifest.json` of kind
 * `jiuzhu-report`): `--out ~` must never delete a home folder.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { assertOutputPath, isOurLeftover, markLeftover, unmarkLeftover } from '../data/leftover.js';
import { fsyncFolder, processAlive, writeFlushed } from '../data/write.js';
import { JiuzhuError } from '../engine/errors.js';

/** The manifest's name and kind: what marks a folder as a report this writer may replace. */
export const MANIFEST = 'manifest.json';
export const REPORT_KIND = 'jiuzhu-report';

/**
 * Test hook: with `JIUZHU_TEST_PAUSE_AFTER_FILES=N` in the environment, the writer stops after
 * its N-th file (printing `paused after N files` on stderr) for up to a minute, so a test can
 * kill the process mid-write. Unset, it costs nothing.
 */
export const PAUSE_ENV = 'JIUZHU_TEST_PAUSE_AFTER_FILES';
const PAUSE_MS = 60_000;

export interface ManifestEntry { path: string; bytes: number; sha256: string }

/**
 * Leftovers of runs that died: `DIR.tmp-<pid>` of a dead process is removed; `DIR.old-<pid>`
 * is put back as DIR if DIR is missing (the crash fell between the renames), else removed.
 * Only folders holding jiuzhu's marker for DIR and that pid are touched (data/leftover.ts): a
 * user's `DIR.old-2019/` is not a leftover, whatever its name.
 */
export function recoverStale(target: string): void {
  const dir = resolve(target);
  const parent = dirname(dir);
  if (!existsSync(parent)) return;
  const base = basename(dir);
  for (const name of readdirSync(parent)) {
    const m = /^(.*)\.(tmp|old)-(\d+)$/.exec(name);
    const pid = Number(m?.[3]);
    if (!m || m[1] !== base || pid === process.pid || processAlive(pid)) continue;
    const p = join(parent, name);
    if (!isOurLeftover(p, dir, pid)) continue;
    if (m[2] === 'old' && !existsSync(dir)) {
      renameSync(p, dir);
      unmarkLeftover(dir);
    } else rmSync(p, { recursive: true, force: true });
  }
}

/** Whether an existing folder may be replaced: empty, or an earlier report. */
function replaceable(dir: string): boolean {
  if (!statSync(dir).isDirectory()) return false;
  const names = readdirSync(dir);
  if (names.length === 0) return true;
  try {
    return (JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8')) as { kind?: unknown }).kind === REPORT_KIND;
  } catch {
    return false;
  }
}

/** Throws unless `target` is absent, an empty folder or an earlier report (checked before a long run, and again when writing). */
export function assertReplaceable(target: string): void {
  if (existsSync(target) && !replaceable(target)) {
    throw new JiuzhuError('OUT_NOT_REPORT', `'${target}' exists and is not an earlier report (no ${MANIFEST} of a jiuzhu report), so it is not replaced`, {
      kind: 'usage', location: { key: '--out' }, hint: 'give a new or empty folder, or one an earlier `jiuzhu report` wrote',
    });
  }
}


/** A report folder being written: `write` files into the staging folder, then `commit` or `abort`. */
export class StagedDir {
  readonly target: string;
  readonly staging: string;
  private readonly entries: ManifestEntry[] = [];
  private readonly pauseAfter: number;
  private done = false;

  constructor(target: string) {
    this.target = resolve(target);
    assertOutputPath(target);
    recoverStale(this.target);
    assertReplaceable(target);
    this.staging = `${this.target}.tmp-${process.pid}`;
    // A folder of this name that is not our own leftover (recoverStale left it) is not ours to clear.
    if (existsSync(this.staging)) {
      if (!isOurLeftover(this.staging, this.target, process.pid)) {
        throw new JiuzhuError('OUT_STAGING_TAKEN', `'${this.staging}' exists and is not a jiuzhu staging folder, so the report is not written over it`, {
          kind: 'usage', location: { key: '--out' }, hint: 'move that folder away, or give another --out',
        });
      }
      rmSync(this.staging, { recursive: true, force: true });
    }
    mkdirSync(this.staging, { recursive: true });
    markLeftover(this.staging, this.target);
    const n = Number(process.env[PAUSE_ENV]);
    this.pauseAfter = Number.isInteger(n) && n > 0 ? n : 0;
  }

  /** Files written so far (paths relative to the folder), with their sizes and hashes. */
  get files(): readonly ManifestEntry[] {
    return this.entries;
  }

  /** Writes one file (path relative to the folder, `/`-separated) and flushes it to disk. */
  write(path: string, data: string | Uint8Array): void {
    if (this.done) throw new Error('StagedDir: write after commit or abort');
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    const file = join(this.staging, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFlushed(file, bytes);
    this.entries.push({ path, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') });
    if (this.entries.length === this.pauseAfter) {
      process.stderr.write(`paused after ${this.pauseAfter} files (${PAUSE_ENV})\n`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, PAUSE_MS);
    }
  }

  /** Writes the manifest (every file with its hash), then swaps the staging folder in for the target. */
  commit(manifest: Record<string, unknown> = {}): void {
    this.write(MANIFEST, `${JSON.stringify({ kind: REPORT_KIND, ...manifest, files: [...this.entries] }, null, 2)}\n`);
    this.done = true;
    for (const d of new Set(this.entries.map((e) => dirname(join(this.staging, e.path))))) fsyncFolder(d);
    const old = `${this.target}.old-${process.pid}`;
    const had = existsSync(this.target);
    if (existsSync(old)) {
      throw new JiuzhuError('OUT_STAGING_TAKEN', `'${old}' exists, so the earlier report cannot be moved aside there`, {
        kind: 'usage', location: { key: '--out' }, hint: 'move that folder away, or give another --out',
      });
    }
    // Marked before it is moved aside, so a crash before the swap leaves a folder recovery knows as ours.
    if (had) {
      markLeftover(this.target, this.target);
      renameSync(this.target, old);
    }
    try {
      renameSync(this.staging, this.target);
    } catch (e) {
      if (had) {
        renameSync(old, this.target);
        unmarkLeftover(this.target);
      }
      throw e;
    }
    unmarkLeftover(this.target);
    fsyncFolder(dirname(this.target));
    if (had) rmSync(old, { recursive: true, force: true });
  }

  /** Removes the staging folder; the target is untouched. */
  abort(): void {
    this.done = true;
    rmSync(this.staging, { recursive: true, force: true });
  }
}
