/**
 * ParameterTree: immutable leaves with dated values. Lookups read the value in force on a
 * date; overrides return a new tree that shares every leaf they do not touch.
 */
import { createHash } from 'node:crypto';
import { JiuzhuError, type ErrorLocation } from '../errors.js';
import { isIsoDate } from '../period.js';
import { allCellKeys, cellKey } from './cells.js';
import type { CellSelector, DatedValue, OverrideBasis, OverrideStep, ParameterLeaf } from './types.js';

/** One scenario override, as in a scenario file. */
export interface Override {
  path: string;
  from?: string;
  until?: string;
  set?: number | boolean;
  scale?: number;
  add?: number;
  where?: CellSelector;
  /**
   * Where it was written, for errors and for explain. `scenario` is the English text of record
   * (DatedValue.overrides); `by` and `basis`, when given, are the same as parts, for other languages.
   */
  origin?: ErrorLocation & { scenario?: string; by?: string; basis?: OverrideBasis };
}

/**
 * A tree's leaves and branches as plain data (Maps of plain objects), which survive a structured
 * clone: what a worker thread is started with instead of reading the parameter files again.
 */
export interface ParameterData {
  leaves: ReadonlyMap<string, ParameterLeaf>;
  branches: ReadonlyMap<string, { description?: string; file: string }>;
}

export class ParameterTree {
  private readonly leafMap: ReadonlyMap<string, ParameterLeaf>;
  private readonly branchMap: ReadonlyMap<string, { description?: string; file: string }>;
  private hash: string | undefined;

  constructor(leaves: ReadonlyMap<string, ParameterLeaf>, branches: ReadonlyMap<string, { description?: string; file: string }> = new Map()) {
    this.leafMap = leaves;
    this.branchMap = branches;
  }

  /** The tree rebuilt from its data (toData, possibly cloned to another thread): nothing is read, parsed or checked again. */
  static fromData(data: ParameterData): ParameterTree {
    return new ParameterTree(data.leaves, data.branches);
  }

  /** The tree as plain data, to send to a worker thread (fromData rebuilds it there). */
  toData(): ParameterData {
    return { leaves: this.leafMap, branches: this.branchMap };
  }

  private sortedPaths: string[] | undefined;

  /** Every leaf path, sorted. */
  paths(): string[] {
    return [...(this.sortedPaths ??= [...this.leafMap.keys()].sort())];
  }

  /** Every leaf. */
  leaves(): ParameterLeaf[] {
    return this.paths().map((p) => this.leafMap.get(p)!);
  }

  has(path: string): boolean {
    return this.leafMap.has(path);
  }

  /** True for a leaf or a branch. */
  exists(path: string): boolean {
    return this.leafMap.has(path) || this.branchMap.has(path);
  }

  /** The leaf at `path`, or a located error suggesting near paths. */
  leaf(path: string, where?: ErrorLocation): ParameterLeaf {
    const leaf = this.leafMap.get(path);
    if (!leaf) throw this.unknownPath(path, where);
    return leaf;
  }

  /** Leaves at or under a path (a leaf, or all leaves of a branch). */
  leavesUnder(path: string, where?: ErrorLocation): ParameterLeaf[] {
    const leaf = this.leafMap.get(path);
    if (leaf) return [leaf];
    const under = (this.sortedPaths ??= [...this.leafMap.keys()].sort()).filter((p) => p.startsWith(`${path}.`));
    if (!under.length) throw this.unknownPath(path, where);
    return under.map((p) => this.leafMap.get(p)!);
  }

  private unknownPath(path: string, where?: ErrorLocation): JiuzhuError {
    const near = this.paths().filter((p) => p.startsWith(path.split('.')[0] ?? '')).slice(0, 5);
    return new JiuzhuError('UNKNOWN_PARAMETER', `unknown parameter path '${path}'`, {
      location: { ...where, key: where?.key ?? path },
      hint: near.length ? `known paths include: ${near.join(', ')}` : 'run `jiuzhu params` to list every parameter path',
    });
  }

  /** The dated value in force on `date` (the latest on or before it). */
  entryAt(path: string, date: string): DatedValue {
    const leaf = this.leaf(path);
    const v = entryOn(leaf, date);
    if (!v) {
      throw new JiuzhuError('NO_VALUE_ON_DATE', `parameter '${path}' has no value on ${date} (its first value is from ${leaf.values[0]?.date})`, {
        location: { file: leaf.file, line: leaf.line, key: path },
      });
    }
    return v;
  }

