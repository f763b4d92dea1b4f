/**
 * Explain: the rule graph walked for one household. Every node records the rule, its value
 * for that household (or each member), the inputs it read and the parameters it used, each
 * with its value, effective date and reference.
 */
import { JiuzhuError } from './errors.js';
import { parseInputId } from './graph.js';
import { parameterForHousehold } from './parameters/resolve.js';
import { referenceText, type Bracket, type Reference } from './parameters/types.js';
import { periodStartDate, type Period } from './period.js';
import { householdIndexOf } from './population.js';
import { ruleClauses } from './rule.js';
import type { Simulation } from './simulation.js';

export interface ExplainParameter {
  name: string;
  path: string;
  label: { zh: string; en: string };
  unit: string;
  /** Clause of the opinion the parameter serves. */
  clause?: string;
  value: number | Record<string, number> | readonly Bracket[];
  /** Date the value took effect. */
  date: string;
  reference: Reference;
  referenceText: string;
  overrides?: readonly string[];
}

export interface ExplainNode {
  id: string;
  /** 'state': a value carried from the previous month by the month loop, not computed this month. */
  kind: 'rule' | 'column' | 'state';
  entity: 'person' | 'household';
  period: Period;
  /** Household value, or one value per member (in member order) for person rules and columns. */
  value: number | number[];
  label?: { zh: string; en: string };
  unit?: string;
  clauses: string[];
  inputs: ExplainNode[];
  parameters: ExplainParameter[];
}

/** Explains rule `id` for the household whose dataset id is `householdId`. */
export function explain(sim: Simulation, id: string, period: Period, householdId: number): ExplainNode {
  const pop = sim.population;
  const h = householdIndexOf(pop, householdId);
  if (h < 0) throw new JiuzhuError('UNKNOWN_HOUSEHOLD', `no household with id ${householdId} in the dataset`, { location: { key: String(householdId) } });
  const a = pop.householdStart[h]!;
  const b = pop.householdStart[h + 1]!;
  const pick = (entity: 'person' | 'household', col: ArrayLike<number>): number | number[] =>
    entity === 'household' ? col[h]! : Array.from({ length: b - a }, (_, i) => col[a + i]!);
  const walk = (raw: string, p: Period): ExplainNode => {
    const { id: rid, sumYear } = parseInputId(raw);
    const rule = sim.graph.rules.get(rid);
    const entity = sim.entityOf(rid);
    if (!rule) return { id: rid, kind: 'column', entity, period: p, value: pick(entity, sim.calculate(rid, p)), clauses: [], inputs: [], parameters: [] };
    const rp = rule.period === 'year' ? p.slice(0, 4) : p;
    if (!sumYear && sim.isGiven(rid, rp)) {
      return { id: rid, kind: 'state', entity, period: rp, value: pick(entity, sim.calculate(rid, rp)), label: rule.label, unit: rule.unit, clauses: ruleClauses(rule), inputs: [], parameters: [] };
    }
    if (sumYear) {
      const node = walk(rid, `${rp}-01`);
      const months = Array.from({ length: 12 }, (_, i) => `${rp}-${String(i + 1).padStart(2, '0')}`);
      const sum = months.map((m) => pick(entity, sim.calculate(rid, m)));
      const total = entity === 'household' ? (sum as number[]).reduce((x, y) => x + y, 0) : (sum as number[][]).reduce((x, y) => x.map((v, i) => v + y[i]!));
      return { ...node, id: raw, period: rp, value: total };
    }
    const date = periodStartDate(rp);
    const parameters: ExplainParameter[] = Object.entries(rule.parameters).map(([name, path]) => {
      const leaf = sim.parameters.leaf(path);
      const { value, entry } = parameterForHousehold(sim.parameters, path, date, pop, h);
      return {
        name, path, label: leaf.label, unit: leaf.unit, ...(leaf.clause ? { clause: leaf.clause } : {}), value, date: entry.date, reference: entry.reference,
        referenceText: referenceText(entry.reference), ...(entry.overrides ? { overrides: entry.overrides } : {}),
      };
    });
    return {
      id: rid,
      kind: 'rule',
      entity,
      period: rp,
      value: pick(entity, sim.calculate(rid, rp)),
      label: rule.label,
      unit: rule.unit,
      clauses: ruleClauses(rule),
      inputs: Object.values(rule.inputs).map((i) => walk(i, rp)),
      parameters,
    };
  };
  return walk(id, period);
}

