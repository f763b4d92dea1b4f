/**
 * The tables of a result document: the summary by scenario, the deltas, programs, who pays by
 * level and source, prefectures, months, distribution and the decile impact. Pure functions of
 * the result; the text tables of src/cli/summary-table.ts are their model.
 */
import { PREFECTURES, prefectureLabel } from '../engine/locality.js';
import { CHECK_STATUS_TERM, term } from '../text/glossary.js';
import { PAYERS } from '../engine/program.js';
import { FUNDING_SOURCES, LEVELS, OTHER_PAYERS } from '../scenarios/results/funding.js';
import type { Result } from '../scenarios/results/result.js';
import { figureLabel, figureUnit } from './figures.js';
import { payerLabel } from '../text/labels.js';
import type { Bilingual, Cell, Column, ReportTable, Row } from './table.js';

type ScenarioDoc = Result['scenarios'][number];

const col = (key: string, zh: string, en: string, unit: Column['unit'], signed?: boolean): Column => ({ key, label: { zh, en }, unit, ...(signed ? { signed } : {}) });
const text = (key: string, zh: string, en: string): Column => col(key, zh, en, 'text');
const code = (key: string, zh: string, en: string): Column => ({ ...text(key, zh, en), code: true });

/** Column keys of the scenarios: their names, numbered when two share one. */
export function scenarioKeys(result: Pick<Result, 'scenarios'>): string[] {
  const seen = new Map<string, number>();
  return result.scenarios.map((s) => {
    const n = (seen.get(s.name) ?? 0) + 1;
    seen.set(s.name, n);
    return n === 1 ? s.name : `${s.name}#${n}`;
  });
}

/** Numeric leaves of an object at dotted paths (arrays numbered from 1). */
function leaves(o: unknown, prefix = ''): [string, number][] {
  if (typeof o === 'number') return [[prefix, o]];
  if (Array.isArray(o)) return o.flatMap((v, i) => leaves(v, `${prefix}.${i + 1}`));
  if (typeof o === 'object' && o !== null) return Object.entries(o).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
  return [];
}

const at = (o: unknown, path: string): number | null => {
  const v = path.split('.').reduce<unknown>((x, k) => (x !== null && typeof x === 'object' ? (x as Record<string, unknown>)[k] : undefined), o);
  return typeof v === 'number' ? v : null;
};

/**
 * A figures × scenarios table: a row per figure path with its label and unit, a column per
 * scenario, and with two or more scenarios the change of the last against the first.
 */
function figuresTable(id: string, title: Bilingual, note: Bilingual, result: Result, paths: readonly string[], get: (s: ScenarioDoc, path: string) => number | null): ReportTable {
  const keys = scenarioKeys(result);
  const withChange = result.scenarios.length >= 2;
  const columns: Column[] = [
    code('figure', '指标代码', 'figure'), text('label', '指标', 'label'), text('unit', '单位', 'unit'),
    ...keys.map((k) => col(k, k, k, 'row')),
    ...(withChange ? [col('change', '变化', 'change', 'row', true), col('changePct', '变化率', 'change %', 'ratio', true)] : []),
  ];
  const rows = paths.map((path): Row => {
    const vals = result.scenarios.map((s) => get(s, path));
    const row: Row = { figure: path, label: null, unit: figureUnit(path) };
    keys.forEach((k, i) => (row[k] = vals[i] ?? null));
    if (withChange) {
      const a = vals[0] ?? null;
      const b = vals[vals.length - 1] ?? null;
      row.change = a !== null && b !== null ? b - a : null;
      row.changePct = a !== null && b !== null && a !== 0 && row.unit !== 'share' ? (b - a) / a : null;
    }
    return row;
  });
  return { id, title, note, columns, rows };
}

/** Fills each row's label in both languages (the HTML and CSV show the one of --lang). */
function labelled(t: ReportTable, lang: 'zh' | 'en', programLabels: Record<string, Bilingual> = {}): ReportTable {
  for (const r of t.rows) if (typeof r.figure === 'string' && r.label === null) r.label = figureLabel(r.figure, programLabels)[lang];
  return t;
}

const SUMMARY_TOP = ['population', 'recipients', 'households', 'coverage', 'cost', 'costAnnual', 'averageSubsidy', 'entries', 'exits'];

