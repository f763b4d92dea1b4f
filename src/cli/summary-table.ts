/** The scenario table printed by `run` and `compare`, in Chinese or English. */
import { PREFECTURES } from '../engine/locality.js';
import { PAYERS } from '../engine/program.js';
import { GOVERNMENT_SOURCES, LEVELS, OTHER_PAYERS } from '../scenarios/results/funding.js';
import type { Result } from '../scenarios/results/result.js';
import type { MonthRow } from '../scenarios/results/summary.js';
import { label, payerLabel, type Lang } from '../text/labels.js';
import { fmt2, fmtInt, fmtMoney, fmtPct, fmtSigned, formatTable } from '../text/format.js';

type Summary = Result['scenarios'][number]['summary'];
type Row = { key: string; get: (s: Summary) => number; fmt: (x: number) => string; pct?: boolean };

const ratio = (a: number, b: number): number => (b > 0 ? a / b : 0);

function rows(lang: Lang): Row[] {
  const area = (a: 'urban' | 'rural', k: 'coverage' | 'averageSubsidy' | 'averageStandard' | 'recipients'): Row => ({
    key: `${label(a, lang)} · ${label(k, lang)}`,
    get: (s) => (s.byArea?.[a]?.[k] ?? 0) as number,
    fmt: k === 'coverage' ? fmtPct : k === 'recipients' ? fmtInt : fmt2,
    pct: k === 'coverage',
  });
  const areaRatio = (a: 'urban' | 'rural'): Row => ({
    key: `${label(a, lang)} · ${label('subsidyToStandard', lang)}`,
    get: (s) => s.byArea?.[a]?.subsidyToStandard ?? ratio(s.byArea?.[a]?.averageSubsidy ?? 0, s.byArea?.[a]?.averageStandard ?? 0),
    fmt: fmtPct,
    pct: true,
  });
  return [
    { key: label('population', lang), get: (s) => s.population, fmt: fmtInt },
    { key: label('recipients', lang), get: (s) => s.recipients, fmt: fmtInt },
    { key: label('households', lang), get: (s) => s.households, fmt: fmtInt },
    { key: label('coverage', lang), get: (s) => s.coverage, fmt: fmtPct, pct: true },
    { key: label('cost', lang), get: (s) => s.cost, fmt: fmtMoney },
    { key: label('costAnnual', lang), get: (s) => s.costAnnual, fmt: fmtMoney },
    { key: label('averageSubsidy', lang), get: (s) => s.averageSubsidy, fmt: fmt2 },
    area('urban', 'recipients'), area('urban', 'coverage'), area('urban', 'averageStandard'), area('urban', 'averageSubsidy'), areaRatio('urban'),
    area('rural', 'recipients'), area('rural', 'coverage'), area('rural', 'averageStandard'), area('rural', 'averageSubsidy'), areaRatio('rural'),
  ];
}

/** Scenarios side by side; with two or more, the change of the last against the first. */
export function summaryTable(result: Result, lang: Lang): string {
  const scen = result.scenarios;
  const header = [label('scenario', lang), ...scen.map((s) => s.name)];
  const withDelta = scen.length >= 2;
  if (withDelta) header.push(label('change', lang), label('changePct', lang));
  const body = rows(lang).map((r) => {
    const vals = scen.map((s) => r.get(s.summary));
    const cells = [r.key, ...vals.map((v) => r.fmt(v))];
    if (withDelta) {
      const a = vals[0]!;
      const b = vals[vals.length - 1]!;
      cells.push(r.pct ? fmtSigned((b - a) * 100, (x) => `${x.toFixed(2)} pp`) : fmtSigned(b - a, r.fmt), r.pct ? '' : fmtPct(a !== 0 ? (b - a) / a : null));
    }
    return cells;
  });
  const title = lang === 'zh'
    ? `城乡低保（吉政发〔2006〕48号 §二）· ${result.period.from} 至 ${result.period.to} · 数据集 ${result.meta.dataset.name}`
    : `Urban and rural dibao (吉政发〔2006〕48号 §二) · ${result.period.from} to ${result.period.to} · dataset ${result.meta.dataset.name}`;
  const checks = scen.flatMap((s) => s.checks.map((c) => `  ${c.passed ? '✓' : '✗'} [${s.name}] ${c.detail}`));
  return [title, '', formatTable(header, body), '', `${label('checks', lang)}:`, ...checks].join('\n');
}

