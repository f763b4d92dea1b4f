/**
 * Turns a parameter into what a formula reads: a scalar; one value per row where the leaf
 * varies by locality (looked up once per household, so formulas stay branch-free); an object
 * by category; or a bracket scale.
 */
import { broadcastToPersons } from '../aggregate.js';
import type { Column } from '../column.js';
import { JiuzhuError } from '../errors.js';
import { specialise } from '../specialise.js';
import { PREFECTURE_CODES } from '../locality.js';
import type { Entity, Population } from '../population.js';
import { cellKey } from './cells.js';
import type { ParameterTree } from './tree.js';
import type { Bracket, DatedValue, ParameterLeaf } from './types.js';

/** A bracket scale as a formula sees it. */
export interface Scale { readonly brackets: readonly Bracket[] }

export type ParamValue = number | Float64Array | Scale | { readonly [category: string]: number | Float64Array };

/** Value of the bracket containing x (the last bracket whose threshold is ≤ x; 0 below all). */
export function scaleValue(scale: Scale, x: number): number {
  let v = 0;
  for (const b of scale.brackets) {
    if (x >= b.above) v = b.value;
    else break;
  }
  return v;
}

const localityIndexCache = new WeakMap<Population, Uint8Array>();

/** Adds 1 for rural households (urban 0) to the locality index. */
function addRural(out: Uint8Array, urban: ArrayLike<number>, n: number): void {
  for (let h = 0; h < n; h++) out[h] = out[h]! + +!urban[h];
}
const ruralKernel = specialise(addRural);

/**
 * Per household: prefectureIndex × 2 + (urban ? 0 : 1), so locality lookups are one array read.
 * At most 2 × 9 cells, so one byte per household.
 */
export function localityIndex(pop: Population): Uint8Array {
  const cached = localityIndexCache.get(pop);
  if (cached) return cached;
  const pref = pop.household.prefecture;
  const urban = pop.household.urban;
  const out = new Uint8Array(pop.nHouseholds);
  const lut = new Map(PREFECTURE_CODES.map((c, i) => [c, i]));
  if (pref) {
    for (let h = 0; h < pop.nHouseholds; h++) {
      const pi = lut.get(pref[h]!) ?? -1;
      if (pi < 0) throw new JiuzhuError('UNKNOWN_PREFECTURE', `household ${pop.householdId[h]} has unknown prefecture code ${pref[h]}`, { location: { row: h + 1, column: 'prefecture' } });
      out[h] = pi * 2;
    }
  }
  // Branch-free: urban/rural is a coin flip per household. A loop of its own, compiled for
  // the urban column's class (without a prefecture column, as in W1, it is the whole work).
  if (urban) ruralKernel(urban)(out, urban, pop.nHouseholds);
  localityIndexCache.set(pop, out);
  return out;
}

function requireLocalityColumns(leaf: ParameterLeaf, pop: Population): void {
  if (leaf.breakdown.includes('prefecture') && !pop.household.prefecture) {
    throw new JiuzhuError('MISSING_COLUMN', `parameter '${leaf.path}' varies by prefecture but the dataset has no household column 'prefecture'`, { location: { column: 'prefecture', key: leaf.path } });
  }
  if (leaf.breakdown.includes('area') && !pop.household.urban) {
    throw new JiuzhuError('MISSING_COLUMN', `parameter '${leaf.path}' varies by urban/rural but the dataset has no household column 'urban'`, { location: { column: 'urban', key: leaf.path } });
  }
}

/** One category's cells by locality cell (the index of localityIndex). */
function localityValues(leaf: ParameterLeaf, entry: DatedValue, category?: string): Float64Array {
  const lutValues = new Float64Array(PREFECTURE_CODES.length * 2);
  for (let pi = 0; pi < PREFECTURE_CODES.length; pi++) {
    for (let a = 0; a < 2; a++) {
      const k = cellKey(leaf.breakdown, { prefecture: PREFECTURE_CODES[pi], area: a === 0 ? 'urban' : 'rural', category });
      lutValues[pi * 2 + a] = entry.cells![k]!;
    }
  }
  return lutValues;
}

/**
 * A leaf varying by locality (and by nothing else) as a table: household h's value is
 * `values[index[h]]`. For a loop that looks the value up row by row (fuse.ts) instead of
 * reading a column made for it: the same numbers as resolveParameter's column, without
 * allocating and filling one. Undefined for any other leaf.
 */
