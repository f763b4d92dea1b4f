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
import { assertReplaceable } from '../report/staged-dir.js';
import { writeReport } from '../report/write.js';

export interface ProjectCliOptions extends CommonOptions {
  from?: string;
  to?: string;
  real?: boolean;
  monthsPerYear?: string;
  workers?: string;
  sensitivity?: boolean;
  sensitivityRange?: string;
  report?: string;
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
  const range = Number(options.sensitivityRange ?? '0.25');
  if (!(range > 0 && range < 1)) throw new JiuzhuError('BAD_OPTION', `--sensitivity-range must be a number between 0 and 1, not '${options.sensitivityRange}'`, { kind: 'usage', location: { key: '--sensitivity-range' } });
  if (options.report) assertReplaceable(options.report); // before the simulation, not after it
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
    ...(options.sensitivity ? { sensitivity: { range } } : {}),
    onProgress: (done, total) => bar.update(done, total),
  });
  bar.stop();
  if (options.report) {
    const written = await writeReport(options.report, result, { lang });
    io.stderr.write(lang === 'zh' ? `报告已写入：${written.index}\n` : `report written: ${written.index}\n`);
  }
  if (options.json) return printJson(io, result);
  io.stdout.write(`${projectionTable(result, lang)}\n`);
  if (result.scenarios[0]!.sensitivity) io.stdout.write(`\n${sensitivityText(result, lang)}\n`);
}

/** The five funding assumptions that move the last year's gap most (--sensitivity), one line each. */
export function sensitivityText(result: Result, lang: Lang, top = 5): string {
  const x = result.scenarios[0]!.sensitivity!;
  const zh = lang === 'zh';
  const pct = Math.round(x.range * 100);
  const rows = x.rows.slice(0, top);
  const unit = moneyUnitOf([x.gap, ...rows.flatMap((r) => [r.low.gap, r.high.gap])].map(Math.abs), lang);
  const m = (v: number): string => fmtMoneyIn(v, unit);
  const header = zh ? ['排序', '筹资假设', '参数', `下调${pct}%后缺口`, `上调${pct}%后缺口`, '差值'] : ['Rank', 'Funding assumption', 'Parameter', `Gap at −${pct}%`, `Gap at +${pct}%`, 'Swing'];
  const body = rows.map((r, i) => [String(i + 1), r.label[lang], r.path + (r.how === 'central share' ? (zh ? '（中央份额）' : ' (central share)') : ''), m(r.low.gap), m(r.high.gap), m(r.swing)]);
  const title = zh
    ? `筹资敏感性（${x.year}年）：缺口＝地方财政需求−预算，预测值 ${m(x.gap)}（负数为预算有余）；每项假设单独上下调 ${pct}%，影响最大的五项`
    : `Funding sensitivity (${x.year}): gap = local budget need − budget, ${m(x.gap)} as projected (negative: the budget covers the need); each assumption moved ±${pct}% alone, the five that move it most`;
  return [...wrapLine(title), unitLine(unit, lang), formatTable(header, body)].join('\n');
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
  // The fiscal path (§二.4): the year's revenue and where it comes from, and dibao's own need against its share of it.
  const basisText: Record<string, string> = zh ? { published: '公布数', interpolated: '公布年间插值', 'assumed growth': '假设增长' } : { published: 'published', interpolated: 'interpolated', 'assumed growth': 'assumed growth' };
  const fiscalHeader = zh
    ? ['年份', '财政收入来源', '地方一般预算收入', '预算', '低保地方财政需求', '低保预算', '低保资金缺口']
    : ['Year', 'Revenue basis', 'Local revenue', 'Budget', 'Dibao local need', 'Dibao budget', 'Dibao gap'];
  const fiscalUnit = moneyUnitOf((s.years ?? []).flatMap((r) => [r.fiscalRevenue, r.dibaoBudgetNeed, r.dibaoBudget]), lang);
  const fiscalRows = (s.years ?? []).map((r) => [String(r.year), basisText[r.fiscalRevenueBasis]!, ...[r.fiscalRevenue, r.budget, r.dibaoBudgetNeed, r.dibaoBudget, r.dibaoFundingGap].map((x) => fmtMoneyIn(x, fiscalUnit))]);
  const fiscalTitle = zh
    ? '财政路径（§二.4）：吉林省地方一般预算收入（公布年份、其间插值、其后假设增长），预算为其固定比例；低保地方财政需求含工作经费，不含中央补助'
    : 'Fiscal path (§二.4): Jilin local general-budget revenue (published years, interpolated between them, assumed growth beyond), the budgets fixed shares of it; dibao local need includes running costs, central transfers left out';
  // Uprating of amounts (projection.uprating): which namespaces follow which rule, and each rule's factor by year.
  const RULES = ['cpi', 'wages', 'fixed'] as const;
  const ruleName: Record<string, string> = zh ? { cpi: '随CPI', wages: '随工资', 'cpi and wages': '随CPI和工资', fixed: '固定（名义）' } : { cpi: 'CPI', wages: 'wages', 'cpi and wages': 'CPI and wages', fixed: 'fixed (nominal)' };
  const last = (s.years ?? []).at(-1);
  const groups = last ? [...new Set(Object.values(last.uprating).map((u) => u.rule))].map((rule) => `${ruleName[rule]}: ${Object.entries(last.uprating).filter(([, u]) => u.rule === rule).map(([ns]) => ns).join(', ')}`) : [];
  const upHeader = zh ? ['年份', ...RULES.map((r) => `${ruleName[r]}系数`)] : ['Year', ...RULES.map((r) => `${ruleName[r]} factor`)];
  const upRows = (s.years ?? []).map((r) => [String(r.year), ...RULES.map((rule) => { const u = Object.values(r.uprating).find((x) => x.rule === rule); return u ? u.index.toFixed(4) : ''; })]);
  const upTitle = zh
    ? `各项目金额的调整（projection.uprating，自首年起累计）：${groups.join('；')}；低保标准按增长规则`
    : `Uprating of every program's amounts (projection.uprating, cumulative since the first year): ${groups.join('; ')}; dibao standards follow the growth rule`;
  const fiscal = ['', ...wrapLine(fiscalTitle), unitLine(fiscalUnit, lang), formatTable(fiscalHeader, fiscalRows), '', ...wrapLine(upTitle), formatTable(upHeader, upRows)];
  const checks = failed.size ? ['', zh ? `${label('checks', lang)}（未通过）：` : `${label('checks', lang)} (failed):`, ...[...failed].flatMap(([id, f]) => wrapLine(`  ✗ ${id} [${f.years.join(', ')}] ${f.detail}`))] : [];
  const linkageTitle = zh
    ? '与相关标准的衔接（§二.1 相互衔接）：各市州标准减参照线，最小 … 最大，元/人/月；负数为低于参照线'
    : 'Linkage (§二.1 dovetailing): each prefecture’s standard minus the reference, smallest … largest, yuan per person a month; negative is below the reference';
  return [title, '', `${unitLine(unit, lang)}${zh ? '；标准：元/人/月' : '; standards: yuan per person per month'}`, formatTable(header, rows), '', ...wrapLine(linkageTitle), formatTable(linkHeader, linkRows), ...fiscal, ...checks].join('\n');
}
