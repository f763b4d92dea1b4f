/** `jiuzhu outcomes [scenario]`: published outcome figures against the simulated baseline. */
import { compareOutcomes, loadOutcomes, OUTCOME_COLUMNS, outcomesTableRows, type OutcomeRow } from '../outcomes/index.js';
import { packagePath } from '../engine/paths.js';
import { datasetFor, loadScenarios, parseLang, parsePeriod, parseSeed, printJson, type CommonOptions } from './common.js';
import { compareWithProgress } from './progress.js';
import { formatTable } from '../text/format.js';
import type { CliIo } from './io.js';

export interface OutcomesCliOptions extends CommonOptions {
  outcomes?: string;
  period?: string;
}

/** The default scenario: the 2006 baseline shipped with the package. */
export const DEFAULT_OUTCOMES_SCENARIO = 'scenarios/baseline-2006.yaml';

export async function outcomesCommand(file: string | undefined, options: OutcomesCliOptions, io: CliIo): Promise<void> {
  const lang = parseLang(options.lang);
  const outcomes = loadOutcomes(options.outcomes);
  const scenarios = loadScenarios([file ?? packagePath(DEFAULT_OUTCOMES_SCENARIO)]);
  const dataset = await datasetFor(scenarios[0]!, options, io);
  const result = await compareWithProgress(scenarios, dataset, lang, io, { period: parsePeriod(options.period), seed: parseSeed(options.seed), timestamp: options.timestamp !== false });
  const rows = compareOutcomes(outcomes, result);
  if (options.json) return printJson(io, { scenario: scenarios[0]!.name, period: result.period, outcomes: outcomes.name, rows, counts: outcomeCounts(rows) });
  io.stdout.write(`${formatTable(OUTCOME_COLUMNS[lang], outcomesTableRows(rows, lang).map((r) => r.slice(0, 9)))}\n\n${countsLine(outcomeCounts(rows), lang)}\n`);
}

export interface OutcomeCounts { figures: number; compared: number; within: number; outside: number; notModelled: number; calibration: number; validation: number }

export function outcomeCounts(rows: readonly OutcomeRow[]): OutcomeCounts {
  const compared = rows.filter((r) => r.withinTolerance !== null);
  return {
    figures: rows.length,
    compared: compared.length,
    within: compared.filter((r) => r.withinTolerance).length,
    outside: compared.filter((r) => !r.withinTolerance).length,
    notModelled: rows.length - compared.length,
    calibration: rows.filter((r) => r.role === 'calibration').length,
    validation: rows.filter((r) => r.role === 'validation').length,
  };
}

function countsLine(c: OutcomeCounts, lang: 'zh' | 'en'): string {
  return lang === 'zh'
    ? `共 ${c.figures} 项公布数据（校准 ${c.calibration}，验证 ${c.validation}）：比较 ${c.compared} 项，容差内 ${c.within}，超出 ${c.outside}，未模拟 ${c.notModelled}。来源见 --json 或 datasets/jilin-2006/outcomes.yaml。`
    : `${c.figures} published figures (${c.calibration} calibration, ${c.validation} validation): ${c.compared} compared, ${c.within} within tolerance, ${c.outside} outside, ${c.notModelled} not modelled. Sources: --json or datasets/jilin-2006/outcomes.yaml.`;
}
