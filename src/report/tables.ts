/** Every table of a report, in the order the HTML shows them and the workbook holds them. */
import type { Result } from '../scenarios/results/result.js';
import { assumptionsTable, clausesTable, metaTable, parametersTable } from './provenance-tables.js';
import { checksTable, decileImpactTable, deltasTable, distributionTable, fundingTable, monthsTable, prefecturesTable, programsTable, summaryTable } from './result-tables.js';
import { outcomesTable } from './outcomes-table.js';
import { sensitivityTable } from './sensitivity-table.js';
import { complianceCostTable, type ComplianceCostInput } from './compliance-table.js';
import type { ReportTable, Row } from './table.js';

/** 15 significant digits: drops the noise of float sums (577.4399999999998 → 577.44) and keeps every real digit. */
const clean = (r: Row): Row => {
  for (const [k, v] of Object.entries(r)) if (typeof v === 'number' && Number.isFinite(v) && !Number.isInteger(v)) r[k] = Number(v.toPrecision(15));
  return r;
};

export interface ReportTablesOptions {
  lang?: 'zh' | 'en';
  /** The cost of compliance of each scenario, when asked (`jiuzhu report --comply`): it takes many runs. */
  compliance?: readonly ComplianceCostInput[];
}

/**
 * The report's tables: meta, summary, deltas, programs, funding, prefectures, months,
 * distribution, decile impact, funding sensitivity (projections), checks, parameters, assumptions, clauses and published outcomes, all from
 * the Result (its `provenance` holds the parameters, assumptions and files). Tables without rows are left out.
 */
export function reportTables(result: Result, options: ReportTablesOptions = {}): ReportTable[] {
  const lang = options.lang ?? 'en';
  return [
    metaTable(result),
    summaryTable(result, lang),
    deltasTable(result, lang),
    programsTable(result, lang),
    fundingTable(result, lang),
    prefecturesTable(result, lang),
    monthsTable(result),
    distributionTable(result, lang),
    decileImpactTable(result),
    sensitivityTable(result, lang),
    checksTable(result, lang, options.compliance !== undefined),
    complianceCostTable(options.compliance ?? [], lang),
    parametersTable(result, lang),
    assumptionsTable(result, lang),
    clausesTable(result, lang),
    outcomesTable(result, lang),
  ].filter((t) => t.rows.length > 0).map((t) => ({ ...t, rows: t.rows.map(clean) }));
}
