/** `jiuzhu project`: a scenario projected year by year — standards, recipients, cost, who pays, budget and gap. */
import { JiuzhuError } from '../engine/errors.js';
import { LEVELS } from '../scenarios/results/funding.js';
import { type Result } from '../scenarios/results/result.js';
import { projectResult } from '../scenarios/studies/compare.js';
import { parseWorkers } from './compare.js';
import { datasetFor, loadScenarios, parseLang, parseSeed, printJson, type CommonOptions } from './common.js';
import { label, type Lang } from '../text/labels.js';
import { progressBar } from './progress.js';
import { fmtMoneyIn, fmtPersons, fmtShare, moneyUnitOf, unitLine } from '../text/units.js';
import { fmt2, formatTable, wrapLine } from '../text/format.js';
import type { CliIo } from './io.js';

export interface ProjectCliOptions extends CommonOptions {
  from?: string;
  to?: string;
  real?: boolean;
  monthsPerYear?: string;
  workers?: string;
}

function parseYear(v: string | undefined, flag: string): number | undefined {
  if (v === undefined) return undefined;
  if (!/^\d{4}$/.test(v)) throw new JiuzhuError('BAD_OPTION', `${flag} must be a year YYYY, not '${v}'`, { kind: 'usage', location: { key: flag } });
  return Number(v);
}

export async function projectCommand(file: string, options: ProjectCliOptions, io: CliIo): Promise<void> {
  const lang = parseLang(options.lang);
  const from = parseYear(options.from, '--from');
  const to = parseYear(options.to, '--to');
  if (from !== undefined && to !== undefined && to < from) throw new JiuzhuError('BAD_OPTION', `--to (${to}) is before --from (${from})`, { kind: 'usage', location: { key: '--to' } });
  const mpy = options.monthsPerYear ?? '12';
  if (mpy !== '1' && mpy !== '12') throw new JiuzhuError('BAD_OPTION', `--months-per-year must be 1 or 12, not '${mpy}'`, { kind: 'usage', location: { key: '--months-per-year' } });
  const seed = parseSeed(options.seed);
  const [scenario] = loadScenarios([file]);
  const dataset = await datasetFor(scenario!, options, io);
  const bar = progressBar(lang === 'zh' ? '预测中' : 'projecting', io, lang === 'zh' ? '个月' : 'months');
  const result = await projectResult(scenario!, dataset, {
    from,
    to,
    real: options.real ?? false,
    monthsPerYear: Number(mpy) as 1 | 12,
    seed,
    ...(options.workers !== undefined ? { workers: parseWorkers(options.workers) } : {}),
    timestamp: options.timestamp !== false,
    onProgress: (done, total) => bar.update(done, total),
  });
  bar.stop();
  if (options.json) return printJson(io, result);
  io.stdout.write(`${projectionTable(result, lang)}\n`);
}

