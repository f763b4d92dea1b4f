/**
 * Loads a scenario file and its `extends` chain. Every problem names the file, the line and
 * the key; unknown parameter paths are caught here, before anything runs.
 */
import { parameterPathHint } from '../../text/suggest.js';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { JiuzhuError, throwMany, type ErrorLocation } from '../../engine/errors.js';
import type { Override } from '../../engine/parameters/tree.js';
import { monthFromIndex, monthIndex } from '../../engine/period.js';
import type { ParameterTree } from '../../engine/parameters/tree.js';
import { parseYamlSource, yamlToJs, type YamlSource } from '../../engine/yaml-source.js';
import { baselineParameters } from '../../policy/parameters.js';
import { outOfRange } from '../../engine/parameters/ranges.js';
import { readBoundedText } from '../../engine/input-file.js';
import { MAX_EXTENDS_DEPTH, MAX_OVERRIDES, MAX_SCENARIO_BYTES } from '../../engine/limits.js';
import { ScenarioSchema, type ImplementationValue, type ScenarioFile } from './schema.js';
import { DIBAO_TAKE_UP, implementationLeaves } from '../../policy/implementation.js';
import { clauseIds } from '../../policy/clauses.js';
import { isNamedBaseline, type NamedBaseline } from './baselines.js';

/** A scenario with its chain applied. */
export interface Scenario {
  name: string;
  description: { zh: string; en: string };
  /** Files of the chain, the scenario itself last. */
  files: string[];
  /** Dataset as written, and the folder it is relative to. */
  dataset?: { ref: string; baseDir: string };
  period?: { from: string; to: string };
  seed?: number;
  overrides: Override[];
  behaviour: NonNullable<ScenarioFile['behaviour']>;
  /** The named baseline the chain starts from (baselines.ts), if it does. */
  baseline?: NamedBaseline;
  /** Coverage or take-up per program, merged over the chain (src/policy/implementation.ts). */
  implementation: NonNullable<ScenarioFile['implementation']>;
  shocks: NonNullable<ScenarioFile['shocks']>;
  inputs: NonNullable<ScenarioFile['inputs']>;
  outputs: NonNullable<ScenarioFile['outputs']>;
  /** sha256 of the resolved scenario (chain merged, file paths left out). */
  sha256: string;
}

/** Parses and validates one file, without following `extends`. */
export function parseScenarioText(text: string, file: string): ScenarioFile {
  return parseScenarioSource(text, file).data;
}

/**
 * One file parsed and validated, with its parsed source: loadScenario finds the lines of
 * overrides, `extends` and implementation entries in it, rather than parsing the YAML again.
 */
function parseScenarioSource(text: string, file: string): { data: ScenarioFile; src: YamlSource } {
  const src = parseYamlSource(text, file);
  const raw = yamlToJs(src);
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new JiuzhuError('BAD_SCENARIO', 'a scenario file is a mapping with at least name and description', { location: { file, line: 1 } });
  }
  const parsed = ScenarioSchema.safeParse(raw);
  if (parsed.success) return { data: parsed.data, src };
  const problems = parsed.error.issues.flatMap((issue) => {
    const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((k) => ({
        message: `unknown key '${k}'${path.length ? ` in '${path.join('.')}'` : ''}`,
        location: { file, line: src.lineAt([...path, k]), key: [...path, k].join('.') } as ErrorLocation,
      }));
    }
    const key = path.join('.') || undefined;
    const missing = issue.code === 'invalid_type' && /received undefined/.test(issue.message);
    // The location names the key already: the message says only what is wrong with it.
    return [{ message: missing ? `missing required key '${key}'` : issue.message, location: { file, line: src.lineAt(path), key } as ErrorLocation }];
  });
  problems.sort((a, b) => (a.location.line ?? 0) - (b.location.line ?? 0));
  throwMany('BAD_SCENARIO', problems, 'see schemas/scenario.schema.json for the keys a scenario may have');
}

/** A file of a scenario's `extends` chain: its path, its data and its parsed source (for lines). */
interface ChainFile { file: string; data: ScenarioFile; src: YamlSource }

