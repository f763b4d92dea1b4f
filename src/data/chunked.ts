/**
 * Chunked datasets: a folder of flat Arrow IPC files (one or more per prefecture) and a
 * manifest. Whole-province populations are written and simulated chunk by chunk, so memory
 * stays bounded; aggregates merge in manifest order, so results do not depend on chunking.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Population } from '../engine/population.js';
import { JiuzhuError } from '../engine/errors.js';
import { PREFECTURE_CODES } from '../engine/locality.js';
import { identityCodebook } from './codebook.js';
import type { DatasetMeta } from './types.js';
import { MANIFEST, type ChunkInfo, type Manifest } from './manifest.js';
import { flatPopulation } from './dataset.js';
import { arrowBytes } from './formats/arrow-table.js';
import { readArrowTable } from './formats/arrow-table.js';
import { assertOutputPath, isOurLeftover, markLeftover, unmarkLeftover } from './leftover.js';
import { flatColumns, fsyncFolder, processAlive, stagedFileWritten, writeFlushed } from './write.js';

export { MANIFEST, isChunkedDataset, type ChunkInfo, type Manifest } from './manifest.js';

export interface ChunkedDataset {
  kind: 'chunked';
  dir: string;
  manifest: Manifest;
  meta: DatasetMeta;
  warnings: string[];
  /**
   * Loads chunk i as a Population. `transient`: it is read only to be copied into a larger one
   * (plan.ts, a prefecture of several chunks), so its columns may be views into the file's bytes.
   */
  loadChunk(i: number, options?: { transient?: boolean }): Promise<Population>;
}

/** Opens a chunked dataset: reads the manifest, checks the chunk files exist. */
export function openChunkedDataset(dir: string): ChunkedDataset {
  const file = join(dir, MANIFEST);
  let manifest: Manifest;
  try {
    manifest = JSON.parse(readFileSync(file, 'utf8')) as Manifest;
  } catch (e) {
    throw new JiuzhuError('BAD_MANIFEST', `cannot read the chunk manifest: ${(e as Error).message}`, { location: { file } });
  }
  if (manifest.format !== 'jiuzhu-chunked' || !Array.isArray(manifest.chunks)) throw new JiuzhuError('BAD_MANIFEST', 'not a jiuzhu chunk manifest (format: jiuzhu-chunked)', { location: { file, key: 'format' } });
  manifest.chunks.forEach((c, i) => {
    if (!existsSync(join(dir, c.file))) throw new JiuzhuError('FILE_NOT_FOUND', `chunk ${i} is missing`, { location: { file: join(dir, c.file), key: `chunks.${i}` } });
    // A large dataset is read prefecture by prefecture, each from the chunks tagged with it: a
    // chunk tagged with a code no prefecture has would never be read, its households dropped.
    if (c.prefecture !== undefined && !PREFECTURE_CODES.includes(c.prefecture)) {
      throw new JiuzhuError('BAD_MANIFEST', `chunk ${i} is tagged with prefecture ${c.prefecture}, which is not a Jilin prefecture code (known: ${PREFECTURE_CODES.join(', ')})`, { location: { file, key: `chunks.${i}.prefecture` } });
    }
  });
  const sha256 = createHash('sha256').update(manifest.chunks.map((c) => c.sha256).join('\n')).digest('hex');
  return {
    kind: 'chunked',
    dir,
    manifest,
    meta: { name: manifest.name, description: manifest.description, sha256, files: manifest.chunks.map((c) => join(dir, c.file)) },
    warnings: [],
    async loadChunk(i, options = {}) {
      const c = manifest.chunks[i];
      if (!c) throw new JiuzhuError('BAD_CHUNK', `no chunk ${i}`, { kind: 'usage' });
      const pop = flatPopulation(readArrowTable(join(dir, c.file)), identityCodebook(), [], { adoptRaw: options.transient === true });
      if (c.prefecture !== undefined) checkTag(pop, c.prefecture, join(dir, c.file));
      return pop;
    },
  };
}

/**
 * Leftovers of writers that died, beside `dir`: the staging folder `.<name>.<pid>.tmp` is
 * removed; `.<name>.<pid>.old` (the earlier dataset, moved aside just before the new one is
 * renamed in) is put back as `dir` if `dir` is missing — the crash fell between the two
 * renames — and removed otherwise.
 */
export function recoverStaleChunked(dir: string): void {
  const target = resolve(dir);
  const parent = dirname(target);
  if (!existsSync(parent)) return;
  const base = basename(target);
  for (const name of readdirSync(parent)) {
    const m = /^\.(.*)\.(\d+)\.(tmp|old)$/.exec(name);
    if (!m || m[1] !== base || Number(m[2]) === process.pid || processAlive(Number(m[2]))) continue;
    const p = join(parent, name);
    // Only folders holding jiuzhu's marker for this target and pid: a user's folder is never touched.
    if (!isOurLeftover(p, target, Number(m[2]))) continue;
    if (m[3] === 'old' && !existsSync(target)) {
      renameSync(p, target);
      unmarkLeftover(target);
    } else rmSync(p, { recursive: true, force: true });
  }
}

/** Removes `p` if it is this process's own leftover for `target`; refuses to write over anything else there. */
function clearOwn(p: string, target: string): void {
  if (!existsSync(p)) return;
  if (!isOurLeftover(p, target, process.pid)) {
    throw new JiuzhuError('OUT_STAGING_TAKEN', `'${p}' exists and is not a jiuzhu staging folder, so it is not written over`, {
      kind: 'usage', location: { file: target, key: '--out' }, hint: 'move that folder away, or give another --out',
    });
  }
  rmSync(p, { recursive: true, force: true });
}

