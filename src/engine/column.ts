/** Column types: every rule input and output is one of these typed arrays. */

export type Column =
  | Float64Array
  | Float32Array
  | Int32Array
  | Int16Array
  | Int8Array
  | Uint32Array
  | Uint16Array
  | Uint8Array;

/** Dtype names used by dataset schemas. */
export type Dtype = 'f64' | 'f32' | 'i32' | 'i16' | 'i8' | 'u32' | 'u16' | 'u8';

/** Allocates a zeroed column of a dtype. */
export function allocColumn(dtype: Dtype, n: number): Column {
  switch (dtype) {
    case 'f64': return new Float64Array(n);
    case 'f32': return new Float32Array(n);
    case 'i32': return new Int32Array(n);
    case 'i16': return new Int16Array(n);
    case 'i8': return new Int8Array(n);
    case 'u32': return new Uint32Array(n);
    case 'u16': return new Uint16Array(n);
    case 'u8': return new Uint8Array(n);
  }
}

/** Dtype of a column. */
export function dtypeOf(col: Column): Dtype {
  if (col instanceof Float64Array) return 'f64';
  if (col instanceof Float32Array) return 'f32';
  if (col instanceof Int32Array) return 'i32';
  if (col instanceof Int16Array) return 'i16';
  if (col instanceof Int8Array) return 'i8';
  if (col instanceof Uint32Array) return 'u32';
  if (col instanceof Uint16Array) return 'u16';
  return 'u8';
}

/** Inclusive value range a dtype can hold, for validating loaded data. */
export function dtypeRange(dtype: Dtype): [number, number] {
  switch (dtype) {
    case 'f64': case 'f32': return [-Number.MAX_VALUE, Number.MAX_VALUE];
    case 'i32': return [-2147483648, 2147483647];
    case 'i16': return [-32768, 32767];
    case 'i8': return [-128, 127];
    case 'u32': return [0, 4294967295];
    case 'u16': return [0, 65535];
    case 'u8': return [0, 255];
  }
}

/** True for the integer dtypes. */
export function isIntegerDtype(dtype: Dtype): boolean {
  return dtype !== 'f64' && dtype !== 'f32';
}
