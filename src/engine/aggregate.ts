/**
 * The only ways to move values between persons and households. Each is one linear pass
 * over persons (through personHousehold) or over the contiguous member ranges, so rules
 * never loop over households themselves.
 */
import { ColumnAllocator } from './buffers.js';
import type { Column } from './column.js';
import type { Population } from './population.js';
import { specialise } from './specialise.js';

type Membership = Pick<Population, 'nHouseholds' | 'nPersons' | 'householdStart' | 'personHousehold'>;

/**
 * Sum of a person column over each household's members. One flat pass over persons through
 * personHousehold: branch-free, so about twice as fast as a loop per household on household
 * sizes of 1–6 (mispredicted inner-loop exits dominate there); members are still added in
 * order, so the sums are bit-identical to a per-household loop.
 *
 * `out` (one slot per household, overwritten) chooses the result's precision: pass a
 * Float32Array for float32 sums (half the memory; each addition rounds to float32).
 */
export function sumByHousehold(pop: Membership, values: ArrayLike<number>): Float64Array;
export function sumByHousehold<T extends Float32Array | Float64Array>(pop: Membership, values: ArrayLike<number>, out: T): T;
export function sumByHousehold(pop: Membership, values: ArrayLike<number>, out?: Float32Array | Float64Array): Float32Array | Float64Array {
  if (!out) out = new Float64Array(pop.nHouseholds);
  else if (out.length !== pop.nHouseholds) throw new RangeError(`sumByHousehold: out has ${out.length} slots for ${pop.nHouseholds} households`);
  else out.fill(0);
  sumKernel(values)(out, values, pop.personHousehold, pop.nPersons);
  return out;
}

// The kernels below are compiled once per column class (see specialise.ts): each must use only its arguments.
function sumInto(out: Float32Array | Float64Array, values: ArrayLike<number>, hh: Int32Array, n: number): void {
  for (let p = 0; p < n; p++) out[hh[p]!]! += values[p]!;
}
const sumKernel = specialise(sumInto);

/** Number of members for which `mask` is non-zero (truthy); one flat pass, as sumByHousehold. */
export function countByHousehold(pop: Membership, mask: ArrayLike<number>): Int32Array {
  const out = new Int32Array(pop.nHouseholds);
  countKernel(mask)(out, mask, pop.personHousehold, pop.nPersons);
  return out;
}

function countInto(out: Int32Array, mask: ArrayLike<number>, hh: Int32Array, n: number): void {
  for (let p = 0; p < n; p++) out[hh[p]!]! += +!!mask[p];
}
const countKernel = specialise(countInto);

/**
 * Number of members whose value is positive (> 0; NaN and negatives do not count), one flat
 * pass: the counts of countByHousehold over the mask `values > 0`, without building the mask.
 */
export function countPositiveByHousehold(pop: Membership, values: ArrayLike<number>): Int32Array {
  const out = new Int32Array(pop.nHouseholds);
  countPositiveKernel(values)(out, values, pop.personHousehold, pop.nPersons);
  return out;
}

function countPositiveInto(out: Int32Array, values: ArrayLike<number>, hh: Int32Array, n: number): void {
  for (let p = 0; p < n; p++) out[hh[p]!]! += values[p]! > 0 ? 1 : 0;
}
const countPositiveKernel = specialise(countPositiveInto);

/** 1 where any member has a non-zero value. */
export function anyInHousehold(pop: Membership, mask: ArrayLike<number>): Uint8Array {
  const out = new Uint8Array(pop.nHouseholds);
  anyKernel(mask)(out, mask, pop.householdStart, pop.nHouseholds);
  return out;
}

function anyInto(out: Uint8Array, mask: ArrayLike<number>, start: Int32Array, nH: number): void {
  for (let h = 0; h < nH; h++) {
    for (let p = start[h]!, e = start[h + 1]!; p < e; p++) if (mask[p]) { out[h] = 1; break; }
  }
}
const anyKernel = specialise(anyInto);

/** 1 where every member has a non-zero value. */
export function allInHousehold(pop: Membership, mask: ArrayLike<number>): Uint8Array {
  const out = new Uint8Array(pop.nHouseholds);
  const start = pop.householdStart;
  for (let h = 0; h < pop.nHouseholds; h++) {
    let all = 1;
    for (let p = start[h]!, e = start[h + 1]!; p < e; p++) if (!mask[p]) { all = 0; break; }
    out[h] = all;
  }
  return out;
}

/** Largest member value per household. */
export function maxByHousehold(pop: Membership, values: ArrayLike<number>): Float64Array {
  const out = new Float64Array(pop.nHouseholds);
  const start = pop.householdStart;
  for (let h = 0; h < pop.nHouseholds; h++) {
    let m = -Infinity;
    for (let p = start[h]!, e = start[h + 1]!; p < e; p++) if (values[p]! > m) m = values[p]!;
    out[h] = m;
  }
  return out;
}

/** Smallest member value per household. */
export function minByHousehold(pop: Membership, values: ArrayLike<number>): Float64Array {
  const out = new Float64Array(pop.nHouseholds);
  const start = pop.householdStart;
  for (let h = 0; h < pop.nHouseholds; h++) {
    let m = Infinity;
    for (let p = start[h]!, e = start[h + 1]!; p < e; p++) if (values[p]! < m) m = values[p]!;
    out[h] = m;
  }
  return out;
}

const sizeCache = new WeakMap<Membership, Int32Array>();

