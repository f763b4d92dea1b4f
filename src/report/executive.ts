/**
 * The report's first page, for a department head: in sentences, what changed, what it costs a
 * year, who pays, how many people, and what it does to poverty (at the baseline's fixed line and
 * at the moving line, saying which is which). Money in the reader's unit (src/text/units.ts).
 */
import { monthsBetween } from '../engine/period.js';
import { fmtMoneyWithUnit, fmtPersons, fmtPoints, fmtShare, type Lang } from '../text/units.js';
import { LEVELS } from '../scenarios/results/funding.js';
import type { Result } from '../scenarios/results/result.js';

type ScenarioDoc = Result['scenarios'][number];
/** What the report knows of a scenario besides its figures (the Result's provenance). */
type ScenarioText = Pick<Result['provenance']['scenarios'][number], 'name' | 'description'>;

/** A scenario's name for readers: the head of its description (before a dash, colon or semicolon), else its file name. */
export function scenarioTitle(s: ScenarioText | undefined, name: string, lang: Lang): string {
  const d = s?.description?.[lang]?.trim();
  if (!d) return name;
  const head = d.split(/\s+[—–-]\s+|[：:；;。，]/)[0]!.trim();
  return head.length >= 2 && head.length <= 60 ? head : d.length <= 60 ? d : `${d.slice(0, 59)}…`;
}

const LEVEL_NAMES: Record<string, { zh: string; en: string }> = {
  central: { zh: '中央', en: 'the central government' },
  provincial: { zh: '省级', en: 'the province' },
  prefecture: { zh: '市（州）级', en: 'prefectures' },
  county: { zh: '县级', en: 'counties' },
  others: { zh: '非政府出资方（家庭、村集体、医院、高校、捐赠者）', en: 'payers other than the government (households, collectives, hospitals, universities, donors)' },
};

const money = (yuan: number, lang: Lang): string => fmtMoneyWithUnit(yuan, lang);
const signedMoney = (yuan: number, lang: Lang): string => `${yuan > 0 ? '+' : yuan < 0 ? '−' : ''}${money(Math.abs(yuan), lang)}`;
const pct = (a: number, b: number): string => (a !== 0 ? `${b >= a ? '+' : '−'}${(Math.abs((b - a) / a) * 100).toFixed(1)}%` : '–');

/** Government money by level, and what other payers (households, collectives, hospitals, …) pay, under 'others'. */
const byLevel = (s: ScenarioDoc): Record<string, number> => {
  const out: Record<string, number> = Object.fromEntries([...LEVELS, 'others'].map((l) => [l, 0]));
  for (const r of s.funding ?? []) {
    const k = r.level ?? 'others';
    out[k] = (out[k] ?? 0) + r.amount;
  }
  return out;
};
const allPrograms = (s: ScenarioDoc): number => Object.values(s.programs ?? {}).reduce((a, p) => a + p.cost, 0);