  /** A number for one cell (or the scalar) on a date. */
  valueAt(path: string, date: string, cell: { prefecture?: number; area?: 'urban' | 'rural'; category?: string } = {}): number {
    const leaf = this.leaf(path);
    const e = this.entryAt(path, date);
    if (e.value !== undefined) return e.value;
    if (!e.cells) throw new JiuzhuError('SCALE_PARAMETER', `'${path}' is a scale; use scaleAt`, { kind: 'usage', location: { key: path } });
    for (const d of leaf.breakdown) {
      if (cell[d] === undefined) throw new JiuzhuError('MISSING_CELL', `'${path}' is broken down by ${leaf.breakdown.join(' × ')}; give the ${d}`, { kind: 'usage', location: { key: path } });
    }
    const v = e.cells[cellKey(leaf.breakdown, cell)];
    if (v === undefined) throw new JiuzhuError('UNKNOWN_CELL', `'${path}' has no cell ${cellKey(leaf.breakdown, cell)}`, { location: { key: path } });
    return v;
  }

  /** Content hash of every leaf's values and references (meta.parametersSha256). */
  sha256(): string {
    if (this.hash) return this.hash;
    const h = createHash('sha256');
    for (const leaf of this.leaves()) {
      h.update(JSON.stringify([leaf.path, leaf.unit, leaf.breakdown, leaf.values.map((v) => [v.date, v.value ?? null, v.cells ?? null, v.brackets ?? null, v.reference])]));
    }
    return (this.hash = h.digest('hex'));
  }

  /**
   * A new tree with overrides applied in order; untouched leaves are shared. Each leaf an
   * override reaches is copied once per call and then changed in place, so n overrides cost
   * O(n), not O(n²) (20,000 overrides took 15 s when every override copied its leaf and the
   * growing list of earlier overrides). `onApplied` sees the leaves each override changed, right
   * after it (checkOverrides locates an out-of-range value at the override that made it); it
   * must not keep them.
   */
  withOverrides(overrides: readonly Override[], onApplied?: (o: Override, changed: readonly ParameterLeaf[]) => void): ParameterTree {
    if (!overrides.length) return this;
    const next = new Map(this.leafMap);
    const owned = new Set<string>();
    for (const o of overrides) {
      const where = o.origin ?? {};
      let targets = this.leavesUnder(o.path, { ...where, key: where.key ?? o.path });
      // On a branch, an override changes the leaves it can apply to: numbers for scale/add/set
      // a number, yes/no leaves for set true|false. On a leaf, a mismatch is an error.
      if (!this.leafMap.has(o.path)) targets = targets.filter((l) => (typeof o.set === 'boolean' ? l.kind === 'bool' : l.kind === 'number'));
      const changed: ParameterLeaf[] = [];
      for (const t of targets) {
        let leaf = next.get(t.path)!;
        if (!owned.has(t.path)) {
          leaf = { ...leaf, values: leaf.values.map(copyValue) };
          next.set(t.path, leaf);
          owned.add(t.path);
        }
        applyOverride(leaf, o);
        changed.push(leaf);
      }
      onApplied?.(o, changed);
    }
    return new ParameterTree(next, this.branchMap);
  }
}

type MutableValue = { -readonly [K in keyof DatedValue]: DatedValue[K] } & { overrides?: string[]; overrideSteps?: OverrideStep[]; cells?: Record<string, number> };

/** A dated value this call may change: its own overrides list and cells. */
function copyValue(v: DatedValue): DatedValue {
  const c: MutableValue = { ...v } as MutableValue;
  if (v.overrides) c.overrides = [...v.overrides];
  if (v.overrideSteps) c.overrideSteps = [...v.overrideSteps];
  if (v.cells) c.cells = { ...v.cells };
  return c;
}

/** The entry in force on a date, or undefined before the first. */
export function entryOn(leaf: ParameterLeaf, date: string): DatedValue | undefined {
  let found: DatedValue | undefined;
  for (const v of leaf.values) {
    if (v.date <= date) found = v;
    else break;
  }
  return found;
}

/** The override as data (what describeOverride words in English). */
function overrideStep(o: Override): OverrideStep {
  const by = o.origin?.by ?? o.origin?.scenario;
  const op = o.set !== undefined ? { op: 'set' as const, value: o.set } : o.scale !== undefined ? { op: 'scale' as const, value: o.scale } : { op: 'add' as const, value: o.add! };
  return { ...(by ? { by } : {}), ...(o.origin?.basis ? { basis: o.origin.basis } : {}), ...op, ...(o.from ? { from: o.from } : {}), ...(o.until ? { until: o.until } : {}), ...(o.where ? { where: o.where } : {}) };
}

