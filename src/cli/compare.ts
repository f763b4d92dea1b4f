/** `jiuzhu run` and `jiuzhu compare`: scenarios over one period, a table or the result JSON. */
import { JiuzhuError } from '../engine/errors.js';
import type { Result } from '../scenarios/results/result.js';
import { DEFAULT_LEVEL, type Interval, type IntervalMetric } from '../scenarios/studies/replicates.js';
import { datasetFor, loadScenarios, parseLang, parsePeriod, parseSeed, printJson, type CommonOptions } from './common.js';
import type { Lang } from '../text/labels.js';
import { compareWithProgress } from './progress.js';
import { fundingTable, monthsTable, povertyTable, prefectureTable, programsTable, summaryTable } from './summary-table.js';
import { fmtMoneyIn, fmtPersons, fmtPoints, fmtShare, moneyUnitOf, signed, unitLine, type MoneyUnit } from '../text/units.js';
import { formatTable } from '../text/format.js';
import type { CliIo } from './io.js';

export interface CompareCliOptions extends CommonOptions {
  period?: string;
  prefectures?: boolean;
  months?: boolean;
  replicates?: string;
  level?: string;
  resimulate?: boolean;
  workers?: string;
}

export async function compareCommand(files: string[], options: CompareCliOptions, io: CliIo): Promise<void> {
  const lang = parseLang(options.lang);
  const replicates = parseReplicates(options.replicates);
  const level = parseLevel(options.level);
  if (replicates === undefined && (options.level !== undefined || options.resimulate)) {
    throw new JiuzhuError('BAD_OPTION', `${options.level !== undefined ? '--level' : '--resimulate'} goes with --replicates <R>`, { kind: 'usage', location: { key: options.level !== undefined ? '--level' : '--resimulate' } });
  }
  const workers = parseWorkers(options.workers);
  if (workers !== undefined && replicates !== undefined) {
    throw new JiuzhuError('BAD_OPTION', '--replicates re-weights the columns of one pass in this thread; it does not go with --workers', { kind: 'usage', location: { key: '--workers' } });
  }
  const scenarios = loadScenarios(files);
  // compareScenarios slices a dataset in memory itself when workers are asked for.
  const dataset = await datasetFor(scenarios[0]!, options, io);
  const result = await compareWithProgress(scenarios, dataset, lang, io, {
    period: parsePeriod(options.period),
    seed: parseSeed(options.seed),
    timestamp: options.timestamp !== false,
    ...(replicates !== undefined ? { replicates, level, replicateMethod: options.resimulate ? 'resimulate' : 'reweight' } : {}),
    ...(workers !== undefined ? { workers } : {}),
  });
  if (options.json) return printJson(io, result);
  const poverty = povertyTable(result, lang);
  io.stdout.write(`${summaryTable(result, lang)}\n\n${poverty ? `${poverty}\n\n` : ''}${programsTable(result, lang)}\n\n${fundingTable(result, lang)}\n`);
  if (result.meta.replicates) io.stdout.write(`\n${intervalsTable(result, lang)}\n`);
  if (options.prefectures) io.stdout.write(`\n${prefectureTable(result, lang)}\n`);
  if (options.months) io.stdout.write(`\n${monthsTable(result, lang)}\n`);
}

/** `--replicates R`: an integer ≥ 2. */
export function parseReplicates(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 2) throw new JiuzhuError('BAD_OPTION', `--replicates must be an integer ≥ 2, not '${v}'`, { kind: 'usage', location: { key: '--replicates' }, hint: 'a few hundred replicates give stable 90% intervals; 50 is a quick look' });
  return n;
}

/** `--workers N`: a whole number ≥ 1. */
export function parseWorkers(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!/^\d+$/.test(v.trim()) || n < 1) throw new JiuzhuError('BAD_OPTION', `--workers must be a whole number ≥ 1, not '${v}'`, { kind: 'usage', location: { key: '--workers' }, hint: 'one worker per core is the most that helps' });
  return n;
}

/** `--level p`: between 0 and 1, default 0.9. */
export function parseLevel(v: string | undefined): number {
  if (v === undefined) return DEFAULT_LEVEL;
  const p = Number(v);
  if (!(p > 0 && p < 1)) throw new JiuzhuError('BAD_OPTION', `--level must be between 0 and 1 (e.g. 0.9), not '${v}'`, { kind: 'usage', location: { key: '--level' } });
  return p;
}

