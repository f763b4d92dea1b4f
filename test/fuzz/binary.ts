/**
 * Random Arrow IPC and Parquet files for the binary fuzz (test/fuzz-binary.test.ts): a valid flat
 * population (the CSV fuzz's model) written by the project's own writers, then damaged — a
 * column missing or extra or of the wrong type, NaN and ±Infinity, huge numbers, fractional ids,
 * nulls, duplicate members, a household column that differs between members, no rows, or the
 * bytes truncated, flipped or replaced. Each case says what the loader must do with it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { int16, int64, list, tableFromArrays, tableToIPC, utf8, type DataType } from '@uwdata/flechette';
import fc from 'fast-check';
import { allocColumn, type Column } from '../../src/engine/column.js';
import { writeColumns } from '../../src/data/write.js';
import { HOUSEHOLD_COLUMNS, PERSON_COLUMNS } from '../../src/data/schema.js';
import { csvModel, type CsvModel } from './csv.js';

export type BinaryFormat = 'arrow' | 'parquet';

const REQUIRED = ['household_id', 'person_id', 'prefecture', 'urban', 'age'] as const;
const TEXT = fc.constantFrom('old', 'n/a', '', ' ', '4O', '1,5', '六十', 'NaN?', '--1', '0x1g');

/** What is done to the valid file. `row` picks a row modulo the row count. */
export type Damage =
  | { kind: 'none' }
  | { kind: 'extraNumber' }
  | { kind: 'extraText'; text: string }
  | { kind: 'missingColumn'; column: (typeof REQUIRED)[number] }
  | { kind: 'ageAsText' }
  | { kind: 'textValue'; column: 'age' | 'earnings' | 'prefecture'; row: number; text: string }
  | { kind: 'fractionalId'; column: 'household_id' | 'person_id'; row: number; value: number }
  | { kind: 'fractionalAge'; row: number; value: number }
  | { kind: 'nonFinite'; column: 'earnings' | 'pension' | 'age'; row: number; value: number }
  | { kind: 'hugeMoney'; row: number; value: number }
  | { kind: 'hugeAge'; row: number; value: number }
  | { kind: 'hugeInt64'; column: 'age' | 'household_id'; row: number; value: string }
  | { kind: 'nullValue'; column: 'age' | 'earnings' | 'household_id'; row: number }
  | { kind: 'listColumn' }
  | { kind: 'duplicateMember'; row: number }
  | { kind: 'householdMismatch'; column: 'prefecture' | 'urban'; row: number }
  | { kind: 'noRows' }
  | { kind: 'truncate'; at: number }
  | { kind: 'flip'; at: number[]; xor: number[] }
  | { kind: 'garbage'; bytes: number[] };

/** What the loader must do: accept (and load these figures), reject at a place, or either (damaged bytes). */
export type Expectation =
  | { accept: true; households: number; persons: number; ages: number[]; prefectures: number[]; warnColumn?: string }
  | { reject: true; code?: string; row?: number; column?: string }
  | { either: true };

export interface BinarySpec { model: CsvModel; damage: Damage }

const row = fc.nat();
export const damage: fc.Arbitrary<Damage> = fc.oneof(
  { weight: 4, arbitrary: fc.constant<Damage>({ kind: 'none' }) },
  fc.constant<Damage>({ kind: 'extraNumber' }),
  TEXT.map((text): Damage => ({ kind: 'extraText', text })),
  fc.constantFrom(...REQUIRED).map((column): Damage => ({ kind: 'missingColumn', column })),
  fc.constant<Damage>({ kind: 'ageAsText' }),
  fc.record({ column: fc.constantFrom('age' as const, 'earnings' as const, 'prefecture' as const), row, text: TEXT }).map((d): Damage => ({ kind: 'textValue', ...d })),
  fc.record({ column: fc.constantFrom('household_id' as const, 'person_id' as const), row, value: fc.constantFrom(0.5, 1.25, 7.001, 1e6 + 0.5) }).map((d): Damage => ({ kind: 'fractionalId', ...d })),
  fc.record({ row, value: fc.constantFrom(0.5, 40.5, 119.999) }).map((d): Damage => ({ kind: 'fractionalAge', ...d })),
  fc.record({ column: fc.constantFrom('earnings' as const, 'pension' as const, 'age' as const), row, value: fc.constantFrom(Number.NaN, Infinity, -Infinity) }).map((d): Damage => ({ kind: 'nonFinite', ...d })),
  fc.record({ row, value: fc.constantFrom(1e300, Number.MAX_VALUE, 2 ** 53 + 2) }).map((d): Damage => ({ kind: 'hugeMoney', ...d })),
  fc.record({ row, value: fc.constantFrom(121, 1e6, 1e300, Number.MAX_VALUE) }).map((d): Damage => ({ kind: 'hugeAge', ...d })),
  fc.record({ column: fc.constantFrom('age' as const, 'household_id' as const), row, value: fc.constantFrom(String(2n ** 62n), String(2n ** 63n - 1n), String(2n ** 53n + 1n)) }).map((d): Damage => ({ kind: 'hugeInt64', ...d })),
  fc.record({ column: fc.constantFrom('age' as const, 'earnings' as const, 'household_id' as const), row }).map((d): Damage => ({ kind: 'nullValue', ...d })),
  fc.constant<Damage>({ kind: 'listColumn' }),
  row.map((r): Damage => ({ kind: 'duplicateMember', row: r })),
  fc.record({ column: fc.constantFrom('prefecture' as const, 'urban' as const), row }).map((d): Damage => ({ kind: 'householdMismatch', ...d })),
  fc.constant<Damage>({ kind: 'noRows' }),
  { weight: 2, arbitrary: fc.nat().map((at): Damage => ({ kind: 'truncate', at })) },
  { weight: 2, arbitrary: fc.record({ at: fc.array(fc.nat(), { minLength: 1, maxLength: 8 }), xor: fc.array(fc.integer({ min: 1, max: 255 }), { minLength: 8, maxLength: 8 }) }).map((d): Damage => ({ kind: 'flip', ...d })) },
  fc.uint8Array({ maxLength: 300 }).map((b): Damage => ({ kind: 'garbage', bytes: [...b] })),
);

