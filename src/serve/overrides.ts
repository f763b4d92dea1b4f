/**
 * Parameter values the explorer's user sets directly, beside the sliders: a prefecture's urban or
 * rural dibao standard from the standards table, or any parameter leaf found with the search box.
 * Each is a scenario override (`set`, optionally `where` a prefecture and an area), appended after
 * the sliders' overrides, so it wins over them. A value is checked here against the leaf's unit
 * range (engine/parameters/ranges.ts, the bounds every scenario override meets) before any run,
 * and checked again when the saved YAML is loaded back (scenarios/input/load.ts).
 */
import { JiuzhuError } from '../engine/errors.js';
import { PREFECTURES } from '../engine/locality.js';
import { entryOn, type Override, type ParameterTree } from '../engine/parameters/tree.js';
import { outOfRange, UNIT_RANGES } from '../engine/parameters/ranges.js';
import type { ParameterLeaf, Unit } from '../engine/parameters/types.js';

/** One value set by the user: a number (0 or 1 for a yes/no leaf), for every cell or those `where` selects. */
export interface UserOverride {
  path: string;
  set: number;
  where?: { prefecture?: number; area?: 'urban' | 'rural' };
}

/** The parameter the standards table edits, by prefecture and area. */
export const STANDARD_PATH = 'dibao.standard';

/** Most values a request may set: far more than a person types, few enough to keep a request small. */
export const MAX_USER_OVERRIDES = 200;

const badRequest = (key: string, message: string): JiuzhuError => new JiuzhuError('BAD_REQUEST', message, { location: { key } });

/** The numbers of a leaf as written (its scalar or its cells), to see whether it is ever negative. */
const leafNumbers = (leaf: ParameterLeaf): number[] => leaf.values.flatMap((v) => (v.value !== undefined ? [v.value] : v.cells ? Object.values(v.cells) : []));

/**
 * Throws a BAD_REQUEST naming `overrides.I.…` for the first value no run can take: a path that
 * is not a number or yes/no leaf, a cell the leaf has no breakdown for, an unknown prefecture, or
 * a value outside the unit's range (or negative where the parameter never is, as load.ts checks).
 */
export function checkUserOverrides(tree: ParameterTree, overrides: readonly UserOverride[]): void {
  overrides.forEach((o, i) => {
    const key = `overrides.${i}`;
    if (!tree.has(o.path)) throw badRequest(`${key}.path`, `'${o.path}' is not a parameter leaf (search the parameters for one)`);
    const leaf = tree.leaf(o.path);
    if (leaf.kind === 'scale') throw badRequest(`${key}.path`, `'${o.path}' is a bracket scale, which the explorer cannot set`);
    const { prefecture, area } = o.where ?? {};
    if (prefecture !== undefined && !leaf.breakdown.includes('prefecture')) throw badRequest(`${key}.where.prefecture`, `'${o.path}' does not vary by prefecture`);
    if (prefecture !== undefined && !PREFECTURES.some((p) => p.code === prefecture)) {
      throw badRequest(`${key}.where.prefecture`, `unknown prefecture ${prefecture} (one of ${PREFECTURES.map((p) => `${p.code} ${p.en}`).join(', ')})`);
    }
    if (area !== undefined && !leaf.breakdown.includes('area')) throw badRequest(`${key}.where.area`, `'${o.path}' does not vary by urban/rural`);
    const why = leaf.kind === 'bool'
      ? (o.set === 0 || o.set === 1 ? undefined : `${o.set}; a yes/no parameter is set to 1 (yes) or 0 (no)`)
      : outOfRange(leaf.unit, o.set) ?? (o.set < 0 && !leafNumbers(leaf).some((x) => x < 0) ? `${o.set}; it is never negative` : undefined);
    if (why) throw badRequest(`${key}.set`, `'${o.path}' cannot be ${why}`);
  });
}

