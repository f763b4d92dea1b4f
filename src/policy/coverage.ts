/**
 * Clause coverage and parameter provenance: does jiuzhu implement 吉政发〔2006〕48号, clause by
 * clause, and where does each number come from? The statuses are kept by hand in
 * src/policy/coverage.yaml; the rules and parameters behind a clause are derived from their
 * references, so they cannot drift from the code. `coverageProblems` keeps the two honest;
 * `clauseCoverage` and `parameterProvenance` build the tables `jiuzhu clauses` and
 * `jiuzhu params` print (and a report can reuse).
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { JiuzhuError, throwMany } from '../engine/errors.js';
import { entryOn } from '../engine/parameters/tree.js';
import { referenceKind, referenceText, type Bracket, type DatedValue, type Dimension, type ParameterLeaf, type Reference } from '../engine/parameters/types.js';
import type { Rule } from '../engine/rule.js';
import { parseYamlSource, yamlToJs } from '../engine/yaml-source.js';
import { PROGRAMS } from '../programs/index.js';
import { systemRules } from '../programs/system.js';
import { clauses, sections, sectionOf, type Clause, type Section } from './clauses.js';
import { baselineParameters } from './parameters.js';
import { packagePath } from '../engine/paths.js';

// ── The coverage file ─────────────────────────────────────────────────────────

export const COVERAGE_STATUSES = ['modelled', 'partly', 'out-of-scope'] as const;
export type CoverageStatus = (typeof COVERAGE_STATUSES)[number];

const CoverageEntrySchema = z.strictObject({
  id: z.string(),
  status: z.enum(COVERAGE_STATUSES),
  missing: z.string().optional(),
  reason: z.string().optional(),
  rules: z.array(z.string()).optional(),
  note: z.string().optional(),
});

/** One clause's entry in coverage.yaml. */
export type CoverageEntry = z.infer<typeof CoverageEntrySchema>;

/** Parses a coverage file; shape errors (an unknown status, a stray key) name their line. */
export function parseCoverage(text: string, file: string): CoverageEntry[] {
  const src = parseYamlSource(text, file);
  const parsed = z.array(CoverageEntrySchema).safeParse(yamlToJs(src));
  if (parsed.success) return parsed.data;
  return throwMany('BAD_COVERAGE', parsed.error.issues.map((i) => ({
    message: i.code === 'unrecognized_keys' ? `unknown key${i.keys.length > 1 ? 's' : ''} ${i.keys.map((k) => `'${k}'`).join(', ')}` : i.message,
    location: { file, line: src.lineAt(i.path.map((k) => (typeof k === 'number' ? k : String(k)))), key: i.path.join('.') || undefined },
  })));
}

/** Reads a coverage file. */
export function loadCoverage(file: string): CoverageEntry[] {
  return parseCoverage(readFileSync(file, 'utf8'), file);
}

let cached: CoverageEntry[] | undefined;

/** The package's coverage statuses (src/policy/coverage.yaml). */
export function coverage(): CoverageEntry[] {
  return (cached ??= loadCoverage(packagePath('src/policy/coverage.yaml')));
}

// ── Links: which rules and parameters serve each clause ──────────────────────

/** What the checks read of a rule: its id and reference. */
export type RuleLink = Pick<Rule, 'id' | 'reference'>;
/** What the checks read of a parameter leaf: its path, clause and dated references. */
export type LeafLink = Pick<ParameterLeaf, 'path' | 'clause'> & { values: readonly Pick<DatedValue, 'date' | 'reference'>[] };
/** A program as far as coverage is concerned. */
export interface ProgramLink { id: string; clauses: readonly string[] }

export interface ClauseLinks {
  /** Rules citing the clause, in rule order. */
  rules: string[];
  /** Parameter paths whose leaf serves the clause or one of whose values cites it, sorted. */
  parameters: string[];
}

/** Clause id → the rules and parameters that cite it. */
export function clauseLinks(rules: readonly RuleLink[], leaves: readonly LeafLink[]): Map<string, ClauseLinks> {
  const links = new Map<string, ClauseLinks>();
  const at = (id: string): ClauseLinks => {
    let l = links.get(id);
    if (!l) links.set(id, (l = { rules: [], parameters: [] }));
    return l;
  };
  for (const r of rules) for (const c of citedClauses(r)) at(c).rules.push(r.id);
  for (const leaf of leaves) for (const c of leafClauses(leaf)) at(c).parameters.push(leaf.path);
  for (const l of links.values()) l.parameters.sort();
  return links;
}

/** Clauses a rule cites; none when its reference is missing (a removed reference is a problem to report, not a crash). */
function citedClauses(rule: RuleLink): string[] {
  const r = rule.reference as Partial<{ clause: string | readonly string[] }> | undefined;
  return r?.clause === undefined ? [] : [r.clause].flat();
}