/** Loads a scenario and its chain, checks override paths against the parameters. */
export function loadScenario(file: string, parameters: ParameterTree = baselineParameters()): Scenario {
  const chain: ChainFile[] = [];
  const seen = new Set<string>();
  let current: string | undefined = resolve(file);
  while (current) {
    const from = chain[chain.length - 1];
    // The `extends` line of the file that leads here: where a cycle or a missing file is reported.
    const extendsAt = (f: ChainFile): ErrorLocation => ({ file: f.file, line: f.src.lineAt(['extends']), key: 'extends' });
    if (seen.has(current)) throw new JiuzhuError('EXTENDS_CYCLE', `scenario 'extends' chain loops back to ${current}`, { location: from ? extendsAt(from) : { file: current, key: 'extends' } });
    seen.add(current);
    if (!existsSync(current)) {
      throw new JiuzhuError('FILE_NOT_FOUND', `scenario file not found: ${current}`, {
        location: from ? extendsAt(from) : { file: current },
        ...(from ? { hint: `a relative 'extends' path is read from the folder of the scenario that names it (${dirname(from.file)})` } : {}),
      });
    }
    if (chain.length >= MAX_EXTENDS_DEPTH) {
      throw new JiuzhuError('TOO_DEEP', `an 'extends' chain has at most ${MAX_EXTENDS_DEPTH} files (extends depth)`, { location: { file: chain[chain.length - 1]!.file, key: 'extends' } });
    }
    const text = readScenarioFile(current, chain[chain.length - 1]?.file);
    const { data, src } = parseScenarioSource(text, current);
    const count = chain.reduce((n, c) => n + (c.data.overrides?.length ?? 0), data.overrides?.length ?? 0);
    if (count > MAX_OVERRIDES) {
      throw new JiuzhuError('TOO_MANY_OVERRIDES', `a scenario has at most ${MAX_OVERRIDES.toLocaleString('en-US')} overrides (its extends chain included); this one has ${count.toLocaleString('en-US')}`, {
        location: { file: current, key: 'overrides' }, hint: 'see the Limits table in docs/reliability.md',
      });
    }
    chain.push({ file: current, data, src });
    current = data.extends ? (isAbsolute(data.extends) ? data.extends : resolve(dirname(current), data.extends)) : undefined;
  }
  chain.reverse(); // base first
  const me = chain[chain.length - 1]!;
  const overrides: Override[] = [];
  for (const { file: f, data, src } of chain) {
    (data.overrides ?? []).forEach((o, i) => {
      const origin = { file: f, line: src.lineAt(['overrides', i, 'path']), key: o.path, scenario: data.name };
      if (!parameters.exists(o.path)) {
        throw new JiuzhuError('UNKNOWN_PARAMETER', `unknown parameter path '${o.path}'`, {
          location: { file: f, line: origin.line, key: o.path },
          hint: parameterPathHint(o.path, parameters.paths()),
        });
      }
      overrides.push({ ...o, origin } as Override);
    });
  }
  const lastWith = <K extends keyof ScenarioFile>(k: K): { value: NonNullable<ScenarioFile[K]>; file: string } | undefined => {
    for (let i = chain.length - 1; i >= 0; i--) {
      const v = chain[i]!.data[k];
      if (v !== undefined) return { value: v as NonNullable<ScenarioFile[K]>, file: chain[i]!.file };
    }
    return undefined;
  };
  // Each file's part is valid against its schema; merging them key by key keeps the shape.
  const merged = <K extends 'behaviour' | 'implementation' | 'shocks' | 'inputs' | 'outputs'>(k: K): NonNullable<ScenarioFile[K]> =>
    chain.reduce<Record<string, unknown>>((acc, c) => deepMerge(acc, (c.data[k] ?? {}) as Record<string, unknown>), {}) as NonNullable<ScenarioFile[K]>;
  const behaviour = merged('behaviour');
  const implementation = merged('implementation');
  overrides.unshift(...behaviourOverrides(behaviour, me.file, me.data.name), ...implementationOverrides(implementation, chain, parameters, me.data.name));
  overrides.push(...shockOverrides(merged('shocks'), me.file, me.data.name));
  checkOverrides(parameters, overrides);
  const ds = lastWith('dataset');
  const scenario: Omit<Scenario, 'sha256'> = {
    name: me.data.name,
    description: me.data.description,
    files: chain.map((c) => c.file),
    ...(isNamedBaseline(chain[0]!.data.name) ? { baseline: chain[0]!.data.name as NamedBaseline } : {}),
    dataset: ds ? { ref: ds.value, baseDir: dirname(ds.file) } : undefined,
    period: lastWith('period')?.value,
    seed: lastWith('seed')?.value,
    overrides,
    behaviour,
    implementation,
    shocks: merged('shocks'),
    inputs: merged('inputs'),
    outputs: merged('outputs'),
  };
  return { ...scenario, sha256: scenarioHash(scenario) };
}

