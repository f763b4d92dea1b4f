/** `jiuzhu clauses`: the opinion clause by clause — status, the rules and parameters behind it, what is missing. */
import { baselineCoverageInput, clauseCoverage, type ClauseCoverageRow, type CoverageCounts, type CoverageSection, type CoverageStatus } from '../policy/coverage.js';
import { datasetFor, parseLang, parsePeriod, printJson } from './common.js';
import type { CheckStatus, ProgramCheck } from '../engine/program.js';
import { loadScenario } from '../scenarios/input/load.js';
import { runScenario } from '../scenarios/execution/run.js';
import { CHECK_STATUS_MARK, CHECK_STATUS_TERM, term } from '../text/glossary.js';
import type { Lang } from '../text/labels.js';
import { padEnd } from '../text/format.js';
import type { CliIo } from './io.js';

export interface ClausesOptions { json?: boolean; lang?: string; verbose?: boolean; data?: string; codebook?: string; encoding?: string; period?: string }

/** Rule ids and parameter paths shown per clause without --verbose. */
const SHORT_LIST = 6;

const STATUS: Record<CoverageStatus, { mark: string; zh: string; en: string }> = {
  modelled: { mark: '✓', zh: '已建模', en: 'modelled' },
  partly: { mark: '◐', zh: '部分建模', en: 'partly modelled' },
  'out-of-scope': { mark: '–', zh: '不纳入模型', en: 'out of scope' },
};

const WORDS = {
  rules: { zh: '规则', en: 'rules' },
  parameters: { zh: '参数', en: 'parameters' },
  programs: { zh: '项目', en: 'programs' },
  missing: { zh: '尚缺', en: 'missing' },
  reason: { zh: '理由', en: 'reason' },
  note: { zh: '说明', en: 'note' },
  more: { zh: '条，--verbose 列出全部', en: 'more; --verbose lists all' },
} as const;

/**
 * The clauses: whether each is modelled (the rules and parameters behind it) and, with a
 * scenario, whether the scenario complies with it — two different things: a clause can be
 * modelled and not complied with (the checks of the run, by reading, province and areas).
 */
export async function clausesCommand(scenarioFile: string | undefined, options: ClausesOptions, io: CliIo): Promise<void> {
  const lang = parseLang(options.lang);
  const doc = clauseCoverage(baselineCoverageInput());
  let compliance: { scenario: string; byClause: Map<string, ClauseCompliance[]> } | undefined;
  if (scenarioFile !== undefined) {
    const scenario = loadScenario(scenarioFile);
    const dataset = await datasetFor(scenario, options, io);
    const result = await runScenario(scenario, { dataset, period: parsePeriod(options.period) });
    compliance = { scenario: scenario.name, byClause: clauseCompliance(result.checks) };
  }
  if (options.json) {
    if (!compliance) return printJson(io, doc);
    return printJson(io, { ...doc, compliance: { scenario: compliance.scenario, clauses: Object.fromEntries(compliance.byClause) } });
  }
  const text = [header(lang, compliance?.scenario), ...doc.sections.flatMap((s) => sectionLines(s, lang, options.verbose ?? false, compliance)), '', countsLine(doc.counts, lang), ...(compliance ? [complianceCountsLine(compliance, lang)] : [])];
  io.stdout.write(`${text.join('\n')}\n`);
}

/** A clause's compliance on one reading: the worst status of its province and area rows. */
export interface ClauseCompliance { check: string; reading: string; readingName: { zh: string; en: string }; status: CheckStatus }

/** Per clause, per check and reading: does not comply if any province or area row does not; complies if one does; else not applicable. */
export function clauseCompliance(checks: readonly ProgramCheck[]): Map<string, ClauseCompliance[]> {
  const out = new Map<string, ClauseCompliance[]>();
  for (const c of checks) {
    if (c.scope.kind === 'prefecture') continue;
    const list = out.get(c.clause) ?? [];
    out.set(c.clause, list);
    let entry = list.find((e) => e.check === c.id && e.reading === c.reading.id);
    if (!entry) list.push((entry = { check: c.id, reading: c.reading.id, readingName: c.reading.name, status: 'not-applicable' }));
    if (c.status === 'does-not-comply' || (c.status === 'complies' && entry.status === 'not-applicable')) entry.status = c.status;
  }
  return out;
}