export const binarySpec: fc.Arbitrary<BinarySpec> = fc.record({ model: csvModel, damage });

// ---- the table of a case ---------------------------------------------------------------------

type Cell = number | string | bigint | null | number[];
/** A column to write: typed (any writer) or with an explicit Arrow/Parquet type (this file's writers). */
interface OutColumn { name: string; type: 'typed' | 'utf8' | 'int64' | 'list' | 'nullable'; values: Cell[]; typed?: Column }

const specOf = (name: string) => [...HOUSEHOLD_COLUMNS, ...PERSON_COLUMNS].find((c) => c.name === name);

/** The model's rows as typed columns, with the dtypes the project's writer uses (write.ts flatColumns). */
function modelColumns(m: CsvModel, extra: string[]): { names: string[]; values: Record<string, number[]> } {
  const names = [...REQUIRED, ...m.optional.filter((c) => !REQUIRED.includes(c as never)), ...extra.filter((c) => !m.optional.includes(c as never))];
  const values: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (const h of m.households) {
    for (const p of h.persons) {
      const v: Record<string, number> = { household_id: h.id, person_id: p.pid, prefecture: h.prefecture, urban: h.urban, age: p.age, sex: p.sex, earnings: p.earnings, pension: p.pension, weight: h.weight };
      for (const n of names) values[n]!.push(v[n]!);
    }
  }
  return { names, values };
}

function typedColumn(name: string, values: number[], dtype = name === 'household_id' ? 'f64' : name === 'person_id' ? 'i32' : specOf(name)!.dtype): OutColumn {
  const typed = allocColumn(dtype as Parameters<typeof allocColumn>[0], values.length);
  typed.set(values);
  return { name, type: 'typed', values, typed };
}

export interface BuiltCase {
  /** Columns to write, in order; undefined when `bytes` replace the file. */
  columns: OutColumn[];
  /** Apply to the valid file's bytes (truncate, flip, garbage). */
  mutateBytes?: (valid: Uint8Array) => Uint8Array;
  expect: Expectation;
}

