/**
 * The sums a run accumulates, one type: the §二 dibao summary's, every program's and the
 * per-household incomes. Slices accumulate separately; `mergeSums` adds them in slice order,
 * `packSums`/`unpackSums` move them between threads. A new accumulator is added here only.
 */
import { PROGRAMS } from '../../programs/index.js';
import { DistributionAccumulator } from './distribution.js';
import { ProgramAccumulator, type ProgramMonthSums } from './program-accumulator.js';
import { DibaoAccumulator, type Grouping } from './summary.js';

/** The sums of one scenario over some households. */
export interface ScenarioSums {
  dibao: DibaoAccumulator;
  programs: ProgramAccumulator;
  distribution: DistributionAccumulator;
}

/** Adds `next` (the following slice's sums) into `into`, and returns `into`. */
export function mergeSums(into: ScenarioSums, next: ScenarioSums): ScenarioSums {
  into.dibao.merge(next.dibao);
  into.programs.merge(next.programs);
  into.distribution.merge(next.distribution);
  return into;
}

/** The private state of the accumulators, read and written only to move them between threads. */
interface DibaoState { sums: Float64Array[][]; byMonth: Map<string, { sums: Float64Array; triggered: boolean; areas?: Float64Array[] }> }
interface DistributionPart { weight: Float64Array; size: Float64Array; urban: Uint8Array; market: Float64Array; transfers: Float64Array; standard: Float64Array; months: number; at?: Int32Array }
interface DistributionState { parts: DistributionPart[] }

/** One scenario's sums of one slice, as plain data and typed arrays (structured-cloneable). */
export interface PackedSums {
  dibao: { groupings: { name: string; keys: string[] }[]; sums: Float64Array[][]; byMonth: [string, Float64Array, boolean, Float64Array[] | undefined][] };
  programs: { months: [string, ProgramMonthSums[]][]; population: [string, { persons: Float64Array; households: Float64Array }][]; recipients: Float64Array[]; households: Float64Array[]; groupDistinct: Float64Array[][]; groupPersonMonths: Float64Array[][] };
  distribution: { parts: DistributionPart[]; nationalLine: number[] };
}

/**
 * A slice's accumulated sums as plain data, and the buffers to transfer. The groupings'
 * household index is not carried: once a slice is accumulated only group names and sums matter.
 */
export function packSums(s: ScenarioSums): { value: PackedSums; transfer: ArrayBuffer[] } {
  s.programs.closePopulation();
  const d = s.dibao as unknown as DibaoState;
  const dist = s.distribution as unknown as DistributionState;
  // Plain loops, no callbacks: a helper thread packs every slice of every run, and a callback made
  // per call was optimised on its own, its code dropped at each full GC and compiled again every
  // few variants of a sweep (issue #25, W3, session 16).
  const groupings: { name: string; keys: string[] }[] = [];
  for (const g of s.dibao.groupings) groupings.push({ name: g.name, keys: [...g.keys] });
  const byMonth: PackedSums['dibao']['byMonth'] = [];
  for (const [m, { sums, triggered, areas }] of d.byMonth) byMonth.push([m, sums, triggered, areas]);
  const value: PackedSums = {
    dibao: { groupings, sums: d.sums, byMonth },
    programs: {
      months: [...s.programs.months],
      population: [...s.programs.population],
      recipients: s.programs.recipients,
      households: s.programs.households,
      groupDistinct: s.programs.groupDistinct,
      groupPersonMonths: s.programs.groupPersonMonths,
    },
    distribution: { parts: dist.parts, nationalLine: [...s.distribution.nationalLine] },
  };
  const arrays: ArrayBufferView[] = [];
  for (const g of value.dibao.sums) arrays.push(...g);
  for (const m of value.dibao.byMonth) arrays.push(m[1], ...(m[3] ?? []));
  for (const [, ps] of value.programs.months) for (const p of ps) arrays.push(...p.components, ...p.funds);
  for (const [, p] of value.programs.population) arrays.push(p.persons, p.households);
  arrays.push(...value.programs.recipients, ...value.programs.households);
  for (const g of value.programs.groupDistinct) arrays.push(...g);
  for (const g of value.programs.groupPersonMonths) arrays.push(...g);
  for (const p of value.distribution.parts) arrays.push(p.weight, p.size, p.urban, p.market, p.transfers, p.standard, ...(p.at ? [p.at] : []));
  return { value, transfer: buffersOf(arrays) };
}

/** The accumulators back from packSums: merging them gives what merging the originals gives. */
export function unpackSums(p: PackedSums): ScenarioSums {
  const groupings: Grouping[] = [];
  for (const g of p.dibao.groupings) groupings.push({ name: g.name, keys: g.keys, index: new Uint8Array(0) });
  const dibao = new DibaoAccumulator(groupings);
  const d = dibao as unknown as DibaoState;
  setEach2(d.sums, p.dibao.sums);
  for (const [m, sums, triggered, areas] of p.dibao.byMonth) d.byMonth.set(m, { sums, triggered, ...(areas ? { areas } : {}) });
  const programs = new ProgramAccumulator(PROGRAMS);
  for (const [m, sums] of p.programs.months) programs.months.set(m, sums);
  for (const [m, cells] of p.programs.population) programs.population.set(m, cells);
  setEach(programs.recipients, p.programs.recipients);
  setEach(programs.households, p.programs.households);
  setEach2(programs.groupDistinct, p.programs.groupDistinct);
  setEach2(programs.groupPersonMonths, p.programs.groupPersonMonths);
  const distribution = new DistributionAccumulator();
  (distribution as unknown as DistributionState).parts.push(...p.distribution.parts);
  distribution.nationalLine.push(...p.distribution.nationalLine);
  return { dibao, programs, distribution };
}

/** Each of `from` copied into the array of `into` at its index. */
function setEach(into: readonly Float64Array[], from: readonly Float64Array[]): void {
  for (let i = 0; i < from.length; i++) into[i]!.set(from[i]!);
}

/** setEach over arrays of arrays. */
function setEach2(into: readonly (readonly Float64Array[])[], from: readonly (readonly Float64Array[])[]): void {
  for (let i = 0; i < from.length; i++) setEach(into[i]!, from[i]!);
}

/** The distinct buffers under some typed arrays (a buffer may be listed once in a transfer). */
export function buffersOf(arrays: readonly ArrayBufferView[]): ArrayBuffer[] {
  const set = new Set<ArrayBuffer>();
  for (const a of arrays) if (a.buffer instanceof ArrayBuffer) set.add(a.buffer);
  return [...set];
}
