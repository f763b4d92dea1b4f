/**
 * Population: person and household columns as typed arrays, persons sorted by household
 * so that each household's members are one contiguous range [start[h], start[h+1]).
 */
import type { Column } from './column.js';
import { MAX_WEIGHT } from './limits.js';
import { JiuzhuError } from './errors.js';
import { specialise } from './specialise.js';

export type Entity = 'person' | 'household';

/** Person roles in the household (relationship to the head). */
export const ROLE = { head: 0, spouse: 1, child: 2, parent: 3, other: 4 } as const;

export interface Population {
  readonly nPersons: number;
  readonly nHouseholds: number;
  /** Dataset household ids, in household order. */
  readonly householdId: Float64Array;
  /** Dataset person ids, in person order (sorted by household). */
  readonly personId: Float64Array;
  /** Index of each person's household. */
  readonly personHousehold: Int32Array;
  /** Members of household h are persons householdStart[h] .. householdStart[h+1]-1. */
  readonly householdStart: Int32Array;
  /** Household weight: how many households of the population this one represents. */
  readonly weight: Float64Array;
  readonly person: Readonly<Record<string, Column>>;
  readonly household: Readonly<Record<string, Column>>;
}

export interface PopulationInput {
  households: { id: ArrayLike<number>; weight?: ArrayLike<number>; columns?: Record<string, Column> };
  persons: { id: ArrayLike<number>; household: ArrayLike<number>; columns?: Record<string, Column> };
  /** Label used in error messages (a file or dataset name). */
  source?: string;
}

/**
 * Builds a Population from columns in any person order: sorts persons by household once
 * (stable, keeping the given order within a household) and checks the membership.
 */
export function createPopulation(input: PopulationInput): Population {
  const src = input.source;
  const hId = input.households.id;
  const nH = hId.length;
  const nP = input.persons.id.length;
  if (input.persons.household.length !== nP) throw new JiuzhuError('BAD_COLUMN', 'persons.household has a different length from persons.id', { location: { file: src, column: 'household' } });
  const inOrder = groupedStarts(hId, input.persons.id, input.persons.household);
  if (inOrder) return groupedPopulation(input, inOrder);
  const hIndex = idIndex(hId);
  for (let h = 0; h < nH; h++) {
    const id = hId[h]!;
    if (hIndex.has(id)) {
      throw new JiuzhuError('DUPLICATE_ID', `duplicate household id ${id}`, { location: { file: src, row: h + 1, column: 'id' } });
    }
    hIndex.set(id, h);
  }
  const hOfPerson = new Int32Array(nP);
  const count = new Int32Array(nH + 1);
  const pHh = input.persons.household;
  const seenPerson = idSet(input.persons.id);
  // Persons already grouped by household in household order (as generated and written data
  // are) need no sort: their household indexes are then the population's personHousehold.
  let grouped = true;
  let last = 0;
  for (let p = 0; p < nP; p++) {
    const pid = input.persons.id[p]!;
    if (seenPerson.has(pid)) throw new JiuzhuError('DUPLICATE_ID', `duplicate person id ${pid}`, { location: { file: src, row: p + 1, column: 'id' } });
    seenPerson.add(pid);
    const h = hIndex.get(pHh[p]!);
    if (h === undefined) {
      throw new JiuzhuError('ORPHAN_PERSON', `person ${pid} belongs to household ${pHh[p]}, which does not exist`, {
        location: { file: src, row: p + 1, column: 'household' },
      });
    }
    hOfPerson[p] = h;
    if (h < last) grouped = false;
    last = h;
    count[h + 1]!++;
  }
  for (let h = 0; h < nH; h++) {
    if (count[h + 1] === 0) {
      throw new JiuzhuError('EMPTY_HOUSEHOLD', `household ${hId[h]} has no persons`, { location: { file: src, row: h + 1, column: 'id' } });
    }
    count[h + 1]! += count[h]!;
  }
  const start = Int32Array.from(count);
  // Counting sort: stable, linear (not needed when the persons are grouped already: the
  // order is then the identity).
  const sorted = grouped;
  const order = sorted ? new Int32Array(0) : new Int32Array(nP);
  if (!sorted) {
    const cursor = start.slice(0, nH);
    for (let p = 0; p < nP; p++) order[cursor[hOfPerson[p]!]!++] = p;
  }

  const permute = <T extends Column | Float64Array>(col: ArrayLike<number> & { length: number }, make: (n: number) => T): T => {
    const out = make(nP);
    for (let i = 0; i < nP; i++) out[i] = col[order[i]!]!;
    return out;
  };
  const personColumns: Record<string, Column> = {};
  for (const [name, col] of Object.entries(input.persons.columns ?? {})) {
    if (col.length !== nP) throw new JiuzhuError('BAD_COLUMN', `person column '${name}' has ${col.length} values for ${nP} persons`, { location: { file: src, column: name } });
    personColumns[name] = sorted ? col : permute(col, (n) => new (col.constructor as new (n: number) => Column)(n));
  }
  const householdColumns: Record<string, Column> = {};
  for (const [name, col] of Object.entries(input.households.columns ?? {})) {
    if (col.length !== nH) throw new JiuzhuError('BAD_COLUMN', `household column '${name}' has ${col.length} values for ${nH} households`, { location: { file: src, column: name } });
    householdColumns[name] = col;
  }
  const weight = input.households.weight ? checkedWeights(input.households.weight, hId, src) : new Float64Array(nH).fill(1);
  let personHousehold = hOfPerson;
  if (!sorted) {
    personHousehold = new Int32Array(nP);
    for (let h = 0; h < nH; h++) personHousehold.fill(h, start[h]!, start[h + 1]!);
  }
  return {
    nPersons: nP,
    nHouseholds: nH,
    householdId: toFloat64(hId),
    personId: sorted ? toFloat64(input.persons.id) : permute(input.persons.id, (n) => new Float64Array(n)),
    personHousehold,
    householdStart: start,
    weight,
    person: personColumns,
    household: householdColumns,
  };
}

