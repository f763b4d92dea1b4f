/**
 * Datasets. Three layouts load into the same Population:
 * - a flat file (.csv, .arrow, .parquet), one row per person with household_id, person_id and
 *   the household's columns repeated on each member's row (the census-microdata layout);
 *   a codebook maps other names and codes onto it;
 * - a folder with households.csv and persons.csv (hand-made fixtures);
 * - a name under datasets/.
 * Every value is validated; problems name the file, row, line, column, value and expectation.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, isAbsolute, join, resolve } from 'node:path';
import { z } from 'zod';
import { allocColumn, type Column } from '../engine/column.js';
import { isJiuzhuError, JiuzhuError, throwMany, type ErrorLocation } from '../engine/errors.js';
import { createPopulation, type Population } from '../engine/population.js';
import { specialise } from '../engine/specialise.js';
import { assertRegularFile, readBoundedText } from '../engine/input-file.js';
import { MAX_YAML_BYTES } from '../engine/limits.js';
import { parseYamlSource, yamlToJs } from '../engine/yaml-source.js';
import { packagePath } from '../engine/paths.js';
import { identityCodebook, type Codebook, type ColumnSource } from './codebook.js';
import { convertColumn, type Problem } from './convert.js';
import { readArrowTable } from './formats/arrow-table.js';
import { readCsvTable, type Encoding } from './formats/csv-table.js';
import { assertFitsInMemory } from './formats/memory-estimate.js';
import { readParquetTable } from './formats/parquet-table.js';
import type { RawTable } from './formats/raw-table.js';
import { HOUSEHOLD_COLUMNS, PERSON_COLUMNS, type ColumnSpec } from './schema.js';
import { isChunkedDataset } from './manifest.js';
import type { Dataset } from './types.js';
import { generateDataset, type GenerateSpec } from './generated.js';
import { cachedGeneratedDataset } from './dataset-cache.js';

export type { Dataset, DatasetMeta } from './types.js';

export interface LoadOptions {
  codebook?: Codebook;
  encoding?: Encoding;
}

/** The dataset used when a scenario names none. */
export const DEFAULT_DATASET = 'jilin-2006';

const FLAT_EXTENSIONS = new Set(['.csv', '.arrow', '.feather', '.ipc', '.parquet']);

/** Resolves a dataset reference: a path (relative to `baseDir`), or a name under datasets/. */
export function resolveDatasetPath(ref: string, baseDir = process.cwd()): string {
  const asPath = isAbsolute(ref) ? ref : resolve(baseDir, ref);
  if (existsSync(asPath)) return asPath;
  const named = packagePath('datasets', ref);
  if (existsSync(named)) return named;
  throw new JiuzhuError('DATASET_NOT_FOUND', `dataset '${ref}' not found (looked for ${asPath === named ? asPath : `${asPath} and ${named}`})`, {
    location: { file: asPath, key: 'dataset' },
    hint: 'give a .csv/.arrow/.parquet file, a folder with households.csv and persons.csv, or a name under datasets/',
  });
}

/** Loads a dataset from a file or folder into memory. */
export async function loadDataset(path: string, options: LoadOptions = {}): Promise<Dataset> {
  if (!existsSync(path)) throw new JiuzhuError('DATASET_NOT_FOUND', 'dataset not found', { location: { file: path } });
  if (statSync(path).isDirectory() && isChunkedDataset(path)) {
    throw new JiuzhuError('CHUNKED_DATASET', 'this is a chunked dataset; it is simulated chunk by chunk, not loaded whole', { kind: 'usage', location: { file: path }, hint: 'use openDataset(), or pass it to jiuzhu run --data' });
  }
  if (statSync(path).isDirectory()) return loadFolder(path, options);
  const ext = extname(path).toLowerCase();
  if (!FLAT_EXTENSIONS.has(ext)) throw new JiuzhuError('UNKNOWN_FORMAT', `unknown data format '${ext || basename(path)}'; use .csv, .arrow or .parquet`, { location: { file: path } });
  const raw = await readRawTable(path, options.encoding ?? options.codebook?.encoding);
  const warnings: string[] = [];
  const population = flatPopulation(raw, options.codebook ?? identityCodebook(), warnings);
  return { population, meta: { name: basename(path, ext), sha256: hashFiles([path]), files: [path] }, warnings };
}

