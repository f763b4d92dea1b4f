/**
 * Proof that a folder beside an output is jiuzhu's own leftover. A writer that stages a folder
 * (`report --out DIR`, chunked datasets) drops a small marker file into it when it creates it,
 * and into the folder it moves aside. Recovery after a crash touches a `DIR.tmp-<n>` or
 * `DIR.old-<n>` only when it holds this marker naming that very target and process: a user's
 * `report.old-2019/` is never deleted or renamed, whatever its name.
 */
import { lstatSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

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
