/**
 * The synthetic population of the peer benchmark workload W1 (shared/bench/peer-workload.md):
 * seeded, built column by column with the keyed generator so it is reproducible.
 */
import { createPopulation, type Population } from '../engine/population.js';
import { boxMuller, keyedUniform } from '../engine/random.js';

/** Household sizes 1–6 and their probabilities, from the workload. */
const SIZES = [1, 2, 3, 4, 5, 6];
const SIZE_P = [0.15, 0.3, 0.25, 0.18, 0.08, 0.04];

function normal(seed: number, key: number, stream: number): number {
  return boxMuller(keyedUniform(seed, key, 0, stream), keyedUniform(seed, key, 0, stream + 1));
}

/** The W1 columns as plain typed arrays, before any Population is built from them. */
export interface PeerWorkloadColumns {
  households: { id: Int32Array; columns: { urban: Uint8Array } };
  persons: {
    id: Int32Array;
    household: Int32Array;
    columns: { age: Int16Array; earnings: Float32Array; other_income: Float32Array; disabled: Uint8Array };
  };
  source: string;
}

/**
 * The W1 columns of `persons` persons (default 1,000,000), persons already grouped by
 * household. Dtypes are sized to the data: ids fit Int32, ages Int16, flags Uint8, and the
 * monthly money columns are Float32 (7 significant digits, as in the peer's float32 run).
 * With `sharedMemory`, every column lives in a SharedArrayBuffer, so worker threads can
 * read it without a copy.
 */
export function peerWorkloadColumns(persons = 1_000_000, seed = 2024, options: { sharedMemory?: boolean } = {}): PeerWorkloadColumns {
  const alloc = <T>(Ctor: { new (n: number): T; new (b: SharedArrayBuffer): T; readonly BYTES_PER_ELEMENT: number }, n: number): T =>
    options.sharedMemory ? new Ctor(new SharedArrayBuffer(n * Ctor.BYTES_PER_ELEMENT)) : new Ctor(n);
  const hhOf = alloc(Int32Array, persons);
  let p = 0;
  let h = 0;
  while (p < persons) {
    const u = keyedUniform(seed, h, 0, 1);
    let size = SIZES[SIZES.length - 1]!;
    let c = 0;
    for (let k = 0; k < SIZES.length; k++) { c += SIZE_P[k]!; if (u < c) { size = SIZES[k]!; break; } }
    size = Math.min(size, persons - p); // the last household is trimmed to hit N exactly
    hhOf.fill(h, p, p + size);
    p += size;
    h++;
  }
  const age = alloc(Int16Array, persons);
  const earnings = alloc(Float32Array, persons);
  const other = alloc(Float32Array, persons);
  const disabled = alloc(Uint8Array, persons);
  for (let i = 0; i < persons; i++) {
    const a = Math.floor(keyedUniform(seed, i, 0, 10) * 90);
    age[i] = a;
    if (a >= 18 && a <= 59 && keyedUniform(seed, i, 0, 11) < 0.85) earnings[i] = Math.exp(8.2 + 0.8 * normal(seed, i, 12));
    if (a >= 60) other[i] = Math.exp(7.2 + 0.8 * normal(seed, i, 14));
    disabled[i] = keyedUniform(seed, i, 0, 16) < 0.05 ? 1 : 0;
  }
  const urban = alloc(Uint8Array, h);
  for (let k = 0; k < h; k++) urban[k] = keyedUniform(seed, k, 0, 20) < 0.6 ? 1 : 0;
  const personIds = alloc(Int32Array, persons);
  for (let i = 0; i < persons; i++) personIds[i] = i;
  const householdIds = alloc(Int32Array, h);
  for (let k = 0; k < h; k++) householdIds[k] = k;
  return {
    households: { id: householdIds, columns: { urban } },
    persons: { id: personIds, household: hhOf, columns: { age, earnings, other_income: other, disabled } },
    source: 'peer workload W1',
  };
}

/** W1 population of `persons` persons (default 1,000,000). */
export function peerWorkloadPopulation(persons = 1_000_000, seed = 2024): Population {
  return createPopulation(peerWorkloadColumns(persons, seed));
}