/** Clauses a leaf serves: its own clause and any clause a value cites, without repeats. */
function leafClauses(leaf: LeafLink): string[] {
  const cited = leaf.values.flatMap((v) => ('clause' in v.reference ? [v.reference.clause] : []));
  return [...new Set([...(leaf.clause ? [leaf.clause] : []), ...cited])];
}

// ── The checker ───────────────────────────────────────────────────────────────

export type CoverageProblemCode =
  | 'no-status' | 'duplicate-status' | 'unknown-clause'
  | 'modelled-without-rule' | 'unknown-rule' | 'missing-not-said' | 'reason-not-given' | 'out-of-scope-with-rules' | 'stray-field'
  | 'rule-without-reference' | 'rule-cites-unknown-clause'
  | 'parameter-without-reference' | 'parameter-cites-unknown-clause';

export interface CoverageProblem {
  code: CoverageProblemCode;
  /** The clause id, rule id or parameter path the problem is about. */
  subject: string;
  message: string;
}

export interface CoverageInput {
  clauses: readonly Pick<Clause, 'id'>[];
  coverage: readonly CoverageEntry[];
  rules: readonly RuleLink[];
  leaves: readonly LeafLink[];
}

/**
 * Everything that makes the coverage dishonest, in a fixed order: statuses, then links, then
 * rule references, then parameter references. Empty when all is well. Pure.
 */
export function coverageProblems(input: CoverageInput): CoverageProblem[] {
  const ids = new Set(input.clauses.map((c) => c.id));
  const ruleIds = new Set(input.rules.map((r) => r.id));
  const links = clauseLinks(input.rules, input.leaves);
  return [
    ...statusProblems(input.clauses, input.coverage),
    ...input.coverage.flatMap((e) => (ids.has(e.id) ? entryProblems(e, links.get(e.id)?.rules ?? [], ruleIds) : [])),
    ...input.rules.flatMap((r) => ruleReferenceProblems(r, ids)),
    ...input.leaves.flatMap((l) => leafReferenceProblems(l, ids)),
  ];
}

/** Every clause has exactly one entry, and every entry is a clause. */
function statusProblems(list: readonly Pick<Clause, 'id'>[], entries: readonly CoverageEntry[]): CoverageProblem[] {
  const ids = new Set(list.map((c) => c.id));
  const count = new Map<string, number>();
  for (const e of entries) count.set(e.id, (count.get(e.id) ?? 0) + 1);
  return [
    ...list.filter((c) => !count.has(c.id)).map((c) => problem('no-status', c.id, `clause ${c.id} has no status in coverage.yaml`)),
    ...[...count].filter(([, n]) => n > 1).map(([id, n]) => problem('duplicate-status', id, `clause ${id} has ${n} entries in coverage.yaml; give it one`)),
    ...[...count.keys()].filter((id) => !ids.has(id)).map((id) => problem('unknown-clause', id, `coverage.yaml has an entry for '${id}', which is not a clause of the opinion`)),
  ];
}

/** One entry against its status: the fields it needs, and the rules it derives or lists. */
function entryProblems(e: CoverageEntry, derived: readonly string[], ruleIds: ReadonlySet<string>): CoverageProblem[] {
  const out: CoverageProblem[] = [];
  if (e.status === 'modelled' && derived.length === 0) out.push(problem('modelled-without-rule', e.id, `clause ${e.id} is marked modelled but no rule cites it`));
  if (e.status === 'partly' && !e.missing?.trim()) out.push(problem('missing-not-said', e.id, `clause ${e.id} is partly modelled but does not say what is missing`));
  if (e.status === 'out-of-scope' && !e.reason?.trim()) out.push(problem('reason-not-given', e.id, `clause ${e.id} is out of scope but gives no reason`));
  // A clause that rules implement is not out of scope: the status would hide them.
  if (e.status === 'out-of-scope' && derived.length > 0) out.push(problem('out-of-scope-with-rules', e.id, `clause ${e.id} is marked out of scope but rules cite it: ${derived.join(', ')}`));
  if (e.missing !== undefined && e.status !== 'partly') out.push(problem('stray-field', e.id, `clause ${e.id} says what is missing but is marked ${e.status}`));
  if (e.reason !== undefined && e.status !== 'out-of-scope') out.push(problem('stray-field', e.id, `clause ${e.id} gives a reason for being out of scope but is marked ${e.status}`));
  for (const r of e.rules ?? []) if (!ruleIds.has(r)) out.push(problem('unknown-rule', e.id, `clause ${e.id} lists rule '${r}', which does not exist`));
  return out;
}

