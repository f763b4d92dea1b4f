/**
 * Writing datasets in the flat layout (one row per person): CSV, Arrow IPC or Parquet.
 * Every file is written beside its target (`<file>.<pid>.tmp`), flushed to disk and only then
 * renamed into place, so a crash never leaves a half-written file where a complete one is
 * expected, and an earlier file there stays whole until the new one replaces it. What a killed
 * run leaves beside the target is removed by the next write to it (`removeStaleTemps`).
 */
import { closeSync, existsSync, fsyncSync, openSync, readdirSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { broadcastToPersons } from '../engine/aggregate.js';
import type { Column } from '../engine/column.js';
import { JiuzhuError } from '../engine/errors.js';
import type { Population } from '../engine/population.js';
import { arrowBytes } from './formats/arrow-table.js';
import { assertOutputPath } from './leftover.js';
import { writeParquet } from './formats/parquet-table.js';
import { HOUSEHOLD_COLUMNS, PERSON_COLUMNS } from './schema.js';

/** The flat columns of a population: ids, household columns repeated per member, person columns. */
export function flatColumns(pop: Population): Record<string, Column> {
  const out: Record<string, Column> = {};
  out.household_id = broadcastToPersons(pop, pop.householdId);
  // The population's own person ids (unique), so that reading the file back keys the random draws
  // by the same ids: a flat or chunked copy of a dataset gives the results of the dataset itself.
  out.person_id = pop.personId;
  out.weight = broadcastToPersons(pop, pop.weight);
  for (const spec of HOUSEHOLD_COLUMNS) {
    const col = pop.household[spec.name];
    if (col) out[spec.name] = broadcastToPersons(pop, col);
  }
  for (const spec of PERSON_COLUMNS) {
    const col = pop.person[spec.name];
    if (col && spec.name !== 'id' && spec.name !== 'household') out[spec.name] = col;
  }
  return out;
}

/** CSV text of columns (header, then one line per row, LF endings). */
export function csvText(columns: Record<string, Column>): string {
  const names = Object.keys(columns);
  const cols = names.map((n) => columns[n]!);
  const n = cols[0]?.length ?? 0;
  const parts: string[] = new Array<string>(n + 1);
  parts[0] = names.join(',');
  // A row's cells joined once, not added one by one to a growing string: 3–4× quicker on a
  // 60,000-row file (a string built with += is a chain of pieces, flattened again at the end).
  const cells: string[] = new Array<string>(cols.length);
  for (let r = 0; r < n; r++) {
    for (let j = 0; j < cols.length; j++) cells[j] = String(cols[j]![r]);
    parts[r + 1] = cells.join(',');
  }
  return `${parts.join('\n')}\n`;
}

/**
 * Test hook, the report writer's (src/report/staged-dir.ts) for datasets: with
 * `JIUZHU_TEST_PAUSE_AFTER_FILES=N` in the environment, the dataset writers stop after the N-th
 * file they have written beside its target (before any rename), print `paused after N files` on
 * stderr and wait up to a minute, so a test can kill the process mid-write. Unset, it costs nothing.
 */
export const PAUSE_ENV = 'JIUZHU_TEST_PAUSE_AFTER_FILES';
const PAUSE_MS = 60_000;
let stagedFiles = 0;

/** Counts a file written into a staging place; pauses there when the test hook asks for it. */
export function stagedFileWritten(): void {
  const n = Number(process.env[PAUSE_ENV]);
  if (!Number.isInteger(n) || n <= 0) return;
  stagedFiles++;
  if (stagedFiles !== n) return;
  process.stderr.write(`paused after ${n} files (${PAUSE_ENV})\n`);
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, PAUSE_MS);
}

/** Whether a process id is running (EPERM: running, as another user). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Removes the temporary files that runs which died left beside `file` (`<file>.<pid>.tmp`, `<file>.<pid>.tmp.parquet`). */
export function removeStaleTemps(file: string): void {
  const parent = dirname(file);
  if (!existsSync(parent)) return;
  const re = new RegExp(`^${escapeRe(basename(file))}\\.(\\d+)\\.tmp(?:\\.parquet)?$`);
  for (const name of readdirSync(parent)) {
    const m = re.exec(name);
    if (m && Number(m[1]) !== process.pid && !processAlive(Number(m[1]))) rmSync(join(parent, name), { force: true });
  }
}

/** Writes bytes or text to a file and flushes it to disk before returning. */
export function writeFlushed(file: string, data: string | Uint8Array): void {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const fd = openSync(file, 'w');
  try {
    for (let off = 0; off < bytes.length;) off += writeSync(fd, bytes, off, bytes.length - off);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Flushes a folder's entries (renames into it) to disk; some file systems refuse, which is harmless. */
export function fsyncFolder(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } catch {
    // Some file systems refuse fsync on a folder; the files themselves are already flushed.
  } finally {
    closeSync(fd);
  }
}

/** Flushes a file someone else wrote (the Parquet writer) to disk. */
function flushFile(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Writes bytes or text to `file` through a flushed temporary file beside it and a rename. */
export function writeAtomic(file: string, data: string | Uint8Array): void {
  assertOutputPath(file);
  removeStaleTemps(file);
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    writeFlushed(tmp, data);
    stagedFileWritten();
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

/** Writes columns in the format the file extension names (.csv, .arrow, .parquet), atomically. */
export async function writeColumns(file: string, columns: Record<string, Column>): Promise<void> {
  const ext = extname(file).toLowerCase();
  if (ext === '.csv') return writeAtomic(file, csvText(columns));
  if (ext === '.arrow' || ext === '.ipc' || ext === '.feather') return writeAtomic(file, arrowBytes(columns));
  if (ext === '.parquet') {
    assertOutputPath(file);
    removeStaleTemps(file);
    const tmp = `${file}.${process.pid}.tmp.parquet`;
    try {
      await writeParquet(tmp, columns);
      flushFile(tmp);
      stagedFileWritten();
      renameSync(tmp, file);
    } finally {
      rmSync(tmp, { force: true });
    }
    return;
  }
  throw new JiuzhuError('UNKNOWN_FORMAT', `cannot write '${ext}' files; use .csv, .arrow or .parquet`, { kind: 'usage', location: { file } });
}

/** Writes a population in the flat layout. */
export async function writePopulation(file: string, pop: Population): Promise<void> {
  return writeColumns(file, flatColumns(pop));
}
