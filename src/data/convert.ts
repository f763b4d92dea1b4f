/**
 * Raw values → typed columns, checked against the schema. Every problem is collected with its
 * file, row, line, column, value and what was expected; nothing is coerced silently.
 */
import { allocColumn, dtypeRange, isIntegerDtype, type Column } from '../engine/column.js';
import type { ErrorLocation } from '../engine/errors.js';
import type { ColumnSource } from './codebook.js';
import { rawToNumber, type RawTable } from './formats/raw-table.js';
import type { ColumnSpec } from './schema.js';
import { specialise } from '../engine/specialise.js';

export interface Problem { message: string; location: ErrorLocation }

/** Stops collecting after this many problems: the CLI shows 20 and a count. */
export const MAX_PROBLEMS = 1000;

/**
 * Converts one column of a raw table; `rows` picks rows (default all). `adopt`: the raw column
 * is read for this column alone, so a typed array already of the column's dtype may become the
 * column as it is (an Arrow chunk's columns are views into the file's bytes) instead of a copy.
 */
export function convertColumn(t: RawTable, source: ColumnSource, spec: ColumnSpec, problems: Problem[], rows?: Int32Array, adopt = false): Column {
  const raw = t.column(source.from);
  // Arrow and Parquet numbers come as typed arrays: check them in one tight loop and copy.
  // Only when a value fails does the row-by-row path below run, to name every problem.
  if (!source.codes && problems.length < MAX_PROBLEMS && isNumberArray(raw)) {
    const fast = convertNumbers(raw, source.scale, spec, rows, adopt);
    if (fast) return fast;
  }
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
    else if ((isIntegerDtype(spec.dtype) || spec.integer) && !Number.isInteger(v)) why = `${shown} is not a whole number`;
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

type FloatArray = Float64Array | Float32Array;
type IntegerArray = Int32Array | Int16Array | Int8Array | Uint32Array | Uint16Array | Uint8Array | Uint8ClampedArray;
type NumberArray = FloatArray | IntegerArray;

/** A typed array of numbers (not bigints, not a DataView). */
function isNumberArray(raw: unknown): raw is NumberArray {
  return ArrayBuffer.isView(raw) && !(raw instanceof DataView) && !(raw instanceof BigInt64Array) && !(raw instanceof BigUint64Array);
}

const isFloatArray = (raw: NumberArray): raw is FloatArray => raw instanceof Float64Array || raw instanceof Float32Array;

/** Codes as a lookup table over their range, for a check without hashing; undefined if the range is wide. */
function codeTable(codes: readonly number[]): { min: number; table: Uint8Array } | undefined {
  if (!codes.every(Number.isInteger)) return undefined;
  const min = Math.min(...codes);
  const max = Math.max(...codes);
  if (max - min > 1 << 20) return undefined;
  const table = new Uint8Array(max - min + 1);
  for (const c of codes) table[c - min] = 1;
  return { min, table };
}

/** What a value must satisfy: within [min, max] (the schema's bounds and the dtype's range), whole if `integer`, one of the codes. */
interface Checks { min: number; max: number; integer: boolean; codes?: { min: number; table: Uint8Array }; codeSet?: Set<number> }

/**
 * The fast path of convertColumn: the same checks as the slow path (finite, whole for integer
 * dtypes, a known code, within min/max and the dtype's range) in one pass, then one copy. Returns
 * undefined if any value fails; the slow path then builds the precise problem list.
 *
 * Float and integer arrays go through separate loops so that each loop sees few array types
 * (a loop reading five or more kinds of typed array is several times slower).
 */
function convertNumbers(raw: NumberArray, scale: number | undefined, spec: ColumnSpec, rows: Int32Array | undefined, adopt: boolean): Column | undefined {
  const [lo, hi] = dtypeRange(spec.dtype);
  const integer = isIntegerDtype(spec.dtype) || spec.integer === true;
  const codes = spec.codes ? codeTable(spec.codes) : undefined;
  const c: Checks = { min: Math.max(lo, spec.min ?? lo), max: Math.min(hi, spec.max ?? hi), integer, codes, codeSet: spec.codes && !codes ? new Set(spec.codes) : undefined };
  let values: NumberArray = raw;
  if (scale !== undefined) {
    const scaled = new Float64Array(rows ? rows.length : raw.length);
    for (let i = 0; i < scaled.length; i++) scaled[i] = raw[rows ? rows[i]! : i]! * scale;
    values = scaled;
  } else if (rows) {
    values = isFloatArray(raw) ? gatherFloatsKernel(raw)(raw, rows) : gatherIntegersKernel(raw)(raw, rows);
  }
  const ok = isFloatArray(values) ? checkFloatsKernel(values)(values, c) : checkIntegersKernel(values)(values, c);
  if (!ok) return undefined;
  const col = allocColumn(spec.dtype, 0);
  // Values already of the dtype need no second copy: rows gathered or scaled here are this
  // column's own, and the raw column itself when the caller hands it over (`adopt`).
  if (values.constructor === col.constructor && (values !== raw || adopt)) return values as Column;
  const out = allocColumn(spec.dtype, values.length);
  out.set(values);
  return out;
}

function gatherFloats(raw: FloatArray, rows: Int32Array): FloatArray {
  const out = raw instanceof Float64Array ? new Float64Array(rows.length) : new Float32Array(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = raw[rows[i]!]!;
  return out;
}

function gatherIntegers(raw: IntegerArray, rows: Int32Array): IntegerArray {
  const out = new (raw.constructor as new (n: number) => IntegerArray)(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = raw[rows[i]!]!;
  return out;
}

function checkFloats(values: FloatArray, c: Checks): boolean {
  const { min, max, integer, codes, codeSet } = c;
  // NaN fails every comparison; ±Infinity fails min/max (the dtype range is finite).
  if (codes) {
    const { table, min: first } = codes;
    for (let i = 0; i < values.length; i++) {
      const v = values[i]!;
      if (!(v >= min && v <= max) || table[v - first] !== 1) return false;
    }
  } else if (codeSet) {
    for (let i = 0; i < values.length; i++) {
      const v = values[i]!;
      if (!(v >= min && v <= max) || (integer && Math.floor(v) !== v) || !codeSet.has(v)) return false;
    }
  } else if (integer) {
    for (let i = 0; i < values.length; i++) {
      const v = values[i]!;
      if (!(v >= min && v <= max) || Math.floor(v) !== v) return false;
    }
  } else {
    for (let i = 0; i < values.length; i++) {
      const v = values[i]!;
      if (!(v >= min && v <= max)) return false;
    }
  }
  return true;
}

// One compiled copy per array class (engine/specialise.ts): a chunk's columns are of six
// classes, and one loop seeing them all reads each element generically, several times slower
// (reading the full count's 27M persons, W2).
const gatherFloatsKernel = specialise(gatherFloats);
const gatherIntegersKernel = specialise(gatherIntegers);
const checkFloatsKernel = specialise(checkFloats);
const checkIntegersKernel = specialise(checkIntegers);

function checkIntegers(values: IntegerArray, c: Checks): boolean {
  const { min, max, codes, codeSet } = c;
  if (codes) {
    const { table, min: first } = codes;
    for (let i = 0; i < values.length; i++) {
      const v = values[i]!;
      if (v < min || v > max || table[v - first] !== 1) return false;
    }
  } else if (codeSet) {
    for (let i = 0; i < values.length; i++) {
      const v = values[i]!;
      if (v < min || v > max || !codeSet.has(v)) return false;
    }
  } else {
    for (let i = 0; i < values.length; i++) {
      const v = values[i]!;
      if (v < min || v > max) return false;
    }
  }
  return true;
}