/** Later values for the same parameter and cells replace earlier ones; the order of first appearance is kept. */
export function latestOverrides(overrides: readonly UserOverride[]): UserOverride[] {
  const byCell = new Map<string, UserOverride>();
  for (const o of overrides) {
    const k = JSON.stringify([o.path, o.where?.prefecture ?? null, o.where?.area ?? null]);
    if (byCell.has(k)) byCell.delete(k);
    byCell.set(k, o);
  }
  return [...byCell.values()];
}

/** The engine overrides: a yes/no leaf set to true or false, every other a number. */
export function engineOverrides(tree: ParameterTree, overrides: readonly UserOverride[]): Override[] {
  return overrides.map((o) => ({
    path: o.path,
    set: tree.has(o.path) && tree.leaf(o.path).kind === 'bool' ? o.set === 1 : o.set,
    ...(o.where ? { where: { ...o.where } } : {}),
  }));
}

/** One set value in words: "dibao.standard (长春 urban) = 300". */
export function overrideText(o: UserOverride, lang: 'zh' | 'en'): string {
  const p = o.where?.prefecture !== undefined ? PREFECTURES.find((x) => x.code === o.where!.prefecture) : undefined;
  const area = o.where?.area && (lang === 'zh' ? (o.where.area === 'urban' ? '城镇' : '农村') : o.where.area);
  const cell = [p && (lang === 'zh' ? p.zh : p.en), area].filter(Boolean).join(lang === 'zh' ? '' : ' ');
  return `${o.path}${cell ? (lang === 'zh' ? `（${cell}）` : ` (${cell})`) : ''} = ${o.set}`;
}

/** A parameter leaf as the search box lists it. */
export interface ParameterMatch {
  path: string;
  label: { zh: string; en: string };
  unit: Unit;
  kind: 'number' | 'bool';
  breakdown: readonly string[];
  /** The value on `date` for a scalar leaf; null for one broken down by prefecture, area or category. */
  value: number | null;
  range: { min: number; max: number; integer: boolean; text: string };
}

/**
 * Leaves whose path or label (zh or en) contains every word of `query` (case ignored), scalars and
 * paths starting with the query first; scale leaves are left out (the explorer cannot set them).
 */
export function searchParameters(tree: ParameterTree, query: string, date: string, limit = 20): ParameterMatch[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) return [];
  const q = query.trim().toLowerCase();
  const found = tree.leaves().filter((l) => l.kind !== 'scale').filter((l) => {
    const hay = `${l.path} ${l.label.zh} ${l.label.en}`.toLowerCase();
    return words.every((w) => hay.includes(w));
  });
  const rank = (l: ParameterLeaf): number => (l.path.toLowerCase().startsWith(q) ? 0 : 1) + (l.breakdown.length ? 2 : 0);
  found.sort((a, b) => rank(a) - rank(b) || a.path.localeCompare(b.path));
  return found.slice(0, limit).map((l) => {
    const r = UNIT_RANGES[l.unit];
    const entry = entryOn(l, date); // undefined before the leaf's first value
    return {
      path: l.path,
      label: l.label,
      unit: l.unit,
      kind: l.kind as 'number' | 'bool',
      breakdown: l.breakdown,
      value: !l.breakdown.length && entry?.value !== undefined ? entry.value : null,
      range: { min: r.min, max: r.max, integer: !!r.integer, text: r.label },
    };
  });
}

/** One row of the standards table: a prefecture's urban and rural dibao standard on a date. */
export interface PrefectureStandard { code: number; name: { zh: string; en: string }; urban: number; rural: number }

/** The nine prefectures' standards in `tree` on `date`, in code order. */
export function prefectureStandards(tree: ParameterTree, date: string): PrefectureStandard[] {
  return PREFECTURES.map((p) => ({
    code: p.code,
    name: { zh: p.zh, en: p.en },
    urban: tree.valueAt(STANDARD_PATH, date, { prefecture: p.code, area: 'urban' }),
    rural: tree.valueAt(STANDARD_PATH, date, { prefecture: p.code, area: 'rural' }),
  }));
}