/** A rule cites known clauses, or a non-empty source. */
function ruleReferenceProblems(rule: RuleLink, ids: ReadonlySet<string>): CoverageProblem[] {
  const cited = citedClauses(rule);
  const source = (rule.reference as Partial<{ source: string }> | undefined)?.source;
  if (cited.length === 0 && !source?.trim()) return [problem('rule-without-reference', rule.id, `rule ${rule.id} cites no clause and no source`)];
  return cited.filter((c) => !ids.has(c)).map((c) => problem('rule-cites-unknown-clause', rule.id, `rule ${rule.id} cites §${c}, which is not a clause of the opinion`));
}

/**
 * A leaf names a known clause; a leaf without one needs every value to cite a clause or a
 * published source (an assumption alone says where a number came from, not what it is for).
 */
function leafReferenceProblems(leaf: LeafLink, ids: ReadonlySet<string>): CoverageProblem[] {
  const unknown = leafClauses(leaf).filter((c) => !ids.has(c));
  const out = unknown.map((c) => problem('parameter-cites-unknown-clause', leaf.path, `parameter ${leaf.path} cites §${c}, which is not a clause of the opinion`));
  if (leaf.clause) return out;
  const bare = leaf.values.filter((v) => !('clause' in v.reference) && !('source' in v.reference && v.reference.source.trim()));
  if (bare.length || leaf.values.length === 0) {
    const which = bare.length ? ` (its value of ${bare.map((v) => v.date).join(', ')} is only an assumption)` : '';
    out.push(problem('parameter-without-reference', leaf.path, `parameter ${leaf.path} names no clause and cites no clause or source${which}`));
  }
  return out;
}

function problem(code: CoverageProblemCode, subject: string, message: string): CoverageProblem {
  return { code, subject, message };
}

/** Throws one internal error listing every problem (the package's own data is wrong). */
export function assertCoverage(input: CoverageInput): void {
  const problems = coverageProblems(input);
  if (problems.length) {
    throwMany('BAD_COVERAGE', problems.map((p) => ({ message: p.message, location: { file: 'src/policy/coverage.yaml', key: p.subject } })), 'fix src/policy/coverage.yaml or the references of the rules and parameters named');
  }
}

// ── The clause table ──────────────────────────────────────────────────────────

export interface ClauseCoverageRow {
  id: string;
  lead: string;
  gloss: string;
  text: string;
  status: CoverageStatus;
  /** Rules citing the clause, then any listed in coverage.yaml. */
  rules: string[];
  parameters: string[];
  /** Programs that declare the clause. */
  programs: string[];
  missing?: string;
  reason?: string;
  note?: string;
}

export interface CoverageSection extends Section { clauses: ClauseCoverageRow[] }

export interface CoverageCounts { modelled: number; partly: number; outOfScope: number; total: number }

/** The document `jiuzhu clauses --json` prints. */
export interface ClauseCoverageDocument {
  document: { number: string; title: string; date: string };
  sections: CoverageSection[];
  counts: CoverageCounts;
}

export interface ClauseCoverageInput extends CoverageInput {
  clauses: readonly Clause[];
  sections: readonly Section[];
  programs?: readonly ProgramLink[];
}

export const OPINION = { number: '吉政发〔2006〕48号', title: '吉林省人民政府关于加快推进城乡社会救助体系建设的实施意见', date: '2006-12-18' } as const;

/** The clause tree with each clause's status and what implements it. Throws if the coverage has problems. */
export function clauseCoverage(input: ClauseCoverageInput): ClauseCoverageDocument {
  assertCoverage(input);
  const links = clauseLinks(input.rules, input.leaves);
  const entries = new Map(input.coverage.map((e) => [e.id, e]));
  const rows = input.clauses.map((c) => coverageRow(c, entries.get(c.id)!, links.get(c.id), input.programs ?? []));
  return {
    document: { ...OPINION },
    sections: input.sections.map((s) => ({ ...s, clauses: rows.filter((r) => sectionOf(r.id) === s.id) })),
    counts: coverageCounts(rows),
  };
}

function coverageRow(c: Clause, e: CoverageEntry, links: ClauseLinks | undefined, programs: readonly ProgramLink[]): ClauseCoverageRow {
  const derived = links?.rules ?? [];
  return {
    id: c.id, lead: c.lead, gloss: c.gloss, text: c.text, status: e.status,
    rules: [...derived, ...(e.rules ?? []).filter((r) => !derived.includes(r))],
    parameters: links?.parameters ?? [],
    programs: programs.filter((p) => p.clauses.includes(c.id)).map((p) => p.id),
    ...(e.missing ? { missing: e.missing } : {}),
    ...(e.reason ? { reason: e.reason } : {}),
    ...(e.note ? { note: e.note } : {}),
  };
}