function header(lang: Lang, scenario?: string): string {
  const legend = (Object.keys(STATUS) as CoverageStatus[]).map((s) => `${STATUS[s].mark} ${STATUS[s][lang]}`).join('  ');
  const head = lang === 'zh' ? `吉政发〔2006〕48号 逐条实现情况（${legend}）` : `吉政发〔2006〕48号 clause by clause (${legend})`;
  if (!scenario) return head;
  return `${head}\n${lang === 'zh' ? `“已建模”指模型实现了该条款；“情景 ${scenario} 是否符合”来自该情景运行的检查（全省与城乡，每种理解一项）` : `'modelled' says the model implements a clause; 'complied with in ${scenario}' comes from the checks of a run of that scenario (province and areas, one per reading)`}`;
}

function sectionLines(s: CoverageSection, lang: Lang, verbose: boolean, compliance?: { scenario: string; byClause: Map<string, ClauseCompliance[]> }): string[] {
  const title = lang === 'zh' ? `${s.id}、${s.title}` : `§${s.id} ${s.gloss}`;
  return ['', title, ...s.clauses.flatMap((c) => [...clauseLines(c, lang, verbose), ...(compliance ? [complianceLine(c.id, compliance, lang)] : [])])];
}

/** `complied with in X: ✗ does not comply (top-up reading), ✓ complies (payment reading)`, or `not checked`. */
function complianceLine(id: string, compliance: { scenario: string; byClause: Map<string, ClauseCompliance[]> }, lang: Lang): string {
  const list = compliance.byClause.get(id);
  const what = list?.length
    ? list.map((e) => `${CHECK_STATUS_MARK[e.status]} ${term(CHECK_STATUS_TERM[e.status], lang)} (${e.readingName[lang]})`).join(', ')
    : lang === 'zh' ? '无检查' : 'not checked';
  return `        ${lang === 'zh' ? `情景 ${compliance.scenario} 是否符合` : `complied with in ${compliance.scenario}`}: ${what}`;
}

function complianceCountsLine(compliance: { scenario: string; byClause: Map<string, ClauseCompliance[]> }, lang: Lang): string {
  const all = [...compliance.byClause.values()];
  const failing = all.filter((l) => l.some((e) => e.status === 'does-not-comply')).length;
  const complying = all.filter((l) => l.every((e) => e.status === 'complies')).length;
  return lang === 'zh'
    ? `情景 ${compliance.scenario}：${all.length} 条有检查，其中 ${complying} 条各种理解均符合，${failing} 条至少一种理解不符合`
    : `${compliance.scenario}: ${all.length} clauses checked, ${complying} complied with on every reading, ${failing} not complied with on at least one`;
}

/** One clause: a status line, then what implements it and what is missing, indented. */
function clauseLines(c: ClauseCoverageRow, lang: Lang, verbose: boolean): string[] {
  const status = STATUS[c.status];
  const lines = [`  ${status.mark} ${padEnd(c.id, 7)} ${status[lang]} · ${lang === 'zh' ? c.lead : c.gloss}`];
  const detail = (word: keyof typeof WORDS, value: string): void => {
    lines.push(`        ${WORDS[word][lang]}: ${value}`);
  };
  if (c.rules.length) detail('rules', listText(c.rules, lang, verbose));
  if (c.parameters.length) detail('parameters', listText(c.parameters, lang, verbose));
  if (c.programs.length) detail('programs', c.programs.join(', '));
  if (c.missing) detail('missing', c.missing);
  if (c.reason) detail('reason', c.reason);
  if (c.note && verbose) detail('note', c.note);
  return lines;
}

/** `(n) a, b, c, … +k more` — the first few ids unless --verbose. */
function listText(ids: readonly string[], lang: Lang, verbose: boolean): string {
  const shown = verbose ? ids : ids.slice(0, SHORT_LIST);
  const rest = ids.length - shown.length;
  return `(${ids.length}) ${shown.join(', ')}${rest > 0 ? `, … +${rest} ${WORDS.more[lang]}` : ''}`;
}

function countsLine(n: CoverageCounts, lang: Lang): string {
  return lang === 'zh'
    ? `共 ${n.total} 条：已建模 ${n.modelled}，部分建模 ${n.partly}，不纳入模型 ${n.outOfScope}`
    : `${n.total} clauses: ${n.modelled} modelled, ${n.partly} partly modelled, ${n.outOfScope} out of scope`;
}