type Programs = NonNullable<Result['scenarios'][number]['programs']>;
type ProgramRow = { key: string; get: (p: Programs) => number | null; fmt: (x: number) => string };

/** Rows of the programs table: each program's cost, its payers (those that pay something), recipients, accounts. */
function programRows(result: Result, lang: Lang): ProgramRow[] {
  const first = result.scenarios[0]?.programs ?? {};
  return Object.entries(first).flatMap(([id, p]) => {
    const name = p.label[lang];
    const payers = PAYERS.filter((k) => result.scenarios.some((s) => (s.programs?.[id]?.costByPayer[k] ?? 0) !== 0));
    const rows: ProgramRow[] = [
      { key: `${name} · ${label('programCost', lang)}`, get: (ps) => ps[id]?.cost ?? 0, fmt: fmtMoney },
      ...(payers.length > 1 ? payers.map((k) => ({ key: `${name} · ${label('programCost', lang)} · ${label(k, lang)}`, get: (ps: Programs) => ps[id]?.costByPayer[k] ?? 0, fmt: fmtMoney })) : []),
    ];
    if (p.recipients !== null) rows.push({ key: `${name} · ${label('programRecipients', lang)}`, get: (ps) => ps[id]?.recipients ?? 0, fmt: fmtInt });
    // Recipient groups apart (dibao: the regular caseload and temporary aid), average month and distinct over the period.
    for (const [g, l] of Object.entries(p.recipientGroupLabels ?? {})) {
      for (const k of ['averageMonth', 'distinct'] as const) rows.push({ key: `${name} · ${l[lang]} · ${label(k === 'averageMonth' ? 'groupAverageMonth' : 'groupDistinct', lang)}`, get: (ps) => ps[id]?.recipientGroups?.[g]?.[k] ?? 0, fmt: fmtInt });
    }
    if (p.need !== undefined) for (const k of ['need', 'funds', 'gap'] as const) rows.push({ key: `${name} · ${label(k, lang)}`, get: (ps) => ps[id]?.[k] ?? 0, fmt: fmtMoney });
    return rows;
  });
}

/** Every program of the system side by side across scenarios, with the change of the last against the first. */
export function programsTable(result: Result, lang: Lang): string {
  const scen = result.scenarios;
  const header = [label('program', lang), ...scen.map((s) => s.name)];
  const withDelta = scen.length >= 2;
  if (withDelta) header.push(label('change', lang), label('changePct', lang));
  const body = programRows(result, lang).map((r) => {
    const vals = scen.map((s) => r.get(s.programs ?? {}) ?? 0);
    const cells = [r.key, ...vals.map((v) => r.fmt(v))];
    if (withDelta) {
      const a = vals[0]!;
      const b = vals[vals.length - 1]!;
      cells.push(fmtSigned(b - a, r.fmt), fmtPct(a !== 0 ? (b - a) / a : null));
    }
    return cells;
  });
  const title = lang === 'zh' ? '社会救助各项目（吉政发〔2006〕48号 §二–§五），期内合计' : 'Programs of the assistance system (吉政发〔2006〕48号 §二–§五), period totals';
  return [title, '', formatTable(header, body)].join('\n');
}

/**
 * Who pays, in two blocks: government money by level (and each government source), then each
 * payer that is not the government by name; each block's subtotal and the total, all summed in
 * fen so the blocks add up to the total exactly.
 */
