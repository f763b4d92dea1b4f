/**
 * The short answer to "why this result?" for one household: the deciding comparisons first
 * (assessed income 853.64 > standard 158 → not eligible), then the amounts the result adds up
 * from, then the parameters those comparisons read. At most 30 lines of at most 120 columns;
 * `jiuzhu explain --full` prints the whole tree.
 */
import type { ExplainNode, ExplainParameter } from '../engine/explain.js';
import type { Lang } from '../text/labels.js';
import { clipText, wrapLine } from '../text/format.js';
import { unitText as unitTextFull } from '../text/explain-text.js';

export const SUMMARY_MAX_LINES = 30;
export const SUMMARY_MAX_WIDTH = 120;

/** Dimensionless units are left out of a summary line (0.43, not 0.43 比率); others as the full tree prints them. */
const UNITLESS = new Set(['rate', 'ratio', 'probability', 'share', 'bool']);

const unitText = (unit: string | undefined, lang: Lang): string => (!unit || UNITLESS.has(unit) ? '' : unitTextFull(unit, lang));

const num = (v: number): string => (v !== 0 && Math.abs(v) < 0.01 ? String(Number(v.toPrecision(4))) : String(Math.round(v * 100) / 100));
const value = (v: number | number[]): string => (Array.isArray(v) ? `[${v.map(num).join(', ')}]` : num(v));
const yesNo = (v: number | number[], lang: Lang): string => {
  const on = Array.isArray(v) ? v.some((x) => x !== 0) : v !== 0;
  return lang === 'zh' ? (on ? '是' : '否') : on ? 'yes' : 'no';
};
const name = (n: ExplainNode, lang: Lang): string => n.label?.[lang] ?? n.id;

/** A line cut to the summary's width, with an ellipsis when cut. */
export const clip = (s: string, width = SUMMARY_MAX_WIDTH): string => clipText(s, width);

/** Rule nodes of a tree, nearest the root first, each once. */
function breadthFirst(root: ExplainNode): ExplainNode[] {
  const seen = new Set<string>();
  const out: ExplainNode[] = [];
  const queue = [root];
  while (queue.length) {
    const n = queue.shift()!;
    if (n.kind !== 'rule' || seen.has(n.id)) continue;
    seen.add(n.id);
    out.push(n);
    queue.push(...n.inputs);
  }
  return out;
}

const scalar = (n: ExplainNode): number | undefined => (typeof n.value === 'number' ? n.value : undefined);

/**
 * A yes/no rule as the comparison that decided it: two numeric inputs in the same unit
 * (income against the standard) shown with the relation between them, or its yes/no inputs.
 */
function decision(n: ExplainNode, lang: Lang): { line: string; reads: ExplainNode[] } | undefined {
  if (n.unit !== 'bool' || typeof n.value !== 'number') return undefined;
  const numeric = n.inputs.filter((i) => i.unit !== 'bool' && i.unit !== undefined && scalar(i) !== undefined);
  const byUnit = new Map<string, ExplainNode[]>();
  for (const i of numeric) byUnit.set(i.unit!, [...(byUnit.get(i.unit!) ?? []), i]);
  const pair = [...byUnit.values()].find((g) => g.length === 2);
  const outcome = `${name(n, lang)}${lang === 'zh' ? '：' : ': '}${yesNo(n.value, lang)}`;
  if (pair) {
    const [a, b] = pair as [ExplainNode, ExplainNode];
    const x = scalar(a)!;
    const y = scalar(b)!;
    const rel = x > y ? '>' : x < y ? '<' : '=';
    const u = unitText(a.unit, lang);
    // The outcome right after the comparison, then the other yes/no conditions it needs (hukou,
    // dibao in force locally…): a 'no' can come from either. Deciding lines wrap, never cut.
    const flags = n.inputs.filter((i) => i.unit === 'bool').map((i) => `${name(i, lang)}${lang === 'zh' ? '：' : ': '}${yesNo(i.value, lang)}`);
    const also = flags.length ? (lang === 'zh' ? `（${flags.join('，')}）` : ` (${flags.join(', ')})`) : '';
    return { line: `${name(a, lang)} ${num(x)} ${rel} ${name(b, lang)} ${num(y)}${u ? ` ${u}` : ''} → ${outcome}${also}`, reads: [a, b] };
  }
  const flags = n.inputs.filter((i) => i.unit === 'bool');
  if (flags.length >= 2 && flags.length === n.inputs.length) {
    return { line: `${outcome} ← ${flags.map((i) => `${name(i, lang)} ${yesNo(i.value, lang)}`).join(lang === 'zh' ? '，' : ', ')}`, reads: [] };
  }
  return undefined;
}

function parameterLine(p: ExplainParameter, lang: Lang): string {
  const v = typeof p.value === 'number' ? num(p.value) : JSON.stringify(p.value);
  const basis = p.clause ? `§${p.clause}` : '';
  return `  ◆ ${p.path} = ${v} ${unitText(p.unit, lang) || p.unit}${lang === 'zh' ? '，自 ' : ', from '}${p.date}${basis ? `  ‹吉政发〔2006〕48号 ${basis}›` : ''}`;
}

/** The summary of one explain tree, in Chinese or English, within the line and width limits. */
export function explainSummary(root: ExplainNode, lang: Lang, fullLines?: number): string {
  const zh = lang === 'zh';
  const u = unitText(root.unit, lang);
  const lines: string[] = [`● ${root.id} (${name(root, lang)}) = ${root.unit === 'bool' ? yesNo(root.value, lang) : value(root.value)}${u ? ` ${u}` : ''}`];
  const rules = breadthFirst(root);
  const decisions = rules.map((n) => decision(n, lang)).filter((d): d is NonNullable<typeof d> => d !== undefined);
  if (decisions.length) {
    lines.push('', zh ? '决定结果的比较：' : 'Deciding comparisons:');
    for (const d of decisions.slice(0, 8)) lines.push(...wrapLine(`  ${d.line}`, SUMMARY_MAX_WIDTH, 4));
  }
  // What the result adds up from: its direct inputs in its own unit (the components of a benefit).
  const parts = root.unit && root.unit !== 'bool' ? root.inputs.filter((i) => i.kind === 'rule' && i.unit === root.unit) : [];
  if (parts.length) {
    lines.push('', zh ? '构成：' : 'Made of:');
    lines.push(`  ${parts.map((i) => `${name(i, lang)} ${value(i.value)}`).join(zh ? '；' : '; ')}`);
  }
  // The parameters the deciding comparisons read (the standard, a rate…), each once.
  const params = new Map<string, ExplainParameter>();
  for (const d of decisions) for (const n of d.reads) for (const p of n.parameters) if (!params.has(p.path)) params.set(p.path, p);
  for (const p of root.parameters) if (!params.has(p.path)) params.set(p.path, p);
  if (params.size) {
    lines.push('', zh ? '所用参数：' : 'Parameters read:');
    for (const p of [...params.values()].slice(0, 6)) lines.push(parameterLine(p, lang));
  }
  const tail = zh
    ? `（完整推导${fullLines ? `共 ${fullLines} 行` : ''}：加 --full；JSON：--json）`
    : `(The whole derivation${fullLines ? `, ${fullLines} lines` : ''}: add --full; as JSON: --json.)`;
  const kept = lines.slice(0, SUMMARY_MAX_LINES - 2);
  return [...kept, '', tail].map((l) => clip(l)).join('\n');
}
