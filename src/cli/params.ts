/** `jiuzhu params`: every parameter with its value on a date, its unit and where the value comes from. */
import { JiuzhuError } from '../engine/errors.js';
import { isIsoDate } from '../engine/period.js';
import { OPINION, parameterProvenance, parameterValueText, type ParameterCounts, type ParameterProvenanceRow, type SourceKind } from '../policy/coverage.js';
import { baselineParameters } from '../policy/parameters.js';
import { referenceBody } from '../engine/parameters/types.js';
import { REFERENCE_KIND, unitName } from '../text/glossary.js';
import { parseLang, printJson } from './common.js';
import type { Lang } from '../text/labels.js';
import { clipText, displayWidth, padEnd } from '../text/format.js';
import type { CliIo } from './io.js';

export interface ParamsOptions { date?: string; json?: boolean; lang?: string; verbose?: boolean }

/** Without --verbose, long columns are cut to these display widths (the JSON has everything). */
const CLIP = { label: 28, value: 40, reference: 50 } as const;
const CELLS_SHOWN = 3;

const KIND: Record<SourceKind, { zh: string; en: string }> = REFERENCE_KIND;

const HEADER = {
  zh: ['参数', '名称', '取值', '单位', '生效日期', '条款', '来源类别', '依据'],
  en: ['parameter', 'label', 'value', 'unit', 'since', 'serves', 'kind', 'reference'],
} as const;

export function paramsCommand(options: ParamsOptions, io: CliIo): void {
  const lang = parseLang(options.lang);
  const date = parseDate(options.date);
  const doc = parameterProvenance(baselineParameters().leaves(), date);
  if (options.json) return printJson(io, doc);
  const verbose = options.verbose ?? false;
  const rows = doc.parameters.map((p) => tableRow(p, lang, verbose));
  io.stdout.write(`${leftTable([...HEADER[lang]], rows)}\n\n${countsLine(doc.counts, date, lang)}\n`);
}

/** `--date YYYY-MM-DD`; by default the opinion's date, 2006-12-18, so the listing shows the policy as issued. */
export function parseDate(v: string | undefined): string {
  if (v === undefined) return OPINION.date;
  if (isIsoDate(v)) return v;
  throw new JiuzhuError('BAD_OPTION', `--date must be a date YYYY-MM-DD, not '${v}'`, { kind: 'usage', location: { key: '--date' } });
}

function tableRow(p: ParameterProvenanceRow, lang: Lang, verbose: boolean): string[] {
  const clip = (s: string, width: number): string => (verbose ? s.replace(/\s+/g, ' ') : clipFlat(s, width));
  return [
    p.path,
    clip(p.label[lang], CLIP.label),
    verbose ? parameterValueText(p) : valueText(p),
    unitName(p.unit, lang),
    p.since ?? `(${lang === 'zh' ? '自' : 'from'} ${p.firstDate})`,
    p.clause ? `§${p.clause}` : '—',
    KIND[p.kind][lang],
    clip(referenceBody(p.reference, lang), CLIP.reference),
  ];
}

/** The value cut to its column: as many cells as fit (at most CELLS_SHOWN), then the cell count. */
function valueText(p: ParameterProvenanceRow): string {
  for (let n = CELLS_SHOWN; n >= 1; n--) {
    const text = parameterValueText(p, n);
    if (displayWidth(text) <= CLIP.value) return text;
  }
  return clipFlat(parameterValueText(p, 1), CLIP.value);
}

function countsLine(n: ParameterCounts, date: string, lang: Lang): string {
  const later = n.notInForce
    ? lang === 'zh' ? `；${n.notInForce} 个在该日尚无取值（来源为其首个取值的）` : `; ${n.notInForce} with no value yet on that date (their first value's source is counted)`
    : '';
  return lang === 'zh'
    ? `${date} 共 ${n.total} 个参数：来自文件条款 ${n.clause}，来自公开统计 ${n.source}，标明的假设 ${n.assumption}${later}`
    : `${n.total} parameters on ${date}: ${n.clause} from the opinion (clause), ${n.source} from published statistics (source), ${n.assumption} labelled assumptions${later}`;
}

/** Text on one line, cut to a display width. */
const clipFlat = (s: string, width: number): string => clipText(s.replace(/\s+/g, ' '), width);

/** A table with every column left-aligned (text columns read badly right-aligned). */
function leftTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, j) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[j] ?? ''))));
  const line = (cells: string[]): string => cells.map((c, j) => (j === cells.length - 1 ? c : padEnd(c, widths[j]!))).join('  ');
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
