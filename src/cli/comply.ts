/** `jiuzhu comply`: each failing check, the lever its clause names, the value that complies, and the added annual cost by payer. */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { JiuzhuError } from '../engine/errors.js';
import { PAYERS } from '../engine/program.js';
import { prefectureLabel } from '../engine/locality.js';
import { loadScenario } from '../scenarios/input/load.js';
import { baselineSentence } from '../scenarios/input/baselines.js';
import { complyScenario, writeComplianceScenario, type ComplianceItem, type ComplianceResult } from '../scenarios/studies/comply.js';
import { term } from '../text/glossary.js';
import { payerLabel, type Lang } from '../text/labels.js';
import { formatTable, wrapLine } from '../text/format.js';
import { fmtMoneyIn, fmtMoneyWithUnit, moneyUnitOf, unitLine } from '../text/units.js';
import { datasetFor, parseLang, parsePeriod, parseSeed, printJson, type CommonOptions } from './common.js';
import type { CliIo } from './io.js';

export interface ComplyCliOptions extends CommonOptions {
  period?: string;
  write?: string;
  name?: string;
}

const usage = (key: string, message: string, hint?: string): JiuzhuError => new JiuzhuError('BAD_OPTION', message, { kind: 'usage', location: { key }, hint });

/** Finds the compliant changes, prints them (or JSON), writes the compliant scenario when asked; exit 0. */
export async function complyCommand(file: string, options: ComplyCliOptions, io: CliIo): Promise<number> {
  const lang = parseLang(options.lang);
  if (options.write !== undefined && !existsSync(dirname(resolve(options.write)))) throw usage('--write', `--write: the folder ${dirname(resolve(options.write))} does not exist`);
  const scenario = loadScenario(file);
  const dataset = await datasetFor(scenario, options, io);
  if ('kind' in dataset) throw usage('--data', 'jiuzhu comply runs the scenario many times and needs a dataset in memory, not a chunked one', 'comply on a sample (jiuzhu generate --households 100000), then run the scenario it writes on the full count');
  const progress = io.stderr.isTTY && !options.json;
  const result = complyScenario(scenario, dataset, {
    period: parsePeriod(options.period),
    seed: parseSeed(options.seed),
    onRun: progress ? (check, reading, n) => io.stderr.write(`  ${check} (${reading}): ${lang === 'zh' ? `第 ${n} 次` : `run ${n}`}\n`) : undefined,
  });
  let written: string | undefined;
  if (options.write !== undefined) {
    writeComplianceScenario(file, options.write, scenario, result, options.name);
    written = options.write;
  }
  if (options.json) printJson(io, { ...result, ...(written ? { written } : {}) });
  else io.stdout.write(`${complyReport(result, lang, baselineSentence(scenario, lang))}${written ? `\n${lang === 'zh' ? '已写入并校验' : 'Wrote and validated'} ${written}` : ''}\n`);
  return 0;
}

const scopeText = (s: ComplianceItem['failing'][number]['scope'], lang: Lang): string =>
  s.kind === 'province' ? term('province', lang) : s.kind === 'area' ? term(s.key === 'urban' ? 'urban' : 'rural', lang) : prefectureLabel(Number(s.key), lang);