/** The §二 dibao summary of each scenario, with targeting, cost components and the breakdowns by area and household type. */
export function summaryTable(result: Result, lang: 'zh' | 'en'): ReportTable {
  const first = result.scenarios[0]!.summary as Record<string, unknown>;
  const nested = (g: string, ks: readonly string[]): string[] => Object.keys((first[g] ?? {}) as object).flatMap((k) => ks.map((f) => `${g}.${k}.${f}`));
  const paths = [
    ...SUMMARY_TOP,
    ...leaves(first.targeting, 'targeting').map(([p]) => p),
    ...leaves(first.costByComponent, 'costByComponent').map(([p]) => p),
    ...nested('byArea', ['recipients', 'households', 'coverage', 'costAnnual', 'averageSubsidy', 'averageStandard', 'subsidyToStandard']),
    ...nested('byHouseholdType', ['recipients', 'coverage', 'costAnnual']),
  ];
  return labelled(figuresTable('summary', { zh: '城乡低保汇总（§二）', en: 'Dibao summary (§二)' }, {
    zh: '各情景期内城乡低保的人数、支出、瞄准与构成；变化为最后一个情景减第一个。',
    en: 'Each scenario’s dibao recipients, cost, targeting and cost components over the period; the change is the last scenario minus the first.',
  }, result, paths, (s, p) => at(s.summary, p)), lang);
}

/** Every change of every reform against the baseline: summary, distribution, winners and losers, each program. */
export function deltasTable(result: Result, lang: 'zh' | 'en'): ReportTable {
  const programLabels = programLabelMap(result);
  const rows: Row[] = [];
  for (const d of result.deltas) {
    const push = (group: string, figure: string, x: { baseline: number | null; value: number; absolute: number | null; relative: number | null }): void => {
      rows.push({ scenario: d.scenario, against: d.against, group, figure, label: figureLabel(figure, programLabels)[lang], unit: figureUnit(figure.replace(/^programs\.[^.]+\./, '')), ...x });
    };
    for (const [k, v] of Object.entries(d.summary)) {
      if ('absolute' in v) push('summary', k, v as never);
      else for (const [g, figs] of Object.entries(v)) for (const [f, x] of Object.entries(figs)) if (k !== 'byPrefecture') push(k, `${k}.${g}.${f}`, x as never);
    }
    for (const [k, v] of Object.entries(d.distribution)) push('distribution', k, v);
    for (const [k, v] of Object.entries(d.winnersLosers)) push('winnersLosers', `winnersLosers.${k}`, { baseline: null, value: v, absolute: null, relative: null });
    for (const [id, figs] of Object.entries(d.programs)) for (const [k, v] of Object.entries(figs)) push(`programs.${id}`, `programs.${id}.${k}`, v);
  }
  return {
    id: 'deltas',
    title: { zh: '改革与基线的差异', en: 'Changes against the baseline' },
    note: { zh: '每个改革情景相对第一个情景：低保汇总、收入分配与贫困、得失、各项目。按市（州）的变化见 prefectures 表。', en: 'Each reform against the first scenario: dibao summary, distribution and poverty, winners and losers, every program. Changes by prefecture: see the prefectures table.' },
    columns: [
      text('scenario', '情景', 'scenario'), text('against', '对照', 'against'), code('group', '分组', 'group'), code('figure', '指标代码', 'figure'), text('label', '指标', 'label'), text('unit', '单位', 'unit'),
      col('baseline', '基线值', 'baseline', 'row'), col('value', '改革值', 'value', 'row'), col('absolute', '变化', 'change', 'row', true), col('relative', '变化率', 'change %', 'ratio', true),
    ],
    rows,
  };
}

function programLabelMap(result: Result): Record<string, Bilingual> {
  return Object.fromEntries(Object.entries(result.scenarios[0]?.programs ?? {}).map(([id, p]) => [id, p.label]));
}