export function fundingTable(result: Result, lang: Lang): string {
  type Scen = Result['scenarios'][number];
  type FRow = NonNullable<Scen['funding']>[number];
  const scen = result.scenarios;
  const sum = (s: Scen, f: (r: FRow) => boolean): number => (s.funding ?? []).filter(f).reduce((a, r) => a + Math.round(r.amount * 100), 0) / 100;
  const used = (f: (r: FRow) => boolean): boolean => scen.some((s) => sum(s, f) !== 0);
  const line = (key: string, f: (r: FRow) => boolean): [string, (s: Scen) => number] => [key, (s) => sum(s, f)];
  const gov = (r: FRow): boolean => r.payerType === 'government';
  const rows: [string, (s: Scen) => number][] = [
    ...LEVELS.map((l) => line(`${payerLabel('government', lang)} · ${payerLabel(l, lang)}`, (r) => r.level === l)),
    ...GOVERNMENT_SOURCES.filter((src) => used((r) => gov(r) && r.source === src))
      .map((src) => line(`  ${lang === 'zh' ? '其中来源' : 'of which'} · ${payerLabel(src, lang)}`, (r) => gov(r) && r.source === src)),
    line(payerLabel('governmentTotal', lang), gov),
    ...OTHER_PAYERS.filter((p) => used((r) => !gov(r) && r.source === p)).map((p) => line(`${payerLabel('non-government', lang)} · ${payerLabel(p, lang)}`, (r) => !gov(r) && r.source === p)),
    line(payerLabel('otherPayersTotal', lang), (r) => !gov(r)),
    line(payerLabel('fundingTotal', lang), () => true),
  ];
  const withDelta = scen.length >= 2;
  const header = [lang === 'zh' ? '谁来支付（元）' : 'Who pays (yuan)', ...scen.map((s) => s.name), ...(withDelta ? [label('change', lang), label('changePct', lang)] : [])];
  const body = rows.map(([key, get]) => {
    const vals = scen.map(get);
    const a = vals[0]!;
    const b = vals[vals.length - 1]!;
    return [key, ...vals.map(fmtMoney), ...(withDelta ? [fmtSigned(b - a, fmtMoney), fmtPct(a !== 0 ? (b - a) / a : null)] : [])];
  });
  return formatTable(header, body);
}

/** Per-prefecture recipients and cost of each scenario. */
export function prefectureTable(result: Result, lang: Lang): string {
  const header = [lang === 'zh' ? '市（州）' : 'Prefecture', ...result.scenarios.flatMap((s) => [`${s.name} ${label('recipients', lang)}`, `${s.name} ${label('costAnnual', lang)}`])];
  const body = PREFECTURES.map((p) => [
    `${p[lang]} ${p.code}`,
    ...result.scenarios.flatMap((s) => {
      const g = s.summary.byPrefecture?.[String(p.code)];
      return [fmtInt(g?.recipients ?? 0), fmtMoney(g?.costAnnual ?? 0)];
    }),
  ]);
  return formatTable(header, body);
}

/** Month-by-month rows of each scenario: recipients, entries, exits, the price trigger, cost by component. */
export function monthsTable(result: Result, lang: Lang): string {
  const zh = lang === 'zh';
  const head = zh
    ? ['情景', '月份', '保障人数', '户数', '新进', '退出', '价格补贴', '补差', '分类施保', '临时救助', '价格补贴额', '渐退', '合计（元）']
    : ['Scenario', 'Month', 'Recipients', 'Households', 'Entries', 'Exits', 'Price subsidy', 'Gap', 'Classified', 'Temporary', 'Price subsidy', 'Taper', 'Total (yuan)'];
  const rows = result.scenarios.flatMap((s) =>
    ((s.months ?? []) as unknown as MonthRow[]).map((m) => [s.name, m.month, fmtInt(m.recipients), fmtInt(m.households), fmtInt(m.entries), fmtInt(m.exits), m.priceSubsidyTriggered ? (zh ? '启动' : 'ON') : '', fmtMoney(m.cost.gap), fmtMoney(m.cost.classified), fmtMoney(m.cost.temporary), fmtMoney(m.cost.priceSubsidy), fmtMoney(m.cost.taper), fmtMoney(m.cost.total)]),
  );
  return formatTable(head, rows);
}
