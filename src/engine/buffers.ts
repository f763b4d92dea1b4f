/**
 * Column buffers reused instead of allocated anew (issue #25). A month of the whole system
 * makes about 130 MB of columns on the default dataset; allocated afresh, every ~64 MB of new
 * ArrayBuffers costs V8 a full mark-compact, and every fresh page a first-touch fault. Formulas
 * take their outputs and temporaries from `ctx.alloc` instead of `new`, and the simulation
 * gives a buffer back to its population's pool as soon as nothing can read it any more:
 *
 * - a formula's temporaries, when it returns;
 * - a column no rule of its month still has to read and no caller outside the engine has
 *   seen (its readers come from the rule graph; see Simulation.calculate);
 * - a month's columns, when the month loop forgets the month;
 * - every column of a simulation, when `release()` says it is done.
 *
 * A column handed to a caller outside the engine (a top-level `calculate`, the shared
 * results, another rule returning it as its own output) is never given back: whoever holds it
 * may read it later. A buffer from the pool is zeroed, so a formula sees exactly what `new`
 * would have given it; outputs are the same bytes with reuse on or off (test/reuse.test.ts).
 * The one exception is a column its maker writes in full before anything reads it (`ctx.allocFull`,
 * draws, broadcasts, fused outputs): it comes unzeroed, since zeroing it first would only be
 * overwritten (zeroing took about 5% of an explorer move).
 */
import type { Column } from './column.js';
import type { Population } from './population.js';

/** A column's class, as a formula names it: `ctx.alloc(Float64Array)`. */
export type ColumnType<T extends Column = Column> = new (length: number) => T;

let reuse = process.env.JIUZHU_ENGINE_REUSE !== '0';

/**
 * Turns buffer reuse (and the early freeing of columns no rule still reads) on or off for
 * simulations made from now on. Off, every allocation is a `new` typed array and nothing is
 * freed before the simulation is: the engine as it was, kept to check that reuse changes no
 * byte. The environment variable `JIUZHU_ENGINE_REUSE=0` starts a process with it off.
 */
export function setBufferReuse(on: boolean): void {
  reuse = on;
}

/** Whether simulations made now reuse buffers. */
export function bufferReuse(): boolean {
  return reuse;
}

/** Bytes a pool allocated fresh and handed out again (for the bench's allocation figures). */
export interface PoolStats { freshBytes: number; reusedBytes: number }

/** Free buffers of one population, by class and length. */
export class BufferPool implements PoolStats {
  freshBytes = 0;
  reusedBytes = 0;
  private readonly free = new Map<ColumnType, Map<number, Column[]>>();

  /**
   * A zeroed column: a free one if there is one, else a new one. `zeroed` false: a free one is
   * handed over as it is, for a caller that writes every element before reading any.
   */
  take<T extends Column>(type: ColumnType<T>, length: number, zeroed = true): T {
    const c = this.free.get(type)?.get(length)?.pop() as T | undefined;
    if (c) {
      if (zeroed) c.fill(0);
      this.reusedBytes += c.byteLength;
      return c;
    }
    const fresh = new type(length);
    this.freshBytes += fresh.byteLength;
    return fresh;
  }

  /** Takes a buffer back; the caller guarantees nothing reads it any more. */
  give(c: Column): void {
    const type = c.constructor as ColumnType;
    let byLength = this.free.get(type);
    if (!byLength) this.free.set(type, (byLength = new Map()));
    let list = byLength.get(c.length);
    if (!list) byLength.set(c.length, (list = []));
    list.push(c);
  }

  /** Lets every free buffer go to the collector (a pool not needed for a while). */
  clear(): void {
    this.free.clear();
  }

  /** Bytes held free. */
  get freeBytes(): number {
    let n = 0;
    for (const byLength of this.free.values()) for (const list of byLength.values()) for (const c of list) n += c.byteLength;
    return n;
  }
}

const pools = new WeakMap<Population['householdStart'], BufferPool>();

/** A pool nothing is given back to: its `take` is a new column, zeroed. */
const UNPOOLED = new BufferPool();