function describeOverride(o: Override): string {
  const op = o.set !== undefined ? `set ${o.set}` : o.scale !== undefined ? `scale ×${o.scale}` : `add ${o.add}`;
  const span = o.from || o.until ? ` from ${o.from ?? 'start'} until ${o.until ?? 'end'}` : '';
  const w = o.where ? ` where ${JSON.stringify(o.where)}` : '';
  return `${o.origin?.scenario ? `${o.origin.scenario}: ` : ''}${op}${span}${w}`;
}

/** Applies one override to a leaf this call owns (see withOverrides), in place. */
function applyOverride(leaf: ParameterLeaf, o: Override): void {
  const loc: ErrorLocation = { ...o.origin, key: o.origin?.key ?? o.path };
  const ops = [o.set !== undefined, o.scale !== undefined, o.add !== undefined].filter(Boolean).length;
  if (ops !== 1) throw new JiuzhuError('BAD_OVERRIDE', `override of '${o.path}' needs exactly one of set, scale, add`, { location: loc });
  for (const d of [o.from, o.until]) if (d !== undefined && !isIsoDate(d)) throw new JiuzhuError('BAD_DATE', `'${d}' is not an ISO date (YYYY-MM-DD)`, { location: loc });
  if (o.from && o.until && o.until <= o.from) throw new JiuzhuError('BAD_OVERRIDE', `override 'until' (${o.until}) must be after 'from' (${o.from})`, { location: loc });
  if (leaf.kind === 'scale') throw new JiuzhuError('BAD_OVERRIDE', `'${leaf.path}' is a bracket scale; overriding scales is not supported yet`, { location: loc });
  if (leaf.kind === 'bool' && o.set === undefined) throw new JiuzhuError('BAD_OVERRIDE', `'${leaf.path}' is a yes/no parameter; only 'set: true|false' applies`, { location: loc });
  if (o.set !== undefined && (typeof o.set === 'boolean') !== (leaf.kind === 'bool')) {
    throw new JiuzhuError('BAD_OVERRIDE', `'${leaf.path}' expects ${leaf.kind === 'bool' ? 'true or false' : 'a number'} for set`, { location: loc });
  }
  const selected = selectCells(leaf, o.where, loc);
  const f = (x: number): number => (o.set !== undefined ? Number(o.set) : o.scale !== undefined ? x * o.scale : x + o.add!);
  // Split the timeline at from/until so the change applies exactly on [from, until).
  const values = leaf.values as DatedValue[];
  const splitAt = (date: string): void => {
    if (values.some((v) => v.date === date)) return;
    const prev = entryOn(leaf, date);
    if (!prev) return; // before the first value: nothing to copy, the override starts with the first value
    values.push(copyValue({ ...prev, date }));
    values.sort((a, b) => (a.date < b.date ? -1 : 1));
  };
  if (o.from) splitAt(o.from);
  if (o.until) splitAt(o.until);
  const text = describeOverride(o);
  const step = overrideStep(o);
  for (const value of values) {
    if ((o.from && value.date < o.from) || (o.until && value.date >= o.until)) continue;
    const v = value as MutableValue;
    (v.overrides ??= []).push(text);
    (v.overrideSteps ??= []).push(step);
    if (v.value !== undefined) v.value = f(v.value);
    if (v.cells) for (const k of selected) v.cells[k] = f(v.cells[k]!);
  }
}

function selectCells(leaf: ParameterLeaf, where: CellSelector | undefined, loc: ErrorLocation): string[] {
  const keys = allCellKeys(leaf.breakdown, leaf.categories);
  if (!where) return keys;
  const list = <T>(x: T | readonly T[] | undefined): readonly T[] | undefined => (x === undefined ? undefined : Array.isArray(x) ? x : [x as T]);
  const want: Partial<Record<string, readonly string[]>> = {
    prefecture: list(where.prefecture)?.map(String),
    area: list(where.area),
    category: list(where.category),
  };
  for (const [dim, vals] of Object.entries(want)) {
    if (vals === undefined) continue;
    const i = leaf.breakdown.indexOf(dim as never);
    if (i < 0) throw new JiuzhuError('BAD_OVERRIDE', `'${leaf.path}' is not broken down by ${dim} (its breakdown: ${leaf.breakdown.join(', ') || 'none'})`, { location: loc });
    const domain = new Set(keys.map((k) => k.split('|')[i]!));
    for (const v of vals) if (!domain.has(v)) throw new JiuzhuError('BAD_OVERRIDE', `unknown ${dim} '${v}' for '${leaf.path}'`, { location: loc });
  }
  return keys.filter((k) => {
    const parts = k.split('|');
    return leaf.breakdown.every((d, i) => want[d] === undefined || want[d]!.includes(parts[i]!));
  });
}