/**
 * Reads any supported file as a raw table. Each reader reports the table's size (rows from the
 * Parquet or Arrow metadata, estimated from the file size for CSV) before it builds the raw
 * columns, and a table that would not fit in memory is refused then (see memory-estimate.ts).
 */
export async function readRawTable(file: string, encoding?: Encoding): Promise<RawTable> {
  // A device (/dev/zero, or a .csv symlink to it) or a FIFO is refused before anything is read.
  assertRegularFile(file, 'data file');
  const ext = extname(file).toLowerCase();
  if (ext === '.parquet') return readParquetTable(file, assertFitsInMemory);
  if (ext === '.arrow' || ext === '.feather' || ext === '.ipc') return readArrowTable(file, assertFitsInMemory);
  return readCsvTable(file, encoding, assertFitsInMemory);
}

function hashFiles(files: string[]): string {
  const h = createHash('sha256');
  for (const f of files) {
    assertRegularFile(f, 'data file');
    h.update(basename(f)).update(readFileSync(f));
  }
  return h.digest('hex');
}

/** dataset.yaml of a dataset folder. */
const DatasetYamlSchema = z.strictObject({
  name: z.string().min(1).optional(),
  description: z.string().optional(),
  households: z.string().min(1).optional(),
  persons: z.string().min(1).optional(),
  file: z.string().min(1).optional(),
  // GenerateSpec: only 2006 has calibration targets (datasets/jilin-2006/targets.yaml).
  generate: z.strictObject({ year: z.literal(2006), households: z.number().int().positive(), seed: z.number().int().nonnegative() }).optional(),
});
type DatasetYaml = z.infer<typeof DatasetYamlSchema>;

/** Reads and checks a folder's dataset.yaml; every problem names the file, line and key. */
function readDatasetYaml(file: string): DatasetYaml {
  const text = readBoundedText(file, { maxBytes: MAX_YAML_BYTES, what: 'dataset.yaml', limitName: 'parameter file size' });
  const src = parseYamlSource(text, file);
  const raw = yamlToJs(src) ?? {};
  const parsed = DatasetYamlSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  throwMany('BAD_DATASET_YAML', parsed.error.issues.flatMap((i) => {
    const path = i.path.map(String);
    const keys = i.code === 'unrecognized_keys' ? i.keys.map((k) => [...path, k]) : [path];
    return keys.map((k) => ({ message: i.code === 'unrecognized_keys' ? `unknown key '${k.join('.')}'` : i.message, location: { file, line: src.lineAt(k), key: k.join('.') || undefined } as ErrorLocation }));
  }), 'dataset.yaml has name, description, and either households/persons (CSV files in the folder), file (one flat file) or generate: {year, households, seed}');
}

async function loadFolder(dir: string, options: LoadOptions): Promise<Dataset> {
  const metaFile = join(dir, 'dataset.yaml');
  const meta: DatasetYaml = existsSync(metaFile) ? readDatasetYaml(metaFile) : {};
  if (meta.generate) {
    // A generated dataset: built from its targets (about a second for 100k households) once per
    // process, then shared; populations are never mutated.
    const dataset = generatedDataset(meta.generate, meta.name ?? basename(dir));
    return { ...dataset, warnings: [...dataset.warnings], meta: { ...dataset.meta, description: meta.description ?? dataset.meta.description, files: [metaFile] } };
  }
  if (meta.file) {
    const ds = await loadDataset(join(dir, meta.file), options);
    return { ...ds, meta: { ...ds.meta, name: meta.name ?? basename(dir), description: meta.description } };
  }
  const hFile = join(dir, meta.households ?? 'households.csv');
  const pFile = join(dir, meta.persons ?? 'persons.csv');
  for (const f of [hFile, pFile]) if (!existsSync(f)) throw new JiuzhuError('FILE_NOT_FOUND', 'dataset file not found', { location: { file: f }, hint: 'a dataset folder holds households.csv and persons.csv (or dataset.yaml naming a flat file)' });
  const warnings: string[] = [];
  const hRaw = await readRawTable(hFile, options.encoding);
  const pRaw = await readRawTable(pFile, options.encoding);
  const hh = tableColumns(hRaw, HOUSEHOLD_COLUMNS, warnings);
  const pp = tableColumns(pRaw, PERSON_COLUMNS, warnings);
  const { id: hid, weight, ...hcols } = hh;
  const { id: pid, household, ...pcols } = pp;
  const population = createPopulation({ households: { id: hid!, weight: weight!, columns: hcols }, persons: { id: pid!, household: household!, columns: pcols }, source: pFile });
  return { population, meta: { name: meta.name ?? basename(dir), description: meta.description, sha256: hashFiles([hFile, pFile]), files: [hFile, pFile] }, warnings };
}

