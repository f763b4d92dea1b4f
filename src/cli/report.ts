/** `jiuzhu report`: run scenarios over one period and write a report folder (HTML, CSV/JSON tables, charts, Excel). */
import { relative } from 'node:path';
import { JiuzhuError } from '../engine/errors.js';
import { assertReplaceable } from '../report/staged-dir.js';
import { writeReport } from '../report/write.js';
import { isChunked } from '../scenarios/execution/plan.js';
import { complyScenario, type ComplianceResult } from '../scenarios/studies/comply.js';
import { datasetFor, loadScenarios, parseLang, parsePeriod, parseSeed, type CommonOptions } from './common.js';
import { compareWithProgress } from './progress.js';
import { fundingTable, programsTable, summaryTable } from './summary-table.js';
import type { CliIo } from './io.js';

export interface ReportCliOptions extends CommonOptions {
  out?: string;
  period?: string;
  xlsx?: boolean;
  print?: boolean;
  comply?: boolean;
}

export async function reportCommand(files: string[], options: ReportCliOptions, io: CliIo): Promise<void> {
  const lang = parseLang(options.lang);
  if (!options.out) throw new JiuzhuError('BAD_OPTION', '--out <dir> is required: the folder to write the report into', { kind: 'usage', location: { key: '--out' } });
  assertReplaceable(options.out); // before the simulation, not after it
  const scenarios = loadScenarios(files);
  const dataset = await datasetFor(scenarios[0]!, options, io);
  const result = await compareWithProgress(scenarios, dataset, lang, io, {
    period: parsePeriod(options.period),
    seed: parseSeed(options.seed),
    timestamp: options.timestamp !== false,
  });
  // The cost of compliance only when asked: each failing check of §二.2 takes about fifteen runs.
  let compliance: ComplianceResult[] | undefined;
  if (options.comply) {
    if (isChunked(dataset)) throw new JiuzhuError('BAD_OPTION', '--comply runs each scenario many times and needs a dataset in memory, not a chunked one', { kind: 'usage', location: { key: '--comply' }, hint: 'run jiuzhu comply on a sample instead' });
    compliance = scenarios.map((s) => complyScenario(s, dataset, { period: parsePeriod(options.period) ?? result.period, seed: parseSeed(options.seed) }));
  }
  if (options.print) io.stdout.write(`${summaryTable(result, lang)}\n\n${programsTable(result, lang)}\n\n${fundingTable(result, lang)}\n\n`);
  const written = await writeReport(options.out, result, {
    lang,
    xlsx: options.xlsx ?? false,
    ...(compliance ? { compliance } : {}),
    onProgress: io.stderr.isTTY ? (m) => io.stderr.write(`\r\x1b[K${lang === 'zh' ? '写报告' : 'writing'} ${m}`) : undefined,
  });
  if (io.stderr.isTTY) io.stderr.write('\r\x1b[K');
  const rel = relative(io.cwd, written.index);
  const shown = rel.startsWith('..') ? written.index : rel;
  const extra = `${written.tables.length} tables, ${written.charts.length} charts${options.xlsx ? ', report.xlsx' : ''}`;
  io.stdout.write(lang === 'zh' ? `报告已写入：${shown}（${extra}）\n` : `report written: ${shown} (${extra})\n`);
}
