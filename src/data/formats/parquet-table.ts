/**
 * Parquet through DuckDB (its binary comes from npm). Reading materialises the columns;
 * writing goes through a temporary CSV with declared column types, single-threaded so the
 * same data always gives the same bytes.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { dtypeOf, type Column, type Dtype } from '../../engine/column.js';
import { isJiuzhuError, JiuzhuError } from '../../engine/errors.js';
import type { RawTable, RawValue, SizeCheck } from './raw-table.js';

const SQL_TYPE: Record<Dtype, string> = { f64: 'DOUBLE', f32: 'FLOAT', i32: 'INTEGER', i16: 'SMALLINT', i8: 'TINYINT', u32: 'UINTEGER', u16: 'USMALLINT', u8: 'UTINYINT' };

type Instance = Awaited<ReturnType<(typeof import('@duckdb/node-api'))['DuckDBInstance']['create']>>;
/**
 * One in-memory DuckDB per process (or thread), made on first use: making one costs ~15 ms, a
 * connection to it under 1 ms, and a chunked dataset of Parquet files reads one file per chunk.
 * It keeps no state between files: every read and write has its own connection, closed after.
 */
let instance: Promise<Instance> | undefined;

async function connect() {
  // Loaded on first use: the native binding costs every command that reads no Parquet ~70 ms.
  instance ??= import('@duckdb/node-api').then(({ DuckDBInstance }) => DuckDBInstance.create(':memory:', { threads: '1' }));
  const made = instance;
  try {
    return await (await made).connect();
  } catch (e) {
    // A failed start is not kept: the next file tries again.
    if (instance === made) instance = undefined;
    throw e;
  }
}

const toRaw = (v: unknown): RawValue => {
  if (v === null || v === undefined || typeof v === 'number' || typeof v === 'bigint' || typeof v === 'string' || typeof v === 'boolean') return v as RawValue;
  if (typeof v === 'object' && v !== null && 'toDouble' in v && typeof (v as { toDouble: unknown }).toDouble === 'function') return (v as { toDouble(): number }).toDouble();
  return String(v);
};

export async function readParquetTable(file: string, checkSize?: SizeCheck): Promise<RawTable> {
  let names: string[];
  let cols: unknown[][];
  let nRows: number;
  const con = await connect();
  try {
    if (checkSize) {
      // The footer's row count and schema, before any data is read.
      const meta = await con.runAndReadAll('SELECT (SELECT sum(num_rows) FROM parquet_file_metadata($1)) AS n, (SELECT count(*) FROM parquet_schema($1)) - 1 AS c', [file]);
      const [n, c] = meta.getRows()[0] ?? [];
      checkSize({ file, format: 'parquet', rows: Number(n ?? 0), columns: Number(c ?? 0) });
    }
    const reader = await con.runAndReadAll('SELECT * FROM read_parquet($1)', [file]);
    names = reader.columnNames();
    nRows = reader.currentRowCount;
    cols = reader.getColumns();
  } catch (e) {
    if (isJiuzhuError(e)) throw e;
    throw new JiuzhuError('BAD_PARQUET', `not a readable Parquet file: ${(e as Error).message.split('\n')[0]}`, { location: { file } });
  } finally {
    con.closeSync();
  }
  const byName = new Map(names.map((n, j) => [n, (cols[j] ?? []).map(toRaw)]));
  return { file, format: 'parquet', nRows, names, column: (n) => byName.get(n) ?? [], location: (row) => ({ row: row + 1 }) };
}

/** Writes typed columns to a Parquet file (the caller handles the atomic rename). */
export async function writeParquet(file: string, columns: Record<string, Column>): Promise<void> {
  const names = Object.keys(columns);
  const n = names.length ? columns[names[0]!]!.length : 0;
  const csv = `${file}.csv.tmp`;
  const lines: string[] = [names.join(',')];
  for (let r = 0; r < n; r++) lines.push(names.map((c) => String(columns[c]![r])).join(','));
  writeFileSync(csv, `${lines.join('\n')}\n`);
  const con = await connect();
  try {
    const types = names.map((c) => `'${c}': '${SQL_TYPE[dtypeOf(columns[c]!)]}'`).join(', ');
    await con.run(`COPY (SELECT * FROM read_csv($1, header = true, columns = {${types}})) TO '${file.replace(/'/g, "''")}' (FORMAT parquet, COMPRESSION zstd)`, [csv]);
  } finally {
    con.closeSync();
    rmSync(csv, { force: true });
  }
}