/** Generated datasets of this process, by spec and name; the oldest is dropped beyond a few. */
const generatedCache = new Map<string, Dataset>();
const GENERATED_CACHE_SIZE = 4;

function generatedDataset(spec: GenerateSpec, name: string): Dataset {
  const key = JSON.stringify([spec.year, spec.households, spec.seed, name]);
  let dataset = generatedCache.get(key);
  if (!dataset) {
    // Cached on disk across processes, keyed by the generator's inputs (dataset-cache.ts).
    dataset = cachedGeneratedDataset(spec, name, () => generateDataset(spec, name).dataset);
    if (generatedCache.size >= GENERATED_CACHE_SIZE) generatedCache.delete(generatedCache.keys().next().value!);
    generatedCache.set(key, dataset);
  }
  return dataset;
}

/** Converts every schema column of a table whose columns carry the schema's own names. */
export function tableColumns(t: RawTable, specs: readonly ColumnSpec[], warnings: string[]): Record<string, Column> {
  const problems: Problem[] = [];
  const out: Record<string, Column> = {};
  const defaulted: string[] = [];
  for (const spec of specs) {
    if (!t.names.includes(spec.name)) {
      if (spec.required) problems.push({ message: `missing required column '${spec.name}' (${spec.description})`, location: { file: t.file, line: t.format === 'csv' ? 1 : undefined, column: spec.name } });
      else {
        out[spec.name] = allocColumn(spec.dtype, t.nRows).fill(spec.default ?? 0);
        defaulted.push(`${spec.name}=${spec.default ?? 0}`);
      }
    }
  }
  if (defaulted.length) warnings.push(`${t.file}: ${defaulted.length} optional column(s) missing, documented defaults used: ${defaulted.join(', ')}`);
  if (problems.length) throwMany('MISSING_COLUMN', problems);
  for (const spec of specs) if (t.names.includes(spec.name)) out[spec.name] = convertColumn(t, { from: spec.name }, spec, problems);
  const known = new Set(specs.map((s) => s.name));
  for (const n of t.names) if (!known.has(n)) warnings.push(`${t.file}: column '${n}' is not in the schema; ignored`);
  if (problems.length) throwMany('BAD_VALUE', problems);
  return out;
}

/** A flat person-level table → Population, via a codebook. */
/**
 * `adoptRaw`: the population is read only to be copied (a prefecture's chunks put end to end), so
 * a raw column already of its column's type may become the column as it is, a view into the
 * file's bytes, instead of a copy. Not for a population that is kept: its views would keep the
 * whole file alive, the unmapped columns and the per-person copies of household columns too.
 */
