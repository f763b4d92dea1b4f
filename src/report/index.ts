/** Reports (`jiuzhu report`): tables of a result, the self-contained HTML, the Excel workbook, and the atomic folder writer. */
export { writeReport, type ReportOptions, type WrittenReport } from './write.js';
export { reportTables, type ReportTablesOptions } from './tables.js';
export { tableCsv, tableJson, formatCell, cellUnit, UTF8_BOM, UNIT_LABELS, type ReportTable, type Column, type Row, type Cell, type Unit, type Bilingual } from './table.js';
export { reportHtml, tableHtml, escapeHtml, inlineSvg, type ReportHtmlInput } from './html.js';
export { reportWorkbook, sheetName } from './xlsx.js';
export { renderReportCharts, type RenderedChart } from './charts.js';
export { StagedDir, recoverStale, assertReplaceable, MANIFEST, REPORT_KIND, PAUSE_ENV, type ManifestEntry } from './staged-dir.js';
