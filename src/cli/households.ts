/** `jiuzhu households`: example households of a program's recipients, to pass to `jiuzhu explain --household`. */
import { JiuzhuError } from '../engine/errors.js';
import { isMonth, monthsBetween } from '../engine/period.js';
import { runMonthLoop } from '../dynamics/month-loop.js';
import { findPrefecture, prefectureChoices } from '../text/prefectures.js';
import { PROGRAMS } from '../programs/index.js';
import { loadScenario } from '../scenarios/input/load.js';
import { scenarioPeriod, scenarioPrices, scenarioSimulation } from '../scenarios/execution/run.js';
import { systemPriceTrigger, systemState } from '../programs/system.js';
import type { Dataset } from '../data/dataset.js';
import { datasetFor, parseLang, parseSeed, printJson, type CommonOptions } from './common.js';
import type { Lang } from '../text/labels.js';
import { formatTable } from '../text/format.js';
import type { CliIo } from './io.js';

export interface HouseholdsCliOptions extends CommonOptions {
  receiving: string;
  prefecture?: string;
  month?: string;
  limit?: string;
}

export interface HouseholdRow { id: number; prefecture: number; urban: boolean; size: number; recipients: number; benefit?: number }

const usage = (key: string, message: string): JiuzhuError => new JiuzhuError('BAD_OPTION', message, { kind: 'usage', location: { key } });

/** The first `limit` households (dataset order) with a member receiving `program` in `month`, within a prefecture if given. */
export function receivingHouseholds(scenario: ReturnType<typeof loadScenario>, dataset: Dataset, options: { program: string; month: string; prefecture?: number; limit: number; seed?: number }): HouseholdRow[] {
  const program = PROGRAMS.find((p) => p.id === options.program)!;
  const sim = scenarioSimulation(scenario, dataset, options.seed);
  const from = scenarioPeriod(scenario).from;
  runMonthLoop(sim, { months: options.month >= from ? monthsBetween(from, options.month) : [options.month], state: systemState, prices: scenarioPrices(scenario), onMonth: () => {} });
  const pop = dataset.population;
  const recipient = sim.calculate(program.recipient!, options.month);
  // The dibao benefit is what explain explains by default: show it beside the dibao households.
  const benefit = program.id === 'dibao' ? sim.calculate('dibao_benefit', options.month) : undefined;
  const prefecture = pop.household.prefecture!;
  const urban = pop.household.urban!;
  const rows: HouseholdRow[] = [];
  for (let h = 0; h < pop.nHouseholds && rows.length < options.limit; h++) {
    if (options.prefecture !== undefined && prefecture[h] !== options.prefecture) continue;
    const a = pop.householdStart[h]!;
    const b = pop.householdStart[h + 1]!;
    let n = 0;
    for (let i = a; i < b; i++) n += recipient[i] ? 1 : 0;
    if (n === 0) continue;
    rows.push({ id: pop.householdId[h]!, prefecture: prefecture[h]!, urban: urban[h] === 1, size: b - a, recipients: n, ...(benefit ? { benefit: benefit[h]! } : {}) });
  }
  return rows;
}

export async function householdsCommand(file: string, options: HouseholdsCliOptions, io: CliIo): Promise<void> {
  const lang = parseLang(options.lang);
  const program = PROGRAMS.find((p) => p.id === options.receiving);
  const known = PROGRAMS.filter((p) => p.recipient !== null).map((p) => p.id);
  if (!program || program.recipient === null) throw usage('--receiving', `--receiving takes a program with recipients (${known.join(', ')}), not '${options.receiving}'`);
  const pref = options.prefecture === undefined ? undefined : findPrefecture(options.prefecture);
  if (options.prefecture !== undefined && !pref) throw usage('--prefecture', `--prefecture must be a prefecture code or name, one of: ${prefectureChoices()}; not '${options.prefecture}'`);
  if (options.month !== undefined && !isMonth(options.month)) throw usage('--month', `--month must be YYYY-MM, not '${options.month}'`);
  const limit = options.limit === undefined ? 10 : Number(options.limit);
  if (!Number.isInteger(limit) || limit < 1) throw usage('--limit', `--limit must be a whole number ≥ 1, not '${options.limit}'`);
  const scenario = loadScenario(file);
  const source = await datasetFor(scenario, options, io);
  if ('kind' in source) throw usage('--data', 'jiuzhu households needs a dataset in memory, not a chunked one');
  const month = options.month ?? scenarioPeriod(scenario).from;
  const rows = receivingHouseholds(scenario, source, { program: program.id, month, prefecture: pref?.code, limit, seed: parseSeed(options.seed) });
  if (options.json) return printJson(io, { scenario: scenario.name, program: program.id, month, households: rows });
  io.stdout.write(`${householdsTable(rows, program.label[lang], scenario.name, month, lang)}\n`);
}

export function householdsTable(rows: readonly HouseholdRow[], program: string, scenario: string, month: string, lang: Lang): string {
  const zh = lang === 'zh';
  const prefectureLabel = (c: number): string => findPrefecture(c)?.[lang] ?? String(c);
  const withBenefit = rows.some((r) => r.benefit !== undefined);
  const header = zh
    ? ['家庭', '市（州）', '城乡', '人数', '受益人数', ...(withBenefit ? ['低保金（元/户/月）'] : [])]
    : ['Household', 'Prefecture', 'Area', 'Members', 'Receiving', ...(withBenefit ? ['Dibao (yuan/household/month)'] : [])];
  const body = rows.map((r) => [String(r.id), prefectureLabel(r.prefecture), zh ? (r.urban ? '城镇' : '农村') : r.urban ? 'urban' : 'rural', String(r.size), String(r.recipients), ...(withBenefit ? [(r.benefit ?? 0).toFixed(2)] : [])]);
  const title = zh ? `领取${program}的家庭 · 情景 ${scenario} · ${month}` : `Households receiving ${program} · scenario ${scenario} · ${month}`;
  const hint = zh ? '解释其中一户：jiuzhu explain 情景文件 --household 家庭编号' : 'Explain one: jiuzhu explain SCENARIO --household ID';
  if (!rows.length) return `${title}\n\n${zh ? '没有找到。' : 'None found.'}`;
  return [title, '', formatTable(header, body), '', hint].join('\n');
}