/**
 * A scenario file's text: a regular file of at most MAX_SCENARIO_BYTES (a folder, a device, a
 * FIFO or an unreadable file is bad input naming it, and the file that extends it).
 */
function readScenarioFile(file: string, extendedFrom: string | undefined): string {
  const what = extendedFrom ? `scenario file (extended by ${extendedFrom})` : 'scenario file';
  return readBoundedText(file, { maxBytes: MAX_SCENARIO_BYTES, what, limitName: 'scenario file size' });
}

/**
 * Applies the overrides once, here, so a bad one is reported at its line before any data is
 * loaded: the errors withOverrides raises (a wrong kind, an unknown cell), and a value no run can
 * use — one outside its unit's range (a probability set to 2, `add: 1e300` yuan; see
 * engine/parameters/ranges.ts), or negative where the parameter never is. One pass, so the
 * cost grows with the number of overrides, not its square.
 */
function checkOverrides(parameters: ParameterTree, overrides: readonly Override[]): void {
  const values = (leaf: ReturnType<ParameterTree['leaves']>[number]): number[] => leaf.values.flatMap((v) => (v.value !== undefined ? [v.value] : v.cells ? Object.values(v.cells) : []));
  parameters.withOverrides(overrides, (o, changed) => {
    for (const leaf of changed) {
      const signed = parameters.has(leaf.path) && values(parameters.leaf(leaf.path)).some((x) => x < 0);
      let why: string | undefined;
      for (const x of values(leaf)) {
        why = outOfRange(leaf.unit, x) ?? (x < 0 && !signed ? `${x}; it is never negative` : undefined);
        if (why) break;
      }
      if (why === undefined) continue;
      throw new JiuzhuError('BAD_OVERRIDE', `this override makes '${leaf.path}' ${why}`, {
        location: { file: o.origin?.file, line: o.origin?.line, key: o.origin?.key ?? o.path },
        hint: 'see the Limits table in docs/reliability.md for the range of every unit',
      });
    }
  });
}

/**
 * `behaviour` is data about implementation; it acts through the implementation parameters
 * (dibao.implementation.*), so explain shows each value with the scenario's assumption.
 */
function behaviourOverrides(b: Record<string, unknown>, file: string, name: string): Override[] {
  const out: Override[] = [];
  const origin = (key: string, assumption: unknown) => ({
    file, key: `behaviour.${key}`, scenario: `${name} behaviour.${key} (assumption: ${String(assumption)})`,
    by: `${name} behaviour.${key}`, basis: { kind: 'assumption' as const, text: String(assumption) },
  });
  const takeUp = b.takeUp as { rate: number; byArea?: { urban?: number; rural?: number }; assumption: string } | undefined;
  if (takeUp) {
    out.push({ path: 'dibao.implementation.take_up', set: takeUp.rate, origin: origin('takeUp', takeUp.assumption) });
    for (const area of ['urban', 'rural'] as const) {
      const r = takeUp.byArea?.[area];
      if (r !== undefined) out.push({ path: 'dibao.implementation.take_up', set: r, where: { area }, origin: origin(`takeUp.byArea.${area}`, takeUp.assumption) });
    }
  }
  const obs = b.observationError as { sigma: number; assumption: string } | undefined;
  if (obs) out.push({ path: 'dibao.implementation.observation_error', set: obs.sigma, origin: origin('observationError', obs.assumption) });
  const rat = b.rationing as { quotaShare: number; assumption: string } | undefined;
  if (rat) out.push({ path: 'dibao.implementation.quota_share', set: rat.quotaShare, origin: origin('rationing', rat.assumption) });
  return out;
}

/**
 * `implementation` acts through the programs' coverage and take-up parameters: each entry sets
 * its leaf (0 before `from` when given, the value after), by area where asked, with its
 * reference as the origin explain shows. The leaf must be an implementation parameter of the
 * tree; the error names the file and line of the last file in the chain that gives the entry.
 */