/**
 * The pool of a population, shared by its simulations (a reform, a sweep's variants, the months),
 * and by the populations that share its household index (`householdStart`): a projection's
 * uprated years of one slice (upratePopulation keeps the index), whose columns have the same
 * lengths. Each year's simulation then takes the buffers the year before gave back instead of
 * fresh memory (about 130 MB of columns a month of the default dataset; fresh ArrayBuffers cost
 * V8 full mark-compacts and first-touch faults). A pool is only free buffers by class and length:
 * which populations share one changes no value.
 */
export function populationPool(pop: Population): BufferPool {
  let pool = pools.get(pop.householdStart);
  if (!pool) pools.set(pop.householdStart, (pool = new BufferPool()));
  return pool;
}

/** Columns that all go back at once, later (a month's arena: month-arena.ts). */
export interface ColumnArena {
  alloc<T extends Column>(type: ColumnType<T>, length: number, zeroed: boolean): T;
}

/**
 * One simulation's allocations. While a formula runs, `alloc` takes from the pool and records
 * what it took; when the formula returns, `settle` keeps its output and gives the rest back.
 * Outside a formula (a caller using `sim.agg()`), or with reuse off, `alloc` is plain `new`.
 * With an arena, every allocation comes from it (a formula run on a month's sub-population).
 */
export class ColumnAllocator {
  /** Allocations of the formula running now. */
  private pending: Column[] | undefined;
  /** Outputs this simulation allocated, still held in its cache. */
  private readonly owned = new Set<Column>();
  /** Buffers someone outside may hold: never given back. */
  private readonly pinned = new WeakSet<ArrayBufferLike>();

  /**
   * The arena is a field of this one class, not a subclass overriding `alloc`: a formula
   * compiled in a year's first month (on this class, over the whole population) then finds the
   * same class when it runs on the month's sub-populations; a subclass was another map, and
   * deoptimised it ("wrong map") in the second month of every year (docs/performance.md, session 14).
   */
  constructor(readonly pool: BufferPool | undefined, private readonly arena?: ColumnArena) {}

  /** `zeroed` false: the caller writes every element before reading any (see BufferPool.take). */
  alloc<T extends Column>(type: ColumnType<T>, length: number, zeroed = true): T {
    const arena = this.arena;
    if (arena) return arena.alloc(type, length, zeroed);
    // Without a formula running (or a pool), a new column, made by an empty pool's `take`: a
    // sub-population's rule (temporal.ts, from the second month) then runs the very code its
    // first months ran on the pool. A `new` of its own here deoptimised every formula compiled
    // in the first month the first time it ran on a sub-population (docs/performance.md, session 13).
    const pending = this.pending;
    const c = (pending ? this.pool! : UNPOOLED).take(type, length, zeroed);
    if (pending) pending.push(c);
    return c;
  }

  /** A formula starts: its allocations are recorded from now (only with a pool). */
  begin(): void {
    if (this.pool) this.pending = [];
  }

  /**
   * A formula returned `out` from `inputs`: an allocation that is the output is owned, one
   * that shares its buffer otherwise (a view) is pinned, the rest go back to the pool. An
   * output on an input's buffer (a rule passing a column through) pins that buffer.
   */
  settle(out: Column, inputs: readonly Column[]): void {
    const list = this.pending;
    this.pending = undefined;
    if (!list) return;
    for (const c of list) {
      if (c === out) this.owned.add(c);
      else if (c.buffer === out.buffer) this.pinned.add(c.buffer);
      else this.pool!.give(c);
    }
    for (const i of inputs) if (i.buffer === out.buffer) this.pinned.add(out.buffer);
  }

  /** A formula threw: what it took is dropped (left to the garbage collector). */
  abandon(): void {
    this.pending = undefined;
  }

  /** The column leaves the engine (a caller, the shared results): never given back. */
  pin(c: Column): void {
    if (this.pool) this.pinned.add(c.buffer);
  }

  /** Whether giving the column back would be allowed now. */
  releasable(c: Column): boolean {
    return this.owned.has(c) && !this.pinned.has(c.buffer);
  }

  /** Gives a column back to the pool if this simulation made it and nobody outside saw it. */
  release(c: Column): void {
    if (!this.owned.delete(c)) return;
    if (!this.pinned.has(c.buffer)) this.pool!.give(c);
  }
}
