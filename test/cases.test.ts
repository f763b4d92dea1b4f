/**
 * Declarative household cases: every test/cases/**\/*.yaml file is a YAML list of one-household
 * cases (OpenFisca-style). Each case becomes one vitest `it`, named `<file>: <case name>`.
 *
 * Case keys:
 *   name       string, unique in its file
 *   month      'YYYY-MM'
 *   household  household columns (prefecture and urban are required; the rest default per
 *              src/data/schema.ts; the id is assigned here)
 *   persons    non-empty list of person columns (age required; the rest default per schema;
 *              ids and household are assigned here, persons keep the order given)
 *   overrides  optional list of scenario-style parameter overrides
 *   expect     rule id → expected value: a number for household rules, a list (one per person,
 *              in the order given) for person rules
 *   skip       optional string: the reason the case is skipped (e.g. "engine bug: …")
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { allocColumn, dtypeRange, isIntegerDtype, type Column } from '../src/engine/column.js';
import type { Override } from '../src/engine/parameters/tree.js';
import { createPopulation, type Population } from '../src/engine/population.js';
import { Simulation } from '../src/engine/simulation.js';
import { HOUSEHOLD_COLUMNS, PERSON_COLUMNS, type ColumnSpec } from '../src/data/schema.js';
import { baselineParameters } from '../src/policy/parameters.js';
import { systemRules } from '../src/scenarios/system.js';

const CASES_DIR = join(dirname(fileURLToPath(import.meta.url)), 'cases');
const TOLERANCE = 1e-9;

type Row = Record<string, number>;

export interface HouseholdCase {
  name: string;
  month: string;
  household: Row;
  persons: Row[];
  overrides: Override[];
  expect: Record<string, number | number[]>;
  skip?: string;
}

const CASE_KEYS = new Set(['name', 'month', 'household', 'persons', 'overrides', 'expect', 'skip']);
const OVERRIDE_KEYS = new Set(['path', 'set', 'scale', 'add', 'from', 'until', 'where']);
const WHERE_KEYS = new Set(['prefecture', 'area', 'category']);
/** Ids and membership are assigned by the runner, never written in a case. */
const ASSIGNED = { household: new Set(['id']), person: new Set(['id', 'household']) };
const RULES = new Map(systemRules.map((r) => [r.id, r]));

/** Every .yaml file under a directory, sorted, recursively. */
export function findCaseFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...findCaseFiles(p));
    else if (name.endsWith('.yaml') || name.endsWith('.yml')) out.push(p);
  }
  return out;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** Checks one row of columns against the schema; returns the problems found. */
function checkRow(row: unknown, specs: readonly ColumnSpec[], assigned: Set<string>, what: string): string[] {
  if (!isObj(row)) return [`${what} must be a mapping of column → number`];
  const problems: string[] = [];
  const byName = new Map(specs.map((s) => [s.name, s]));
  for (const [k, v] of Object.entries(row)) {
    const spec = byName.get(k);
    if (!spec) { problems.push(`${what}: unknown column '${k}' (known: ${specs.map((s) => s.name).filter((n) => !assigned.has(n)).join(', ')})`); continue; }
    if (assigned.has(k)) { problems.push(`${what}: '${k}' is assigned by the runner; do not write it`); continue; }
    if (!isNum(v)) { problems.push(`${what}: '${k}' must be a finite number, got ${JSON.stringify(v)}`); continue; }
    const [lo, hi] = dtypeRange(spec.dtype);
    if (v < lo || v > hi || (isIntegerDtype(spec.dtype) && !Number.isInteger(v))) problems.push(`${what}: '${k}' = ${v} does not fit dtype ${spec.dtype}`);
    if (spec.codes && !spec.codes.includes(v)) problems.push(`${what}: '${k}' = ${v} is not one of the codes ${spec.codes.join(', ')}`);
    if (spec.min !== undefined && v < spec.min) problems.push(`${what}: '${k}' = ${v} is below the minimum ${spec.min}`);
    if (spec.max !== undefined && v > spec.max) problems.push(`${what}: '${k}' = ${v} is above the maximum ${spec.max}`);
  }
  for (const s of specs) {
    if (s.required && s.default === undefined && !assigned.has(s.name) && !(s.name in row)) problems.push(`${what}: required column '${s.name}' is missing (it has no default)`);
  }
  return problems;
}