const fmtIndex = (x: number): string => x.toFixed(4);

type Kind = 'money' | 'persons' | 'share' | 'index';

/** The intervals printed (the JSON has every metric, the FGT before assistance too). */
const SHOWN: { metric: IntervalMetric; zh: string; en: string; kind: Kind }[] = [
  { metric: 'cost', zh: '支出（期内）', en: 'Cost (period)', kind: 'money' },
  { metric: 'costAnnual', zh: '支出（年化）', en: 'Cost (annualised)', kind: 'money' },
  { metric: 'recipients', zh: '保障人数（月均）', en: 'Recipients (avg month)', kind: 'persons' },
  { metric: 'coverage', zh: '覆盖率', en: 'Coverage', kind: 'share' },
  { metric: 'targeting.coverageOfPoor', zh: '贫困者覆盖率', en: 'Coverage of the poor', kind: 'share' },
  { metric: 'distribution.poverty.localStandard.after.headcount', zh: '救助后贫困发生率（当地标准）', en: 'Poverty headcount after (local standard)', kind: 'share' },
  { metric: 'distribution.poverty.localStandard.after.gap', zh: '救助后贫困距指数（当地标准）', en: 'Poverty gap index after (local standard)', kind: 'index' },
  { metric: 'distribution.poverty.localStandard.after.severity', zh: '救助后贫困强度（当地标准）', en: 'Poverty severity after (local standard)', kind: 'index' },
  { metric: 'distribution.poverty.nationalRuralLine.after.headcount', zh: '救助后农村贫困发生率（国家线）', en: 'Rural headcount after (national line)', kind: 'share' },
  { metric: 'distribution.poverty.nationalRuralLine.after.gap', zh: '救助后农村贫困距指数（国家线）', en: 'Rural poverty gap after (national line)', kind: 'index' },
  { metric: 'distribution.poverty.nationalRuralLine.after.severity', zh: '救助后农村贫困强度（国家线）', en: 'Rural severity after (national line)', kind: 'index' },
];

const metricOf = (summary: unknown, metric: string): number => metric.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], summary) as number;

const kindFmt = (kind: Kind, unit: MoneyUnit): ((x: number) => string) =>
  kind === 'money' ? (x) => fmtMoneyIn(x, unit) : kind === 'persons' ? fmtPersons : kind === 'share' ? fmtShare : fmtIndex;

/** Each scenario's figures with their intervals; with two or more scenarios, the change of the last against the first with its (paired) interval. */
export function intervalsTable(result: Result, lang: Lang): string {
  const rep = result.meta.replicates!;
  const zh = lang === 'zh';
  const pct = `${Math.round(rep.level * 1000) / 10}%`;
  const title = zh
    ? `${pct} 区间：住户自助抽样 ${rep.count} 次（种子 ${rep.seed}，${rep.method === 'reweight' ? '一次模拟重新加权' : '每次重新模拟'}）`
    : `${pct} intervals: ${rep.count} bootstrap replicates of households (seed ${rep.seed}, ${rep.method === 'reweight' ? 'one simulation re-weighted' : 'each replicate re-simulated'})`;
  const scen = result.scenarios;
  const last = result.deltas[result.deltas.length - 1];
  const header = [zh ? '指标' : 'Figure', ...scen.map((s) => s.name), ...(last ? [`${last.scenario} − ${last.against}`] : [])];
  const cell = (v: number, iv: Interval | undefined, fmt: (x: number) => string): string => `${fmt(v)} [${iv ? fmt(iv.lo) : '–'}, ${iv ? fmt(iv.hi) : '–'}]`;
  const unit = moneyUnitOf(scen.flatMap((s) => SHOWN.filter((r) => r.kind === 'money').map((r) => metricOf(s.summary, r.metric))), lang);
  const body = SHOWN.map(({ metric, zh: z, en, kind }) => {
    const fmt = kindFmt(kind, unit);
    return [
      zh ? z : en,
      ...scen.map((s) => cell(metricOf(s.summary, metric), s.intervals?.[metric], fmt)),
      ...(last ? [cell(metricOf(scen[scen.length - 1]!.summary, metric) - metricOf(scen[0]!.summary, metric), last.intervals?.[metric], (x) => (kind === 'share' ? fmtPoints(x, lang) : signed(x, fmt)))] : []),
    ];
  });
  return [title, '', unitLine(unit, lang), formatTable(header, body)].join('\n');
}
