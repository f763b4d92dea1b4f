/**
 * The on-disk cache of generated datasets: generating and raking the default dataset takes
 * about a second at every start, reading it back about 20 ms. An entry is keyed by the hash of
 * everything the generator reads (its own source files, the targets file, the spec), so a
 * change to any of them misses the old entry instead of reusing it. Entries are written
 * beside their place and renamed into it (never half-written), and an entry that does not hash
 * back to the population it claims is ignored and rebuilt.
 *
 * Where: `JIUZHU_CACHE_DIR` if set, else `node_modules/.cache/jiuzhu` in the package when
 * there is a node_modules folder, else `<tmpdir>/jiuzhu-cache`. `JIUZHU_CACHE_DIR=off` turns
 * the cache off.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { allocColumn, dtypeOf, type Column, type Dtype } from '../engine/column.js';
import type { Population } from '../engine/population.js';
import { packageRoot } from '../engine/paths.js';
import { writeFlushed } from './write.js';
import type { Dataset } from './types.js';
import { populationHash, type GenerateSpec } from './generated.js';
import { targetsPath } from './generate/targets.js';

/** Bumped when the file layout below changes. */
const FORMAT = 'jiuzhu-dataset-cache-1';
const MAGIC = Buffer.from('JZDSC1\n\0', 'latin1');

/** The folder of cache entries, or undefined when the cache is off. */
export function datasetCacheDir(): string | undefined {
  const env = process.env.JIUZHU_CACHE_DIR;
  if (env === 'off') return undefined;
  if (env) return env;
  const modules = join(packageRoot(), 'node_modules');
  return existsSync(modules) ? join(modules, '.cache', 'jiuzhu') : join(tmpdir(), 'jiuzhu-cache');
}

/** Source files the generator's output depends on (as .ts from the source, .js from dist/). */
function generatorSources(): string[] {
  const here = dirname(fileURLToPath(import.meta.url));
  const ext = fileURLToPath(import.meta.url).endsWith('.ts') ? '.ts' : '.js';
  const gen = join(here, 'generate');
  const files = readdirSync(gen).filter((f) => f.endsWith(ext)).sort().map((f) => join(gen, f));
  for (const f of ['calibration', 'rake', 'generated']) files.push(join(here, f + ext));
  for (const f of ['population', 'random', 'locality']) files.push(join(here, '..', 'engine', f + ext));
  return files;
}

/** The key of a generated dataset: hash of the format, the spec and name, the targets file and the generator's sources. */
export function datasetCacheKey(spec: GenerateSpec, name: string): string {
  const h = createHash('sha256');
  h.update(`${FORMAT}\0${JSON.stringify([spec.year, spec.households, spec.seed, name])}\0`);
  h.update(readFileSync(targetsPath(`jilin-${spec.year}`)));
  for (const f of generatorSources()) {
    h.update(`\0${f.slice(f.lastIndexOf('/') + 1)}\0`);
    h.update(readFileSync(f));
  }
  return h.digest('hex');
}

interface Entry { group: 'core' | 'person' | 'household'; name: string; dtype: Dtype; offset: number; length: number }
interface Header { key: string; meta: Dataset['meta']; nPersons: number; nHouseholds: number; columns: Entry[] }

/** The columns of a population in a fixed order, with their group. */
function populationColumns(pop: Population): { group: Entry['group']; name: string; col: Column }[] {
  return [
    { group: 'core', name: 'householdId', col: pop.householdId },
    { group: 'core', name: 'personId', col: pop.personId },
    { group: 'core', name: 'personHousehold', col: pop.personHousehold },
    { group: 'core', name: 'householdStart', col: pop.householdStart },
    { group: 'core', name: 'weight', col: pop.weight },
    ...Object.entries(pop.household).map(([name, col]) => ({ group: 'household' as const, name, col })),
    ...Object.entries(pop.person).map(([name, col]) => ({ group: 'person' as const, name, col })),
  ];
}

