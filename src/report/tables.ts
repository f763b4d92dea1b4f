/** Every table of a report, in the order the HTML shows them and the workbook holds them. */
import type { DatasetMeta } from '../data/dataset.js';
import type { Scenario } from '../scenarios/input/load.js';
import type { Result } from '../scenarios/results/result.js';
import { assumptionsTable, clausesTable, metaTable, parametersTable } from './provenance-tables.js';
import { checksTable, decileImpactTable, deltasTable, distributionTable, fundingTable, monthsTable, prefecturesTable, programsTable, summaryTable } from './result-tables.js';
import { outcomesTable } from './outcomes-table.js';
import { complianceCostTable, type ComplianceCostInput } from './compliance-table.js';
import type { ReportTable, Row } from './table.js';

/** 15 significant digits: drops the noise of float sums (577.4399999999998 → 577.44) and keeps every real digit. */
const clean = (r: Row): Row => {
  for (const [k, v] of Object.entries(r)) if (typeof v === 'number' && Number.isFinite(v) && !Number.isInteger(v)) r[k] = Number(v.toPrecision(15));
  return r;
};

export interface ReportTablesOptions {
  lang?: 'zh' | 'en';
  /** The dataset's description and files, for the provenance (the result names it by hash only). */
  dataset?: DatasetMeta;
  /** The cost of compliance of each scenario, when asked (`jiuzhu report --comply`): it takes many runs. */
  compliance?: readonly ComplianceCostInput[];
}

/**
 * The report's tables: meta, summary, deltas, programs, funding, prefectures, months,
 * distribution, decile impact, checks, parameters, assumptions, clauses and published outcomes. `scenarios` are the
 * result's, in order (their parameter trees and assumptions). Tables without rows are left out.
 */
export function reportTables(result: Result, scenarios: readonly Scenario[], options: ReportTablesOptions = {}): ReportTable[] {
  const lang = options.lang ?? 'en';
  return [
    metaTable(result, scenarios, options.dataset),
    summaryTable(result, lang),
    deltasTable(result, lang),
    programsTable(result, lang),
    fundingTable(result, lang),
    prefecturesTable(result, lang),
    monthsTable(result),
    distributionTable(result, lang),
    decileImpactTable(result),
    checksTable(result, lang, options.compliance !== undefined),
    complianceCostTable(options.compliance ?? [], lang),
    parametersTable(result, scenarios, lang),
    assumptionsTable(result, scenarios),
    clausesTable(lang),
    outcomesTable(result, lang),
  ].filter((t) => t.rows.length > 0).map((t) => ({ ...t, rows: t.rows.map(clean) }));
}
