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

/** A raw value as a number, or a reason it is not one. */
export function rawToNumber(v: RawValue): number | string {
  if (v === null || v === undefined) return 'empty value';
  if (typeof v === 'number') return Number.isFinite(v) ? v : `${v} is not a finite number`;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  const s = v.trim();
  if (s === '') return 'empty value';
  const n = Number(s);
  return Number.isFinite(n) ? n : `'${s}' is not a finite number`;
}
