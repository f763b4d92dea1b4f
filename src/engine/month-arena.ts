/**
 * Columns that live for one month of month-to-month computation (temporal.ts): the inputs
 * gathered for a sub-population, its membership arrays, and what a formula allocates when it
 * runs on one. A later month of a projection year makes about a hundred small sub-populations
 * per slice (9,400 sub-population runs a year on the default dataset), each with a few columns
 * of some hundred rows; as `new` typed arrays every one of them was an ArrayBuffer of its own
 * (a backing store allocated, tracked and swept by the collector). Here they are views into a few
 * large buffers, handed out in order and all taken back at once when the next month starts.
 *
 * Nothing allocated here may be held past the month: temporal.ts writes a sub-population's
 * rows over full columns (scatter) and keeps no view into this arena once the month is over.
 */
import { ColumnAllocator, type ColumnArena, type ColumnType } from './buffers.js';
import type { Column } from './column.js';

/** Bytes of each chunk: larger columns are plain `new` arrays. */
const CHUNK_BYTES = 1 << 22;

/**
 * Chunks of arenas whose simulation was released, for the next simulation's arena in this
 * thread. A projection worker runs one simulation per slice and year, each needing about one
 * chunk: made anew, that was a 4 MB ArrayBuffer per slice-year (about 190 MB of fresh external
 * memory per W4 worker; fresh external memory counts towards starting V8's next mark-compact,
 * one about every 22–38 MB here: docs/performance.md, session 14). Kept
 * to a few, so a thread that ran a large simulation once does not hold its chunks forever.
 */
const freeChunks: ArrayBuffer[] = [];
const MAX_FREE_CHUNKS = 4;

export class MonthArena implements ColumnArena {
  private readonly chunks: ArrayBuffer[] = [];
  private chunk = 0;
  private offset = 0;

  /** A column of `length` rows, zeroed unless `zeroed` is false (the caller writes every row first). */
  alloc<T extends Column>(type: ColumnType<T>, length: number, zeroed = true): T {
    const per = (type as unknown as { BYTES_PER_ELEMENT?: number }).BYTES_PER_ELEMENT;
    const bytes = per === undefined ? Infinity : (length * per + 7) & ~7;
    if (bytes > CHUNK_BYTES) return new type(length);
    if (this.chunk === this.chunks.length || this.offset + bytes > CHUNK_BYTES) {
      if (this.chunk < this.chunks.length) this.chunk++;
      if (this.chunk === this.chunks.length) this.chunks.push(freeChunks.pop() ?? new ArrayBuffer(CHUNK_BYTES));
      this.offset = 0;
    }
    const view = new (type as unknown as new (b: ArrayBuffer, o: number, n: number) => T)(this.chunks[this.chunk]!, this.offset, length);
    this.offset += bytes;
    if (zeroed) view.fill(0);
    return view;
  }

  /** Every column handed out so far is over: the space is handed out again from the start. */
  reset(): void {
    this.chunk = 0;
    this.offset = 0;
  }

  /**
   * The simulation is released: nothing reads its columns any more, so its chunks go to the
   * next arena of this thread (a few), the rest to the collector.
   */
  clear(): void {
    for (const c of this.chunks) if (freeChunks.length < MAX_FREE_CHUNKS) freeChunks.push(c);
    this.chunks.length = 0;
    this.reset();
  }

  /** An allocator for a formula run on a sub-population (FormulaContext): every allocation from this arena. */
  allocator(): ColumnAllocator {
    return (this.own ??= new ColumnAllocator(undefined, this));
  }
  private own: ColumnAllocator | undefined;
}
