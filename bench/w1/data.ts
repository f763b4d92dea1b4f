/**
 * W1 data: the seeded 1,000,000-person population as column arrays in memory, and the
 * shared-memory view of a built population that the year's worker threads read.
 */
import { peerWorkloadColumns, type PeerWorkloadColumns } from '../../src/data/peer-workload.js';
import type { Column } from '../../src/engine/column.js';
import type { Population } from '../../src/engine/population.js';

export const W1_PERSONS = 1_000_000;
export const W1_SEED = 2024;
export const W1_MONTH = '2024-06';
export const W1_YEAR = '2024';
/** Size of the population the JIT warm-up runs on, WARMUP_ROUNDS times (not timed, see README). */
export const WARMUP_PERSONS = 5000;

type TypedArray = Column;

/** A copy of a typed array backed by a SharedArrayBuffer (itself when it already is). */
export function shared<T extends TypedArray>(a: T): T {
  if (a.buffer instanceof SharedArrayBuffer) return a;
  const Ctor = a.constructor as new (b: SharedArrayBuffer, offset: number, length: number) => T;
  const out = new Ctor(new SharedArrayBuffer(a.byteLength), 0, a.length);
  out.set(a as never);
  return out;
}

const mapValues = <T extends TypedArray>(o: Readonly<Record<string, T>>, f: (a: T) => T): Record<string, T> =>
  Object.fromEntries(Object.entries(o).map(([k, v]) => [k, f(v)]));

/** The W1 columns; with `sharedMemory`, allocated in SharedArrayBuffers by the generator. */
export function w1Columns(persons = W1_PERSONS, seed = W1_SEED, sharedMemory = false): PeerWorkloadColumns {
  return peerWorkloadColumns(persons, seed, { sharedMemory });
}

/**
 * The same population with every array in shared memory: columns that already are (see
 * w1Columns) are passed through, the membership index createPopulation built is copied.
 * A Population is plain data, so a worker can use the result as is.
 */
export function sharePopulation(pop: Population): Population {
  return {
    nPersons: pop.nPersons,
    nHouseholds: pop.nHouseholds,
    householdId: shared(pop.householdId),
    personId: shared(pop.personId),
    personHousehold: shared(pop.personHousehold),
    householdStart: shared(pop.householdStart),
    weight: shared(pop.weight),
    person: mapValues(pop.person, shared),
    household: mapValues(pop.household, shared),
  };
}
