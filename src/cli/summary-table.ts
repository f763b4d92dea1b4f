/** The scenario table printed by `run` and `compare`, in Chinese or English. */
import { PREFECTURES, prefectureLabel } from '../engine/locality.js';
import { CHECK_STATUS_MARK, CHECK_STATUS_TERM, term } from '../text/glossary.js';
import { PAYERS } from '../engine/program.js';
import { GOVERNMENT_SOURCES, LEVELS, OTHER_PAYERS } from '../scenarios/results/funding.js';
import type { Result } from '../scenarios/results/result.js';
import type { MonthRow } from '../scenarios/results/summary.js';
import { fmtMoneyIn, fmtPersons, fmtPoints, fmtShare, moneyUnitOf, signed, unitLine, type MoneyUnit } from '../text/units.js';
import { label, payerLabel, type Lang } from '../text/labels.js';
import { formatTable, wrapLine } from '../text/format.js';

type Summary = Result['scenarios'][number]['summary'];
/** What a row measures: money in the table's unit, persons, a share, or yuan per person (kept in yuan). */
type Kind = 'money' | 'persons' | 'share' | 'perPerson';
type Row = { key: string; get: (s: Summary) => number; kind: Kind };

const ratio = (a: number, b: number): number => (b > 0 ? a / b : 0);
const fmt2 = (x: number): string => x.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** A figure as text by what it measures; money in the table's unit. */
function fmtKind(kind: Kind, unit: MoneyUnit): (x: number) => string {
  switch (kind) {
    case 'money': return (x) => fmtMoneyIn(x, unit);
    case 'persons': return fmtPersons;
    case 'share': return fmtShare;
    default: return fmt2;
  }
}

/** The cells of one row across scenarios, and with two or more the change of the last against the first (shares in points). */
function rowCells(key: string, vals: number[], kind: Kind, unit: MoneyUnit, lang: Lang, withDelta: boolean): string[] {
  const f = fmtKind(kind, unit);
  const cells = [key, ...vals.map(f)];
  if (withDelta) {
    const a = vals[0]!;
    const b = vals[vals.length - 1]!;
    cells.push(kind === 'share' ? fmtPoints(b - a, lang) : signed(b - a, f), kind === 'share' ? '' : fmtShare(a !== 0 ? (b - a) / a : null));
  }
  return cells;
}

/** A money table: the unit line once, then the table; the unit is chosen from the largest money figure. */
function moneyTable(header: string[], rows: { key: string; vals: number[]; kind: Kind }[], lang: Lang): string {
  const withDelta = header.length > 2 && rows.some((r) => r.vals.length >= 2) && header.includes(label('change', lang));
  const unit = moneyUnitOf(rows.filter((r) => r.kind === 'money').flatMap((r) => r.vals), lang);
  return [unitLine(unit, lang), formatTable(header, rows.map((r) => rowCells(r.key, r.vals, r.kind, unit, lang, withDelta)))].join('\n');
}

function rows(lang: Lang): Row[] {
  const area = (a: 'urban' | 'rural', k: 'coverage' | 'averageSubsidy' | 'averageStandard' | 'recipients'): Row => ({
    key: `${label(a, lang)} · ${label(k, lang)}`,
    get: (s) => (s.byArea?.[a]?.[k] ?? 0) as number,
    kind: k === 'coverage' ? 'share' : k === 'recipients' ? 'persons' : 'perPerson',
  });
  const areaRatio = (a: 'urban' | 'rural'): Row => ({
    key: `${label(a, lang)} · ${label('subsidyToStandard', lang)}`,
    get: (s) => s.byArea?.[a]?.subsidyToStandard ?? ratio(s.byArea?.[a]?.averageSubsidy ?? 0, s.byArea?.[a]?.averageStandard ?? 0),
    kind: 'share',
  });
  // No pooled urban-and-rural average standard: no statistic publishes one (issue #20).
  return [
    { key: label('population', lang), get: (s) => s.population, kind: 'persons' },
    { key: label('recipients', lang), get: (s) => s.recipients, kind: 'persons' },
    { key: label('households', lang), get: (s) => s.households, kind: 'persons' },
    { key: label('coverage', lang), get: (s) => s.coverage, kind: 'share' },
    { key: label('cost', lang), get: (s) => s.cost, kind: 'money' },
    { key: label('costAnnual', lang), get: (s) => s.costAnnual, kind: 'money' },
    { key: label('averageSubsidy', lang), get: (s) => s.averageSubsidy, kind: 'perPerson' },
    area('urban', 'recipients'), area('urban', 'coverage'), area('urban', 'averageStandard'), area('urban', 'averageSubsidy'), areaRatio('urban'),
    area('rural', 'recipients'), area('rural', 'coverage'), area('rural', 'averageStandard'), area('rural', 'averageSubsidy'), areaRatio('rural'),
  ];
}