/** Renders an explain tree as indented text, in Chinese or English. A rule met again is not expanded twice. */
export function formatExplain(root: ExplainNode, lang: 'zh' | 'en' = 'en'): string {
  // A bool leaf is a number 0/1, or one 0/1 per cell of its breakdown.
  const bool = (v: ExplainParameter['value']): string => (typeof v === 'number' ? String(v === 1) : Array.isArray(v) ? fmt(v) : `{${Object.entries(v as Record<string, number>).map(([k, x]) => `${k}: ${x === 1}`).join(', ')}}`);
  const pv = (p: ExplainParameter): string => (p.unit === 'bool' ? bool(p.value) : fmt(p.value));
  // The clause the parameter serves, unless its value's reference already is that clause.
  const basis = (p: ExplainParameter): string => (p.clause && !('clause' in p.reference && p.reference.clause === p.clause) ? `吉政发〔2006〕48号 §${p.clause} · ` : '');
  // Money to the fen; small rates and densities (0.004919) keep four significant digits.
  const num = (v: number): string => (v !== 0 && Math.abs(v) < 0.01 ? String(Number(v.toPrecision(4))) : String(Math.round(v * 100) / 100));
  const fmt = (v: unknown): string => (Array.isArray(v) ? `[${v.map((x) => fmt(x)).join(', ')}]` : typeof v === 'number' ? num(v) : JSON.stringify(v));
  const short = (t: string): string => (t.length > 90 ? `${t.slice(0, 89)}…` : t);
  const seen = new Set<string>();
  const lines: string[] = [];
  const rec = (node: ExplainNode, indent: string): void => {
    const name = node.label ? `${node.id} (${node.label[lang]})` : node.id;
    const cite = node.clauses.length ? `  ‹吉政发〔2006〕48号 ${node.clauses.map((c) => `§${c}`).join(', ')}›` : '';
    const data = node.kind === 'column' ? (lang === 'zh' ? '  [数据]' : '  [data]') : node.kind === 'state' ? (lang === 'zh' ? '  [上月状态]' : '  [carried from last month]') : '';
    const again = node.kind === 'rule' && seen.has(node.id);
    lines.push(`${indent}${node.kind === 'column' ? '▪' : '●'} ${name} = ${fmt(node.value)}${node.unit ? ` ${node.unit}` : ''}${data}${cite}${again ? (lang === 'zh' ? '  (见上)' : '  (see above)') : ''}`);
    if (again) return;
    seen.add(node.id);
    for (const p of node.parameters) {
      const ov = p.overrides?.length ? `  [${lang === 'zh' ? '情景调整' : 'overridden'}: ${p.overrides.join('; ')}]` : '';
      lines.push(`${indent}    ◆ ${p.path} = ${pv(p)} ${p.unit}, ${lang === 'zh' ? '自' : 'from'} ${p.date}  ‹${basis(p)}${short(referenceText(p.reference, lang))}›${ov}`);
    }
    for (const c of node.inputs) rec(c, `${indent}    `);
  };
  rec(root, '');
  lines.push('', lang === 'zh' ? '所用参数（取值、生效日期、依据）：' : 'Parameters used (value, effective date, reference):');
  for (const p of explainParameters(root)) {
    lines.push(`  ◆ ${p.path} (${p.label[lang]}) = ${pv(p)} ${p.unit}, ${lang === 'zh' ? '自' : 'from'} ${p.date}`);
    if (p.clause) lines.push(`      ${lang === 'zh' ? '政策依据' : 'serves'}: 吉政发〔2006〕48号 §${p.clause}`);
    lines.push(`      ${lang === 'zh' ? '取值依据' : 'value from'}: ${referenceText(p.reference, lang)}`);
    if (p.overrides?.length) lines.push(`      ${lang === 'zh' ? '情景调整' : 'overridden by'}: ${p.overrides.join('; ')}`);
  }
  return lines.join('\n');
}

/** Parameters used anywhere in a tree, deduplicated by path. */
export function explainParameters(node: ExplainNode): ExplainParameter[] {
  const seen = new Map<string, ExplainParameter>();
  const rec = (n: ExplainNode): void => {
    for (const p of n.parameters) if (!seen.has(p.path)) seen.set(p.path, p);
    n.inputs.forEach(rec);
  };
  rec(node);
  return [...seen.values()];
}
