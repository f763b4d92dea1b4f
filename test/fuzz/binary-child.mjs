/**
 * Child process of the binary fuzz: loads each file of a batch with loadDataset and reports one
 * JSON line per case on stdout — accepted (what it loaded), rejected (the JiuzhuError's code and
 * location) or raw (any other exception). Lines are written synchronously, so when native code
 * crashes the process the parent knows which case was running.
 *
 * Plain JavaScript on the build of the source (test/helpers.ts, builtDist()): booted through tsx
 * instead, a child cost ~0.45 s more CPU compiling the loader's imports. The parent runs the
 * same report in-process on the source for Arrow files (binary-report.ts).
 *
 *   node test/fuzz/binary-child.mjs DIST batch.json     # [{"index": 0, "file": "…"}, …]
 */
import { readFileSync, writeSync } from 'node:fs';

/** Loads one file with `loadDataset` and reports the outcome (ChildReport, binary-report.ts). */
export async function reportOf(index, file, loadDataset, isJiuzhuError) {
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

// Run as a script (not when imported for reportOf): the build's folder, then the batch file.
if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const [dist, batch] = process.argv.slice(2);
  const { loadDataset } = await import(`${dist}/data/dataset.js`);
  const { isJiuzhuError } = await import(`${dist}/engine/errors.js`);
  const cases = JSON.parse(readFileSync(batch, 'utf8'));
  for (const { index, file } of cases) writeSync(1, `${JSON.stringify(await reportOf(index, file, loadDataset, isJiuzhuError))}\n`);
}