export function flatPopulation(t: RawTable, codebook: Codebook, warnings: string[], options: { adoptRaw?: boolean } = {}): Population {
  if (t.nRows === 0) throw new JiuzhuError('EMPTY_FILE', `the file has ${t.format === 'csv' ? 'a header' : 'columns'} but no rows`, { location: { file: t.file } });
  const problems: Problem[] = [];
  const present = new Set(t.names);
  const sourceOf = (name: string): ColumnSource | undefined => {
    const s = codebook.columns[name];
    return s && present.has(s.from) ? s : undefined;
  };
  const hSpecs = HOUSEHOLD_COLUMNS.filter((c) => c.name !== 'id');
  const pSpecs = PERSON_COLUMNS.filter((c) => c.name !== 'id' && c.name !== 'household');
  // Person keys are household id × MAX_MEMBERS + member index: the household id must keep that exact in a double.
  const idSpec = (name: string): ColumnSpec => ({ ...(PERSON_COLUMNS.find((c) => c.name === 'id')!), name, ...(name === 'household_id' ? { max: Math.floor(Number.MAX_SAFE_INTEGER / MAX_MEMBERS) } : {}), description: name === 'household_id' ? 'Household id: the same on every member’s row' : 'Person id or member number, unique within the household' });
  for (const [name, spec] of [['household_id', idSpec('household_id')], ['person_id', idSpec('person_id')], ...hSpecs.map((s) => [s.name, s] as const), ...pSpecs.map((s) => [s.name, s] as const)] as const) {
    if (!sourceOf(name) && spec.required && codebook.defaults[name] === undefined) {
      const from = codebook.columns[name]?.from ?? name;
      problems.push({ message: `missing required column '${from}'${from !== name ? ` (jiuzhu '${name}')` : ''}: ${spec.description}`, location: { file: t.file, line: t.format === 'csv' ? 1 : undefined, column: from } });
    }
  }
  if (problems.length) throwMany('MISSING_COLUMN', problems, codebook.file ? undefined : 'if your columns have other names, map them with a codebook (--codebook FILE)');
  // A raw column read for one column only may become it without a copy (convertColumn's `adopt`).
  const uses = new Map<string, number>();
  for (const c of Object.values(codebook.columns)) uses.set(c.from, (uses.get(c.from) ?? 0) + 1);
  const alone = (src: ColumnSource): boolean => options.adoptRaw === true && uses.get(src.from) === 1;
  const hid = convertColumn(t, sourceOf('household_id')!, idSpec('household_id'), problems);
  const pid = convertColumn(t, sourceOf('person_id')!, idSpec('person_id'), problems);
  if (problems.length) throwMany('BAD_VALUE', problems);
  // Households in order of first appearance; each household's columns come from its first row.
  // Surveys number persons within the household, so (household, person) must be unique.
  const households = householdsOfRows(hid);
  const { rowHousehold, firstRows, householdIds } = households;
  if (hasDuplicateMembers(pid, households)) duplicateMembers(t, hid, pid, sourceOf('person_id')!.from, problems);
  if (problems.length) throwMany('DUPLICATE_ID', problems);
  const defaulted: string[] = [];
  const fill = (spec: ColumnSpec, n: number): Column => {
    const v = codebook.defaults[spec.name] ?? spec.default ?? 0;
    if (codebook.defaults[spec.name] === undefined) defaulted.push(`${spec.name}=${v}`);
    return allocColumn(spec.dtype, n).fill(v);
  };
  const hcols: Record<string, Column> = {};
  for (const spec of hSpecs) {
    const src = sourceOf(spec.name);
    if (!src) { hcols[spec.name] = fill(spec, firstRows.length); continue; }
    hcols[spec.name] = convertColumn(t, src, spec, problems, firstRows);
    const raw = t.column(src.from);
    // Equal raw values print the same: only rows that differ from their household's first row
    // (found by a tight scan) need the text comparison.
    for (let r = nextDifferent(raw, households, 0); r >= 0 && problems.length < 1000; r = nextDifferent(raw, households, r + 1)) {
      const f = firstRows[rowHousehold[r]!]!;
      if (String(raw[r]).trim() !== String(raw[f]).trim()) {
        problems.push({ message: `household ${hid[r]} has '${String(raw[r]).trim()}' here but '${String(raw[f]).trim()}' on its first row (${t.location(f).line ? `line ${t.location(f).line}` : `row ${f + 1}`}); a household column must be the same on every member's row`, location: { file: t.file, ...t.location(r), column: src.from } });
      }
    }
  }
  const pcols: Record<string, Column> = {};
  for (const spec of pSpecs) {
    const src = sourceOf(spec.name);
    pcols[spec.name] = src ? convertColumn(t, src, spec, problems, undefined, alone(src)) : fill(spec, t.nRows);
  }
  if (defaulted.length) warnings.push(`${t.file}: ${defaulted.length} optional column(s) missing, documented defaults used: ${defaulted.join(', ')}`);
  const used = new Set(Object.values(codebook.columns).map((c) => c.from));
  for (const n of t.names) if (!used.has(n)) warnings.push(`${t.file}: column '${n}' is not mapped to the schema; ignored`);
  if (problems.length) throwMany('BAD_VALUE', problems);
  const { weight, ...hrest } = hcols;
  return createPopulation({
    households: { id: householdIds, weight: weight!, columns: hrest },
    // Internal person ids are the file's person_id where those are unique (as a CSV folder keeps
    // its own, so that a flat or chunked copy of a folder draws the same), else household id × 100
    // + member index: unique even where the file numbers members per household. Either way the
    // same whichever chunk holds the household (the keyed random generator draws by id).
    persons: { id: uniqueIds(pid) ? pid : memberKeys(hid, rowHousehold, firstRows.length, t), household: hid, columns: pcols },
    source: t.file,
  });
}