export interface LocalityTable {
  readonly index: Column;
  readonly values: Float64Array;
  /**
   * The index is the `urban` column itself, and household h's value is `values[+!index[h]]`:
   * without a prefecture column the locality index is just that, so it need not be built.
   */
  readonly byUrban: boolean;
}

export function localityTable(tree: ParameterTree, path: string, date: string, pop: Population): LocalityTable | undefined {
  const leaf = tree.leaf(path);
  const entry = tree.entryAt(path, date);
  if (entry.brackets || entry.value !== undefined || leaf.breakdown.includes('category') || leaf.breakdown.length === 0) return undefined;
  requireLocalityColumns(leaf, pop);
  const urban = pop.household.urban;
  if (!pop.household.prefecture && urban) return { index: urban, values: localityValues(leaf, entry), byUrban: true };
  return { index: localityIndex(pop), values: localityValues(leaf, entry), byUrban: false };
}

const personLocalityCache = new WeakMap<Population, Uint8Array>();

/** localityIndex of each person's household, per person: a person column is then one pass, without a household column first. */
function personLocalityIndex(pop: Population): Uint8Array {
  let out = personLocalityCache.get(pop);
  if (!out) {
    out = broadcastToPersons(pop, localityIndex(pop));
    personLocalityCache.set(pop, out);
  }
  return out;
}

/**
 * Column of one category's cells over households (or persons). A leaf whose cells are all one
 * number (many vary by locality in their breakdown but not in 2006's values) is that number in
 * every row, written without a lookup. Either way, row r holds the cell of its locality, as a
 * household column broadcast to persons did (a pass over the households and a person-length
 * gather; on the full count's 27M persons, tens of columns a slice, W2).
 */
function localityColumn(leaf: ParameterLeaf, entry: DatedValue, pop: Population, entity: Entity, category?: string): Float64Array | number {
  const loc = leaf.breakdown.filter((d) => d !== 'category');
  const lutValues = localityValues(leaf, entry, category);
  if (loc.length === 0) return lutValues[0]!;
  // Built even when not read below: it is where an unknown prefecture code is refused.
  const households = localityIndex(pop);
  const held = lastColumns(pop);
  const key = `${leaf.path}@${entity}@${category ?? ''}`;
  const last = held.made.get(key);
  if (last && sameValues(last.values, lutValues)) {
    last.round = held.round;
    return last.column;
  }
  const n = entity === 'person' ? pop.nPersons : pop.nHouseholds;
  // A column last handed out before its population's columns were let go is no one's: written over.
  const out = last && last.round < held.round && last.column.length === n ? last.column : new Float64Array(n);
  held.made.set(key, { values: lutValues, column: out, round: held.round });
  if (lutValues.every((v) => Object.is(v, lutValues[0]))) return out.fill(lutValues[0]!);
  const idx = entity === 'person' ? personLocalityIndex(pop) : households;
  for (let r = 0; r < n; r++) out[r] = lutValues[idx[r]!]!;
  return out;
}

/**
 * The last locality column made of each leaf (by path, entity and category) for a population's
 * households: held per household index and household columns, as Simulation's resolved
 * parameters are, so a projection's uprated years of one slice share it. A later dated value
 * whose cells are the same numbers (a year's tree re-dating a leaf it did not change) gets
 * that column instead of a new one with the same bytes: resolved again for every slice and
 * year, such columns were most of a projection worker's fresh ArrayBuffers (session 14).
 * Columns handed to formulas are never written, so one column may serve several dated values.
 */
interface LastColumns {
  household: Population['household'];
  made: Map<string, { values: Float64Array; column: Float64Array; round: number }>;
  /** How many times the caller let this population's columns go (releaseLocalityColumns). */
  round: number;
}
const lastColumnsCache = new WeakMap<Population['householdStart'], LastColumns>();

function lastColumns(pop: Population): LastColumns {
  let held = lastColumnsCache.get(pop.householdStart);
  if (!held || held.household !== pop.household) lastColumnsCache.set(pop.householdStart, (held = { household: pop.household, made: new Map(), round: 0 }));
  return held;
}

/**
 * The caller says no column resolved so far for this population's households is read any more
 * (a projection worker, once a slice's year is done: Simulation's releaseParameters). A leaf
 * whose cells then change (the next year's standards, its uprated amounts) is written into the
 * column last made for it instead of a new one: some twenty columns per slice and year, most of
 * what a projection worker still allocated afresh once the columns of unchanged cells were kept
 * (session 14). A column handed out again after the call (its cells unchanged) is kept as it is.
 */
