/**
 * `jiuzhu/notebook`: what a TypeScript notebook (tslab) needs beside the library — rich display
 * of tables and charts, result tables for arquero, Arrow and danfojs, the notebook's dataset, and
 * the final check against the command line. See notebooks/README.md.
 */
export { display, inNotebook, chartFont, chartSvg, chartPng, saveChart, tableHtml, tableText, formatCell, type TableOptions, type TableData } from './display.js';
export { resultRows, toColumns, toArquero, toArrow, flattenRow, RESULT_TABLES, type ResultTable, type Row, type Columns, type Cell } from './interop.js';
export { notebookDataset, NOTEBOOK_DATASET_ENV, type NotebookDataset } from './dataset.js';
export { jiuzhuCli, checkHeadlines, type HeadlineCheck } from './check.js';
export type { Chart } from '../charts/render.js';