type CheckRow = Result['scenarios'][number]['checks'][number];

/**
 * The check lines of each scenario, in the language asked (the Chinese text where a check has
 * one): every province and area row, then for each check and reading one line counting its
 * prefecture rows by status and naming those that do not comply.
 */
export function checkLines(result: Result, lang: Lang): string[] {
  return result.scenarios.flatMap((s) => {
    const mark = (c: CheckRow): string => CHECK_STATUS_MARK[c.status];
    const wide = s.checks.filter((c) => c.scope.kind !== 'prefecture').flatMap((c) => wrapLine(`  ${mark(c)} [${s.name}] ${lang === 'zh' && c.detailZh ? c.detailZh : c.detail}`));
    const groups = new Map<string, CheckRow[]>();
    for (const c of s.checks.filter((x) => x.scope.kind === 'prefecture')) {
      const key = `${c.clause} ${c.id} ${c.reading.id}`;
      groups.set(key, [...(groups.get(key) ?? []), c]);
    }
    const byPrefecture = [...groups.values()].flatMap((rows) => {
      const first = rows[0]!;
      const count = (st: CheckRow['status']): number => rows.filter((r) => r.status === st).length;
      const failing = rows.filter((r) => r.status === 'does-not-comply').map((r) => prefectureLabel(Number(r.scope.key), lang));
      const worst = failing.length ? 'does-not-comply' : count('complies') ? 'complies' : 'not-applicable';
      const counts = (['complies', 'does-not-comply', 'not-applicable'] as const).filter((st) => count(st)).map((st) => `${term(CHECK_STATUS_TERM[st], lang)} ${count(st)}`).join(lang === 'zh' ? '，' : ', ');
      const text = lang === 'zh'
        ? `§${first.clause}（${first.reading.name.zh}）按市（州）：${counts}${failing.length ? `（不符合：${failing.join('、')}）` : ''}`
        : `§${first.clause} (${first.reading.name.en}) by prefecture: ${counts}${failing.length ? ` (not: ${failing.join(', ')})` : ''}`;
      return wrapLine(`  ${CHECK_STATUS_MARK[worst]} [${s.name}] ${text}`);
    });
    return [...wide, ...byPrefecture];
  });
}

/** Scenarios side by side; with two or more, the change of the last against the first. */
export function summaryTable(result: Result, lang: Lang): string {
  const scen = result.scenarios;
  const header = [label('scenario', lang), ...scen.map((s) => s.name)];
  const withDelta = scen.length >= 2;
  if (withDelta) header.push(label('change', lang), label('changePct', lang));
  const body = rows(lang).map((r) => ({ key: r.key, vals: scen.map((s) => r.get(s.summary)), kind: r.kind }));
  const title = lang === 'zh'
    ? `城乡低保（吉政发〔2006〕48号 §二）· ${result.period.from} 至 ${result.period.to} · 数据集 ${result.meta.dataset.name}`
    : `Urban and rural dibao (吉政发〔2006〕48号 §二) · ${result.period.from} to ${result.period.to} · dataset ${result.meta.dataset.name}`;
  return [title, '', moneyTable(header, body, lang), '', `${label('checks', lang)}${lang === 'zh' ? '：' : ':'}`, ...checkLines(result, lang)].join('\n');
}

