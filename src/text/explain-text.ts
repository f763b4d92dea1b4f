/**
 * An explain tree (src/engine/explain.ts) as indented text, in Chinese or English: what
 * `jiuzhu explain --full` prints and the package's `formatExplain`. It lives above the engine so
 * that units read as a Chinese reader writes them (元/户/月, 个月) in zh, from the glossary;
 * the engine builds the tree and knows no language.
 */
import { explainParameters, type ExplainNode, type ExplainParameter } from '../engine/explain.js';
import { referenceText } from '../engine/parameters/types.js';
import { unitName } from './glossary.js';
import { overrideStepZh } from './override-text.js';
import type { Lang } from './units.js';

/** Rule units the parameter glossary does not name (rules write units as free codes). */
const RULE_UNIT_ZH: Record<string, string> = { 'cases/person/year': '例/人/年', code: '代码', count: '个' };

/** A unit for the reader: the glossary's Chinese in zh; the unit's code in en. */
export const unitText = (unit: string, lang: Lang): string => (lang === 'zh' ? RULE_UNIT_ZH[unit] ?? unitName(unit, lang) : unit);

/** Renders an explain tree as indented text, in Chinese or English. A rule met again is not expanded twice. */
export function formatExplain(root: ExplainNode, lang: Lang = 'en'): string {
  const zh = lang === 'zh';
  // A bool leaf is a number 0/1, or one 0/1 per cell of its breakdown; in zh it reads 是/否.
  const truth = (x: number): string => (zh ? (x === 1 ? '是' : '否') : String(x === 1));
  const bool = (v: ExplainParameter['value']): string => (typeof v === 'number' ? truth(v) : Array.isArray(v) ? fmt(v) : `{${Object.entries(v as Record<string, number>).map(([k, x]) => `${k}: ${truth(x)}`).join(', ')}}`);
  const pv = (p: ExplainParameter): string => (p.unit === 'bool' ? bool(p.value) : fmt(p.value));
  // A rule's yes/no value reads 是 / 否 in zh (each member's in brackets); en keeps the column's "1 bool".
  const nodeValue = (node: ExplainNode): string => {
    if (zh && node.unit === 'bool') return Array.isArray(node.value) ? `[${node.value.map((x) => (x !== 0 ? '是' : '否')).join(', ')}]` : node.value !== 0 ? '是' : '否';
    return `${fmt(node.value)}${node.unit ? ` ${unitText(node.unit, lang)}` : ''}`;
  };
  const unit = (p: ExplainParameter): string => (zh && p.unit === 'bool' ? '' : ` ${unitText(p.unit, lang)}`);
  // The clause the parameter serves, unless its value's reference already is that clause.
  const basis = (p: ExplainParameter): string => (p.clause && !('clause' in p.reference && p.reference.clause === p.clause) ? `吉政发〔2006〕48号 §${p.clause} · ` : '');
  // Money to the fen; shares, rates and densities below 1 (0.375, 0.004919) keep four significant
  // digits: to the hundredth, a 0.375 share read 0.38.
  const num = (v: number): string => (v !== 0 && Math.abs(v) < 1 ? String(Number(v.toPrecision(4))) : String(Math.round(v * 100) / 100));
  // A breakdown's cells read as the scalars do ({elderly: 0.45}, not 0.44999999999999996 after a scale).
  const fmt = (v: unknown): string =>
    Array.isArray(v) ? `[${v.map((x) => fmt(x)).join(', ')}]`
    : typeof v === 'number' ? num(v)
    : v !== null && typeof v === 'object' && Object.values(v).every((x) => typeof x === 'number') ? `{${Object.entries(v as Record<string, number>).map(([k, x]) => `${k}: ${num(x)}`).join(', ')}}`
    : JSON.stringify(v);
  // Overrides in zh from their data; en keeps the English text of record.
  const overrides = (p: ExplainParameter): string => (zh && p.overrideSteps ? p.overrideSteps.map((s) => overrideStepZh(s, num)).join('；') : (p.overrides ?? []).join('; '));
  const short = (t: string): string => (t.length > 90 ? `${t.slice(0, 89)}…` : t);
  const seen = new Set<string>();
  const lines: string[] = [];
  const rec = (node: ExplainNode, indent: string): void => {
    const name = node.label ? `${node.id} (${node.label[lang]})` : node.id;
    const cite = node.clauses.length ? `  ‹吉政发〔2006〕48号 ${node.clauses.map((c) => `§${c}`).join(', ')}›` : '';
    const data = node.kind === 'column' ? (zh ? '  [数据]' : '  [data]') : node.kind === 'state' ? (zh ? '  [上月状态]' : '  [carried from last month]') : '';
    const again = node.kind === 'rule' && seen.has(node.id);
    lines.push(`${indent}${node.kind === 'column' ? '▪' : '●'} ${name} = ${nodeValue(node)}${data}${cite}${again ? (zh ? '  (见上)' : '  (see above)') : ''}`);
    if (again) return;
    seen.add(node.id);
    for (const p of node.parameters) {
      const ov = p.overrides?.length ? `  [${zh ? '情景调整' : 'overridden'}: ${overrides(p)}]` : '';
      lines.push(`${indent}    ◆ ${p.path} = ${pv(p)}${unit(p)}, ${zh ? '自' : 'from'} ${p.date}  ‹${basis(p)}${short(referenceText(p.reference, lang))}›${ov}`);
    }
    for (const c of node.inputs) rec(c, `${indent}    `);
  };
  rec(root, '');
  lines.push('', zh ? '所用参数（取值、生效日期、依据）：' : 'Parameters used (value, effective date, reference):');
  for (const p of explainParameters(root)) {
    lines.push(`  ◆ ${p.path} (${p.label[lang]}) = ${pv(p)}${unit(p)}, ${zh ? '自' : 'from'} ${p.date}`);
    if (p.clause) lines.push(`      ${zh ? '政策依据' : 'serves'}: 吉政发〔2006〕48号 §${p.clause}`);
    lines.push(`      ${zh ? '取值依据' : 'value from'}: ${referenceText(p.reference, lang)}`);
    if (p.overrides?.length) lines.push(`      ${zh ? '情景调整' : 'overridden by'}: ${overrides(p)}`);
  }
  return lines.join('\n');
}