function checkOverride(o: unknown, i: number): string[] {
  const what = `overrides[${i}]`;
  if (!isObj(o)) return [`${what} must be a mapping`];
  const problems: string[] = [];
  for (const k of Object.keys(o)) if (!OVERRIDE_KEYS.has(k)) problems.push(`${what}: unknown key '${k}' (known: ${[...OVERRIDE_KEYS].join(', ')})`);
  if (typeof o.path !== 'string') problems.push(`${what}: 'path' must be a string`);
  const ops = (['set', 'scale', 'add'] as const).filter((k) => o[k] !== undefined);
  if (ops.length !== 1) problems.push(`${what}: needs exactly one of set, scale, add`);
  if (o.set !== undefined && !isNum(o.set) && typeof o.set !== 'boolean') problems.push(`${what}: 'set' must be a number or true/false`);
  for (const k of ['scale', 'add'] as const) if (o[k] !== undefined && !isNum(o[k])) problems.push(`${what}: '${k}' must be a number`);
  for (const k of ['from', 'until'] as const) if (o[k] !== undefined && typeof o[k] !== 'string') problems.push(`${what}: '${k}' must be a 'YYYY-MM-DD' string`);
  if (o.where !== undefined) {
    if (!isObj(o.where)) problems.push(`${what}: 'where' must be a mapping`);
    else for (const k of Object.keys(o.where)) if (!WHERE_KEYS.has(k)) problems.push(`${what}.where: unknown key '${k}' (known: ${[...WHERE_KEYS].join(', ')})`);
  }
  return problems;
}

/**
 * Validates the shape of one parsed case. Throws an error naming the file and the case
 * (or its index when it has no usable name) and listing every problem found.
 */
export function validateCase(raw: unknown, file: string, index: number): HouseholdCase {
  const label = isObj(raw) && typeof raw.name === 'string' ? `case "${raw.name}"` : `case #${index + 1}`;
  const fail = (problems: string[]): never => {
    throw new Error(`${file}: ${label}: invalid case:\n  - ${problems.join('\n  - ')}`);
  };
  if (!isObj(raw)) return fail(['a case must be a mapping']);
  const problems: string[] = [];
  for (const k of Object.keys(raw)) if (!CASE_KEYS.has(k)) problems.push(`unknown key '${k}' (known: ${[...CASE_KEYS].join(', ')})`);
  if (typeof raw.name !== 'string' || raw.name.trim() === '') problems.push(`'name' must be a non-empty string`);
  if (typeof raw.month !== 'string' || !/^\d{4}-(0[1-9]|1[0-2])$/.test(raw.month)) problems.push(`'month' must be a 'YYYY-MM' string, got ${JSON.stringify(raw.month)}`);
  if (raw.skip !== undefined && (typeof raw.skip !== 'string' || raw.skip.trim() === '')) problems.push(`'skip' must be a non-empty string giving the reason`);
  problems.push(...checkRow(raw.household, HOUSEHOLD_COLUMNS, ASSIGNED.household, 'household'));
  let nPersons = 0;
  if (!Array.isArray(raw.persons) || raw.persons.length === 0) problems.push(`'persons' must be a non-empty list`);
  else {
    nPersons = raw.persons.length;
    raw.persons.forEach((p, i) => problems.push(...checkRow(p, PERSON_COLUMNS, ASSIGNED.person, `persons[${i}]`)));
  }
  if (raw.overrides !== undefined && raw.overrides !== null) {
    if (!Array.isArray(raw.overrides)) problems.push(`'overrides' must be a list`);
    else raw.overrides.forEach((o, i) => problems.push(...checkOverride(o, i)));
  }
  if (!isObj(raw.expect) || Object.keys(raw.expect).length === 0) problems.push(`'expect' must be a non-empty mapping of rule id → value`);
  else {
    for (const [id, v] of Object.entries(raw.expect)) {
      const rule = RULES.get(id);
      if (!rule) { problems.push(`expect: unknown rule '${id}'`); continue; }
      if (rule.entity === 'household' && !isNum(v)) problems.push(`expect.${id}: household rule, expected a number, got ${JSON.stringify(v)}`);
      if (rule.entity === 'person') {
        if (!Array.isArray(v) || !v.every(isNum)) problems.push(`expect.${id}: person rule, expected a list of numbers (one per person)`);
        else if (nPersons && v.length !== nPersons) problems.push(`expect.${id}: ${v.length} values for ${nPersons} persons`);
      }
    }
  }
  if (problems.length) fail(problems);
  return {
    name: raw.name as string,
    month: raw.month as string,
    household: raw.household as Row,
    persons: raw.persons as Row[],
    overrides: (raw.overrides ?? []) as Override[],
    expect: raw.expect as Record<string, number | number[]>,
    ...(raw.skip !== undefined ? { skip: raw.skip as string } : {}),
  };
}