/**
 * The household start offsets when the data are already in the population's order, checked in
 * one pass and no index: household ids strictly increasing, person ids strictly increasing
 * (so both are unique), and each person's household either the current household or the next
 * (so persons are grouped, none is an orphan and no household is empty). Generated and written
 * datasets are laid out so. Anything else gives undefined, and the general path below then
 * orders the persons and reports the first error with its row.
 */
function groupedStarts(hId: ArrayLike<number>, pId: ArrayLike<number>, pHh: ArrayLike<number>): Int32Array | undefined {
  const nH = hId.length;
  const nP = pId.length;
  if (nH === 0 || nP === 0) return undefined;
  for (let h = 1; h < nH; h++) if (!(hId[h]! > hId[h - 1]!)) return undefined;
  const start = new Int32Array(nH + 1);
  let h = 0;
  let cur = hId[0]!;
  let prev = -Infinity;
  for (let p = 0; p < nP; p++) {
    const pid = pId[p]!;
    if (!(pid > prev)) return undefined;
    prev = pid;
    const x = pHh[p]!;
    if (x === cur) continue;
    if (h + 1 === nH || x !== hId[h + 1]) return undefined;
    start[++h] = p;
    cur = x;
  }
  if (h !== nH - 1) return undefined;
  start[nH] = nP;
  return start;
}

/**
 * The population of data already in order (see groupedStarts). Building it does only what
 * every simulation needs: the start offsets (checked above) and the weights' check. The
 * float64 copies of the ids, the person → household index and the default weights of 1 are
 * made when first read (the engine's aggregations read the index, explain and the outputs the
 * ids), once, so a run that never reads them never pays for them.
 */
function groupedPopulation(input: PopulationInput, start: Int32Array): Population {
  const nH = start.length - 1;
  const nP = start[nH]!;
  const src = input.source;
  const person: Record<string, Column> = {};
  for (const [name, col] of Object.entries(input.persons.columns ?? {})) {
    if (col.length !== nP) throw new JiuzhuError('BAD_COLUMN', `person column '${name}' has ${col.length} values for ${nP} persons`, { location: { file: src, column: name } });
    person[name] = col;
  }
  const household: Record<string, Column> = {};
  for (const [name, col] of Object.entries(input.households.columns ?? {})) {
    if (col.length !== nH) throw new JiuzhuError('BAD_COLUMN', `household column '${name}' has ${col.length} values for ${nH} households`, { location: { file: src, column: name } });
    household[name] = col;
  }
  const given = input.households.weight ? checkedWeights(input.households.weight, input.households.id, src) : undefined;
  const hId = input.households.id;
  const pId = input.persons.id;
  let householdId: Float64Array | undefined;
  let personId: Float64Array | undefined;
  let personHousehold: Int32Array | undefined;
  let weight = given;
  return {
    nPersons: nP,
    nHouseholds: nH,
    get householdId() { return (householdId ??= toFloat64(hId)); },
    get personId() { return (personId ??= toFloat64(pId)); },
    get personHousehold() {
      if (!personHousehold) {
        personHousehold = new Int32Array(nP);
        for (let h = 0; h < nH; h++) personHousehold.fill(h, start[h]!, start[h + 1]!);
      }
      return personHousehold;
    },
    householdStart: start,
    get weight() { return (weight ??= new Float64Array(nH).fill(1)); },
    person,
    household,
  };
}

/** The household weights as float64, each checked: finite, ≥ 0 and at most the limit. */
function checkedWeights(values: ArrayLike<number>, hId: ArrayLike<number>, src: string | undefined): Float64Array {
  const weight = toFloat64(values);
  for (let h = 0; h < weight.length; h++) {
    const w = weight[h]!;
    if (!(w >= 0) || !(w <= MAX_WEIGHT)) {
      throw new JiuzhuError('BAD_WEIGHT', `household ${hId[h]} has weight ${w}; weights are finite, ≥ 0 and at most ${MAX_WEIGHT.toLocaleString('en-US')} (household weight limit)`, { location: { file: src, row: h + 1, column: 'weight' } });
    }
  }
  return weight;
}