/** The cost-of-compliance table: one row per failing check and reading; then every change together. */
export function complyReport(r: ComplianceResult, lang: Lang, baseline?: string): string {
  const zh = lang === 'zh';
  const title = zh
    ? `条款符合的成本 · ${r.scenario} · ${r.period.from} 至 ${r.period.to} · 数据集 ${r.dataset.name} · 种子 ${r.seed}`
    : `Cost of compliance · ${r.scenario} · ${r.period.from} to ${r.period.to} · dataset ${r.dataset.name} · seed ${r.seed}`;
  if (!r.items.length) return [title, ...(baseline ? wrapLine(baseline) : []), '', zh ? '所有检查均符合或期内不适用。' : 'Every check complies or is not applicable in the period.'].join('\n');
  const payers = PAYERS.filter((p) => r.items.some((i) => (i.addedAnnual?.byPayer[p] ?? 0) !== 0) || (r.combined?.addedAnnual.byPayer[p] ?? 0) !== 0);
  // The unit of the added amounts (the scenario's own total is written in its own unit).
  const unit = moneyUnitOf([...r.items.flatMap((i) => (i.addedAnnual ? [i.addedAnnual.total, ...Object.values(i.addedAnnual.byPayer)] : [])), r.combined?.addedAnnual.total ?? 0], lang);
  const money = (x: number | undefined): string => (x === undefined ? '–' : fmtMoneyIn(x, unit));
  const header = zh
    ? ['条款', '理解', '不符合的范围', '杠杆', '现值 → 符合值', '年增支出', ...payers.map((p) => payerLabel(p, lang))]
    : ['clause', 'reading', 'not complying', 'lever', 'now → complies at', 'added a year', ...payers.map((p) => payerLabel(p, lang))];
  const rows = r.items.map((i) => [
    `§${i.clause}`,
    i.reading.name[lang],
    scopesText(i, lang),
    i.lever ? i.lever.label[lang] : (i.noLever?.[lang] ?? ''),
    i.lever ? `${i.lever.mode === 'scale' ? '×' : ''}${i.lever.from} → ${i.lever.value === null ? (zh ? '无解' : 'none') : `${i.lever.mode === 'scale' ? '×' : ''}${i.lever.value}`}` : '–',
    money(i.addedAnnual?.total),
    ...payers.map((p) => money(i.addedAnnual?.byPayer[p])),
  ]);
  if (r.combined) {
    rows.push([
      zh ? '合计' : 'together',
      '',
      '',
      r.combined.overrides.map((o) => o.path).join(', '),
      r.combined.overrides.map((o) => (o.scale !== undefined ? `×${o.scale}` : String(o.set))).join(', '),
      money(r.combined.addedAnnual.total),
      ...payers.map((p) => money(r.combined!.addedAnnual.byPayer[p])),
    ]);
  }
  const notes = r.items.filter((i) => i.status === 'unreachable').map((i) => `  ${zh && i.messageZh ? i.messageZh : i.message}`);
  const together = r.combined
    ? zh
      ? `各项调整同时实施：年增支出 ${fmtMoneyWithUnit(r.combined.addedAnnual.total, lang)}（情景年支出 ${fmtMoneyWithUnit(r.annual.total, lang)}），目标检查${r.combined.complies ? '全部符合' : '并非全部符合'}。`
      : `All changes together add ${fmtMoneyWithUnit(r.combined.addedAnnual.total, lang)} a year to the scenario's ${fmtMoneyWithUnit(r.annual.total, lang)}; the targeted checks ${r.combined.complies ? 'all comply' : 'do NOT all comply'}.`
    : '';
  const how = zh
    ? '每项为单独调整该杠杆、使该条款该理解下全省和城乡各行符合的最小值（求解器逐次运行），年增支出为与原情景之差，按出资方；市（州）行不作为目标。'
    : 'Each row is the least value of the lever its clause names at which that check and reading complies for the province and each area (the solver, run by run), alone; the added cost is against the scenario, a year, by payer. Prefecture rows are not targeted.';
  return [title, ...(baseline ? wrapLine(baseline) : []), '', unitLine(unit, lang), formatTable(header, rows), '', ...wrapLine(together), ...wrapLine(how), ...notes].filter((l) => l !== '').join('\n');
}

/** The scopes that do not comply: province and areas by name, prefectures counted. */
function scopesText(i: ComplianceItem, lang: Lang): string {
  const wide = i.failing.filter((f) => f.scope.kind !== 'prefecture').map((f) => scopeText(f.scope, lang));
  const prefectures = i.failing.filter((f) => f.scope.kind === 'prefecture').length;
  if (prefectures) wide.push(lang === 'zh' ? `${prefectures} 个市（州）` : `${prefectures} prefecture${prefectures > 1 ? 's' : ''}`);
  return wide.join(lang === 'zh' ? '、' : ', ');
}