export function coverageCounts(rows: readonly Pick<ClauseCoverageRow, 'status'>[]): CoverageCounts {
  const n = (s: CoverageStatus): number => rows.filter((r) => r.status === s).length;
  return { modelled: n('modelled'), partly: n('partly'), outOfScope: n('out-of-scope'), total: rows.length };
}

/**
 * The package's own inputs: every clause, the coverage file, every system rule and baseline
 * parameter. The one place this module reads the rule registry; the checks and tables take
 * their inputs as arguments, so tests and reports can pass their own.
 */
export function baselineCoverageInput(): ClauseCoverageInput {
  return { clauses: clauses(), sections: sections(), coverage: coverage(), rules: systemRules, leaves: baselineParameters().leaves(), programs: PROGRAMS };
}

// ── The parameter table ───────────────────────────────────────────────────────

export type SourceKind = 'clause' | 'source' | 'assumption';

/** One parameter with the value in force on a date and where that value comes from. */
export interface ParameterProvenanceRow {
  path: string;
  label: { zh: string; en: string };
  description: string;
  unit: string;
  /** Clause the parameter serves, or null (the demo). */
  clause: string | null;
  breakdown: Dimension[];
  /** Scalar value on the date (booleans for yes/no leaves); null for broken-down leaves and before the first value. */
  value: number | boolean | null;
  /** Cell values on the date, keyed like `220100.urban`; null for scalars and before the first value. */
  cells: Record<string, number | boolean> | null;
  brackets: Bracket[] | null;
  /** Date the value in force took effect; null when the date is before every value. */
  since: string | null;
  /** Date of the leaf's first value. */
  firstDate: string;
  /** Kind of the reference of the value in force (before the first value: of the first value). */
  kind: SourceKind;
  reference: Reference;
  referenceText: string;
}

export interface ParameterCounts { clause: number; source: number; assumption: number; notInForce: number; total: number }

/** The document `jiuzhu params --json` prints. */
export interface ParameterProvenanceDocument {
  date: string;
  parameters: ParameterProvenanceRow[];
  counts: ParameterCounts;
}

/** Every leaf with its value on `date` (YYYY-MM-DD) and the kind and text of its source. */
export function parameterProvenance(leaves: readonly ParameterLeaf[], date: string): ParameterProvenanceDocument {
  const parameters = leaves.map((leaf) => provenanceRow(leaf, date));
  const n = (k: SourceKind): number => parameters.filter((p) => p.kind === k).length;
  return { date, parameters, counts: { clause: n('clause'), source: n('source'), assumption: n('assumption'), notInForce: parameters.filter((p) => p.since === null).length, total: parameters.length } };
}

function provenanceRow(leaf: ParameterLeaf, date: string): ParameterProvenanceRow {
  const first = leaf.values[0];
  if (!first) throw new JiuzhuError('NO_VALUES', `parameter '${leaf.path}' has no values`, { kind: 'internal', location: { file: leaf.file, key: leaf.path } });
  const entry = entryOn(leaf, date);
  const shown = entry ?? first;
  const bool = leaf.kind === 'bool';
  return {
    path: leaf.path, label: leaf.label, description: leaf.description, unit: leaf.unit, clause: leaf.clause ?? null, breakdown: [...leaf.breakdown],
    value: entry?.value === undefined ? null : bool ? entry.value !== 0 : entry.value,
    cells: entry?.cells ? readableCells(entry.cells, bool) : null,
    brackets: entry?.brackets ? [...entry.brackets] : null,
    since: entry?.date ?? null, firstDate: first.date,
    kind: referenceKind(shown.reference), reference: shown.reference, referenceText: referenceText(shown.reference),
  };
}

/** Cells keyed `220100.urban` instead of the tree's internal `220100|urban`. */
function readableCells(cells: Readonly<Record<string, number>>, bool: boolean): Record<string, number | boolean> {
  return Object.fromEntries(Object.entries(cells).map(([k, v]) => [k.replaceAll('|', '.'), bool ? v !== 0 : v]));
}

/**
 * A row's value as compact text: `158`, `true`, `220100.urban=158 220100.rural=76 …`,
 * `0→0.1 1000→0.2`, or `—` before the first value. `maxCells` cuts long breakdowns.
 */
export function parameterValueText(row: Pick<ParameterProvenanceRow, 'value' | 'cells' | 'brackets' | 'since'>, maxCells = Infinity): string {
  if (row.since === null) return '—';
  if (row.value !== null) return String(row.value);
  if (row.brackets) return row.brackets.map((b) => `${b.above}→${b.value}`).join(' ');
  const cells = Object.entries(row.cells ?? {});
  const shown = cells.slice(0, maxCells).map(([k, v]) => `${k}=${v}`).join(' ');
  return cells.length > maxCells ? `${shown} … (${cells.length} cells)` : shown;
}