/** Each program of each scenario: cost, who pays it, recipients, and the accounts of programs that keep them. */
export function programsTable(result: Result, lang: 'zh' | 'en'): ReportTable {
  const keys = scenarioKeys(result);
  const rows = result.scenarios.flatMap((s, i) => Object.entries(s.programs ?? {}).map(([id, p]): Row => ({
    scenario: keys[i]!, program: id, label: p.label[lang], clauses: p.clauses.map((c) => `§${c}`).join(' '),
    cost: p.cost, ...Object.fromEntries(PAYERS.map((k) => [`payer.${k}`, p.costByPayer[k]])),
    recipients: p.recipients, households: p.households, need: p.need ?? null, funds: p.funds ?? null, gap: p.gap ?? null, balance: p.balance ?? null,
  })));
  const payer = (k: string): Column => col(`payer.${k}`, `支付方：${figureLabel(k).zh}`, `paid by ${figureLabel(k).en}`, 'yuan');
  return {
    id: 'programs',
    title: { zh: '社会救助各项目（§二–§十一），期内合计', en: 'Programs of the assistance system (§二–§十一), period totals' },
    note: { zh: '支出不论由谁支付；各支付方之和等于支出（精确到分）。受益人数为期内不重复的加权人数。', en: 'Cost whoever pays; the payers add up to the cost to the fen. Recipients are distinct weighted persons over the period.' },
    columns: [
      text('scenario', '情景', 'scenario'), text('program', '项目代码', 'program'), text('label', '项目', 'label'), text('clauses', '条款', 'clauses'),
      col('cost', '支出（元）', 'cost (yuan)', 'yuan'), ...PAYERS.map(payer),
      col('recipients', '受益人数', 'recipients', 'persons'), col('households', '受益户数', 'households', 'households'),
      col('need', '资金需求（元）', 'need (yuan)', 'yuan'), col('funds', '可用资金（元）', 'funds (yuan)', 'yuan'), col('gap', '资金缺口（元）', 'gap (yuan)', 'yuan'), col('balance', '资金结余（元）', 'balance (yuan)', 'yuan'),
    ],
    rows,
  };
}

/**
 * Who pays: each scenario's funding rows in two blocks — government money by level × source,
 * then each payer that is not the government — with a subtotal per block and the total, summed
 * in fen so the blocks add up to the total exactly; shares are of the scenario's total.
 */
export function fundingTable(result: Result, lang: 'zh' | 'en'): ReportTable {
  const keys = scenarioKeys(result);
  const rows: Row[] = [];
  result.scenarios.forEach((s, i) => {
    const fen = new Map<string, number>();
    let total = 0;
    let government = 0;
    for (const r of s.funding ?? []) {
      const f = Math.round(r.amount * 100);
      const k = `${r.level ?? ''}|${r.source}`;
      fen.set(k, (fen.get(k) ?? 0) + f);
      total += f;
      if (r.payerType === 'government') government += f;
    }
    const row = (payerType: string | null, level: string | null, source: string | null, f: number, sourceLabel?: string): Row => ({
      scenario: keys[i]!, payerType, payerTypeLabel: payerType === null ? null : payerLabel(payerType, lang), level, levelLabel: level === null ? null : payerLabel(level, lang),
      source, sourceLabel: sourceLabel ?? (source === null ? null : payerLabel(source, lang)), amount: f / 100, share: total ? f / total : null,
    });
    for (const level of LEVELS) for (const source of FUNDING_SOURCES) {
      const f = fen.get(`${level}|${source}`);
      if (f !== undefined) rows.push(row('government', level, source, f));
    }
    rows.push(row('government', null, null, government, payerLabel('governmentTotal', lang)));
    for (const source of OTHER_PAYERS) {
      const f = fen.get(`|${source}`);
      if (f !== undefined) rows.push(row('non-government', null, source, f));
    }
    rows.push(row('non-government', null, null, total - government, payerLabel('otherPayersTotal', lang)));
    rows.push(row(null, null, null, total, payerLabel('fundingTotal', lang)));
  });
  return {
    id: 'funding',
    title: { zh: '谁来支付：各级政府与非政府出资方', en: 'Who pays: government by level, and other payers' },
    note: {
      zh: '政府资金按层级（中央、省、市、县）和来源（财政预算、福彩公益金、土地出让收益）列出；非政府出资方（家庭、村集体、医院、高校、捐赠者）单列，不计入任何政府层级。两部分合计等于全部支出（精确到分）；比例为占该情景全部支出。',
      en: 'Government money by level (central, provincial, prefecture, county) and source (budget, welfare lottery fund, land-transfer revenue); payers that are not the government (households, village collectives, hospitals, universities, donors) separately, at no level of government. The two blocks add up to the total to the fen; the share is of the scenario’s total.',
    },
    columns: [
      text('scenario', '情景', 'scenario'), code('payerType', '出资方类型代码', 'payer type'), text('payerTypeLabel', '出资方类型', 'payer'),
      code('level', '层级代码', 'level'), text('levelLabel', '政府层级', 'level of government'), code('source', '来源代码', 'source'), text('sourceLabel', '资金来源／出资方', 'source or payer'),
      col('amount', '金额（元）', 'amount (yuan)', 'yuan'), col('share', '占比', 'share', 'share'),
    ],
    rows,
  };
}