/** One row per projected year: price index, standards, recipients, cost, who pays, budget need, budget, gap, bounds. */
export function projectionTable(result: Result, lang: Lang): string {
  const s = result.scenarios[0]!;
  const p = s.projection!;
  const zh = lang === 'zh';
  const header = zh
    ? ['年份', '价格指数', '城镇标准', '农村标准', '保障人数', '覆盖率', '总支出', ...LEVELS.map((l) => label(l, lang)), '非政府出资方', '地方财政需求', '预算', '资金缺口', '触及硬约束']
    : ['Year', 'Price index', 'Urban std', 'Rural std', 'Recipients', 'Coverage', 'Cost', ...LEVELS.map((l) => label(l, lang)), 'Other payers', 'Local budget need', 'Budget', 'Funding gap', 'Hard bounds hit'];
  const bounds = (r: NonNullable<typeof s.years>[number]): string => {
    const names: Record<string, string> = zh ? { minimumWage: '最低工资', unemploymentBenefit: '失业保险金', povertyLine: '扶贫标准' } : { minimumWage: 'min. wage', unemploymentBenefit: 'UI benefit', povertyLine: 'poverty line' };
    return Object.entries(r.standardsBound).filter(([, v]) => v.length).map(([k, v]) => `${names[k]} ×${v.length}`).join(', ');
  };
  // §二.1 dovetailing: per linked line, the smallest…largest distance (standard − reference) over the prefectures.
  const LINKS = ['minimumWage', 'unemploymentBenefit', 'povertyLine'] as const;
  const linkHeader = zh
    ? ['年份', '城镇标准−½最低工资', '城镇标准−失业保险金', '农村标准−扶贫标准÷12']
    : ['Year', 'urban − ½ min. wage', 'urban − UI benefit', 'rural − poverty line ÷ 12'];
  const linkRows = (s.years ?? []).map((r) => [String(r.year), ...LINKS.map((k) => `${fmt2(r.linkage[k].min)} … ${fmt2(r.linkage[k].max)}`)]);
  const unit = moneyUnitOf((s.years ?? []).flatMap((r) => [r.cost, r.budgetNeed, r.budget, r.fundingGap]), lang);
  const fmtMoney = (x: number): string => fmtMoneyIn(x, unit);
  const rows = (s.years ?? []).map((r) => [
    String(r.year), r.priceIndex.toFixed(3), fmt2(r.averageStandard.urban), fmt2(r.averageStandard.rural), fmtPersons(r.recipients), fmtShare(r.coverage), fmtMoney(r.cost),
    ...LEVELS.map((l) => fmtMoney(r.costByLevel[l])), fmtMoney(Object.values(r.costByOtherPayer).reduce((a, x) => a + Math.round(x * 100), 0) / 100), fmtMoney(r.budgetNeed), fmtMoney(r.budget), fmtMoney(r.fundingGap), bounds(r),
  ]);
  const rule = p.standardRule
    ? (zh ? `标准增长：挂钩${({ income: '居民收入', cpi: 'CPI', revenue: '财政收入', none: '不调整' } as const)[p.standardRule.indexTo]}` : `standards indexed to ${p.standardRule.indexTo}`) + (p.standardRule.elasticity !== undefined && p.standardRule.elasticity !== 1 ? ` ×${p.standardRule.elasticity}` : '')
    : (zh ? '标准：按参数' : 'standards: as in the parameters');
  const money = p.real ? (zh ? `${p.from}年不变价` : `constant ${p.from} prices`) : (zh ? '当年价' : 'current prices');
  const sample = p.monthsPerYear === 1 ? (zh ? '；每年只模拟1月，×12' : '; January only, × 12') : '';
  const title = zh
    ? `多年预测（吉政发〔2006〕48号 §二.1 动态增长机制）· ${s.name} · ${p.from}—${p.to} · ${rule} · ${money}${sample} · 数据集 ${result.meta.dataset.name}`
    : `Projection (吉政发〔2006〕48号 §二.1 dynamic growth) · ${s.name} · ${p.from}–${p.to} · ${rule} · ${money}${sample} · dataset ${result.meta.dataset.name}`;
  // Each year's checks, one line per failing check with the years it fails in (details read '2008: …').
  const failed = new Map<string, { years: string[]; detail: string }>();
  // Province and area rows only: a prefecture's failure also fails the province row of its check.
  for (const c of s.checks.filter((x) => !x.passed && x.scope.kind !== 'prefecture')) {
    const [year, ...rest] = (zh && c.detailZh ? c.detailZh : c.detail).split(': ');
    const key = `${c.id} (${c.reading.id}, ${c.scope.key})`;
    const f = failed.get(key) ?? { years: [], detail: rest.join(': ') };
    if (!f.years.includes(year!)) f.years.push(year!);
    failed.set(key, f);
  }
  const checks = failed.size ? ['', zh ? `${label('checks', lang)}（未通过）：` : `${label('checks', lang)} (failed):`, ...[...failed].flatMap(([id, f]) => wrapLine(`  ✗ ${id} [${f.years.join(', ')}] ${f.detail}`))] : [];
  const linkageTitle = zh
    ? '与相关标准的衔接（§二.1 相互衔接）：各市州标准减参照线，最小 … 最大，元/人·月；负数为低于参照线'
    : 'Linkage (§二.1 dovetailing): each prefecture’s standard minus the reference, smallest … largest, yuan per person a month; negative is below the reference';
  return [title, '', `${unitLine(unit, lang)}${zh ? '；标准：元/人·月' : '; standards: yuan per person per month'}`, formatTable(header, rows), '', ...wrapLine(linkageTitle), formatTable(linkHeader, linkRows), ...checks].join('\n');
}
