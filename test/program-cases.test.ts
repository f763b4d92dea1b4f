/**
 * Program cases: declarative YAML cases of a whole program's figures, for what no single
 * household shows — computed components (facilities), funds raised (charity), disasters striking a
 * prefecture, the province-level accounts. Every test/program-cases/*.yaml file is a YAML list:
 *
 *   name       string, unique in its file
 *   program    program id (src/programs/index.ts)
 *   period     {from: 'YYYY-MM', to: 'YYYY-MM'}
 *   overrides  optional scenario-style parameter overrides (events.enabled is false unless set)
 *   inputs     optional scenario `inputs` (validated by the scenario schema)
 *   shocks     optional scenario `shocks` (validated, turned into overrides as a scenario's are)
 *   households optional list of {household: {columns…, weight?}, persons: [{columns…}]};
 *              default one urban Changchun household of one adult aged 40, weight 1
 *   expect     a partial programs.<id> (cost, costByPayer, components, recipients, households,
 *              need/funds/gap/balance, accounts, byArea, byPrefecture, byYear): numbers to the fen,
 *              null where the program has no recipients; and optionally `checks: {id: passed}` — the
 *              province row of the check's first reading; `id:reading` names another reading, and a
 *              status string (complies, does-not-comply, not-applicable) may stand for `passed`
 *
 * The runner is the real pipeline: accumulateScenario (the month loop) and scenarioResult.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Override } from '../src/engine/parameters/tree.js';
import { baselineParameters } from '../src/policy/parameters.js';
import { PROGRAMS } from '../src/programs/index.js';
import { shockOverrides } from '../src/scenarios/input/load.js';
import { accumulateScenario, scenarioResult } from '../src/scenarios/execution/run.js';
import { InputsSchema, OverrideSchema, ShocksSchema } from '../src/scenarios/input/schema.js';
import { casePopulation, type HouseholdSpec } from './case-population.js';
import { ROOT } from './helpers.js';

const DIR = join(ROOT, 'test/program-cases');
const KEYS = new Set(['name', 'program', 'period', 'overrides', 'inputs', 'shocks', 'households', 'expect']);

export interface ProgramCase {
  name: string;
  program: string;
  period: { from: string; to: string };
  overrides: Override[];
  inputs: Record<string, unknown>;
  shocks: Record<string, unknown>;
  households: HouseholdSpec[];
  expect: Record<string, unknown>;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Checks a raw case; throws naming the file, the case and every problem. */
function validate(raw: unknown, file: string, index: number): ProgramCase {
  const where = `${file}: case ${isObj(raw) && typeof raw.name === 'string' ? `"${raw.name}"` : `#${index + 1}`}`;
  if (!isObj(raw)) throw new Error(`${where}: a case must be a mapping`);
  const problems: string[] = [];
  for (const k of Object.keys(raw)) if (!KEYS.has(k)) problems.push(`unknown key '${k}' (known: ${[...KEYS].join(', ')})`);
  if (typeof raw.name !== 'string') problems.push("'name' must be a string");
  if (!PROGRAMS.some((p) => p.id === raw.program)) problems.push(`'program' must be one of ${PROGRAMS.map((p) => p.id).join(', ')}`);
  const period = raw.period;
  if (!isObj(period) || typeof period.from !== 'string' || typeof period.to !== 'string') problems.push("'period' must be {from: 'YYYY-MM', to: 'YYYY-MM'}");
  const overrides = (raw.overrides ?? []) as unknown[];
  if (!Array.isArray(overrides)) problems.push("'overrides' must be a list");
  else overrides.forEach((o, i) => { const r = OverrideSchema.safeParse(o); if (!r.success) problems.push(`overrides[${i}]: ${r.error.issues.map((x) => x.message).join('; ')}`); });
  const inputs = InputsSchema.safeParse(raw.inputs);
  if (!inputs.success) problems.push(`inputs: ${inputs.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}`);
  const shocks = ShocksSchema.safeParse(raw.shocks);
  if (!shocks.success) problems.push(`shocks: ${shocks.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}`);
  const households = (raw.households ?? [{ household: { prefecture: 220100, urban: 1 }, persons: [{ age: 40 }] }]) as HouseholdSpec[];
  if (!Array.isArray(households) || households.some((h) => !isObj(h) || !isObj(h.household) || !Array.isArray(h.persons) || h.persons.length === 0)) problems.push("'households' must be a list of {household, persons: [...]} with at least one person each");
  if (!isObj(raw.expect)) problems.push("'expect' must be a mapping");
  if (problems.length) throw new Error(`${where}:\n  ${problems.join('\n  ')}`);
  return {
    name: raw.name as string, program: raw.program as string, period: period as ProgramCase['period'],
    overrides: overrides as Override[], inputs: (inputs.data ?? {}) as Record<string, unknown>, shocks: (shocks.data ?? {}) as Record<string, unknown>,
    households, expect: raw.expect as Record<string, unknown>,
  };
}

