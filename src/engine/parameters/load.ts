/**
 * Loads parameter YAML files into leaves. A mapping with a `values` key is a leaf; any other
 * mapping is a branch (it may carry a `description`). Every rejection names file, line and key.
 */
import { readBoundedText } from '../input-file.js';
import { MAX_YAML_BYTES } from '../limits.js';
import { JiuzhuError } from '../errors.js';
import { isIsoDate } from '../period.js';
import { PREFECTURE_CODES } from '../locality.js';
import { parseYamlSource, yamlToJs, type YamlSource } from '../yaml-source.js';
import { allCellKeys, dimensionDomain } from './cells.js';
import { outOfRange } from './ranges.js';
import { DIMENSIONS, UNITS, type Bracket, type DatedValue, type Dimension, type ParameterLeaf, type Reference, type Unit } from './types.js';

export interface LoadOptions {
  /** Valid clause ids of the opinion (二.2 …); a reference to any other id is an error. */
  clauseIds: ReadonlySet<string>;
}

export interface LoadedParameters {
  leaves: Map<string, ParameterLeaf>;
  branches: Map<string, { description?: string; file: string }>;
}

const LEAF_KEYS = new Set(['description', 'label', 'unit', 'clause', 'breakdown', 'categories', 'values', 'kind']);
type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Loads and merges several parameter files; the same path in two files is an error. */
export function loadParameterFiles(files: readonly string[], options: LoadOptions): LoadedParameters {
  const out: LoadedParameters = { leaves: new Map(), branches: new Map() };
  for (const file of files) {
    const text = readBoundedText(file, { maxBytes: MAX_YAML_BYTES, what: 'parameter file', limitName: 'parameter file size' });
    loadParameterText(text, file, options, out);
  }
  return out;
}

/** Parses one parameter file's text into `into` (used directly by tests and fuzzing). */
export function loadParameterText(text: string, file: string, options: LoadOptions, into?: LoadedParameters): LoadedParameters {
  const out = into ?? { leaves: new Map(), branches: new Map() };
  const src = parseYamlSource(text, file);
  const root = yamlToJs(src);
  if (root === null || root === undefined) return out;
  if (!isObj(root)) throw new JiuzhuError('BAD_PARAMETER_FILE', 'a parameter file must be a mapping of parameter paths', { location: { file, line: 1 } });
  walk(root, [], src, options, out);
  return out;
}

function walk(node: Obj, keys: string[], src: YamlSource, options: LoadOptions, out: LoadedParameters): void {
  const path = keys.join('.');
  if (keys.length > 0) {
    const clash = out.leaves.has(path) || ('values' in node && out.branches.has(path));
    if (clash) {
      throw new JiuzhuError('DUPLICATE_PARAMETER', `parameter '${path}' is defined twice`, { location: { file: src.file, line: src.lineAt(keys), key: path } });
    }
  }
  if ('values' in node) {
    out.leaves.set(path, parseLeaf(node, keys, src, options));
    return;
  }
  if (keys.length > 0 && !out.branches.has(path)) out.branches.set(path, { description: typeof node.description === 'string' ? node.description : undefined, file: src.file });
  for (const [k, v] of Object.entries(node)) {
    if (k === 'description' && typeof v === 'string') continue;
    const childKeys = [...keys, k];
    if (!/^[a-z][a-z0-9_]*$/.test(k)) {
      throw new JiuzhuError('BAD_PARAMETER_NAME', `parameter name '${k}' must be snake_case (a-z, 0-9, _)`, { location: { file: src.file, line: src.lineAt(childKeys), key: childKeys.join('.') } });
    }
    if (!isObj(v)) {
      throw new JiuzhuError('BAD_PARAMETER', `'${childKeys.join('.')}' is neither a branch nor a leaf with 'values'`, { location: { file: src.file, line: src.lineAt(childKeys), key: childKeys.join('.') } });
    }
    walk(v, childKeys, src, options, out);
  }
}