/**
 * Whether no two rows share an id (equal as a Set compares them: NaN equals NaN, −0 equals 0).
 * Ids in increasing order are unique at a glance (a full-count chunk's 1.5M person ids: 2 ms,
 * against 1.5 s for a Set of them); others are sorted and compared with their neighbour.
 */
export function uniqueIds(ids: ArrayLike<number>): boolean {
  let r = 1;
  while (r < ids.length && ids[r]! > ids[r - 1]!) r++;
  if (r >= ids.length) return true;
  const sorted = Float64Array.from(ids).sort();
  // A typed array sorts NaN last; two of them are one id twice.
  let nans = 0;
  for (let i = sorted.length - 1; i >= 0 && Number.isNaN(sorted[i]!); i--) nans++;
  if (nans > 1) return false;
  for (let i = 1; i < sorted.length - nans; i++) if (sorted[i] === sorted[i - 1]) return false;
  return true;
}

/** Most members a household may have: person keys are household id × 100 + member index. */
const MAX_MEMBERS = 100;

/** household id × 100 + the member's index (0, 1, …) in order of appearance, as the generator numbers them. */
function memberKeys(hid: ArrayLike<number>, rowHousehold: Int32Array, nHouseholds: number, t: RawTable): Float64Array {
  const next = new Int32Array(nHouseholds);
  const out = new Float64Array(hid.length);
  for (let r = 0; r < hid.length; r++) {
    const h = rowHousehold[r]!;
    const k = next[h]!;
    if (k >= MAX_MEMBERS) throw new JiuzhuError('HOUSEHOLD_TOO_LARGE', `household ${hid[r]} has more than ${MAX_MEMBERS} members`, { location: { file: t.file, ...t.location(r) } });
    next[h] = k + 1;
    out[r] = hid[r]! * MAX_MEMBERS + k;
  }
  return out;
}

/** Households of a flat table's rows (see householdsOfRows). */
interface RowHouseholds {
  /** Household index of every row. */
  rowHousehold: Int32Array;
  /** First row of each household. */
  firstRows: Int32Array;
  /** Household ids in order of first appearance. */
  householdIds: Float64Array;
  /** Whether each household's rows follow each other (rows firstRows[h] … firstRows[h+1]-1). */
  contiguous: boolean;
}

/**
 * Households in order of first appearance: the household index of every row, the first row of
 * each household, and the household ids. Integer ids in a compact range are looked up in a
 * table; other ids in a Map, consulted once per run of equal ids.
 */