/** The columns of a case and what the loader must do with them. */
export function buildCase(spec: BinarySpec): BuiltCase {
  const { model: m, damage: d } = spec;
  const needs = d.kind === 'nonFinite' && d.column !== 'age' ? [d.column] : d.kind === 'textValue' && d.column === 'earnings' ? ['earnings'] : d.kind === 'hugeMoney' || (d.kind === 'nullValue' && d.column === 'earnings') ? ['earnings'] : [];
  const { names, values } = modelColumns(m, needs);
  const nRows = values.household_id!.length;
  const r = 'row' in d ? d.row % nRows : 0;
  const ages = values.age!.slice();
  const prefectures = m.households.map((h) => h.prefecture);
  const accept = (extra: Partial<Extract<Expectation, { accept: true }>> = {}): Expectation => ({ accept: true, households: m.households.length, persons: nRows, ages, prefectures, ...extra });
  const reject = (column?: string, at: number | undefined = r + 1, code = 'BAD_VALUE'): Expectation => ({ reject: true, code, column, row: at });
  let cols = names.map((n) => typedColumn(n, values[n]!));
  const set = (name: string, c: OutColumn): void => { cols = cols.map((x) => (x.name === name ? c : x)); };
  const asF64 = (name: string, v: number): void => { const vs = values[name]!.slice(); vs[r] = v; set(name, typedColumn(name, vs, 'f64')); };
  switch (d.kind) {
    case 'none':
      return { columns: cols, expect: accept() };
    case 'extraNumber':
      cols.push(typedColumn('income_note', values.age!.map((a) => a * 2), 'f64'));
      return { columns: cols, expect: accept({ warnColumn: 'income_note' }) };
    case 'extraText':
      cols.push({ name: 'remark', type: 'utf8', values: values.age!.map((_, i) => `${d.text}${i}`) });
      return { columns: cols, expect: accept({ warnColumn: 'remark' }) };
    case 'missingColumn':
      return { columns: cols.filter((c) => c.name !== d.column), expect: { reject: true, code: 'MISSING_COLUMN', column: d.column } };
    case 'ageAsText':
      // Numbers written as text load as numbers, as they do from CSV.
      set('age', { name: 'age', type: 'utf8', values: values.age!.map(String) });
      return { columns: cols, expect: accept() };
    case 'textValue': {
      const vs: Cell[] = values[d.column]!.map(String);
      vs[r] = d.text;
      set(d.column, { name: d.column, type: 'utf8', values: vs });
      // A household column is read on each household's first row; on a later member's row a
      // different text is a mismatch. Both are rejected at this row.
      return { columns: cols, expect: reject(d.column) };
    }
    case 'fractionalId': {
      const vs = values[d.column]!.slice();
      // The whole household shares its id: change every row of it, so the id is fractional, not mismatched.
      if (d.column === 'household_id') {
        const id = vs[r]!;
        const first = vs.indexOf(id);
        for (let i = 0; i < vs.length; i++) if (vs[i] === id) vs[i] = id + d.value;
        set(d.column, typedColumn(d.column, vs, 'f64'));
        return { columns: cols, expect: reject(d.column, first + 1) };
      }
      vs[r] = vs[r]! + d.value;
      set(d.column, typedColumn(d.column, vs, 'f64'));
      return { columns: cols, expect: reject(d.column) };
    }
    case 'fractionalAge':
      asF64('age', d.value);
      return { columns: cols, expect: reject('age') };
    case 'nonFinite':
      asF64(d.column, d.value);
      return { columns: cols, expect: reject(d.column) };
    case 'hugeMoney':
      asF64('earnings', d.value);
      return { columns: cols, expect: accept() };
    case 'hugeAge':
      asF64('age', d.value);
      return { columns: cols, expect: reject('age') };
    case 'hugeInt64': {
      const vs: Cell[] = values[d.column]!.map((x) => BigInt(x));
      if (d.column === 'household_id') {
        const id = values.household_id![r]!;
        const first = values.household_id!.indexOf(id);
        for (let i = 0; i < vs.length; i++) if (values.household_id![i] === id) vs[i] = BigInt(d.value);
        set(d.column, { name: d.column, type: 'int64', values: vs });
        return { columns: cols, expect: reject(d.column, first + 1) };
      }
      vs[r] = BigInt(d.value);
      set(d.column, { name: d.column, type: 'int64', values: vs });
      return { columns: cols, expect: reject(d.column) };
    }
    case 'nullValue': {
      const vs: Cell[] = values[d.column]!.slice();
      if (d.column === 'household_id') {
        const id = values.household_id![r]!;
        const first = values.household_id!.indexOf(id);
        for (let i = 0; i < vs.length; i++) if (values.household_id![i] === id) vs[i] = null;
        set(d.column, { name: d.column, type: 'nullable', values: vs });
        return { columns: cols, expect: reject(d.column, first + 1) };
      }
      vs[r] = null;
      set(d.column, { name: d.column, type: 'nullable', values: vs });
      return { columns: cols, expect: reject(d.column) };
    }
    case 'listColumn':
      set('age', { name: 'age', type: 'list', values: values.age!.map((a) => [a, a]) });
      return { columns: cols, expect: reject('age', 1) };
    case 'duplicateMember': {
      // Row r again, right after it: the same (household, person) twice.
      cols = cols.map((c) => {
        const vs = [...c.values.slice(0, r + 1), c.values[r]!, ...c.values.slice(r + 1)] as number[];
        return typedColumn(c.name, vs, c.typed ? undefined : 'f64');
      });
      return { columns: cols, expect: reject('person_id', r + 2, 'DUPLICATE_ID') };
    }
    case 'householdMismatch': {
      const hid = values.household_id!;
      const members = hid.map((_, i) => i).filter((i) => i > 0 && hid[i] === hid[i - 1]);
      if (!members.length) return { columns: cols, expect: accept() };
      const at = members[d.row % members.length]!;
      const vs = values[d.column]!.slice();
      vs[at] = d.column === 'urban' ? 1 - vs[at]! : vs[at] === 220100 ? 220200 : 220100;
      set(d.column, typedColumn(d.column, vs));
      return { columns: cols, expect: reject(d.column, at + 1) };
    }
    case 'noRows':
      return { columns: cols.map((c) => typedColumn(c.name, [], c.typed ? undefined : 'f64')), expect: { reject: true, code: 'EMPTY_FILE' } };
    case 'truncate':
      return { columns: cols, mutateBytes: (b) => b.slice(0, d.at % b.length), expect: { either: true } };
    case 'flip':
      return {
        columns: cols,
        mutateBytes: (b) => {
          const out = b.slice();
          d.at.forEach((at, k) => { out[at % out.length] ^= d.xor[k % d.xor.length]!; });
          return out;
        },
        expect: { either: true },
      };
    case 'garbage':
      return { columns: cols, mutateBytes: () => Uint8Array.from(d.bytes), expect: { either: true } };
  }
}