/** Every key of `expected` matches `actual`: numbers to the fen, nested mappings recursively. */
function matchPartial(actual: unknown, expected: unknown, path: string): string[] {
  if (isObj(expected)) {
    if (!isObj(actual)) return [`${path}: expected a mapping, got ${JSON.stringify(actual)}`];
    return Object.entries(expected).flatMap(([k, v]) => (k in actual ? matchPartial(actual[k], v, `${path}.${k}`) : [`${path}.${k}: missing (has ${Object.keys(actual).join(', ')})`]));
  }
  if (typeof expected === 'number') return typeof actual === 'number' && Math.abs(actual - expected) < 0.005 ? [] : [`${path}: expected ${expected}, got ${JSON.stringify(actual)}`];
  return actual === expected ? [] : [`${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`];
}

/** Runs a case through the real pipeline and returns the mismatches. */
export function runProgramCase(c: ProgramCase, source: string): string[] {
  const pop = casePopulation(c.households, source);
  const overrides: Override[] = [{ path: 'events.enabled', set: false }, ...shockOverrides(c.shocks, source, c.name), ...c.overrides];
  const tree = baselineParameters().withOverrides(overrides);
  const result = scenarioResult(c.name, accumulateScenario(pop, tree, c.period, 1), tree, c.inputs);
  const { checks, ...expected } = c.expect as { checks?: Record<string, boolean | string> } & Record<string, unknown>;
  const problems = matchPartial(result.programs[c.program], expected, `programs.${c.program}`);
  for (const [key, want] of Object.entries(checks ?? {})) {
    const [id, reading] = key.split(':');
    const found = result.checks.find((x) => x.id === id && x.scope.kind === 'province' && (reading === undefined || x.reading.id === reading));
    if (!found) problems.push(`checks.${key}: no such check (has ${result.checks.map((x) => `${x.id}:${x.reading.id}`).join(', ')})`);
    else if (typeof want === 'boolean' ? found.passed !== want : found.status !== want) problems.push(`checks.${key}: expected ${typeof want === 'boolean' ? `passed = ${want}` : want}, got ${found.status} (${found.detail})`);
  }
  return problems;
}

/** Every .yaml file of the folder, sorted. */
const caseFiles = (dir: string): string[] => readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort().map((f) => join(dir, f));

/** Every case file and its raw cases. */
export function loadProgramCases(): { file: string; cases: unknown[] }[] {
  return caseFiles(DIR).map((path) => {
    const file = relative(DIR, path);
    const doc: unknown = parse(readFileSync(path, 'utf8'));
    if (!Array.isArray(doc)) throw new Error(`${file}: a program-case file must be a YAML list of cases`);
    return { file, cases: doc };
  });
}

describe('program cases', () => {
  const files = loadProgramCases();
  for (const { file, cases } of files) {
    const seen = new Set<string>();
    cases.forEach((raw, i) => {
      const name = isObj(raw) && typeof raw.name === 'string' ? raw.name : `case #${i + 1}`;
      const duplicate = seen.has(name);
      seen.add(name);
      it(`${file}: ${name}`, () => {
        if (duplicate) throw new Error(`${file}: duplicate case name "${name}"`);
        expect(runProgramCase(validate(raw, file, i), file)).toEqual([]);
      });
    });
  }
  it('the runner can fail: a wrong expected cost is reported with its path', () => {
    const c = validate({ name: 'x', program: 'dibao', period: { from: '2006-01', to: '2006-01' }, expect: { cost: 1 } }, 'inline', 0);
    // The default household, one urban Changchun adult with no income: gap = 158 (2006 standard) − 0 = 158 in one month (§二.1).
    expect(runProgramCase(c, 'inline')).toEqual(['programs.dibao.cost: expected 1, got 158']);
    const right = validate({ name: 'y', program: 'dibao', period: { from: '2006-01', to: '2006-01' }, expect: { cost: 158, costByPayer: { budget: 158 }, recipients: 1, households: 1 } }, 'inline', 0);
    expect(runProgramCase(right, 'inline')).toEqual([]);
  });
  it('an unknown key is refused, naming the file and case', () => {
    expect(() => validate({ name: 'x', program: 'dibao', period: { from: '2006-01', to: '2006-01' }, expect: {}, nope: 1 }, 'f.yaml', 0)).toThrow(/f\.yaml: case "x":\n {2}unknown key 'nope'/);
  });
});
