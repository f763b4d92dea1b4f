/**
 * A table as read from a user's file, before mapping and validation: named columns of raw
 * values (strings from CSV; numbers, bigints, strings or nulls from Arrow and Parquet), and
 * how to name a row in an error (its data row, and for CSV its line).
 */
export type RawValue = string | number | bigint | boolean | null | undefined;

export interface RawTable {
  file: string;
  format: 'csv' | 'arrow' | 'parquet';
  nRows: number;
  names: string[];
  column(name: string): ArrayLike<RawValue>;
  /** 1-based data row and, for text formats, the physical line. */
  location(row: number): { row: number; line?: number };
}

/** How big a table is, known before its raw columns are built (see memory-estimate.ts). */
export interface TableSize {
  file: string;
  format: RawTable['format'];
  /** Rows: from the file's metadata (Parquet, Arrow) or estimated from its size (CSV). */
  rows: number;
  columns: number;
}

/** Called by a reader once it knows a table's size, before it builds the raw columns; throws to refuse it. */
export type SizeCheck = (size: TableSize) => void;

/** A raw value as a number, or a reason it is not one. */
export function rawToNumber(v: RawValue): number | string {
  if (v === null || v === undefined) return 'empty value';
  if (typeof v === 'number') return Number.isFinite(v) ? v : `${v} is not a finite number`;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  // Arrow list, struct or map columns decode to arrays and objects: not numbers.
  if (typeof v !== 'string') return `${describeRaw(v)} is not a number`;
  const s = v.trim();
  if (s === '') return 'empty value';
  const n = Number(s);
  return Number.isFinite(n) ? n : `'${s}' is not a finite number`;
}

/** A short description of a value that is not a string or a number (a list, a struct, a date …). */
export function describeRaw(v: unknown): string {
  if (Array.isArray(v) || ArrayBuffer.isView(v)) return `a list [${Array.from(v as ArrayLike<unknown>).slice(0, 3).map(String).join(', ')}${(v as ArrayLike<unknown>).length > 3 ? ', …' : ''}]`;
  if (v instanceof Date) return `a date ${Number.isNaN(v.getTime()) ? 'Invalid Date' : v.toISOString()}`;
  let text: string;
  try {
    text = JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? x.toString() : x)) ?? String(v);
  } catch {
    text = Object.prototype.toString.call(v);
  }
  return `a ${typeof v === 'object' ? 'structure' : typeof v} ${text.length > 40 ? `${text.slice(0, 39)}…` : text}`;
}