/** A column of a schema dtype: the given values, or the schema default for every row. */
function buildColumn(spec: ColumnSpec, rows: readonly Row[]): Column {
  const col = allocColumn(spec.dtype, rows.length);
  rows.forEach((r, i) => {
    const v = r[spec.name] ?? spec.default;
    if (v === undefined) throw new Error(`column '${spec.name}' has no value and no default`);
    col[i] = v;
  });
  return col;
}

/** The one-household population of a case; every schema column is present. */
export function casePopulation(c: HouseholdCase, source: string): Population {
  const hhColumns: Record<string, Column> = {};
  for (const s of HOUSEHOLD_COLUMNS) if (!ASSIGNED.household.has(s.name) && s.name !== 'weight') hhColumns[s.name] = buildColumn(s, [c.household]);
  const personColumns: Record<string, Column> = {};
  for (const s of PERSON_COLUMNS) if (!ASSIGNED.person.has(s.name)) personColumns[s.name] = buildColumn(s, c.persons);
  const weightSpec = HOUSEHOLD_COLUMNS.find((s) => s.name === 'weight')!;
  return createPopulation({
    households: { id: [1], weight: buildColumn(weightSpec, [c.household]), columns: hhColumns },
    persons: { id: c.persons.map((_, i) => i + 1), household: c.persons.map(() => 1), columns: personColumns },
    source,
  });
}

function loadCases(): { file: string; cases: { raw: unknown; index: number }[] }[] {
  return findCaseFiles(CASES_DIR).map((path) => {
    const file = relative(CASES_DIR, path).split(sep).join('/');
    const doc: unknown = parse(readFileSync(path, 'utf8'));
    if (!Array.isArray(doc)) throw new Error(`${file}: a case file must be a YAML list of cases`);
    return { file, cases: doc.map((raw, index) => ({ raw, index })) };
  });
}

function runCase(c: HouseholdCase, file: string): void {
  const population = casePopulation(c, file);
  const parameters = baselineParameters().withOverrides(c.overrides.map((o) => ({ ...o, origin: { file, scenario: c.name } })));
  const sim = new Simulation({ population, parameters, rules: systemRules });
  const failures: string[] = [];
  for (const [id, want] of Object.entries(c.expect)) {
    const got = Array.from(sim.calculate(id, c.month));
    const wants = Array.isArray(want) ? want : [want];
    if (got.length !== wants.length) { failures.push(`${id}: got ${got.length} values, expected ${wants.length}`); continue; }
    wants.forEach((w, i) => {
      const g = got[i]!;
      const ok = Number.isInteger(w) && Number.isInteger(g) ? g === w : Math.abs(g - w) <= TOLERANCE;
      if (!ok) failures.push(`${id}${Array.isArray(want) ? `[${i}]` : ''}: got ${g}, expected ${w}`);
    });
  }
  expect(failures, `${file}: ${c.name}`).toEqual([]);
}

