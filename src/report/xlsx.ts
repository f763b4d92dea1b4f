/**
 * The report's tables as one Excel workbook (exceljs), one sheet per table: the header in the
 * report's language on row 1 (frozen), raw values with number formats by unit, so the figures
 * stay exact and sortable.
 */
import { displayWidth } from '../text/format.js';
import { inUnit } from '../text/units.js';
import { cellUnit, columnLabel, tableMoneyUnit, UNIT_LABELS, type ReportTable, type Unit } from './table.js';

/**
 * Number formats by unit. Money is written in the unit its header states (万元, million yuan…),
 * divided but not rounded; exact fen stay in the CSV and JSON beside.
 */
const NUMBER_FORMAT: Partial<Record<Unit, string>> = {
  persons: '#,##0',
  households: '#,##0',
  count: '#,##0',
  yuan: '#,##0.00',
  'yuan/person/month': '#,##0.00',
  share: '0.00%',
  ratio: '0.00%',
  index: '0.0000',
};

/** Excel's limit on sheet names, and the characters it forbids in them. */
const SHEET_NAME_MAX = 31;
export const sheetName = (id: string): string => id.replace(/[[\]:*?/\\]/g, '-').slice(0, SHEET_NAME_MAX);

/** A workbook with one sheet per table, as the bytes of report.xlsx. */
export async function reportWorkbook(tables: readonly ReportTable[], lang: 'zh' | 'en', meta: { creator?: string; created?: Date } = {}): Promise<Buffer> {
  // Loaded on first use: exceljs and its zip stack take about 0.3 s to load, which every other
  // command (and `jiuzhu --help`) would otherwise pay.
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = meta.creator ?? 'jiuzhu';
  if (meta.created) {
    wb.created = meta.created;
    wb.modified = meta.created;
  }
  for (const t of tables) {
    const ws = wb.addWorksheet(sheetName(t.id), { views: [{ state: 'frozen', ySplit: 1 }] });
    const money = tableMoneyUnit(t, lang);
    // Figure tables name each row's unit in a `unit` column: spelled out, money as the table's unit.
    const unitKeys = t.columns.some((c) => c.unit === 'row');
    const shownUnit = (v: unknown): unknown => (v === 'yuan' ? money[lang] : typeof v === 'string' && v in UNIT_LABELS ? UNIT_LABELS[v as Unit][lang] : v);
    const value = (c: ReportTable['columns'][number], r: ReportTable['rows'][number]): unknown => {
      const v = r[c.key] ?? null;
      if (unitKeys && c.key === 'unit') return shownUnit(v);
      return typeof v === 'number' && cellUnit(c, r) === 'yuan' ? inUnit(v, money) : v;
    };
    ws.columns = t.columns.map((c) => {
      const header = columnLabel(c, lang, money);
      const widest = Math.max(displayWidth(header), ...t.rows.slice(0, 200).map((r) => displayWidth(String(value(c, r) ?? ''))));
      return { header, key: c.key, width: Math.min(60, Math.max(8, widest + 2)) };
    });
    ws.getRow(1).font = { bold: true };
    for (const r of t.rows) {
      const row = ws.addRow(Object.fromEntries(t.columns.map((c) => [c.key, value(c, r)])));
      t.columns.forEach((c, j) => {
        const v = r[c.key];
        const unit = cellUnit(c, r);
        // An index that is a whole number is a count: no trailing 0.0000.
        const fmt = typeof v === 'number' ? (unit === 'index' && Number.isInteger(v) ? '#,##0' : NUMBER_FORMAT[unit]) : undefined;
        if (fmt) row.getCell(j + 1).numFmt = fmt;
      });
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
