/** `jiuzhu clauses`: the opinion clause by clause — status, the rules and parameters behind it, what is missing. */
import { baselineCoverageInput, clauseCoverage, type ClauseCoverageRow, type CoverageCounts, type CoverageSection, type CoverageStatus } from '../policy/coverage.js';
import { parseLang, printJson } from './common.js';
import type { Lang } from '../text/labels.js';
import { padEnd } from '../text/format.js';
import type { CliIo } from './io.js';

export interface ClausesOptions { json?: boolean; lang?: string; verbose?: boolean }

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

export function clausesCommand(options: ClausesOptions, io: CliIo): void {
  const lang = parseLang(options.lang);
  const doc = clauseCoverage(baselineCoverageInput());
  if (options.json) return printJson(io, doc);
  const text = [header(lang), ...doc.sections.flatMap((s) => sectionLines(s, lang, options.verbose ?? false)), '', countsLine(doc.counts, lang)];
  io.stdout.write(`${text.join('\n')}\n`);
}

function header(lang: Lang): string {
  const legend = (Object.keys(STATUS) as CoverageStatus[]).map((s) => `${STATUS[s].mark} ${STATUS[s][lang]}`).join('  ');
  return lang === 'zh' ? `吉政发〔2006〕48号 逐条实现情况（${legend}）` : `吉政发〔2006〕48号 clause by clause (${legend})`;
}

function sectionLines(s: CoverageSection, lang: Lang, verbose: boolean): string[] {
  const title = lang === 'zh' ? `${s.id}、${s.title}` : `§${s.id} ${s.gloss}`;
  return ['', title, ...s.clauses.flatMap((c) => clauseLines(c, lang, verbose))];
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