/** Dibao by prefecture for each scenario, with every program's cost there. */
export function prefecturesTable(result: Result, lang: 'zh' | 'en'): ReportTable {
  const keys = scenarioKeys(result);
  const figs = ['population', 'recipients', 'households', 'coverage', 'costAnnual', 'averageSubsidy'] as const;
  const rows = result.scenarios.flatMap((s, i) => PREFECTURES.map((p): Row => {
    const g = s.summary.byPrefecture?.[String(p.code)];
    const all = Object.values(s.programs ?? {}).reduce((a, prog) => a + Math.round((prog.byPrefecture[String(p.code)]?.cost ?? 0) * 100), 0) / 100;
    return { scenario: keys[i]!, code: p.code, prefecture: p[lang], ...Object.fromEntries(figs.map((f) => [f, g ? (g[f] as number) : null])), allProgramsCost: s.programs ? all : null };
  }));
  return {
    id: 'prefectures',
    title: { zh: '按市（州）', en: 'By prefecture' },
    note: { zh: '低保人数、覆盖率与年化支出，以及全部项目期内支出。', en: 'Dibao recipients, coverage and annualised cost, and every program’s cost over the period.' },
    columns: [
      text('scenario', '情景', 'scenario'), code('code', '代码', 'code'), text('prefecture', '市（州）', 'prefecture'),
      ...figs.map((f) => col(f, figureLabel(f).zh, figureLabel(f).en, figureUnit(f))),
      col('allProgramsCost', '全部项目支出（期内，元）', 'all programs’ cost (period, yuan)', 'yuan'),
    ],
    rows,
  };
}

interface MonthDoc {
  month: string; recipients: number; households: number; entries: number; exits: number; priceSubsidyTriggered: boolean;
  cost: Record<string, number>; programs?: Record<string, number>;
}

const MONTH_COSTS = ['gap', 'classified', 'temporary', 'priceSubsidy', 'taper', 'total'] as const;

/** Month by month: dibao recipients, entries and exits, the price trigger, cost by component, and every program's cost. */
export function monthsTable(result: Result): ReportTable {
  const keys = scenarioKeys(result);
  const rows = result.scenarios.flatMap((s, i) => ((s.months ?? []) as unknown as MonthDoc[]).map((m): Row => ({
    scenario: keys[i]!, month: m.month, recipients: m.recipients, households: m.households, entries: m.entries, exits: m.exits, priceSubsidyTriggered: m.priceSubsidyTriggered,
    ...Object.fromEntries(MONTH_COSTS.map((k) => [`cost.${k}`, m.cost[k] ?? null])),
    allPrograms: m.programs ? Math.round(Object.values(m.programs).reduce((a, v) => a + Math.round(v * 100), 0)) / 100 : null,
  })));
  const cost = (k: string, zh: string, en: string): Column => col(`cost.${k}`, zh, en, 'yuan');
  return {
    id: 'months',
    title: { zh: '逐月', en: 'Month by month' },
    note: { zh: '各月低保人数（人）与户数、新进与退出户数、价格补贴是否启动、低保支出构成，以及全部项目当月支出。', en: 'Each month’s dibao recipients and households, households entering and leaving, the price-subsidy trigger, dibao cost by component, and every program’s cost that month.' },
    columns: [
      text('scenario', '情景', 'scenario'), text('month', '月份', 'month'),
      col('recipients', '保障人数', 'recipients', 'persons'), col('households', '保障户数', 'households', 'households'), col('entries', '新进户数', 'entering', 'households'), col('exits', '退出户数', 'leaving', 'households'),
      col('priceSubsidyTriggered', '价格补贴启动', 'price subsidy on', 'bool'),
      cost('gap', '补差（元）', 'gap benefit (yuan)'), cost('classified', '分类施保（元）', 'classified (yuan)'), cost('temporary', '临时救助（元）', 'temporary aid (yuan)'),
      cost('priceSubsidy', '价格补贴（元）', 'price subsidy (yuan)'), cost('taper', '渐退（元）', 'gradual exit (yuan)'), cost('total', '低保合计（元）', 'dibao total (yuan)'),
      col('allPrograms', '全部项目（元）', 'all programs (yuan)', 'yuan'),
    ],
    rows,
  };
}