/**
 * Throws unless `dir` is absent, an empty folder or a chunked dataset: writing a dataset
 * replaces the folder, and `--out ~` must never delete a home folder.
 */
export function assertChunkedReplaceable(dir: string): void {
  if (!existsSync(dir)) return;
  const ok = statSync(dir).isDirectory() && (readdirSync(dir).length === 0 || (() => {
    try {
      return (JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8')) as { format?: unknown }).format === 'jiuzhu-chunked';
    } catch {
      return false;
    }
  })());
  if (!ok) {
    throw new JiuzhuError('OUT_NOT_DATASET', `'${dir}' exists and is not a chunked dataset (no ${MANIFEST} of format jiuzhu-chunked), so it is not replaced`, {
      kind: 'usage', location: { file: dir, key: '--out' }, hint: 'give a new or empty folder, or one an earlier `jiuzhu generate --full` wrote',
    });
  }
}


/**
 * A chunk tagged with a prefecture holds only that prefecture's households: it is read only for
 * that prefecture's slice, so a household of another would be left out of every slice.
 */
function checkTag(pop: Population, tag: number, file: string): void {
  const pref = pop.household.prefecture;
  for (let h = 0; h < pop.nHouseholds; h++) {
    const code = pref ? pref[h]! : undefined;
    if (code !== tag) {
      throw new JiuzhuError('BAD_CHUNK', `household ${pop.householdId[h]} has prefecture ${code ?? '(none)'}, but the manifest tags this chunk with prefecture ${tag}`, { location: { file, column: 'prefecture', key: `household_id ${pop.householdId[h]}` } });
    }
  }
}

/**
 * Writes a chunked dataset from a stream of populations. Every file goes into the staging
 * folder `.<name>.<pid>.tmp` beside `dir` and is flushed; only when the manifest is written
 * too is an earlier dataset at `dir` moved aside (`.<name>.<pid>.old`), the new folder renamed
 * into place and the old one removed. A crash leaves the earlier dataset or the new one, never
 * a mix; the next write to `dir` clears what a dead writer left (recoverStaleChunked). `dir`
 * must be absent, empty or an earlier chunked dataset.
 */
export async function writeChunkedDataset(
  dir: string,
  info: { name: string; description?: string },
  chunks: AsyncIterable<{ population: Population; prefecture?: number }> | Iterable<{ population: Population; prefecture?: number }>,
  onChunk?: (written: ChunkInfo, index: number) => void,
): Promise<Manifest> {
  assertOutputPath(dir);
  recoverStaleChunked(dir);
  assertChunkedReplaceable(dir);
  const tmp = join(dirname(dir), `.${basename(dir)}.${process.pid}.tmp`);
  clearOwn(tmp, dir);
  mkdirSync(tmp, { recursive: true });
  markLeftover(tmp, dir);
  const manifest: Manifest = { format: 'jiuzhu-chunked', version: 1, name: info.name, description: info.description, households: 0, persons: 0, chunks: [] };
  try {
    let i = 0;
    for await (const { population, prefecture } of chunks) {
      const file = `chunk-${String(i).padStart(4, '0')}${prefecture ? `-${prefecture}` : ''}.arrow`;
      const bytes = arrowBytes(flatColumns(population));
      writeFlushed(join(tmp, file), bytes);
      stagedFileWritten();
      const c: ChunkInfo = { file, ...(prefecture ? { prefecture } : {}), households: population.nHouseholds, persons: population.nPersons, sha256: createHash('sha256').update(bytes).digest('hex') };
      manifest.chunks.push(c);
      manifest.households += c.households;
      manifest.persons += c.persons;
      onChunk?.(c, i);
      i++; // not inside the optional call: it must count even with no callback
    }
    writeFlushed(join(tmp, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
    stagedFileWritten();
    fsyncFolder(tmp);
    // Checked again: another process may have put something there during a long write.
    assertChunkedReplaceable(dir);
    const old = join(dirname(dir), `.${basename(dir)}.${process.pid}.old`);
    clearOwn(old, dir);
    const had = existsSync(dir);
    if (had) {
      markLeftover(dir, dir);
      renameSync(dir, old);
    }
    try {
      renameSync(tmp, dir);
    } catch (e) {
      if (had) {
        renameSync(old, dir);
        unmarkLeftover(dir);
      }
      throw e;
    }
    unmarkLeftover(dir);
    fsyncFolder(dirname(resolve(dir)));
    if (had) rmSync(old, { recursive: true, force: true });
    return manifest;
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
}

/** Splits a population into households [start, end) ranges, keeping everything else. */
export function slicePopulation(pop: Population, start: number, end: number): Population {
  const a = pop.householdStart[start]!;
  const b = pop.householdStart[end]!;
  const hs = <T extends { subarray(s: number, e: number): T }>(c: T) => c.subarray(start, end);
  const ps = <T extends { subarray(s: number, e: number): T }>(c: T) => c.subarray(a, b);
  const householdStart = new Int32Array(end - start + 1);
  for (let h = start; h <= end; h++) householdStart[h - start] = pop.householdStart[h]! - a;
  const personHousehold = new Int32Array(b - a);
  for (let p = a; p < b; p++) personHousehold[p - a] = pop.personHousehold[p]! - start;
  return {
    nPersons: b - a,
    nHouseholds: end - start,
    householdId: hs(pop.householdId),
    personId: ps(pop.personId),
    personHousehold,
    householdStart,
    weight: hs(pop.weight),
    person: Object.fromEntries(Object.entries(pop.person).map(([k, v]) => [k, ps(v)])),
    household: Object.fromEntries(Object.entries(pop.household).map(([k, v]) => [k, hs(v)])),
  };
}
