/** CSV files as raw tables: UTF-8 (with or without BOM) or GBK, CRLF or LF. */
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { constants } from 'node:buffer';
import { isJiuzhuError, JiuzhuError } from '../../engine/errors.js';
import { parseCsv } from '../csv.js';
import type { RawTable, SizeCheck, TableSize } from './raw-table.js';

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

/** Bytes read from the start of a CSV to estimate its rows before reading it whole. */
const SAMPLE_BYTES = 64 * 1024;

/** Rows and columns of a CSV estimated from its size and its first SAMPLE_BYTES (exact for a small file). */
export function estimateCsvSize(file: string, fileBytes: number): TableSize {
  const sample = Buffer.alloc(Math.min(SAMPLE_BYTES, fileBytes));
  const fd = openSync(file, 'r');
  try {
    readSync(fd, sample, 0, sample.length, 0);
  } finally {
    closeSync(fd);
  }
  const NL = 0x0a;
  const headerEnd = sample.indexOf(NL);
  const header = sample.subarray(0, headerEnd < 0 ? sample.length : headerEnd);
  let columns = 1;
  for (const b of header) if (b === 0x2c) columns++;
  let lines = 0;
  let lastNl = -1;
  for (let i = 0; i < sample.length; i++) if (sample[i] === NL) { lines++; lastNl = i; }
  if (sample.length === fileBytes) return { file, format: 'csv', rows: Math.max(0, lines - 1 + (lastNl < fileBytes - 1 ? 1 : 0)), columns };
  // Rows wholly inside the sample give the mean row length; the rest of the file is rows like them.
  const sampleRows = lines - 1;
  const meanRow = sampleRows > 0 ? (lastNl - headerEnd) / sampleRows : fileBytes;
  return { file, format: 'csv', rows: Math.ceil((fileBytes - headerEnd - 1) / meanRow), columns };
}

export function readCsvTable(file: string, encoding: Encoding = 'utf8', checkSize?: SizeCheck): RawTable {
  let bytes: Uint8Array;
  try {
    const stat = statSync(file);
    const size = stat.size;
    // Node holds a string of at most MAX_STRING_LENGTH characters; a longer text cannot be decoded at all.
    if (size > constants.MAX_STRING_LENGTH) {
      throw new JiuzhuError('TOO_LARGE', `a CSV of ${Math.ceil(size / 2 ** 20)} MiB is more than Node can read as one text (${Math.floor(constants.MAX_STRING_LENGTH / 2 ** 20)} MiB)`, {
        location: { file },
        hint: 'convert it to Parquet or Arrow, or to a chunked dataset (a folder of Arrow chunks with manifest.json, streamed by jiuzhu run --data DIR)',
      });
    }
    if (checkSize && stat.isFile()) checkSize(estimateCsvSize(file, size));
    bytes = readFileSync(file);
  } catch (e) {
    if (isJiuzhuError(e)) throw e;
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
