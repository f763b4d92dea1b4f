/** Arrow IPC files as raw tables, and writing typed columns to Arrow IPC. */
import { readFileSync } from 'node:fs';
import { tableFromArrays, tableFromIPC, tableToIPC, type Table } from '@uwdata/flechette';
import type { Column } from '../../engine/column.js';
import { JiuzhuError } from '../../engine/errors.js';
import type { RawTable, RawValue } from './raw-table.js';

export function readArrowTable(file: string): RawTable {
  let table: Table;
  try {
    table = tableFromIPC(readFileSync(file), { useBigInt: false });
  } catch (e) {
    throw new JiuzhuError('BAD_ARROW', `not a readable Arrow IPC file: ${(e as Error).message}`, { location: { file } });
  }
  const names = table.names as string[];
  const cache = new Map<string, ArrayLike<RawValue>>();
  return {
    file,
    format: 'arrow',
    nRows: table.numRows,
    names,
    column(name) {
      let c = cache.get(name);
      if (!c) {
        c = (table.getChild(name)?.toArray() ?? []) as ArrayLike<RawValue>;
        cache.set(name, c);
      }
      return c;
    },
    location: (row) => ({ row: row + 1 }),
  };
}

/** Arrow IPC (file format) bytes of typed columns, in the given column order. */
export function arrowBytes(columns: Record<string, Column>): Uint8Array {
  return tableToIPC(tableFromArrays(columns), { format: 'file' })!;
}
