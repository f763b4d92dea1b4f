/** `jiuzhu run` and `jiuzhu compare`: scenarios over one period, a table or the result JSON. */
import { compareScenarios } from '../scenarios/result.js';
import { datasetFor, loadScenarios, parseLang, parsePeriod, parseSeed, printJson, type CommonOptions } from './common.js';
import { progressBar } from './progress.js';
import { fundingTable, monthsTable, prefectureTable, programsTable, summaryTable } from './summary-table.js';

export interface CompareCliOptions extends CommonOptions {
  period?: string;
  prefectures?: boolean;
  months?: boolean;
}

export async function compareCommand(files: string[], options: CompareCliOptions): Promise<void> {
  const lang = parseLang(options.lang);
  const scenarios = loadScenarios(files);
  const dataset = await datasetFor(scenarios[0]!, options);
  const bar = progressBar(lang === 'zh' ? '模拟中' : 'simulating');
  const total = scenarios.length;
  let done = 0;
  const result = await compareScenarios(scenarios, dataset, {
    period: parsePeriod(options.period),
    seed: parseSeed(options.seed),
    timestamp: options.timestamp !== false,
    onProgress: (m, months) => { if (m === months) done++; bar.update((done - (m === months ? 1 : 0)) * months + m, total * months); },
  });
  bar.stop();
  if (options.json) return printJson(result);
  process.stdout.write(`${summaryTable(result, lang)}\n\n${programsTable(result, lang)}\n\n${fundingTable(result, lang)}\n`);
  if (options.prefectures) process.stdout.write(`\n${prefectureTable(result, lang)}\n`);
  if (options.months) process.stdout.write(`\n${monthsTable(result, lang)}\n`);
}