function householdsOfRows(hid: ArrayLike<number>): RowHouseholds {
  const n = hid.length;
  const rowHousehold = new Int32Array(n);
  const first: number[] = [];
  let min = Infinity;
  let max = -Infinity;
  let integers = true;
  for (let r = 0; r < n && integers; r++) {
    const v = hid[r]!;
    if (!Number.isSafeInteger(v)) integers = false;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (n > 0 && integers && max - min <= 4 * n + 1024) {
    const table = new Int32Array(max - min + 1).fill(-1);
    for (let r = 0; r < n; r++) {
      const k = hid[r]! - min;
      let h = table[k]!;
      if (h < 0) {
        h = table[k] = first.length;
        first.push(r);
      }
      rowHousehold[r] = h;
    }
  } else {
    const index = new Map<number, number>();
    let prevId = NaN;
    let prevH = -1;
    for (let r = 0; r < n; r++) {
      const id = hid[r]!;
      if (id !== prevId) {
        let h = index.get(id);
        if (h === undefined) {
          h = first.length;
          index.set(id, h);
          first.push(r);
        }
        prevId = id;
        prevH = h;
      }
      rowHousehold[r] = prevH;
    }
  }
  const firstRows = Int32Array.from(first);
  const householdIds = new Float64Array(firstRows.length);
  // `+ 0` as a Map key would: a household id -0 is 0.
  for (let h = 0; h < firstRows.length; h++) householdIds[h] = hid[firstRows[h]!]! + 0;
  let runs = n > 0 ? 1 : 0;
  for (let r = 1; r < n; r++) if (rowHousehold[r] !== rowHousehold[r - 1]) runs++;
  return { rowHousehold, firstRows, householdIds, contiguous: runs === firstRows.length };
}

/** Whether some household lists the same person id twice: compared within each household's members. */
function hasDuplicateMembers(pid: ArrayLike<number>, rh: RowHouseholds): boolean {
  const { rowHousehold, firstRows, contiguous } = rh;
  const n = rowHousehold.length;
  const nHouseholds = firstRows.length;
  let start: Int32Array;
  let members: ArrayLike<number>;
  if (contiguous) {
    start = new Int32Array(nHouseholds + 1);
    start.set(firstRows);
    start[nHouseholds] = n;
    members = pid;
  } else {
    // Group the rows by household (a counting sort).
    start = new Int32Array(nHouseholds + 1);
    for (let r = 0; r < n; r++) start[rowHousehold[r]! + 1]!++;
    for (let h = 0; h < nHouseholds; h++) start[h + 1]! += start[h]!;
    const cursor = start.slice(0, nHouseholds);
    const grouped = new Float64Array(n);
    for (let r = 0; r < n; r++) grouped[cursor[rowHousehold[r]!]!++] = pid[r]!;
    members = grouped;
  }
  for (let h = 0; h < nHouseholds; h++) {
    const a = start[h]!;
    const b = start[h + 1]!;
    if (b - a > 16) {
      const ids = new Set<number>();
      for (let i = a; i < b; i++) {
        if (ids.has(members[i]!)) return true;
        ids.add(members[i]!);
      }
      continue;
    }
    for (let i = a + 1; i < b; i++) for (let j = a; j < i; j++) if (members[i] === members[j]) return true;
  }
  return false;
}

/** The first row at or after `from` whose raw value is not identical (===) to its household's first row's, or -1. */
function nextDifferent(raw: ArrayLike<unknown>, rh: RowHouseholds, from: number): number {
  // Separate loops for float, integer and other columns, so each loop sees few array types.
  // And one compiled copy of each per array class (engine/specialise.ts).
  if (raw instanceof Float64Array || raw instanceof Float32Array) return nextDifferentInKernel(raw)(raw, rh, from);
  if (ArrayBuffer.isView(raw)) return nextDifferentInIntegersKernel(raw as unknown as ArrayLike<number>)(raw as unknown as ArrayLike<unknown>, rh, from);
  return nextDifferentInOther(raw, rh, from);
}

const nextDifferentInKernel = specialise(nextDifferentIn);
const nextDifferentInIntegersKernel = specialise(nextDifferentInIntegers);

function nextDifferentIn(raw: Float64Array | Float32Array, rh: RowHouseholds, from: number): number {
  const { rowHousehold, firstRows } = rh;
  for (let r = from; r < raw.length; r++) if (raw[r] !== raw[firstRows[rowHousehold[r]!]!]) return r;
  return -1;
}

function nextDifferentInIntegers(raw: ArrayLike<unknown>, rh: RowHouseholds, from: number): number {
  const { rowHousehold, firstRows } = rh;
  for (let r = from; r < raw.length; r++) if (raw[r] !== raw[firstRows[rowHousehold[r]!]!]) return r;
  return -1;
}

function nextDifferentInOther(raw: ArrayLike<unknown>, rh: RowHouseholds, from: number): number {
  const { rowHousehold, firstRows } = rh;
  for (let r = from; r < raw.length; r++) if (raw[r] !== raw[firstRows[rowHousehold[r]!]!]) return r;
  return -1;
}

/** Every duplicate (household, person) pair, as problems in row order (the slow path, run only when there is one). */
function duplicateMembers(t: RawTable, hid: ArrayLike<number>, pid: ArrayLike<number>, column: string, problems: Problem[]): void {
  const seen = new Map<string, number>();
  for (let r = 0; r < t.nRows; r++) {
    const key = `${hid[r]}:${pid[r]}`;
    const prev = seen.get(key);
    if (prev !== undefined && problems.length < 1000) {
      const p = t.location(prev);
      problems.push({ message: `duplicate person ${pid[r]} in household ${hid[r]} (also on ${p.line ? `line ${p.line}` : `row ${p.row}`})`, location: { file: t.file, ...t.location(r), column } });
    }
    seen.set(key, r);
  }
}
