/**
 * Writing datasets in the flat layout (one row per person): CSV, Arrow IPC or Parquet.
 * Every file is written beside its target and renamed into place, so a crash never leaves a
 * half-written file where a complete one is expected.
 */
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import { broadcastToPersons } from '../engine/aggregate.js';
import type { Column } from '../engine/column.js';
import { JiuzhuError } from '../engine/errors.js';
import type { Population } from '../engine/population.js';
import { arrowBytes } from './formats/arrow-table.js';
import { writeParquet } from './formats/parquet-table.js';
import { HOUSEHOLD_COLUMNS, PERSON_COLUMNS } from './schema.js';

/** The flat columns of a population: ids, household columns repeated per member, person columns. */
export function flatColumns(pop: Population): Record<string, Column> {
  const out: Record<string, Column> = {};
  out.household_id = broadcastToPersons(pop, pop.householdId);
  const member = new Int32Array(pop.nPersons);
  for (let h = 0; h < pop.nHouseholds; h++) for (let p = pop.householdStart[h]!, k = 1; p < pop.householdStart[h + 1]!; p++, k++) member[p] = k;
  out.person_id = member;
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
  const parts: string[] = [names.join(',')];
  for (let r = 0; r < n; r++) {
    let line = '';
    for (let j = 0; j < cols.length; j++) line += (j ? ',' : '') + String(cols[j]![r]);
    parts.push(line);
  }
  return `${parts.join('\n')}\n`;
}

/** Writes bytes or text to `file` through a temporary file and a rename. */
export function writeAtomic(file: string, data: string | Uint8Array): void {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, data);
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
    const tmp = `${file}.${process.pid}.tmp.parquet`;
    try {
      await writeParquet(tmp, columns);
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
