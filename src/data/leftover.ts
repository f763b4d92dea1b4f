/**
 * Proof that a folder beside an output is jiuzhu's own leftover. A writer that stages a folder
 * (`report --out DIR`, chunked datasets) drops a small marker file into it when it creates it,
 * and into the folder it moves aside. Recovery after a crash touches a `DIR.tmp-<n>` or
 * `DIR.old-<n>` only when it holds this marker naming that very target and process: a user's
 * `report.old-2019/` is never deleted or renamed, whatever its name.
 */
import { existsSync, lstatSync, readFileSync, realpathSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { JiuzhuError } from '../engine/errors.js';

/** The marker's file name inside a staged or moved-aside folder. */
export const LEFTOVER_MARKER = '.jiuzhu-leftover.json';
/** A marker is a few dozen bytes; anything larger is not one (and is not read). */
const MAX_MARKER_BYTES = 4096;

interface Marker { kind: 'jiuzhu-leftover'; target: string; pid: number }

/** Writes the marker into `dir`: it is the staging (or moved-aside) folder of `target`, by process `pid`. */
export function markLeftover(dir: string, target: string, pid: number = process.pid): void {
  const marker: Marker = { kind: 'jiuzhu-leftover', target: resolve(target), pid };
  writeFileSync(join(dir, LEFTOVER_MARKER), `${JSON.stringify(marker)}\n`);
}

/** Removes the marker (a finished output keeps no trace of its staging). */
export function unmarkLeftover(dir: string): void {
  rmSync(join(dir, LEFTOVER_MARKER), { force: true });
}

/**
 * Whether `dir` is a real folder (not a link) holding a marker, itself a regular file, that names
 * `target` and `pid`.
 */
export function isOurLeftover(dir: string, target: string, pid: number): boolean {
  try {
    if (!lstatSync(dir).isDirectory()) return false;
    const file = join(dir, LEFTOVER_MARKER);
    const st = lstatSync(file);
    if (!st.isFile() || st.size > MAX_MARKER_BYTES) return false;
    const m = JSON.parse(readFileSync(file, 'utf8')) as Partial<Marker>;
    return m.kind === 'jiuzhu-leftover' && m.target === resolve(target) && m.pid === pid;
  } catch {
    return false;
  }
}

/** Filesystem types an output may never go to: their files are not storage (Linux statfs magic numbers). */
const VIRTUAL_FS = new Map<number, string>([[0x9fa0, 'proc'], [0x62656572, 'sysfs'], [0x1cd1, 'devpts'], [0x64626720, 'debugfs'], [0x27e0eb, 'cgroup'], [0x63677270, 'cgroup2']]);

/**
 * Checks an output path before anything is written: its nearest existing folder must be a
 * folder on real storage, not under /proc, /sys or /dev (where `mkdir -p` and renames misbehave:
 * `--out /proc/self/x` looped). A usage error naming `key`.
 */
export function assertOutputPath(out: string, key = '--out'): void {
  const target = resolve(out);
  const bad = (why: string): JiuzhuError => new JiuzhuError('BAD_OUTPUT_PATH', `'${out}' ${why}, so nothing is written there`, { kind: 'usage', location: { key }, hint: 'give a path on a real disk (a folder you can write)' });
  let dir = dirname(target);
  while (!existsSync(dir) && dirname(dir) !== dir) dir = dirname(dir);
  let real: string;
  try {
    real = realpathSync(dir);
  } catch {
    throw bad('is under a folder that cannot be resolved');
  }
  if (/^\/(proc|sys|dev)(\/|$)/.test(real) || /^\/(proc|sys|dev)(\/|$)/.test(target)) throw bad('is under /proc, /sys or /dev, which hold no files');
  try {
    const type = VIRTUAL_FS.get(Number(statfsSync(real).type));
    if (type) throw bad(`is on a ${type} filesystem, which holds no files`);
  } catch (e) {
    if (e instanceof JiuzhuError) throw e;
  }
  if (!lstatSync(real).isDirectory()) throw bad(`is under '${real}', which is not a folder`);
}
