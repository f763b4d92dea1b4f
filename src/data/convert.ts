/**
 * Raw values → typed columns, checked against the schema. Every problem is collected with its
 * file, row, line, column, value and what was expected; nothing is coerced silently.
 */
import { allocColumn, dtypeRange, isIntegerDtype, type Column } from '../engine/column.js';
import type { ErrorLocation } from '../engine/errors.js';
import type { ColumnSource } from './codebook.js';
import { rawToNumber, type RawTable } from './formats/raw-table.js';
import type { ColumnSpec } from './schema.js';

export interface Problem { message: string; location: ErrorLocation }

/** Stops collecting after this many problems: the CLI shows 20 and a count. */
export const MAX_PROBLEMS = 1000;

/** Converts one column of a raw table; `rows` picks rows (default all). */
export function convertColumn(t: RawTable, source: ColumnSource, spec: ColumnSpec, problems: Problem[], rows?: Int32Array): Column {
  const raw = t.column(source.from);
  const n = rows ? rows.length : t.nRows;
  const col = allocColumn(spec.dtype, n);
  const [lo, hi] = dtypeRange(spec.dtype);
  const codes = spec.codes ? new Set(spec.codes) : undefined;
  for (let i = 0; i < n; i++) {
    if (problems.length >= MAX_PROBLEMS) break;
    const r = rows ? rows[i]! : i;
    const rv = raw[r];
    let v: number | string;
    if (source.codes && rv !== null && rv !== undefined) {
      const key = String(rv).trim();
      v = key in source.codes ? source.codes[key]! : `'${key}' is not in the codebook's codes for '${spec.name}' (${Object.keys(source.codes).join(', ')})`;
    } else {
      v = rawToNumber(rv);
      if (typeof v === 'number' && source.scale !== undefined) v *= source.scale;
    }
    const shown = typeof rv === 'string' ? `'${rv.trim()}'` : String(rv);
    let why: string | undefined;
    if (typeof v === 'string') why = v === 'empty value' ? `empty value; expected ${spec.codes ? `one of ${spec.codes.join(', ')}` : 'a number'}` : v;
    else if (isIntegerDtype(spec.dtype) && !Number.isInteger(v)) why = `${shown} is not a whole number`;
    else if (codes && !codes.has(v)) why = spec.name === 'prefecture' ? `unknown prefecture code ${shown} (known: ${spec.codes!.join(', ')})` : `${shown} is not a valid code for ${spec.name} (expected one of ${spec.codes!.join(', ')})`;
    else if (spec.min !== undefined && v < spec.min) why = `${shown} is below the minimum ${spec.min}${spec.name === 'age' ? ' (negative age)' : ''}`;
    else if (spec.max !== undefined && v > spec.max) why = `${shown} is above the maximum ${spec.max}`;
    else if (v < lo || v > hi) why = `${shown} is out of range for ${spec.dtype}`;
    if (why) {
      problems.push({ message: why, location: { file: t.file, ...t.location(r), column: source.from } });
      continue;
    }
    col[i] = v as number;
  }
  return col;
}
