/**
 * A report table: plain data (columns with bilingual labels and units, rows of raw values),
 * written as CSV, JSON, an Excel sheet and an HTML table. Values stay raw (full precision) in
 * CSV, JSON and Excel; only the HTML formats them for reading.
 */

import { fmtMoneyIn, fmtPersons, fmtPoints, moneyLabel, moneyUnitOf, type MoneyUnit } from '../text/units.js';

/** What a number measures; decides how it is shown. `row`: the row's own `unit` cell says. */
export type Unit = 'text' | 'persons' | 'households' | 'count' | 'yuan' | 'yuan/person/month' | 'share' | 'index' | 'ratio' | 'bool';

export type Bilingual = { zh: string; en: string };

export interface Column {
  key: string;
  label: Bilingual;
  unit: Unit | 'row';
  /** A change: shown with its sign (shares as percentage points). */
  signed?: boolean;
  /** A machine code that a label column beside it spells out: kept in CSV, JSON and Excel, left out of the HTML. */
  code?: boolean;
}

export type Cell = string | number | boolean | null;
export type Row = Record<string, Cell>;

export interface ReportTable {
  /** File and sheet name: lower-case letters, digits and dashes. */
  id: string;
  title: Bilingual;
  /** One line on what the table holds and how it adds up. */
  note?: Bilingual;
  columns: Column[];
  rows: Row[];
}

/**
 * The unit a table's money is shown in (HTML and Excel): chosen from its largest yuan figure, so a
 * table states one unit. CSV and JSON keep exact yuan.
 */
export function tableMoneyUnit(table: ReportTable, lang: 'zh' | 'en'): MoneyUnit {
  return moneyUnitOf(table.rows.flatMap((r) => table.columns.filter((c) => cellUnit(c, r) === 'yuan').map((c) => r[c.key]).filter((v): v is number => typeof v === 'number')), lang);
}

/** A column's label as shown beside money in the table's unit: 支出（元） → 支出（万元）. */
export function columnLabel(column: Column, lang: 'zh' | 'en', money: MoneyUnit): string {
  return column.unit === 'yuan' ? moneyLabel(column.label[lang], money, lang) : column.label[lang];
}

/** Byte-order mark: Excel reads a CSV as UTF-8 only when it starts with one (else GBK on Chinese Windows). */
export const UTF8_BOM = '\uFEFF';

/** A plain decimal number written as text: a spreadsheet reads it as a number, never a formula. */
const PLAIN_NUMBER = /^[-+]?\d+(\.\d+)?([eE][-+]?\d+)?$/;

/**
 * A text cell a spreadsheet would run as a formula (it starts with = + - @, a tab or a CR) gets a
 * leading apostrophe (OWASP's advice against CSV injection): scenario descriptions, assumptions
 * and file names are the user's text and reach the tables unchanged. Numbers stay numbers.
 */
export function neutraliseFormula(s: string): string {
  return /^[=+\-@\t\r]/.test(s) && !PLAIN_NUMBER.test(s) ? `'${s}` : s;
}

/** A CSV field, quoted when it holds a comma, quote or line break (RFC 4180). */
function csvField(v: Cell): string {
  if (v === null) return '';
  const s = typeof v === 'number' ? (Number.isFinite(v) ? String(v) : '') : neutraliseFormula(String(v));
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** The table as CSV text: BOM, a header of labels in `lang`, raw values, CRLF line ends (RFC 4180, and what Excel writes). */
export function tableCsv(table: ReportTable, lang: 'zh' | 'en'): string {
  const lines = [table.columns.map((c) => csvField(c.label[lang])), ...table.rows.map((r) => table.columns.map((c) => csvField(r[c.key] ?? null)))];
  return `${UTF8_BOM}${lines.map((l) => l.join(',')).join('\r\n')}\r\n`;
}

/** The table as JSON text: id, titles, columns and rows keyed by column key. */
export function tableJson(table: ReportTable): string {
  return `${JSON.stringify(table, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2)}\n`;
}

/** The unit a cell is shown in: its column's, or the row's `unit` cell. */
export function cellUnit(column: Column, row: Row): Unit {
  return column.unit === 'row' ? ((row.unit as Unit | undefined) ?? 'index') : column.unit;
}

const group = (x: number, digits: number): string => x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** A cell as text for reading: thousands separators, shares as %, changes signed (shares in pp). */
export function formatCell(v: Cell, unit: Unit, signed = false, lang: 'zh' | 'en' = 'en', money?: MoneyUnit): string {
  if (v === null) return '–';
  if (typeof v === 'boolean') return lang === 'zh' ? (v ? '是' : '否') : v ? 'yes' : 'no';
  if (typeof v === 'string') return v;
  if (!Number.isFinite(v)) return '–';
  const abs = signed ? Math.abs(v) : v;
  let s: string;
  switch (unit) {
    case 'persons':
    case 'households':
    case 'count':
      // Weighted counts are fractional; people and households are read as whole numbers.
      s = fmtPersons(abs);
      break;
    case 'yuan':
      s = money ? fmtMoneyIn(abs, money) : group(abs, 2);
      break;
    case 'yuan/person/month':
      s = group(abs, 2);
      break;
    case 'share':
      if (signed) return fmtPoints(v, lang);
      s = `${(abs * 100).toFixed(2)}%`;
      break;
    case 'ratio':
      s = `${(abs * 100).toFixed(2)}%`;
      break;
    default:
      s = Math.abs(abs) >= 1000 ? group(abs, 2) : String(Number(abs.toFixed(4)));
  }
  if (!signed) return s;
  return v > 0 ? `+${s}` : v < 0 ? `−${s}` : s;
}

/** Labels of the units, for the unit column of the HTML. */
export const UNIT_LABELS: Record<Unit, Bilingual> = {
  text: { zh: '', en: '' },
  persons: { zh: '人', en: 'persons' },
  households: { zh: '户', en: 'households' },
  count: { zh: '个', en: 'count' },
  yuan: { zh: '元', en: 'yuan' },
  'yuan/person/month': { zh: '元/人/月', en: 'yuan/person/month' },
  share: { zh: '比例', en: 'share' },
  index: { zh: '指数', en: 'index' },
  ratio: { zh: '比率', en: 'ratio' },
  bool: { zh: '是/否', en: 'yes/no' },
};