function parseLeaf(node: Obj, keys: string[], src: YamlSource, options: LoadOptions): ParameterLeaf {
  const path = keys.join('.');
  const fail = (msg: string, sub: (string | number)[] = [], code = 'BAD_PARAMETER'): never => {
    throw new JiuzhuError(code, msg, { location: { file: src.file, line: src.lineAt([...keys, ...sub]), key: [path, ...sub].join('.') } });
  };
  for (const k of Object.keys(node)) if (!LEAF_KEYS.has(k)) fail(`unknown key '${k}' in parameter '${path}' (allowed: ${[...LEAF_KEYS].join(', ')})`, [k]);
  if (typeof node.description !== 'string' || !node.description.trim()) fail(`parameter '${path}' needs a description`, ['description']);
  const label = node.label;
  if (!isObj(label) || typeof label.zh !== 'string' || typeof label.en !== 'string') fail(`parameter '${path}' needs label: {zh, en}`, ['label']);
  const unit = node.unit;
  if (typeof unit !== 'string' || !(UNITS as readonly string[]).includes(unit)) fail(`parameter '${path}' has unit '${String(unit)}'; use one of ${UNITS.join(', ')}`, ['unit'], 'BAD_UNIT');
  let clause: string | undefined;
  if (node.clause !== undefined) {
    const id = String(node.clause).replace(/^§/, '');
    if (!options.clauseIds.has(id)) fail(`unknown clause id '${String(node.clause)}' (clause ids are like 二.2; see the clause list)`, ['clause'], 'BAD_REFERENCE');
    clause = id;
  }
  const kind: string = node.kind === undefined ? (unit === "bool" ? "bool" : "number") : String(node.kind);
  if (kind !== 'number' && kind !== 'bool' && kind !== 'scale') fail(`kind must be number, bool or scale`, ['kind']);
  const breakdown = (node.breakdown ?? []) as unknown;
  if (!Array.isArray(breakdown) || breakdown.some((d) => !DIMENSIONS.includes(d as Dimension))) fail(`breakdown must be a list of ${DIMENSIONS.join(', ')}`, ['breakdown']);
  const dims = breakdown as Dimension[];
  const order = dims.map((d) => DIMENSIONS.indexOf(d));
  if (order.some((o, i) => i > 0 && o <= order[i - 1]!)) fail(`breakdown must list dimensions once, in the order prefecture, area, category`, ['breakdown']);
  const categories = (node.categories ?? []) as unknown;
  if (!Array.isArray(categories) || categories.some((c) => typeof c !== 'string')) fail(`categories must be a list of names`, ['categories']);
  const cats = categories as string[];
  if (dims.includes('category') !== cats.length > 0) fail(`a leaf has categories exactly when its breakdown includes category`, ['categories']);
  if (kind === 'scale' && dims.length > 0) fail(`a scale parameter cannot also have a breakdown`, ['breakdown']);
  if (!isObj(node.values) || Object.keys(node.values).length === 0) fail(`parameter '${path}' needs at least one dated value`, ['values']);
  const values: DatedValue[] = [];
  for (const [date, entry] of Object.entries(node.values as Obj)) {
    const at: (string | number)[] = ['values', date];
    if (!isIsoDate(date)) fail(`'${date}' is not an ISO date (YYYY-MM-DD)`, at, 'BAD_DATE');
    if (!isObj(entry)) fail(`each dated value is {value, reference}`, at);
    const e = entry as Obj;
    for (const k of Object.keys(e)) if (k !== 'value' && k !== 'reference') fail(`unknown key '${k}' in a dated value (allowed: value, reference)`, [...at, k]);
    if (!('reference' in e)) fail(`value of '${path}' on ${date} has no reference; give {clause}, {source} or {assumption}`, at, 'MISSING_REFERENCE');
    const reference = parseReference(e.reference, options, (m) => fail(m, [...at, 'reference'], 'BAD_REFERENCE'));
    if (!('value' in e)) fail(`dated value on ${date} has no value`, at);
    const dv: DatedValue = { date, reference, line: src.lineAt([...keys, ...at]) };
    if (kind === 'scale') dv.brackets = parseBrackets(e.value, (m) => fail(m, [...at, 'value']));
    else if (dims.length === 0) dv.value = scalar(e.value, kind, (m) => fail(m, [...at, 'value']));
    else dv.cells = expandCells(e.value, dims, cats, kind, (m, sub) => fail(m, [...at, 'value', ...sub]));
    // Every number within its unit's range (ranges.ts), as overrides are checked.
    const numbers: [string, number][] = dv.value !== undefined ? [['', dv.value]] : dv.cells ? Object.entries(dv.cells).map(([k, x]) => [` (cell ${k})`, x]) : (dv.brackets ?? []).map((b) => [` (bracket above ${b.above})`, b.value]);
    for (const [cell, x] of numbers) {
      const why = outOfRange(unit as Unit, x);
      if (why) fail(`'${path}' on ${date}${cell}: ${why}`, [...at, 'value'], 'OUT_OF_RANGE');
    }
    values.push(dv);
  }
  values.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return {
    path,
    description: node.description as string,
    label: { zh: (label as Obj).zh as string, en: (label as Obj).en as string },
    unit: unit as Unit,
    ...(clause ? { clause } : {}),
    kind: kind as ParameterLeaf['kind'],
    breakdown: dims,
    categories: cats,
    values,
    file: src.file,
    line: src.lineAt(keys),
  };
}

