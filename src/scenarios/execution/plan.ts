/**
 * The plan of a run: which households are simulated together (a slice).
 *
 * Two rules ration across households — the dibao quota (dibao_admitted) and the §六
 * public-welfare posts (employment_post_holder) — and both rank households only within a
 * prefecture × area cell. A slice is therefore always a set of whole prefectures, so a slice's
 * rationing is exactly the whole population's, and the same slices are used whatever the
 * source: a dataset in memory, a chunked dataset, this thread or worker threads. The slices
 * depend on the population only (its size and its prefecture column), never on the number of
 * workers or on how a chunked dataset was cut; their sums merge in slice order, so every way of
 * running gives the same bytes.
 */
import { JiuzhuError } from '../../engine/errors.js';
import { PREFECTURE_CODES } from '../../engine/locality.js';
import { selectHouseholdRows, type Population } from '../../engine/population.js';
import type { ChunkedDataset } from '../../data/chunked.js';
import type { Dataset } from '../../data/dataset.js';

/**
 * A population below this many households is one slice, in its own order (nothing is copied).
 * The default of the plan option `minSlicedHouseholds` (ExecuteOptions, RunOptions,
 * ProjectOptions): a run given a lower value slices a smaller population the same way, so the
 * tests check slicing on a few thousand households (docs/architecture.md, Execution). Sliced and unsliced
 * runs agree to rounding, not byte for byte (the slices' sums are added in another order).
 */
export const MIN_SLICED_HOUSEHOLDS = 30_000;

/** The option minSlicedHouseholds, checked: a whole number ≥ 1 (below 1 an empty population would have no slice at all). */
export function checkMinSliced(n: unknown): number {
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1) {
    throw new JiuzhuError('BAD_OPTION', `minSlicedHouseholds must be a whole number ≥ 1, not '${String(n)}'`, { kind: 'usage', location: { key: 'minSlicedHouseholds' } });
  }
  return n;
}

/**
 * Households simulated together: their indices in the whole population (ascending) and their
 * population. `owned`: the population's buffers belong to this slice alone (read from chunks for
 * it), so they may be handed to a worker thread rather than copied.
 */
export interface Slice { households: Int32Array; population: Population; owned?: boolean }

/** A dataset in memory, or a chunked one read chunk by chunk. */
export type DatasetSource = Dataset | ChunkedDataset;

export const isChunked = (d: DatasetSource): d is ChunkedDataset => 'kind' in d && d.kind === 'chunked';

/**
 * The slices of a population of `nHouseholds` households with these prefecture codes: one slice
 * of everyone below `minSliced` (MIN_SLICED_HOUSEHOLDS), else one per prefecture present (in
 * PREFECTURE_CODES order; any other code last), households in the population's order.
 */
export function planSlices(nHouseholds: number, prefecture: ArrayLike<number> | undefined, minSliced = MIN_SLICED_HOUSEHOLDS): Int32Array[] {
  if (nHouseholds < checkMinSliced(minSliced) || !prefecture) return [Int32Array.from({ length: nHouseholds }, (_, h) => h)];
  const order = new Map<number, number>(PREFECTURE_CODES.map((c, i) => [c, i]));
  const groups = new Map<number, number[]>();
  for (let h = 0; h < nHouseholds; h++) {
    const k = order.get(prefecture[h]!) ?? PREFECTURE_CODES.length;
    let g = groups.get(k);
    if (!g) groups.set(k, (g = []));
    g.push(h);
  }
  return [...groups.keys()].sort((a, b) => a - b).map((k) => Int32Array.from(groups.get(k)!));
}

/** The households `households` (ascending indices) of a population, with their persons, as a population of their own. */
export function selectHouseholds(pop: Population, households: Int32Array): Population {
  return households.length === pop.nHouseholds ? pop : selectHouseholdRows(pop, households, true).population;
}

/** Populations one after the other, as one (household and person order kept). */
export function concatPopulations(parts: readonly Population[]): Population {
  if (parts.length === 1) return parts[0]!;
  const nH = parts.reduce((a, p) => a + p.nHouseholds, 0);
  const nP = parts.reduce((a, p) => a + p.nPersons, 0);
  const householdStart = new Int32Array(nH + 1);
  const personHousehold = new Int32Array(nP);
  let h0 = 0, p0 = 0;
  for (const part of parts) {
    for (let h = 0; h < part.nHouseholds; h++) householdStart[h0 + h + 1] = p0 + part.householdStart[h + 1]!;
    for (let p = 0; p < part.nPersons; p++) personHousehold[p0 + p] = h0 + part.personHousehold[p]!;
    h0 += part.nHouseholds;
    p0 += part.nPersons;
  }
  const cat = <T extends { length: number; set(a: ArrayLike<number>, o: number): void }>(cols: T[]): T => {
    const out = new ((cols[0] as unknown as { constructor: new (n: number) => T }).constructor)(cols.reduce((a, c) => a + c.length, 0));
    let o = 0;
    for (const c of cols) { out.set(c as unknown as ArrayLike<number>, o); o += c.length; }
    return out;
  };
  const columns = (get: (p: Population) => Readonly<Record<string, unknown>>): Record<string, never> => {
    const names = Object.keys(get(parts[0]!));
    for (const p of parts) {
      const have = Object.keys(get(p));
      if (have.length !== names.length || names.some((n) => !(n in get(p)))) throw new JiuzhuError('BAD_CHUNK', `the chunks of a dataset have different columns (${names.join(', ')} against ${have.join(', ')})`, { kind: 'input' });
    }
    return Object.fromEntries(names.map((n) => [n, cat(parts.map((p) => get(p)[n] as never))])) as Record<string, never>;
  };
  return {
    nPersons: nP,
    nHouseholds: nH,
    householdId: cat(parts.map((p) => p.householdId)),
    personId: cat(parts.map((p) => p.personId)),
    personHousehold,
    householdStart,
    weight: cat(parts.map((p) => p.weight)),
    person: columns((p) => p.person),
    household: columns((p) => p.household),
  };
}

