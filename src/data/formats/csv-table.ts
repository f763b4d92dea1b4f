/** CSV files as raw tables: UTF-8 (with or without BOM) or GBK, CRLF or LF. */
import { readFileSync } from 'node:fs';
import { JiuzhuError } from '../../engine/errors.js';
import { parseCsv } from '../csv.js';
import type { RawTable } from './raw-table.js';

export type Encoding = 'utf8' | 'gbk';

/** Decodes bytes, refusing UTF-8 that is not valid UTF-8 (often a GBK file from a Chinese spreadsheet). */
export function decodeText(bytes: Uint8Array, file: string, encoding: Encoding = 'utf8'): string {
  if (encoding === 'gbk') return new TextDecoder('gbk').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new JiuzhuError('BAD_ENCODING', 'the file is not valid UTF-8; it may be GBK-encoded (as Chinese spreadsheets often save CSV)', {
      location: { file },
      hint: 'pass --encoding gbk, or save the file as UTF-8',
    });
  }
}

export function readCsvTable(file: string, encoding: Encoding = 'utf8'): RawTable {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    throw new JiuzhuError('FILE_NOT_FOUND', `cannot read file: ${(e as Error).message}`, { location: { file } });
  }
  const t = parseCsv(decodeText(bytes, file, encoding), file);
  const cols = new Map<string, string[]>();
  t.header.forEach((name, j) => cols.set(name, t.rows.map((r) => r[j]!)));
  return {
    file,
    format: 'csv',
    nRows: t.rows.length,
    names: t.header,
    column: (name) => cols.get(name) ?? [],
    location: (row) => ({ row: row + 1, line: t.lines[row] }),
  };
}
