/**
 * A strict RFC 4180 CSV reader that keeps line numbers, so every problem can be reported
 * as file:line:column. We parse ourselves rather than with arquero's fromCSV because that
 * one coerces silently (a bad number becomes a string or null) and forgets the row.
 */
import { JiuzhuError } from '../engine/errors.js';

export interface CsvTable {
  header: string[];
  rows: string[][];
  /** 1-based physical line on which each row starts. */
  lines: number[];
}

/** Parses CSV text: BOM and CRLF accepted, quoted fields may hold commas, quotes and newlines. */
export function parseCsv(text: string, file: string): CsvTable {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') throw new JiuzhuError('EMPTY_FILE', 'the file is empty (no header row)', { location: { file, line: 1 } });
  const records: string[][] = [];
  const lines: number[] = [];
  let field = '';
  let record: string[] = [];
  let line = 1;
  let recordLine = 1;
  let i = 0;
  let quoted = false;
  let quoteLine = 0;
  const n = text.length;
  const endRecord = (): void => {
    record.push(field);
    field = '';
    if (!(record.length === 1 && record[0] === '')) {
      records.push(record);
      lines.push(recordLine);
    }
    record = [];
  };
  while (i < n) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') { field += '"'; i += 2; continue; }
        quoted = false; i++;
        const next = text[i];
        if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') {
          throw new JiuzhuError('CSV_SYNTAX', `unexpected character '${next}' after a closing quote`, { location: { file, line } });
        }
        continue;
      }
      if (c === '\n') line++;
      field += c; i++;
      continue;
    }
    if (c === '"') {
      if (field !== '') throw new JiuzhuError('CSV_SYNTAX', 'a quote inside an unquoted field', { location: { file, line } });
      quoted = true; quoteLine = line; i++;
      continue;
    }
    if (c === ',') { record.push(field); field = ''; i++; continue; }
    if (c === '\r' || c === '\n') {
      endRecord();
      if (c === '\r' && text[i + 1] === '\n') i++;
      i++; line++; recordLine = line;
      continue;
    }
    field += c; i++;
  }
  if (quoted) throw new JiuzhuError('CSV_TRUNCATED', 'the file ends inside a quoted field (truncated file?)', { location: { file, line: quoteLine } });
  if (field !== '' || record.length) endRecord();
  const header = records.shift();
  lines.shift();
  if (!header) throw new JiuzhuError('EMPTY_FILE', 'the file is empty (no header row)', { location: { file, line: 1 } });
  const names = header.map((h) => h.trim());
  const dup = names.find((h, k) => names.indexOf(h) !== k);
  if (dup !== undefined) throw new JiuzhuError('DUPLICATE_COLUMN', `column '${dup}' appears twice in the header`, { location: { file, line: 1, column: dup } });
  records.forEach((r, k) => {
    if (r.length !== names.length) {
      const last = k === records.length - 1 && !/\r?\n$/.test(text);
      throw new JiuzhuError(last ? 'CSV_TRUNCATED' : 'CSV_FIELD_COUNT', `row has ${r.length} fields, the header has ${names.length}${last ? ' (truncated last line?)' : ''}`, {
        location: { file, line: lines[k], row: k + 1 },
      });
    }
  });
  return { header: names, rows: records, lines };
}