const planned = new WeakMap<Population, Map<number, Slice[]>>();

/** The slices of a population in memory (computed once per population object and threshold). */
export function slicesOf(pop: Population, minSliced = MIN_SLICED_HOUSEHOLDS): Slice[] {
  let byThreshold = planned.get(pop);
  if (!byThreshold) planned.set(pop, (byThreshold = new Map()));
  let s = byThreshold.get(minSliced);
  if (!s) {
    s = planSlices(pop.nHouseholds, pop.household.prefecture, minSliced).map((households) => ({ households, population: selectHouseholds(pop, households) }));
    byThreshold.set(minSliced, s);
  }
  return s;
}

/**
 * A slice of the plan before it is read: its households (an estimate for a chunked dataset with
 * untagged chunks) and how to read it. `read` gives undefined for a slice that turns out empty.
 */
export interface PlannedSlice { households: number; read(): Promise<Slice | undefined> }

/** The plan of any source, in slice order: slicesOf a dataset in memory, or chunkedPlan. */
export function plannedSlices(source: DatasetSource, minSliced = MIN_SLICED_HOUSEHOLDS): PlannedSlice[] {
  if (isChunked(source)) return chunkedPlan(source, minSliced);
  return slicesOf(source.population, minSliced).map((s) => ({ households: s.households.length, read: () => Promise.resolve(s) }));
}

/**
 * The slices of a chunked dataset, each read when asked, equal to slicesOf the dataset's chunks
 * put end to end (with the same `minSliced`). A small dataset is read whole; a large one prefecture by prefecture, reading
 * only the chunks the manifest tags with that prefecture (an untagged chunk is read for each
 * prefecture), so a slice holds only its prefecture's households. Their number comes from the
 * manifest; an untagged chunk's households count as spread evenly over the prefectures.
 */
export function chunkedPlan(source: ChunkedDataset, minSliced = MIN_SLICED_HOUSEHOLDS): PlannedSlice[] {
  const chunks = source.manifest.chunks;
  const offsets: number[] = [];
  let total = 0;
  for (const c of chunks) { offsets.push(total); total += c.households; }
  if (total < checkMinSliced(minSliced)) {
    return [{
      households: total,
      read: async () => {
        const parts: Population[] = [];
        for (let c = 0; c < chunks.length; c++) parts.push(await source.loadChunk(c));
        const pop = concatPopulations(parts);
        return { households: Int32Array.from({ length: pop.nHouseholds }, (_, h) => h), population: pop, owned: true };
      },
    }];
  }
  const codes = [...PREFECTURE_CODES, -1];
  const untagged = chunks.reduce((a, c) => a + (c.prefecture === undefined ? c.households : 0), 0);
  const plan: PlannedSlice[] = [];
  for (const code of codes) {
    const tagged = chunks.reduce((a, c) => a + (c.prefecture === code ? c.households : 0), 0);
    // Only untagged chunks can hold households of this prefecture: none, no slice.
    if (!tagged && !untagged) continue;
    plan.push({ households: tagged + Math.ceil(untagged / codes.length), read: () => readPrefecture(source, code, offsets) });
  }
  return plan;
}

/** The households of one prefecture (-1: of any code not in PREFECTURE_CODES) from the chunks that may hold them. */
async function readPrefecture(source: ChunkedDataset, code: number, offsets: readonly number[]): Promise<Slice | undefined> {
  const chunks = source.manifest.chunks;
  const parts: Population[] = [];
  const index: Int32Array[] = [];
  // Several chunks are put end to end (a copy), so each may be read as views into its file.
  const transient = chunks.filter((c) => c.prefecture === undefined || c.prefecture === code).length > 1;
  for (let c = 0; c < chunks.length; c++) {
    const tag = chunks[c]!.prefecture;
    if (tag !== undefined && tag !== code) continue;
    const pop = await source.loadChunk(c, { transient });
    if (tag === code) {
      // A tagged chunk's households are all of its prefecture (loadChunk checks every one):
      // the whole chunk, as it is, without looking at each household again.
      parts.push(pop);
      const at = new Int32Array(pop.nHouseholds);
      for (let h = 0; h < at.length; h++) at[h] = h + offsets[c]!;
      index.push(at);
      continue;
    }
    const pref = pop.household.prefecture;
    const mine: number[] = [];
    for (let h = 0; h < pop.nHouseholds; h++) {
      const k = pref ? pref[h]! : -1;
      if (k === code || (code === -1 && !PREFECTURE_CODES.includes(k))) mine.push(h);
    }
    if (!mine.length) continue;
    const local = Int32Array.from(mine);
    parts.push(selectHouseholds(pop, local));
    index.push(local.map((h) => h + offsets[c]!));
  }
  if (!parts.length) return undefined;
  const households = new Int32Array(index.reduce((a, x) => a + x.length, 0));
  let o = 0;
  for (const x of index) { households.set(x, o); o += x.length; }
  // The chunks' parts are copied into the slice: not held while it is simulated (issue #25).
  return { households, population: concatPopulations(parts), owned: true };
}