// ---- writers ---------------------------------------------------------------------------------

/** Arrow IPC bytes of columns with explicit types (text, 64-bit integers, lists, nulls). */
function arrowBytesOf(columns: OutColumn[]): Uint8Array {
  const data: Record<string, unknown> = {};
  const types: Record<string, DataType> = {};
  for (const c of columns) {
    if (c.type === 'typed') data[c.name] = c.typed;
    else {
      data[c.name] = c.values;
      if (c.type === 'utf8') types[c.name] = utf8();
      else if (c.type === 'int64') types[c.name] = int64();
      else if (c.type === 'list') types[c.name] = list(int16());
    }
  }
  return tableToIPC(tableFromArrays(data as Parameters<typeof tableFromArrays>[0], { types }), { format: 'file' })!;
}

const SQL_TYPE: Record<string, string> = { Float64Array: 'DOUBLE', Float32Array: 'FLOAT', Int32Array: 'INTEGER', Int16Array: 'SMALLINT', Int8Array: 'TINYINT', Uint8Array: 'UTINYINT', Uint16Array: 'USMALLINT', Uint32Array: 'UINTEGER' };
const sqlText = (s: string): string => `'${s.replace(/'/g, "''")}'`;

/** A SQL literal of one cell. */
function sqlCell(c: OutColumn, v: Cell): string {
  if (c.type === 'utf8') return `CAST(${sqlText(String(v))} AS VARCHAR)`;
  if (c.type === 'int64') return `CAST('${String(v)}' AS BIGINT)`;
  if (c.type === 'list') return `CAST([${(v as number[]).join(', ')}] AS SMALLINT[])`;
  if (v === null) return 'CAST(NULL AS DOUBLE)';
  const type = c.typed ? SQL_TYPE[c.typed.constructor.name]! : 'DOUBLE';
  return `CAST('${String(v)}' AS ${type})`;
}

let duck: Promise<DuckDBConnection> | undefined;

/** Parquet of columns with explicit types, through one DuckDB connection for every case. */
async function writeParquetOf(file: string, columns: OutColumn[]): Promise<void> {
  duck ??= DuckDBInstance.create(':memory:', { threads: '1' }).then((db) => db.connect());
  const con = await duck;
  const n = columns[0]?.values.length ?? 0;
  const rows = Array.from({ length: n }, (_, r) => `(${columns.map((c) => sqlCell(c, c.values[r]!)).join(', ')})`);
  const names = columns.map((c) => `"${c.name}"`).join(', ');
  await con.run(`COPY (SELECT * FROM (VALUES ${rows.join(', ')}) t(${names})) TO ${sqlText(file)} (FORMAT parquet)`);
}

/** Writes a case's file: the project's writers for typed columns, this file's for the rest, then any byte damage. */
export async function writeCase(file: string, format: BinaryFormat, built: BuiltCase): Promise<void> {
  const typedOnly = built.columns.every((c) => c.type === 'typed');
  if (typedOnly) await writeColumns(file, Object.fromEntries(built.columns.map((c) => [c.name, c.typed!])));
  else if (format === 'arrow') writeFileSync(file, arrowBytesOf(built.columns));
  else if (built.columns[0]?.values.length) await writeParquetOf(file, built.columns);
  else throw new Error('a Parquet case without rows needs typed columns');
  if (built.mutateBytes) writeFileSync(file, built.mutateBytes(new Uint8Array(readFileSync(file))));
}

/** Closes the shared DuckDB connection. */
export function closeWriters(): void {
  void duck?.then((c) => c.closeSync());
  duck = undefined;
}
