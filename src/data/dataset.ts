/**
 * Datasets: a folder with dataset.yaml, households.csv and persons.csv. Loading validates
 * every value against the schema and reports each problem as file:line:column.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, isAbsolute, join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { allocColumn, dtypeRange, isIntegerDtype, type Column } from '../engine/column.js';
import { JiuzhuError, throwMany, type ErrorLocation } from '../engine/errors.js';
import { createPopulation, type Entity, type Population } from '../engine/population.js';
import { packagePath } from '../policy/paths.js';
import { parseCsv, type CsvTable } from './csv.js';
import { HOUSEHOLD_COLUMNS, PERSON_COLUMNS, type ColumnSpec } from './schema.js';

export interface DatasetMeta {
  name: string;
  description?: string;
  /** sha256 over the data files' bytes, in a fixed order. */
  sha256: string;
  files: string[];
}

export interface Dataset {
  population: Population;
  meta: DatasetMeta;
  warnings: string[];
}

/** The dataset used when a scenario names none. */
export const DEFAULT_DATASET = 'fixture-dibao';

/** Resolves a dataset reference: a name under datasets/, or a path relative to `baseDir`. */
export function resolveDatasetPath(ref: string, baseDir = process.cwd()): string {
  const asPath = isAbsolute(ref) ? ref : resolve(baseDir, ref);
  if (/[\\/]/.test(ref) && existsSync(asPath)) return asPath;
  const named = packagePath('datasets', ref);
  if (existsSync(named)) return named;
  if (existsSync(asPath)) return asPath;
  throw new JiuzhuError('DATASET_NOT_FOUND', `dataset '${ref}' not found (looked in ${asPath} and ${named})`, { location: { key: 'dataset' }, hint: 'give a dataset folder with households.csv and persons.csv, or a name under datasets/' });
}

/** Loads a dataset folder. */
export function loadDataset(dir: string): Dataset {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new JiuzhuError('DATASET_NOT_FOUND', `dataset folder not found: ${dir}`, { location: { file: dir } });
  const metaFile = join(dir, 'dataset.yaml');
  const meta = existsSync(metaFile) ? (parseYaml(readFileSync(metaFile, 'utf8')) as { name?: string; description?: string; households?: string; persons?: string }) : {};
  const hFile = join(dir, meta.households ?? 'households.csv');
  const pFile = join(dir, meta.persons ?? 'persons.csv');
  const hash = createHash('sha256');
  const read = (f: string): string => {
    if (!existsSync(f)) throw new JiuzhuError('FILE_NOT_FOUND', `dataset file not found`, { location: { file: f } });
    const buf = readFileSync(f);
    hash.update(basename(f)).update(buf);
    return buf.toString('utf8');
  };
  const warnings: string[] = [];
  const hh = tableColumns(parseCsv(read(hFile), hFile), HOUSEHOLD_COLUMNS, 'household', hFile, warnings);
  const pp = tableColumns(parseCsv(read(pFile), pFile), PERSON_COLUMNS, 'person', pFile, warnings);
  const { id: hid, weight, ...hcols } = hh;
  const { id: pid, household, ...pcols } = pp;
  const population = createPopulation({
    households: { id: hid!, weight: weight!, columns: hcols },
    persons: { id: pid!, household: household!, columns: pcols },
    source: pFile,
  });
  return { population, meta: { name: meta.name ?? basename(dir), description: meta.description, sha256: hash.digest('hex'), files: [hFile, pFile] }, warnings };
}

/** Converts a parsed CSV to typed columns, checking each value against its spec. */
export function tableColumns(t: CsvTable, specs: readonly ColumnSpec[], entity: Entity, file: string, warnings: string[]): Record<string, Column> {
  const problems: { message: string; location: ErrorLocation }[] = [];
  const out: Record<string, Column> = {};
  for (const spec of specs) {
    if (spec.required && !t.header.includes(spec.name)) problems.push({ message: `missing required ${entity} column '${spec.name}' (${spec.description})`, location: { file, line: 1, column: spec.name } });
  }
  if (problems.length) throwMany('MISSING_COLUMN', problems);
  const n = t.rows.length;
  const known = new Set(specs.map((s) => s.name));
  for (const spec of specs) {
    const j = t.header.indexOf(spec.name);
    const col = allocColumn(spec.dtype, n);
    if (j < 0) {
      col.fill(spec.default ?? 0);
      warnings.push(`${file}: optional column '${spec.name}' is missing; using ${spec.default ?? 0} (${spec.description})`);
      out[spec.name] = col;
      continue;
    }
    const [lo, hi] = dtypeRange(spec.dtype);
    const codes = spec.codes ? new Set(spec.codes) : undefined;
    for (let r = 0; r < n; r++) {
      const raw = t.rows[r]![j]!.trim();
      const loc = { file, line: t.lines[r], row: r + 1, column: spec.name };
      const v = raw === '' ? NaN : Number(raw);
      let why: string | undefined;
      if (raw === '') why = `empty value; expected ${spec.codes ? `one of ${spec.codes.join(', ')}` : 'a number'}`;
      else if (!Number.isFinite(v)) why = `'${raw}' is not a finite number`;
      else if (isIntegerDtype(spec.dtype) && !Number.isInteger(v)) why = `'${raw}' is not a whole number`;
      else if (codes && !codes.has(v)) why = spec.name === 'prefecture' ? `unknown prefecture code ${raw} (known: ${spec.codes!.join(', ')})` : `'${raw}' is not a valid code (expected one of ${spec.codes!.join(', ')})`;
      else if (spec.min !== undefined && v < spec.min) why = `${raw} is below the minimum ${spec.min}${spec.name === 'age' ? ' (negative age)' : ''}`;
      else if (spec.max !== undefined && v > spec.max) why = `${raw} is above the maximum ${spec.max}`;
      else if (v < lo || v > hi) why = `${raw} does not fit the column's type`;
      if (why) {
        problems.push({ message: why, location: loc });
        continue;
      }
      col[r] = v;
    }
    out[spec.name] = col;
  }
  for (const name of t.header) {
    if (known.has(name)) continue;
    warnings.push(`${file}: column '${name}' is not in the ${entity} schema; ignored`);
  }
  if (problems.length) throwMany('BAD_VALUE', problems, problems.length > 20 ? 'showing the first 20 problems' : undefined);
  return out;
}
