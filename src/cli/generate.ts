/** `jiuzhu generate` and `jiuzhu calibrate-report`: the synthetic Jilin population. */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import cliProgress from 'cli-progress';
import { type CalibrationReport } from '../data/calibration.js';
import { generateDataset, writeGeneratedFile } from '../data/generated.js';
import { fullCountHouseholds, writeFullCount } from '../data/full-count.js';
import { JiuzhuError } from '../engine/errors.js';
import { parseLang, printJson } from './common.js';
import { fmtInt, formatTable } from '../text/format.js';
import type { CliIo } from './io.js';

export interface GenerateCliOptions { year: string; households?: string; seed: string; out: string; full?: boolean; chunkHouseholds?: string }

function positiveInt(v: string | undefined, flag: string): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new JiuzhuError('BAD_OPTION', `${flag} must be a positive integer, not '${v}'`, { kind: 'usage', location: { key: flag } });
  return n;
}

function year(v: string): 2006 {
  if (v !== '2006') throw new JiuzhuError('BAD_OPTION', `--year ${v}: only 2006 has calibration targets (datasets/jilin-2006/targets.yaml)`, { kind: 'usage', location: { key: '--year' } });
  return 2006;
}

export async function generateCommand(options: GenerateCliOptions, io: CliIo): Promise<void> {
  const y = year(options.year);
  const seed = positiveInt(options.seed, '--seed') ?? 1;
  // A file is written beside its target and renamed: its folder must exist (--full creates its own).
  const parent = dirname(resolve(options.out));
  if (!options.full && !existsSync(parent)) throw new JiuzhuError('BAD_OPTION', `--out: the folder ${parent} does not exist`, { kind: 'usage', location: { key: '--out' } });
  const started = performance.now();
  if (options.full) {
    const total = positiveInt(options.households, '--households') ?? fullCountHouseholds(y);
    const bar = io.stderr.isTTY ? new cliProgress.SingleBar({ format: 'generating [{bar}] {value}/{total} chunks · {persons} persons', stream: io.stderr as NodeJS.WritableStream }, cliProgress.Presets.shades_classic) : undefined;
    let persons = 0;
    const manifest = await writeFullCount(options.out, {
      year: y, seed, households: total, chunkHouseholds: positiveInt(options.chunkHouseholds, '--chunk-households'),
      onChunk: (c, i, n) => {
        persons += c.persons;
        if (bar) { if (i === 0) bar.start(n, 0, { persons: 0 }); bar.update(i + 1, { persons: fmtInt(persons) }); }
        else io.stderr.write(`chunk ${i + 1}/${n}: prefecture ${c.prefecture}, ${fmtInt(c.households)} households\n`);
      },
    });
    bar?.stop();
    io.stdout.write(`wrote ${options.out}: ${manifest.chunks.length} chunks, ${fmtInt(manifest.households)} households, ${fmtInt(manifest.persons)} persons in ${((performance.now() - started) / 1000).toFixed(1)} s; peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB\n`);
    return;
  }
  const households = positiveInt(options.households, '--households') ?? 100_000;
  const report = await writeGeneratedFile(options.out, { year: y, households, seed });
  io.stdout.write(`wrote ${options.out}: ${fmtInt(households)} households, raked in ${report.rake.iterations} iterations (max deviation ${report.maxRakedDeviation.toExponential(1)}) in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
}

/** The calibration report as a table: every target, generated vs expected. */
export function calibrationTable(report: CalibrationReport, lang: 'zh' | 'en'): string {
  const zh = lang === 'zh';
  const pct = (x: number): string => `${(x * 100).toFixed(2)}%`;
  const num = (x: number): string => (Math.abs(x) >= 100 ? fmtInt(x) : x.toFixed(4));
  const rows = report.rows.map((r) => [r.target, r.group, num(r.generated), num(r.expected), pct(r.relativeDiff), r.raked ? '✓' : '', r.source.length > 60 ? `${r.source.slice(0, 59)}…` : r.source]);
  const head = zh ? ['目标', '组', '生成', '目标值', '相对差', '校准', '来源'] : ['Target', 'Group', 'Generated', 'Expected', 'Rel. diff', 'Raked', 'Source'];
  const q = (xs: readonly number[]): string => xs.map((x) => (x * 100).toFixed(1)).join(' / ');
  const income = formatTable(
    zh ? ['地区', '人均收入（元/年）', '目标', '相对差', '五等分份额 %', '目标份额 %', '最大差'] : ['Area', 'Mean income (yuan/yr)', 'Target', 'Rel. diff', 'Quintile shares %', 'Target shares %', 'Max diff'],
    report.income.map((c) => [c.area, fmtInt(c.mean), fmtInt(c.expectedMean), pct(c.relativeDiff), q(c.quintileShares), q(c.expectedShares), `${(c.maxShareDiff * 100).toFixed(2)} pp`]),
  );
  const band = (from: number, to: number): string => `${Math.round(from * 100)}–${Math.round(to * 100)}%`;
  const sizes = formatTable(
    zh ? ['地区', '收入组（户，由低到高）', '生成户均人数', '公布', '生成÷地区平均', '公布÷平均'] : ['Area', 'Income group (households, poorest first)', 'Generated size', 'Published', 'Generated ÷ area mean', 'Published ÷ mean'],
    report.income.flatMap((c) => c.sizeByIncome.map((g) => [c.area, band(g.from, g.to), g.generated.toFixed(2), g.expected.toFixed(2), g.generatedRatio.toFixed(2), g.expectedRatio.toFixed(2)])),
  );
  return [
    formatTable(head, rows),
    '',
    `${zh ? '迭代' : 'Raking'}: ${report.rake.iterations} ${zh ? '次' : 'iterations'}, ${report.rake.converged ? (zh ? '已收敛' : 'converged') : zh ? '未收敛' : 'NOT converged'}, max |relative deviation| ${report.rake.maxRelativeDeviation.toExponential(2)}`,
    `${zh ? '权重比（校准/设计）' : 'Weight ratio (raked/design)'}: ${report.weightRatio.min.toFixed(3)}–${report.weightRatio.max.toFixed(3)}`,
    '',
    zh ? '收入检查：' : 'Income checks:',
    income,
    '',
    zh ? '按收入分组的户均人数（检查，不校准；公布值为全国2007年，见 targets.yaml）：' : 'Household size by income group (a check, never fitted; the published figures are national, 2007: targets.yaml):',
    sizes,
  ].join('\n');
}

export function calibrateReportCommand(options: { year: string; households?: string; seed: string; json?: boolean; lang?: string }, io: CliIo): void {
  const y = year(options.year);
  const { report } = generateDataset({ year: y, households: positiveInt(options.households, '--households') ?? 100_000, seed: positiveInt(options.seed, '--seed') ?? 1 });
  if (options.json) return printJson(io, report);
  io.stdout.write(`${calibrationTable(report, parseLang(options.lang))}\n`);
}