type Programs = NonNullable<Result['scenarios'][number]['programs']>;
type ProgramRow = { key: string; get: (p: Programs) => number | null; kind: Kind };

/** Rows of the programs table: each program's cost, its payers (those that pay something), recipients, accounts. */
function programRows(result: Result, lang: Lang): ProgramRow[] {
  const first = result.scenarios[0]?.programs ?? {};
  return Object.entries(first).flatMap(([id, p]) => {
    const name = p.label[lang];
    const payers = PAYERS.filter((k) => result.scenarios.some((s) => (s.programs?.[id]?.costByPayer[k] ?? 0) !== 0));
    const rows: ProgramRow[] = [
      { key: `${name} · ${label('programCost', lang)}`, get: (ps) => ps[id]?.cost ?? 0, kind: 'money' },
      ...(payers.length > 1 ? payers.map((k): ProgramRow => ({ key: `${name} · ${label('programCost', lang)} · ${label(k, lang)}`, get: (ps: Programs) => ps[id]?.costByPayer[k] ?? 0, kind: 'money' })) : []),
    ];
    if (p.recipients !== null) rows.push({ key: `${name} · ${label('programRecipients', lang)}`, get: (ps) => ps[id]?.recipients ?? 0, kind: 'persons' });
    // Recipient groups apart (dibao: the regular caseload and temporary aid), average month and distinct over the period.
    for (const [g, l] of Object.entries(p.recipientGroupLabels ?? {})) {
      for (const k of ['averageMonth', 'distinct'] as const) rows.push({ key: `${name} · ${l[lang]} · ${label(k === 'averageMonth' ? 'groupAverageMonth' : 'groupDistinct', lang)}`, get: (ps) => ps[id]?.recipientGroups?.[g]?.[k] ?? 0, kind: 'persons' });
    }
    if (p.need !== undefined) for (const k of ['need', 'funds', 'gap'] as const) rows.push({ key: `${name} · ${label(k, lang)}`, get: (ps) => ps[id]?.[k] ?? 0, kind: 'money' });
    return rows;
  });
}

/** Every program of the system side by side across scenarios, with the change of the last against the first. */
export function programsTable(result: Result, lang: Lang): string {
  const scen = result.scenarios;
  const header = [label('program', lang), ...scen.map((s) => s.name)];
  const withDelta = scen.length >= 2;
  if (withDelta) header.push(label('change', lang), label('changePct', lang));
  const body = programRows(result, lang).map((r) => ({ key: r.key, vals: scen.map((s) => r.get(s.programs ?? {}) ?? 0), kind: r.kind }));
  const title = lang === 'zh' ? '社会救助各项目（吉政发〔2006〕48号 §二–§十一），期内合计' : 'Programs of the assistance system (吉政发〔2006〕48号 §二–§十一), period totals';
  return [title, '', moneyTable(header, body, lang)].join('\n');
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
  const header = [lang === 'zh' ? '资金来源' : 'Who pays', ...scen.map((s) => s.name), ...(withDelta ? [label('change', lang), label('changePct', lang)] : [])];
  return moneyTable(header, rows.map(([key, get]) => ({ key, vals: scen.map(get), kind: 'money' as Kind })), lang);
}

/** Per-prefecture recipients and annual cost of each scenario: one row per prefecture, by its name. */
export function prefectureTable(result: Result, lang: Lang): string {
  const zh = lang === 'zh';
  const header = [zh ? '市（州）' : 'Prefecture', ...result.scenarios.flatMap((s) => [`${s.name} ${zh ? '保障人数' : 'recipients'}`, `${s.name} ${zh ? '年化支出' : 'annual cost'}`])];
  const get = (s: Result['scenarios'][number], code: number) => s.summary.byPrefecture?.[String(code)];
  const unit = moneyUnitOf(result.scenarios.flatMap((s) => PREFECTURES.map((p) => get(s, p.code)?.costAnnual ?? 0)), lang);
  const body = PREFECTURES.map((p) => [
    p[lang],
    ...result.scenarios.flatMap((s) => [fmtPersons(get(s, p.code)?.recipients ?? 0), fmtMoneyIn(get(s, p.code)?.costAnnual ?? 0, unit)]),
  ]);
  return [unitLine(unit, lang), formatTable(header, body)].join('\n');
}

