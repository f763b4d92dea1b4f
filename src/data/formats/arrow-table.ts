/** Arrow IPC files as raw tables, and writing typed columns to Arrow IPC. */
import { readFileSync, statSync } from 'node:fs';
import { float32, float64, int16, int32, int8, tableFromArrays, tableFromIPC, tableToIPC, uint16, uint32, uint8, type DataType, type Table } from '@uwdata/flechette';
import { dtypeOf, type Column, type Dtype } from '../../engine/column.js';
import { isJiuzhuError, JiuzhuError } from '../../engine/errors.js';
import type { RawTable, RawValue, SizeCheck } from './raw-table.js';

/** Node reads a file into one buffer of at most 2 GiB − 1 bytes (fs kIoMaxLength). */
const MAX_READ_BYTES = 2 ** 31 - 1;

export function readArrowTable(file: string, checkSize?: SizeCheck): RawTable {
  let bytes: Uint8Array;
  let table: Table;
  try {
    const size = statSync(file).size;
    if (size > MAX_READ_BYTES) {
      throw new JiuzhuError('TOO_LARGE', `an Arrow file of ${Math.ceil(size / 2 ** 20)} MiB is more than Node reads in one piece (2 GiB)`, {
        location: { file },
        hint: 'split it into a chunked dataset: a folder of Arrow files of at most 500,000 households with manifest.json, streamed by jiuzhu run --data DIR',
      });
    }
    bytes = readFileSync(file);
    if (bytes.length === 0) throw new JiuzhuError('EMPTY_FILE', 'the file is empty (0 bytes)', { location: { file } });
    // Decoding is lazy: the row count comes from the batches' metadata, the columns only on toArray.
    table = tableFromIPC(bytes, { useBigInt: false });
  } catch (e) {
    if (isJiuzhuError(e)) throw e;
    // A TypeError or RangeError is the decoder tripping over bytes that are not Arrow: its text
    // ("Cannot destructure property 'version'…") speaks of JavaScript, not of the file.
    const internal = e instanceof TypeError || e instanceof RangeError || !(e instanceof Error);
    const why = internal ? 'its bytes do not decode as an Arrow IPC stream or file' : (e as Error).message;
    throw new JiuzhuError('BAD_ARROW', `not a readable Arrow IPC file${truncated(file) ? ' (it is truncated: the file starts like Arrow but its footer is missing)' : ''}: ${why}`, { location: { file }, cause: e });
  }
  const names = table.names as string[];
  checkSize?.({ file, format: 'arrow', rows: table.numRows, columns: names.length });
  const cache = new Map<string, ArrayLike<RawValue>>();
  let wide: Table | undefined;
  return {
    file,
    format: 'arrow',
    nRows: table.numRows,
    names,
    column(name) {
      let c = cache.get(name);
      if (!c) {
        try {
          c = (table.getChild(name)?.toArray() ?? []) as ArrayLike<RawValue>;
        } catch (e) {
          // 64-bit integers beyond 2^53 cannot become numbers: read them as bigints, so the value
          // checks can name the row (a huge age, an id out of range) instead of failing here.
          try {
            wide ??= tableFromIPC(bytes, { useBigInt: true });
            c = (wide.getChild(name)?.toArray() ?? []) as ArrayLike<RawValue>;
          } catch {
            const internal = e instanceof TypeError || e instanceof RangeError || !(e instanceof Error);
            throw new JiuzhuError('BAD_ARROW', `column '${name}' cannot be decoded: ${internal ? 'its bytes are not valid Arrow data' : (e as Error).message}`, { location: { file, column: name }, cause: e });
          }
        }
        cache.set(name, c);
      }
      return c;
    },
    location: (row) => ({ row: row + 1 }),
  };
}

/** An Arrow IPC file begins and ends with the magic ARROW1; a file that only begins with it was cut short. */
function truncated(file: string): boolean {
  try {
    const b = readFileSync(file);
    const magic = Buffer.from('ARROW1');
    return b.subarray(0, 6).equals(magic) && !b.subarray(b.length - 6).equals(magic);
  } catch {
    return false;
  }
}

const ARROW_TYPE: Record<Dtype, () => DataType> = { f64: float64, f32: float32, i32: int32, i16: int16, i8: int8, u32: uint32, u16: uint16, u8: uint8 };

/** Arrow IPC (file format) bytes of typed columns, in the given column order. */
export function arrowBytes(columns: Record<string, Column>): Uint8Array {
  // Types given, not inferred: inference fails on columns without rows (an empty population).
  const types = Object.fromEntries(Object.entries(columns).map(([name, col]) => [name, ARROW_TYPE[dtypeOf(col)]()]));
  return tableToIPC(tableFromArrays(columns, { types }), { format: 'file' })!;
}
