/**
 * `jiuzhu report` as a library: a result → a report folder, written
 * atomically (src/report/staged-dir.ts):
 *
 *   index.html        self-contained: tables, charts, methodology, parameters, assumptions, provenance, meta
 *   tables/<id>.csv   UTF-8 with BOM (Excel on Chinese Windows), header in the report's language
 *   tables/<id>.json  the same rows keyed by column, with bilingual labels and units
 *   charts/<id>.svg, charts/<id>.png
 *   report.xlsx       with `xlsx`: one sheet per table
 *   result.json       the result document the report was made from
 *   manifest.json     every file with its size and sha256
 */
import type { ComplianceCostInput } from './compliance-table.js';
import type { Result } from '../scenarios/results/result.js';
import { renderReportCharts } from './charts.js';
import { scenarioTitle } from './executive.js';
import { reportHtml } from './html.js';
import { MANIFEST, StagedDir, type ManifestEntry } from './staged-dir.js';
import { tableCsv, tableJson } from './table.js';
import { reportTables } from './tables.js';
import { reportWorkbook } from './xlsx.js';

export interface ReportOptions {
  /** Language of labels, headers and text (default en). */
  lang?: 'zh' | 'en';
  /** Also write report.xlsx. */
  xlsx?: boolean;
  /** The cost of compliance of each scenario, when asked (`jiuzhu report --comply`). */
  compliance?: readonly ComplianceCostInput[];
  /** Called as the report is built: a short message of what is being done. */
  onProgress?: (message: string) => void;
}

export interface WrittenReport {
  /** The report folder (absolute). */
  dir: string;
  /** Its index.html (absolute). */
  index: string;
  tables: string[];
  charts: string[];
  /** Every file written (as listed in manifest.json, which is written last), with its size and sha256. */
  files: readonly ManifestEntry[];
}

/** Writes the report of `result` into `dir`, replacing an earlier report there atomically. Everything shown comes from the Result. */
export async function writeReport(dir: string, result: Result, options: ReportOptions = {}): Promise<WrittenReport> {
  const lang = options.lang ?? 'en';
  const progress = options.onProgress ?? (() => {});
  const stage = new StagedDir(dir);
  try {
    progress('tables');
    const tables = reportTables(result, { lang, ...(options.compliance ? { compliance: options.compliance } : {}) });
    for (const t of tables) {
      stage.write(`tables/${t.id}.csv`, tableCsv(t, lang));
      stage.write(`tables/${t.id}.json`, tableJson(t));
    }
    progress('charts');
    // Legends name scenarios as readers know them (their description's head), when those differ from each other.
    const titles = result.scenarios.map((s, i) => scenarioTitle(result.provenance.scenarios[i], s.name, lang));
    const names = new Set(titles).size === titles.length ? Object.fromEntries(result.scenarios.map((s, i) => [s.name, titles[i]!])) : undefined;
    const charts = await renderReportCharts(result, lang, (done, total) => progress(`charts ${done}/${total}`), names);
    for (const c of charts) {
      stage.write(`charts/${c.id}.svg`, c.svg);
      stage.write(`charts/${c.id}.png`, c.png);
    }
    stage.write('result.json', `${JSON.stringify(result, null, 2)}\n`);
    if (options.xlsx) {
      progress('report.xlsx');
      stage.write('report.xlsx', await reportWorkbook(tables, lang, result.meta.createdAt ? { created: new Date(result.meta.createdAt) } : {}));
    }
    progress('index.html');
    stage.write('index.html', reportHtml({ result, tables, charts, lang, xlsx: options.xlsx ?? false }));
    stage.commit({ jiuzhu: result.meta.jiuzhu, commit: result.meta.commit, lang, ...(result.meta.createdAt ? { createdAt: result.meta.createdAt } : {}) });
    return { dir: stage.target, index: `${stage.target}/index.html`, tables: tables.map((t) => t.id), charts: charts.map((c) => c.id), files: stage.files.filter((f) => f.path !== MANIFEST) };
  } catch (e) {
    stage.abort();
    throw e;
  }
}
