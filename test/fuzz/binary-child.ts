/**
 * Child process of the binary fuzz: loads each file of a batch with loadDataset and reports one
 * JSON line per case on stdout — accepted (what it loaded), rejected (the JiuzhuError's code and
 * location) or raw (any other exception). Lines are written synchronously, so when native code
 * crashes the process the parent knows which case was running.
 *
 *   node --import tsx test/fuzz/binary-child.ts batch.json     # [{"index": 0, "file": "…"}, …]
 */
import { readFileSync, writeSync } from 'node:fs';
import { loadDataset } from '../../src/data/dataset.js';
import { isJiuzhuError } from '../../src/engine/errors.js';

export interface ChildReport {
  index: number;
  status: 'accepted' | 'rejected' | 'raw';
  households?: number;
  persons?: number;
  ages?: number[];
  prefectures?: number[];
  warnings?: string[];
  code?: string;
  kind?: string;
  location?: Record<string, unknown>;
  message?: string;
}

/** Loads one file and reports the outcome (also called in-process for the pure-JS Arrow loader). */
export async function loadReport(index: number, file: string): Promise<ChildReport> {
  try {
    const ds = await loadDataset(file);
    const pop = ds.population;
    return { index, status: 'accepted', households: pop.nHouseholds, persons: pop.nPersons, ages: Array.from(pop.person.age ?? []), prefectures: Array.from(pop.household.prefecture ?? []), warnings: ds.warnings };
  } catch (e) {
    return isJiuzhuError(e)
      ? { index, status: 'rejected', code: e.code, kind: e.kind, location: { ...e.location }, message: e.summary() }
      : { index, status: 'raw', message: e instanceof Error ? (e.stack ?? e.message) : String(e) };
  }
}

// Run as a script (not when imported for loadReport): the batch file is the first argument.
if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const cases = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as { index: number; file: string }[];
  for (const { index, file } of cases) writeSync(1, `${JSON.stringify(await loadReport(index, file))}\n`);
}