/** The executive summary: one paragraph per question, for the last reform against the baseline (empty with one scenario). */
export function executiveSummary(result: Result, lang: Lang): string[] {
  const scenarios = result.provenance.scenarios;
  const d = result.deltas[result.deltas.length - 1];
  if (!d) return [];
  const zh = lang === 'zh';
  const baseDoc = result.scenarios[0]!;
  const i = result.scenarios.findIndex((s) => s.name === d.scenario);
  const doc = result.scenarios[i]!;
  const base = scenarios[0];
  const reform = scenarios[i];
  const perYear = 12 / Math.max(1, monthsBetween(result.period.from, result.period.to).length);
  const out: string[] = [];

  // What changed.
  const what = reform?.description[lang] ?? d.scenario;
  out.push(zh
    ? `改革内容：${what}（情景 ${d.scenario}），与基线“${scenarioTitle(base, d.against, lang)}”比较；模拟期 ${result.period.from} 至 ${result.period.to}，数据集 ${result.meta.dataset.name}。`
    : `What changes: ${what} (scenario ${d.scenario}), against the baseline “${scenarioTitle(base, d.against, lang)}”; simulated ${result.period.from} to ${result.period.to} on the dataset ${result.meta.dataset.name}.`);

  // What it costs a year.
  const dibaoA = baseDoc.summary.costAnnual;
  const dibaoB = doc.summary.costAnnual;
  const allA = allPrograms(baseDoc) * perYear;
  const allB = allPrograms(doc) * perYear;
  out.push(zh
    ? `年度支出：低保每年 ${money(dibaoB, lang)}，比基线 ${money(dibaoA, lang)} ${dibaoB >= dibaoA ? '增加' : '减少'} ${money(Math.abs(dibaoB - dibaoA), lang)}（${pct(dibaoA, dibaoB)}）；全部救助项目合计每年 ${money(allB, lang)}，变化 ${signedMoney(allB - allA, lang)}（${pct(allA, allB)}）。`
    : `Annual cost: dibao costs ${money(dibaoB, lang)} a year, ${dibaoB >= dibaoA ? 'up' : 'down'} ${money(Math.abs(dibaoB - dibaoA), lang)} (${pct(dibaoA, dibaoB)}) from ${money(dibaoA, lang)}; all assistance programs together cost ${money(allB, lang)} a year, a change of ${signedMoney(allB - allA, lang)} (${pct(allA, allB)}).`);

  // Who pays the change, largest share first.
  const la = byLevel(baseDoc);
  const lb = byLevel(doc);
  const change = [...LEVELS, 'others'].map((l) => ({ l, x: ((lb[l] ?? 0) - (la[l] ?? 0)) * perYear })).filter((c) => Math.abs(c.x) >= 0.005).sort((a, b) => Math.abs(b.x) - Math.abs(a.x));
  const total = change.reduce((a, c) => a + c.x, 0);
  if (change.length) {
    const parts = change.map((c) => `${LEVEL_NAMES[c.l]![lang]} ${signedMoney(c.x, lang)}${total !== 0 ? (zh ? `（${((c.x / total) * 100).toFixed(0)}%）` : ` (${((c.x / total) * 100).toFixed(0)}%)`) : ''}`);
    out.push(zh ? `谁来支付：每年支出变化 ${signedMoney(total, lang)} 中，${parts.join('，')}。` : `Who pays: of the change of ${signedMoney(total, lang)} a year, ${parts.join(', ')}.`);
  } else {
    out.push(zh ? '谁来支付：各级政府的支出不变。' : 'Who pays: no level of government pays more or less.');
  }

  // How many people.
  const ra = baseDoc.summary.recipients;
  const rb = doc.summary.recipients;
  out.push(zh
    ? `受益人数：平均每月 ${fmtPersons(rb)} 人领取低保，比基线${rb >= ra ? '多' : '少'} ${fmtPersons(Math.abs(rb - ra))} 人；覆盖率 ${fmtShare(doc.summary.coverage)}（基线 ${fmtShare(baseDoc.summary.coverage)}）。`
    : `People: ${fmtPersons(rb)} people receive dibao in an average month, ${fmtPersons(Math.abs(rb - ra))} ${rb >= ra ? 'more' : 'fewer'} than in the baseline; coverage ${fmtShare(doc.summary.coverage)} (baseline ${fmtShare(baseDoc.summary.coverage)}).`);

  // What it does to poverty: the fixed line first, then the moving line, saying which is which.
  const fixed = d.povertyFixedLine;
  const movA = baseDoc.summary.distribution?.poverty.localStandard.after.headcount;
  const movB = doc.summary.distribution?.poverty.localStandard.after.headcount;
  if (fixed && movA !== undefined && movB !== undefined) {
    const fa = fixed.baseline.headcount;
    const fb = fixed.reform.headcount;
    out.push(zh
      ? `贫困：按基线的低保标准（固定贫困线）衡量，救助后贫困发生率由 ${fmtShare(fa)} 变为 ${fmtShare(fb)}（${fmtPoints(fb - fa, lang)}）；按各情景自身的低保标准（变动贫困线）衡量，由 ${fmtShare(movA)} 变为 ${fmtShare(movB)}（${fmtPoints(movB - movA, lang)}）。变动贫困线随标准提高而上移，即使没有人收入减少也会显示贫困上升；固定贫困线只随收入变化。`
      : `Poverty: at the baseline’s dibao standard (a fixed line), the share of people below it after assistance goes from ${fmtShare(fa)} to ${fmtShare(fb)} (${fmtPoints(fb - fa, lang)}); against each scenario’s own standard (the moving line) it goes from ${fmtShare(movA)} to ${fmtShare(movB)} (${fmtPoints(movB - movA, lang)}). The moving line rises with the standard, so it can show more poverty when no one is worse off; the fixed line moves only with incomes.`);
  }
  return out;
}