/** Number of members of each household. */
export function householdSize(pop: Membership): Int32Array {
  const out = new Int32Array(pop.nHouseholds);
  const start = pop.householdStart;
  for (let h = 0; h < pop.nHouseholds; h++) out[h] = start[h + 1]! - start[h]!;
  return out;
}

/**
 * Copies each household's value to its members. One flat pass over persons through
 * personHousehold (a gather): two to three times faster than a fill per household range.
 */
export function broadcastToPersons<T extends Column>(pop: Membership, values: T): T {
  const out = new (values.constructor as new (n: number) => T)(pop.nPersons);
  gatherKernel(values)(out, values, pop.personHousehold, pop.nPersons);
  return out;
}

function gatherInto(out: Column, values: ArrayLike<number>, hh: Int32Array, n: number): void {
  for (let p = 0; p < n; p++) out[p] = values[hh[p]!]!;
}
const gatherKernel = specialise(gatherInto);

/** The bound helpers a rule formula receives, so formulas need not hold the population. */
export interface Aggregators {
  sumByHousehold(values: ArrayLike<number>): Float64Array;
  sumByHousehold<T extends Float32Array | Float64Array>(values: ArrayLike<number>, out: T): T;
  countByHousehold(mask: ArrayLike<number>): Int32Array;
  anyInHousehold(mask: ArrayLike<number>): Uint8Array;
  allInHousehold(mask: ArrayLike<number>): Uint8Array;
  maxByHousehold(values: ArrayLike<number>): Float64Array;
  minByHousehold(values: ArrayLike<number>): Float64Array;
  householdSize(): Int32Array;
  broadcastToPersons<T extends Column>(values: T): T;
}

function sharedHouseholdSize(pop: Membership): Int32Array {
  let size = sizeCache.get(pop);
  if (!size) sizeCache.set(pop, (size = householdSize(pop)));
  return size;
}

/**
 * The helpers bound to one population, as an object whose methods live on its class. Rule
 * formulas call them through `ctx.agg`; with methods on a prototype, every simulation hands its
 * formulas the same function objects, so optimised formula code stays valid from one simulation
 * (and one month) to the next instead of being thrown away for a "wrong call target".
 *
 * The membership index is copied into fields of this class rather than read through the
 * population: populations come in several shapes (a slice, an uprated year made by spreading
 * it, a month's SubPopulation in temporal.ts), and a formula that inlined `this.pop.nHouseholds`
 * for one of them was deoptimised ("wrong map") on the next (docs/performance.md, session 14).
 */
class PopulationAggregators implements Aggregators, Membership {
  readonly nHouseholds: number;
  readonly nPersons: number;
  readonly householdStart: Int32Array;
  readonly personHousehold: Int32Array;
  private size: Int32Array | undefined;
  constructor(private readonly pop: Membership, private readonly allocator: Allocator) {
    this.nHouseholds = pop.nHouseholds;
    this.nPersons = pop.nPersons;
    this.householdStart = pop.householdStart;
    this.personHousehold = pop.personHousehold;
  }
  sumByHousehold(v: ArrayLike<number>): Float64Array;
  sumByHousehold<T extends Float32Array | Float64Array>(v: ArrayLike<number>, out: T): T;
  sumByHousehold(v: ArrayLike<number>, out?: Float32Array | Float64Array): Float32Array | Float64Array {
    // sumByHousehold zeroes the column it is given: taking it zeroed from the pool would zero it twice.
    return sumByHousehold(this, v, out ?? this.allocator.alloc(Float64Array, this.nHouseholds, false));
  }
  countByHousehold(m: ArrayLike<number>): Int32Array {
    const out = this.allocator.alloc(Int32Array, this.nHouseholds);
    countKernel(m)(out, m, this.personHousehold, this.nPersons);
    return out;
  }
  anyInHousehold(m: ArrayLike<number>): Uint8Array {
    const out = this.allocator.alloc(Uint8Array, this.nHouseholds);
    anyKernel(m)(out, m, this.householdStart, this.nHouseholds);
    return out;
  }
  allInHousehold(m: ArrayLike<number>): Uint8Array { return allInHousehold(this, m); }
  maxByHousehold(v: ArrayLike<number>): Float64Array { return maxByHousehold(this, v); }
  minByHousehold(v: ArrayLike<number>): Float64Array { return minByHousehold(this, v); }
  // Computed once per population (its membership never changes), shared by its simulations.
  householdSize(): Int32Array { return (this.size ??= sharedHouseholdSize(this.pop)); }
  broadcastToPersons<T extends Column>(v: T): T {
    // Every person is written (gatherInto): the buffer comes unzeroed.
    const out = this.allocator.alloc(v.constructor as new (n: number) => T, this.nPersons, false);
    gatherKernel(v)(out, v, this.personHousehold, this.nPersons);
    return out;
  }
}

/** Where the bound helpers take their outputs (a simulation's ColumnAllocator: buffers.ts). */
export interface Allocator {
  /** `zeroed` false: the caller writes every element before reading any. */
  alloc<T extends Column>(type: new (length: number) => T, length: number, zeroed?: boolean): T;
}

// New arrays, through a ColumnAllocator with no pool (its `alloc` outside a formula): the very
// class a simulation's helpers allocate through, so a formula compiled on a whole population
// is not deoptimised when it first runs on a sub-population's helpers (temporal.ts, session 13).
const plainNew: Allocator = new ColumnAllocator(undefined);

/** Binds the helpers to a population's membership index, allocating through `allocator` (default: new arrays). */
export function bindAggregators(pop: Membership, allocator: Allocator = plainNew): Aggregators {
  return new PopulationAggregators(pop, allocator);
}