/** The bytes of a cache entry: magic, header length, header (JSON), then each column 8-byte aligned. */
export function encodeDataset(key: string, dataset: Dataset): Buffer {
  const cols = populationColumns(dataset.population);
  const entries: Entry[] = [];
  let offset = 0;
  for (const { group, name, col } of cols) {
    entries.push({ group, name, dtype: dtypeOf(col), offset, length: col.length });
    offset += Math.ceil(col.byteLength / 8) * 8;
  }
  const pop = dataset.population;
  const header: Header = { key, meta: { ...dataset.meta, files: [] }, nPersons: pop.nPersons, nHouseholds: pop.nHouseholds, columns: entries };
  let json = Buffer.from(JSON.stringify(header), 'utf8');
  const pad = (8 - ((MAGIC.length + 4 + json.length) % 8)) % 8;
  json = Buffer.concat([json, Buffer.alloc(pad, 0x20)]);
  const start = MAGIC.length + 4 + json.length;
  const out = Buffer.alloc(start + offset);
  MAGIC.copy(out, 0);
  out.writeUInt32LE(json.length, MAGIC.length);
  json.copy(out, MAGIC.length + 4);
  cols.forEach(({ col }, i) => out.set(new Uint8Array(col.buffer, col.byteOffset, col.byteLength), start + entries[i]!.offset));
  return out;
}

/** A dataset from cache bytes, or undefined when they are not a whole, matching entry. */
export function decodeDataset(bytes: Buffer, key: string): Dataset | undefined {
  try {
    if (bytes.length < MAGIC.length + 4 || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
    const len = bytes.readUInt32LE(MAGIC.length);
    const header = JSON.parse(bytes.subarray(MAGIC.length + 4, MAGIC.length + 4 + len).toString('utf8')) as Header;
    if (header.key !== key) return undefined;
    const start = MAGIC.length + 4 + len;
    const core: Record<string, Column> = {};
    const person: Record<string, Column> = {};
    const household: Record<string, Column> = {};
    for (const e of header.columns) {
      const col = allocColumn(e.dtype, e.length);
      const from = start + e.offset;
      if (from + col.byteLength > bytes.length) return undefined;
      // Copied into a buffer of its own: columns may be transferred to workers one by one.
      new Uint8Array(col.buffer).set(bytes.subarray(from, from + col.byteLength));
      (e.group === 'core' ? core : e.group === 'person' ? person : household)[e.name] = col;
    }
    const population: Population = {
      nPersons: header.nPersons,
      nHouseholds: header.nHouseholds,
      householdId: core.householdId as Float64Array,
      personId: core.personId as Float64Array,
      personHousehold: core.personHousehold as Int32Array,
      householdStart: core.householdStart as Int32Array,
      weight: core.weight as Float64Array,
      person,
      household,
    };
    // The entry must hash back to the population it was written from (a torn or altered file does not).
    if (populationHash(population) !== header.meta.sha256) return undefined;
    return { population, meta: header.meta, warnings: [] };
  } catch {
    return undefined;
  }
}

/** Writes bytes beside the target, flushed, then renames them into place. */
function writeEntry(file: string, bytes: Uint8Array): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    writeFlushed(tmp, bytes);
    renameSync(tmp, file);
  } catch {
    // A cache that cannot be written (read-only package, full disk) only costs the next start its time.
    rmSync(tmp, { force: true });
  }
}

/**
 * A generated dataset from the cache, else built with `build` and written to the cache.
 * The cache never changes what is returned: an entry holds the very columns `build` made.
 */
export function cachedGeneratedDataset(spec: GenerateSpec, name: string, build: () => Dataset): Dataset {
  const dir = datasetCacheDir();
  if (!dir) return build();
  const key = datasetCacheKey(spec, name);
  const file = join(dir, `dataset-${key.slice(0, 32)}.bin`);
  if (existsSync(file)) {
    let bytes: Buffer | undefined;
    try {
      bytes = readFileSync(file);
    } catch {
      bytes = undefined;
    }
    const hit = bytes && decodeDataset(bytes, key);
    if (hit) return hit;
  }
  const dataset = build();
  writeEntry(file, encodeDataset(key, dataset));
  pruneEntries(dir, KEEP_ENTRIES);
  return dataset;
}

/** Entries kept: the newest few (each default dataset is about 24 MB; older keys are stale sources or other specs). */
const KEEP_ENTRIES = 6;

/** Removes all but the `keep` most recently written entries. */
function pruneEntries(dir: string, keep: number): void {
  try {
    const entries = readdirSync(dir).filter((f) => /^dataset-[0-9a-f]{32}\.bin$/.test(f)).map((f) => ({ f, t: statSync(join(dir, f)).mtimeMs }));
    entries.sort((a, b) => b.t - a.t);
    for (const { f } of entries.slice(keep)) rmSync(join(dir, f), { force: true });
  } catch {
    // Another process pruning at the same time: nothing to do.
  }
}