/** Month-by-month rows of each scenario: recipients, entries, exits, the price trigger, cost by component. */
export function monthsTable(result: Result, lang: Lang): string {
  const zh = lang === 'zh';
  const head = zh
    ? ['情景', '月份', '保障人数', '户数', '新进', '退出', '价格补贴', '补差', '分类施保', '临时救助', '价格补贴额', '渐退', '合计']
    : ['Scenario', 'Month', 'Recipients', 'Households', 'Entries', 'Exits', 'Price subsidy', 'Gap', 'Classified', 'Temporary', 'Price subsidy', 'Taper', 'Total'];
  const months = result.scenarios.flatMap((s) => ((s.months ?? []) as unknown as MonthRow[]).map((m) => ({ s, m })));
  const unit = moneyUnitOf(months.map(({ m }) => m.cost.total), lang);
  const f = (x: number): string => fmtMoneyIn(x, unit);
  const rows = months.map(({ s, m }) => [s.name, m.month, fmtPersons(m.recipients), fmtPersons(m.households), fmtPersons(m.entries), fmtPersons(m.exits), m.priceSubsidyTriggered ? (zh ? '启动' : 'ON') : '', f(m.cost.gap), f(m.cost.classified), f(m.cost.temporary), f(m.cost.priceSubsidy), f(m.cost.taper), f(m.cost.total)]);
  return [unitLine(unit, lang), formatTable(head, rows)].join('\n');
}

/** The sentence that says which poverty measure is which (printed under the table, and in the report). */
export function povertyLinesNote(lang: Lang): string {
  return lang === 'zh'
    ? '变动贫困线：每个情景按其自身的低保标准计算，提高标准会使按此口径计算的贫困上升，即使没有人收入减少；固定贫困线：两个情景都按基线的低保标准计算，只随收入变化。'
    : 'Moving line: each scenario against its own dibao standard, so raising the standard raises it even when no one is worse off. Fixed line: both scenarios against the baseline’s standard, so it moves only when incomes do.';
}

/** Poverty after assistance, the moving-line and the fixed-line measure side by side, for the last reform against the baseline. */
export function povertyTable(result: Result, lang: Lang): string {
  const d = result.deltas[result.deltas.length - 1];
  const fixed = d?.povertyFixedLine;
  if (!d || !fixed) return '';
  const zh = lang === 'zh';
  const base = result.scenarios[0]!.summary.distribution?.poverty;
  const reform = result.scenarios.find((s) => s.name === d.scenario)?.summary.distribution?.poverty;
  if (!base || !reform) return '';
  const header = [zh ? '救助后贫困发生率' : 'Poverty headcount after assistance', d.against, d.scenario, label('change', lang)];
  const row = (name: string, a: number, b: number): string[] => [name, fmtShare(a), fmtShare(b), fmtPoints(b - a, lang)];
  const body = [
    row(zh ? '变动贫困线（各自的低保标准）' : 'Moving line (each scenario’s own standard)', base.localStandard.after.headcount, reform.localStandard.after.headcount),
    row(zh ? '固定贫困线（基线的低保标准）' : 'Fixed line (the baseline’s standard)', fixed.baseline.headcount, fixed.reform.headcount),
    row(zh ? '农村，国家贫困线' : 'Rural, national poverty line', base.nationalRuralLine.after.headcount, reform.nationalRuralLine.after.headcount),
  ];
  return [formatTable(header, body), ...wrapLine(povertyLinesNote(lang))].join('\n');
}