function implementationOverrides(block: Record<string, Record<string, ImplementationValue>>, chain: readonly ChainFile[], parameters: ParameterTree, name: string): Override[] {
  const known = implementationLeaves(parameters);
  const where = (branch: string, key: string): { file: string; line?: number } => {
    for (let i = chain.length - 1; i >= 0; i--) {
      const c = chain[i]!;
      if (c.data.implementation?.[branch]?.[key] !== undefined) return { file: c.file, line: c.src.lineAt(['implementation', branch, key]) };
    }
    return { file: chain[chain.length - 1]!.file };
  };
  return Object.entries(block).flatMap(([branch, entries]) => Object.entries(entries).flatMap(([key, v]): Override[] => {
    const path = `${branch}.${key}`;
    const at = where(branch, key);
    if (!known.some((l) => l.path === path) || path === DIBAO_TAKE_UP) {
      const choices = known.filter((l) => l.path !== DIBAO_TAKE_UP).map((l) => `${l.branch}: ${l.key}`);
      throw new JiuzhuError('UNKNOWN_IMPLEMENTATION', `'${branch}: ${key}' is not a coverage or take-up parameter a scenario's implementation block sets`, {
        location: { ...at, key: `implementation.${branch}.${key}` },
        hint: path === DIBAO_TAKE_UP ? "dibao's own take-up is behaviour.takeUp" : `one of ${choices.join(', ')}`,
      });
    }
    if (v.clause !== undefined && !clauseIds().has(v.clause)) {
      throw new JiuzhuError('UNKNOWN_CLAUSE', `'${v.clause}' is not a clause id of 吉政发〔2006〕48号`, { location: { ...at, key: `implementation.${branch}.${key}.clause` }, hint: 'clause ids are <section>.<paragraph>, e.g. 八.2 (jiuzhu clauses lists them)' });
    }
    const reference = v.clause !== undefined ? `clause ${v.clause}` : v.source !== undefined ? `source: ${v.source}` : `assumption: ${v.assumption}`;
    const basis = v.clause !== undefined ? { kind: 'clause' as const, text: v.clause } : v.source !== undefined ? { kind: 'source' as const, text: v.source } : { kind: 'assumption' as const, text: String(v.assumption) };
    const origin = { ...at, key: `implementation.${branch}.${key}`, scenario: `${name} implementation.${branch}.${key} (${reference})`, by: `${name} implementation.${branch}.${key}`, basis };
    const after = (from?: string): Override[] => [
      { path, set: v.value, ...(from ? { from } : {}), origin },
      ...(['urban', 'rural'] as const).flatMap((area) => (v.byArea?.[area] !== undefined ? [{ path, set: v.byArea[area]!, ...(from ? { from } : {}), where: { area }, origin }] : [])),
    ];
    return v.from ? [{ path, set: 0, until: v.from, origin }, ...after(v.from)] : after();
  }));
}

/**
 * `shocks.disaster` acts through the disaster.shock.* parameters, set by prefecture for the
 * month each disaster strikes, so rules read them like any parameter and explain cites the scenario.
 */
export function shockOverrides(shocks: Record<string, unknown>, file: string, name: string): Override[] {
  const list = (shocks.disaster ?? []) as { month: string; name?: string; byPrefecture: Record<string, { affectedShare: number; housesDestroyed: number }> }[];
  const seen = new Set<string>();
  return list.flatMap((d, i) => {
    if (seen.has(d.month)) throw new JiuzhuError('DUPLICATE_SHOCK', `two disasters strike in ${d.month}; give one entry per month, with every prefecture it hits`, { location: { file, key: `shocks.disaster[${i}].month` } });
    seen.add(d.month);
    const from = `${d.month}-01`;
    const until = `${monthFromIndex(monthIndex(d.month) + 1)}-01`;
    const origin = { file, key: `shocks.disaster[${i}]`, scenario: `${name} shocks.disaster[${i}]${d.name ? ` (${d.name})` : ''}` };
    return Object.entries(d.byPrefecture).flatMap(([code, v]) => [
      { path: 'disaster.shock.affected_share', set: v.affectedShare, from, until, where: { prefecture: Number(code) }, origin },
      { path: 'disaster.shock.houses_destroyed', set: v.housesDestroyed, from, until, where: { prefecture: Number(code) }, origin },
    ]);
  });
}

function deepMerge(a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...a };
  for (const [k, v] of Object.entries(b)) {
    const prev = out[k];
    out[k] = isPlain(prev) && isPlain(v) ? deepMerge(prev, v) : v;
  }
  return out;
}
const isPlain = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Canonical JSON (sorted keys) so equal scenarios hash equal. */
export function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (isPlain(v)) return `{${Object.keys(v).sort().filter((k) => v[k] !== undefined).map((k) => `${JSON.stringify(k)}:${canonicalJson(v[k])}`).join(',')}}`;
  return JSON.stringify(v);
}

function scenarioHash(s: Omit<Scenario, 'sha256'>): string {
  const { files: _files, dataset, overrides, ...rest } = s;
  const content = { ...rest, dataset: dataset?.ref, overrides: overrides.map(({ origin: _o, ...o }) => o) };
  return createHash('sha256').update(canonicalJson(content)).digest('hex');
}