/** A copy as float64 (a typed array is copied in bulk, not element by element through an iterator). */
function toFloat64(values: ArrayLike<number>): Float64Array {
  return ArrayBuffer.isView(values) ? new Float64Array(values as unknown as ArrayLike<number>) : Float64Array.from(values);
}

/** The smallest and largest id if there are ids and every one is an integer, else undefined. */
function integerRange(ids: ArrayLike<number>): { min: number; max: number } | undefined {
  if (ids.length === 0) return undefined;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < ids.length; i++) {
    const v = ids[i]!;
    if (!Number.isSafeInteger(v)) return undefined;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { min, max };
}

/** The id → row index of createPopulation: a dense table for integer ids in a compact range, else a Map. */
interface IdIndex { has(id: number): boolean; get(id: number): number | undefined; set(id: number, row: number): void }

function idIndex(ids: ArrayLike<number>): IdIndex {
  const range = integerRange(ids);
  if (!range || range.max - range.min > 4 * ids.length + 1024) return new Map<number, number>();
  const { min, max } = range;
  const table = new Int32Array(max - min + 1).fill(-1);
  const slot = (id: number): number => (Number.isInteger(id) && id >= min && id <= max ? id - min : -1);
  return {
    has: (id) => {
      const k = slot(id);
      return k >= 0 && table[k]! >= 0;
    },
    get: (id) => {
      const k = slot(id);
      const row = k >= 0 ? table[k]! : -1;
      return row >= 0 ? row : undefined;
    },
    set: (id, row) => {
      table[slot(id)] = row;
    },
  };
}

/** The set of person ids seen: a bitmap for integer ids in a compact range, else a Set. */
function idSet(ids: ArrayLike<number>): { has(id: number): boolean; add(id: number): void } {
  const range = integerRange(ids);
  // At most 16 bytes a person (a Set takes more), and bit positions that fit 32 bits.
  if (!range || range.max - range.min > Math.min(128 * ids.length + 65536, 0xffffffff)) return new Set<number>();
  const { min } = range;
  const bits = new Uint32Array(Math.floor((range.max - min) / 32) + 1);
  return {
    has: (id) => {
      const k = id - min;
      return (bits[k >>> 5]! & (1 << (k & 31))) !== 0;
    },
    add: (id) => {
      const k = id - min;
      bits[k >>> 5]! |= 1 << (k & 31);
    },
  };
}

/** Index of the household with dataset id `id`, or -1. */
export function householdIndexOf(pop: Population, id: number): number {
  const ids = pop.householdId;
  for (let h = 0; h < ids.length; h++) if (ids[h] === id) return h;
  return -1;
}

/** Number of rows of an entity. */
export function entitySize(pop: Population, entity: Entity): number {
  return entity === 'person' ? pop.nPersons : pop.nHouseholds;
}

function pickRowsKernel(out: Column, src: ArrayLike<number>, idx: Int32Array): void {
  for (let i = 0; i < idx.length; i++) out[i] = src[idx[i]!]!;
}
/**
 * out[i] ← src[idx[i]], one compiled copy per column class (specialise.ts): one shared loop saw
 * every class of the dataset's columns and went megamorphic, about 20 ms of every W3 variant in
 * the differential runs' sub-populations (issue #25, session 8 profile).
 */
const pickRows = specialise(pickRowsKernel);

/**
 * The households `households` (ascending indices) of a population, with their persons, as a
 * population of their own, and the chosen persons' indices in `pop`. With `columns`, every
 * dataset column is gathered too; without, the sub-population carries none (a caller that
 * gathers only what it reads: the differential runs).
 */
export function selectHouseholdRows(pop: Population, households: Int32Array, columns: boolean): { population: Population; persons: Int32Array } {
  const nH = households.length;
  const householdStart = new Int32Array(nH + 1);
  for (let i = 0; i < nH; i++) {
    const h = households[i]!;
    householdStart[i + 1] = householdStart[i]! + pop.householdStart[h + 1]! - pop.householdStart[h]!;
  }
  const nP = householdStart[nH]!;
  const persons = new Int32Array(nP);
  const personHousehold = new Int32Array(nP);
  for (let i = 0; i < nH; i++) {
    const h = households[i]!;
    for (let p = pop.householdStart[h]!, o = householdStart[i]!; p < pop.householdStart[h + 1]!; p++, o++) {
      persons[o] = p;
      personHousehold[o] = i;
    }
  }
  const pick = <T extends { length: number; constructor: unknown }>(c: T, idx: Int32Array): T => {
    const out = new (c.constructor as new (n: number) => T)(idx.length);
    pickRows(c as unknown as ArrayLike<number>)(out as unknown as Column, c as unknown as ArrayLike<number>, idx);
    return out;
  };
  const population: Population = {
    nPersons: nP,
    nHouseholds: nH,
    householdId: pick(pop.householdId, households),
    personId: pick(pop.personId, persons),
    personHousehold,
    householdStart,
    weight: pick(pop.weight, households),
    person: columns ? Object.fromEntries(Object.entries(pop.person).map(([k, v]) => [k, pick(v, persons)])) : {},
    household: columns ? Object.fromEntries(Object.entries(pop.household).map(([k, v]) => [k, pick(v, households)])) : {},
  };
  return { population, persons };
}