/** Incomes, inequality and poverty before and after assistance, for each scenario. */
export function distributionTable(result: Result, lang: 'zh' | 'en'): ReportTable {
  const first = result.scenarios.find((s) => s.summary.distribution)?.summary.distribution;
  const paths = leaves(first ?? {}).map(([p]) => p);
  return labelled(figuresTable('distribution', { zh: '收入分配与贫困', en: 'Distribution and poverty' }, {
    zh: '人均月收入在救助前后的均值、基尼系数与十等分份额；FGT 贫困指数（发生率、贫困距、强度），按当地低保标准和国家农村贫困线。',
    en: 'Monthly per-capita income before and after assistance: mean, Gini, decile shares; FGT poverty (headcount, gap, severity) against the local dibao standard and the national rural line.',
  }, result, paths, (s, p) => at(s.summary.distribution, p)), lang);
}

/** The change of income after assistance by decile of the baseline, for each reform. */
export function decileImpactTable(result: Result): ReportTable {
  const rows = result.deltas.flatMap((d) => d.decileImpact.map((x): Row => ({ scenario: d.scenario, against: d.against, ...(x as unknown as Record<string, Cell>) })));
  return {
    id: 'decile-impact',
    title: { zh: '按基线收入十等分的影响', en: 'Impact by decile of the baseline’s income' },
    note: { zh: '救助后人均月收入的变化，按基线情景救助后收入十等分（人口加权）。', en: 'Change of monthly per-capita income after assistance, by decile of the baseline’s income after assistance (person-weighted).' },
    columns: [
      text('scenario', '情景', 'scenario'), text('against', '对照', 'against'), col('decile', '十等分组', 'decile', 'text'), col('weight', '人数（加权）', 'persons (weighted)', 'persons'),
      col('meanBefore', '基线救助后均值', 'mean after, baseline', 'yuan/person/month'), col('meanAfter', '改革救助后均值', 'mean after, reform', 'yuan/person/month'),
      col('meanChange', '均值变化', 'mean change', 'yuan/person/month', true), col('totalChange', '总变化（元/月）', 'total change (yuan/month)', 'yuan', true), col('relativeChange', '变化率', 'change %', 'ratio', true),
    ],
    rows,
  };
}

/**
 * The checks each scenario ran, one row per clause, reading and scope (e.g. §二.2 on its two
 * readings, by area and prefecture): whether the scenario complies with the clause in the period.
 */
export function checksTable(result: Result, lang: 'zh' | 'en' = 'en', withCost = false): ReportTable {
  const keys = scenarioKeys(result);
  const scope = (c: Result['scenarios'][number]['checks'][number]): string => (c.scope.kind === 'province' ? term('province', lang) : c.scope.kind === 'area' ? term(c.scope.key === 'urban' ? 'urban' : 'rural', lang) : prefectureLabel(Number(c.scope.key), lang));
  return {
    id: 'checks',
    title: { zh: '条款符合情况', en: 'Compliance with the clauses' },
    note: {
      zh: `按文件条款对结果的检查，每条款每种理解每个范围一行；不符合说明该情景的参数或实施假设未达到条款要求（是政策发现，不是模型错误）；期内不适用指期内无相关对象或尚未到期。${withCost ? '符合的成本见下表。' : '符合的成本需多次运行，仅在 jiuzhu report --comply 或 jiuzhu comply 时计算，本报告未计算。'}`,
      en: `Checks of the results against clauses of the opinion, one row per clause, reading and scope; 'does not comply' means the scenario's parameters or implementation fall short of the clause (a finding about the policy as simulated, not a model error); 'not applicable' means nobody concerned or not yet due in the period. ${withCost ? 'The cost of compliance is in the next table.' : 'The cost of compliance takes many runs and is computed only with jiuzhu report --comply or jiuzhu comply; this report did not compute it.'}`,
    },
    columns: [text('scenario', '情景', 'scenario'), text('clause', term('clause', 'zh'), term('clause', 'en')), text('check', '检查', 'check'), text('reading', term('reading', 'zh'), term('reading', 'en')), text('scope', term('scope', 'zh'), term('scope', 'en')), text('status', '状态', 'status'), col('passed', '通过', 'passed', 'bool'), text('detail', '说明', 'detail')],
    rows: result.scenarios.flatMap((s, i) => s.checks.map((c): Row => ({ scenario: keys[i]!, clause: c.clause, check: c.id, reading: c.reading[lang], scope: scope(c), status: term(CHECK_STATUS_TERM[c.status], lang), passed: c.passed, detail: lang === 'zh' && c.detailZh ? c.detailZh : c.detail }))),
  };
}