function parseReference(r: unknown, options: LoadOptions, fail: (m: string) => never): Reference {
  if (!isObj(r)) return fail('reference must be one of {clause: id}, {source: text}, {assumption: text}');
  // A source or an assumption may carry its Chinese text beside it: {assumption: …, zh: …}.
  const ks = Object.keys(r).filter((k) => k !== 'zh');
  if (ks.length !== 1) return fail(`a value carries exactly one reference; found ${ks.length ? ks.join(' and ') : 'none'}`);
  const k = ks[0]!;
  const v = r[k];
  if (typeof v !== 'string' || !v.trim()) return fail(`reference '${k}' needs a non-empty text`);
  const zh = r.zh;
  if (zh !== undefined && (typeof zh !== 'string' || !zh.trim())) return fail(`reference 'zh' needs a non-empty text`);
  if (zh !== undefined && k === 'clause') return fail(`a clause reference needs no 'zh' text: the clause is its own`);
  const withZh = zh === undefined ? {} : { zh };
  if (k === 'clause') {
    const id = v.replace(/^§/, '');
    if (!options.clauseIds.has(id)) return fail(`unknown clause id '${v}' (clause ids are like 二.2; see the clause list)`);
    return { clause: id };
  }
  if (k === 'source') return { source: v, ...withZh };
  if (k === 'assumption') return { assumption: v, ...withZh };
  return fail(`unknown reference kind '${k}'; use clause, source or assumption`);
}

function scalar(v: unknown, kind: string, fail: (m: string) => never): number {
  if (kind === 'bool') {
    if (typeof v !== 'boolean') return fail(`expected true or false, got ${JSON.stringify(v)}`);
    return v ? 1 : 0;
  }
  if (typeof v !== 'number' || !Number.isFinite(v)) return fail(`expected a finite number, got ${JSON.stringify(v)}`);
  return v;
}

function parseBrackets(v: unknown, fail: (m: string) => never): Bracket[] {
  if (!Array.isArray(v) || v.length === 0) return fail('a scale value is a list of {above, value} brackets');
  const out: Bracket[] = [];
  for (const b of v) {
    if (!isObj(b) || typeof b.above !== 'number' || typeof b.value !== 'number' || !Number.isFinite(b.above) || !Number.isFinite(b.value)) {
      return fail('each bracket is {above: number, value: number}');
    }
    if (out.length && b.above <= out[out.length - 1]!.above) return fail('brackets must have increasing thresholds');
    out.push({ above: b.above, value: b.value });
  }
  return out;
}

/** Expands a nested value with '*' defaults into one number per cell. */
function expandCells(v: unknown, dims: Dimension[], cats: string[], kind: string, fail: (m: string, sub: string[]) => never): Record<string, number> {
  const cells: Record<string, number> = {};
  const rec = (node: unknown, depth: number, coord: string[], sub: string[]): void => {
    const dim = dims[depth]!;
    const domain = dimensionDomain(dim, cats);
    if (!isObj(node)) fail(`expected a mapping by ${dim} (${domain.join(', ')}, or '*')`, sub);
    const n = node as Obj;
    for (const k of Object.keys(n)) {
      if (k !== '*' && !domain.includes(k)) {
        const what = dim === 'prefecture' ? `unknown prefecture code '${k}' (known: ${PREFECTURE_CODES.join(', ')})` : `unknown ${dim} '${k}' (known: ${domain.join(', ')})`;
        fail(what, [...sub, k]);
      }
    }
    for (const d of domain) {
      const key = d in n ? d : '*' in n ? '*' : undefined;
      if (key === undefined) fail(`no value for ${dim} '${d}' and no '*' default`, sub);
      const child = n[key as string];
      if (depth === dims.length - 1) cells[[...coord, d].join('|')] = scalar(child, kind, (m) => fail(m, [...sub, key as string]));
      else rec(child, depth + 1, [...coord, d], [...sub, key as string]);
    }
  };
  rec(v, 0, [], []);
  // Sanity: expansion covers exactly the cartesian product.
  const expected = allCellKeys(dims, cats);
  if (expected.length !== Object.keys(cells).length) fail('internal: breakdown expansion mismatch', []);
  return cells;
}
