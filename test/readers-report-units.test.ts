/**
 * The report's tables in the reader's unit (issue 24): HTML and Excel show money in the unit the
 * header states (万元 / 亿元, million / billion yuan), persons and counts as whole numbers; the
 * CSV keeps exact yuan. A hand-made table keeps every expected value checkable by hand.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { tableHtml } from '../src/report/html.js';
import { tableCsv, type ReportTable } from '../src/report/table.js';
import { reportWorkbook } from '../src/report/xlsx.js';

const table: ReportTable = {
  id: 'summary',
  title: { zh: '汇总', en: 'Summary' },
  columns: [
    { key: 'label', label: { zh: '指标', en: 'figure' }, unit: 'text' },
    { key: 'unit', label: { zh: '单位', en: 'unit' }, unit: 'text' },
    { key: 'value', label: { zh: '取值', en: 'value' }, unit: 'row' },
    { key: 'cost', label: { zh: '支出（元）', en: 'cost (yuan)' }, unit: 'yuan' },
    { key: 'rules', label: { zh: '规则数', en: 'rules' }, unit: 'count' },
  ],
  rows: [
    { label: 'population', unit: 'persons', value: 27_230_000.93, cost: 58_696_490.59, rules: 3 },
    { label: 'cost', unit: 'yuan', value: 704_357_887.08, cost: 0, rules: 0 },
    { label: 'headcount', unit: 'share', value: 0.0171, cost: null, rules: 12 },
  ],
};

describe('report tables in the reader’s unit', () => {
  it('Excel: money divided into the header’s unit, persons and counts whole', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await reportWorkbook([table], 'zh'));
    const ws = wb.getWorksheet('summary')!;
    // The largest money figure is 704,357,887.08 yuan < 1e9, so the table is in 万元.
    expect(ws.getRow(1).getCell(4).value).toBe('支出（万元）');
    expect(ws.getRow(2).getCell(4).value).toBeCloseTo(5_869.649059, 9); // 58,696,490.59 ÷ 10,000
    expect(ws.getRow(2).getCell(4).numFmt).toBe('#,##0.00');
    // Row units are spelled out; the money row is in the same 万元.
    expect(ws.getRow(2).getCell(2).value).toBe('人');
    expect(ws.getRow(3).getCell(2).value).toBe('万元');
    expect(ws.getRow(3).getCell(3).value).toBeCloseTo(70_435.788708, 9); // 704,357,887.08 ÷ 10,000
    // Persons and counts: whole-number formats, never '#,##0.##' (which shows 0 as "0.") or 0.0000.
    expect(ws.getRow(2).getCell(3).numFmt).toBe('#,##0');
    expect(ws.getRow(2).getCell(5).numFmt).toBe('#,##0');
    expect(ws.getRow(4).getCell(3).numFmt).toBe('0.00%');
  });
  it('Excel in English: million yuan', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await reportWorkbook([table], 'en'));
    const ws = wb.getWorksheet('summary')!;
    expect(ws.getRow(1).getCell(4).value).toBe('cost (million yuan)');
    expect(ws.getRow(2).getCell(4).value).toBeCloseTo(58.69649059, 9);
  });
  it('HTML: money in the header’s unit, persons whole; CSV keeps exact yuan', () => {
    const html = tableHtml(table, 'zh');
    expect(html).toContain('<th scope="col" class="num">支出（万元）</th>');
    expect(html).toContain('>5,869.65<'); // 5,869.649059 to two decimals
    expect(html).toContain('>70,435.79<');
    expect(html).toContain('>27,230,001<'); // 27,230,000.93 persons, whole
    expect(tableCsv(table, 'zh')).toContain('58696490.59');
  });
});