const files = loadCases();

describe('household cases', () => {
  it('finds the case files', () => {
    expect(files.length).toBeGreaterThan(0);
    expect(files.reduce((n, f) => n + f.cases.length, 0)).toBeGreaterThanOrEqual(24);
  });

  for (const { file, cases } of files) {
    const seen = new Set<string>();
    for (const { raw, index } of cases) {
      const rawName = isObj(raw) && typeof raw.name === 'string' ? raw.name : `case #${index + 1}`;
      const title = `${file}: ${rawName}`;
      const duplicate = seen.has(rawName);
      seen.add(rawName);
      const skip = isObj(raw) && typeof raw.skip === 'string' ? raw.skip : undefined;
      // A skipped case states its reason in the YAML (`skip: "engine bug: …"`).
      (skip ? it.skip : it)(title, () => {
        if (duplicate) throw new Error(`${file}: case "${rawName}": duplicate case name in this file`);
        runCase(validateCase(raw, file, index), file);
      });
    }
  }
});

describe('case validation', () => {
  const good = { name: 'ok', month: '2006-06', household: { prefecture: 220100, urban: 1 }, persons: [{ age: 40 }], expect: { dibao_eligible: 1 } };

  it('accepts a minimal case and fills defaults from the schema', () => {
    const c = validateCase(good, 'x.yaml', 0);
    const pop = casePopulation(c, 'x.yaml');
    expect(pop.household.single_parent).toBeInstanceOf(Uint8Array);
    expect(pop.household.prefecture).toBeInstanceOf(Int32Array);
    expect(pop.person.age).toBeInstanceOf(Int16Array);
    expect(pop.person.earnings).toBeInstanceOf(Float64Array);
    expect(Array.from(pop.person.role!)).toEqual([4]);
    expect(Array.from(pop.person.sex!)).toEqual([1]);
    expect(Array.from(pop.weight)).toEqual([1]);
  });

  it.each([
    [{ ...good, expected: {} }, /x\.yaml: case "ok".*unknown key 'expected'/s],
    [{ ...good, persons: [{ age: 40, income: 3 }] }, /x\.yaml: case "ok".*unknown column 'income'/s],
    [{ ...good, household: { prefecture: 220100, urban: 1, id: 7 } }, /x\.yaml: case "ok".*'id' is assigned by the runner/s],
    [{ ...good, household: { urban: 1 } }, /x\.yaml: case "ok".*required column 'prefecture'/s],
    [{ ...good, persons: [{}] }, /x\.yaml: case "ok".*required column 'age'/s],
    [{ ...good, persons: [{ age: 40, disability: 3 }] }, /not one of the codes/],
    [{ ...good, expect: { no_such_rule: 1 } }, /unknown rule 'no_such_rule'/],
    [{ ...good, expect: { counted_income: 1 } }, /person rule, expected a list/],
    [{ ...good, expect: { counted_income: [1, 2] } }, /2 values for 1 persons/],
    [{ ...good, overrides: [{ path: 'dibao.standard', scale: 1.1, when: 'x' }] }, /unknown key 'when'/],
    [{ ...good, month: '2006-6' }, /'month' must be a 'YYYY-MM' string/],
    [{ ...good, name: undefined }, /x\.yaml: case #1.*'name' must be a non-empty string/s],
  ])('rejects a malformed case (%#)', (raw, message) => {
    expect(() => validateCase(raw, 'x.yaml', 0)).toThrow(message);
  });
});