export function releaseLocalityColumns(pop: Population): void {
  const held = lastColumnsCache.get(pop.householdStart);
  if (held && held.household === pop.household) held.round++;
}

/** Cell values equal bit for bit (Object.is: -0 and NaN as themselves). */
function sameValues(a: Float64Array, b: Float64Array): boolean {
  for (let k = 0; k < a.length; k++) if (!Object.is(a[k], b[k])) return false;
  return true;
}

/** Resolves a leaf on a date for a population and entity. */
export function resolveParameter(tree: ParameterTree, path: string, date: string, pop: Population, entity: Entity): ParamValue {
  const leaf = tree.leaf(path);
  const entry = tree.entryAt(path, date);
  if (entry.brackets) return { brackets: entry.brackets };
  if (entry.value !== undefined) return entry.value;
  requireLocalityColumns(leaf, pop);
  if (!leaf.breakdown.includes('category')) return localityColumn(leaf, entry, pop, entity);
  const out: Record<string, number | Float64Array> = {};
  for (const c of leaf.categories) out[c] = localityColumn(leaf, entry, pop, entity, c);
  return out;
}

/** The value one household sees, for explain: a number, or an object by category. */
export function parameterForHousehold(tree: ParameterTree, path: string, date: string, pop: Population, h: number): { value: number | Record<string, number> | readonly Bracket[]; entry: DatedValue } {
  const leaf = tree.leaf(path);
  const entry = tree.entryAt(path, date);
  if (entry.brackets) return { value: entry.brackets, entry };
  if (entry.value !== undefined) return { value: entry.value, entry };
  const prefecture = pop.household.prefecture?.[h];
  const area = pop.household.urban ? (pop.household.urban[h] ? 'urban' : 'rural') : undefined;
  const at = (category?: string): number => entry.cells![cellKey(leaf.breakdown, { prefecture, area, category })]!;
  if (!leaf.breakdown.includes('category')) return { value: at(), entry };
  return { value: Object.fromEntries(leaf.categories.map((c) => [c, at(c)])), entry };
}

/**
 * Households whose resolved value of a leaf differs between two dated values of it (as
 * differential.ts's paramValueChange finds on the two household columns), from the leaf's
 * locality cells alone: a household's value is its cell's, so the households that changed are
 * those of the cells whose value changed (byte for byte, each category's). A cell that changed
 * in every locality (a standard scaled) is every household: 'all', without resolving a column
 * or comparing household by household (about 7 ms of a W3 variant, session 11). Undefined for
 * a leaf this does not cover (a scalar, a scale, by category only, or locality columns the
 * population lacks): the caller compares resolved values.
 */
export function localityChange(leaf: ParameterLeaf, now: DatedValue, was: DatedValue, pop: Population): 'none' | 'all' | Int32Array | undefined {
  if (now.brackets || was.brackets || now.value !== undefined || was.value !== undefined || !now.cells || !was.cells) return undefined;
  if (!leaf.breakdown.some((d) => d !== 'category')) return undefined;
  if (leaf.breakdown.includes('prefecture') && !pop.household.prefecture) return undefined;
  if (leaf.breakdown.includes('area') && !pop.household.urban) return undefined;
  const nCells = PREFECTURE_CODES.length * 2;
  const changedCell = new Uint8Array(nCells);
  let nChanged = 0;
  for (const c of leaf.breakdown.includes('category') ? leaf.categories : [undefined]) {
    const a = new Int32Array(localityValues(leaf, now, c).buffer);
    const b = new Int32Array(localityValues(leaf, was, c).buffer);
    for (let k = 0; k < nCells; k++) {
      if (changedCell[k] || (a[2 * k] === b[2 * k] && a[2 * k + 1] === b[2 * k + 1])) continue;
      changedCell[k] = 1;
      nChanged++;
    }
  }
  const n = pop.nHouseholds;
  if (nChanged === 0 || n === 0) return 'none';
  if (nChanged === nCells) return 'all';
  const idx = localityIndex(pop);
  const rows: number[] = [];
  for (let h = 0; h < n; h++) if (changedCell[idx[h]!]) rows.push(h);
  if (!rows.length) return 'none';
  return rows.length === n ? 'all' : Int32Array.from(rows);
}
