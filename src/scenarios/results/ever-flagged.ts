/**
 * The persons of a population flagged in some month of a run (a program's recipients, a
 * recipient group), for the distinct counts of ProgramAccumulator.closePopulation.
 *
 * Held as the flagged persons' rows, ascending, while every month's flag came as its non-zero
 * rows (a run against a base: engine/differential.ts), and as one byte per person otherwise.
 * Either way the households with a flagged member come out in ascending order with their counts,
 * so the sums added from them are the same additions in the same order; from the rows, they cost
 * the flagged persons, not every person (issue #25: a W3 variant read every person's byte of
 * every program's flags, 3% of its time, to find its few recipients).
 */
import { specialise } from '../../engine/specialise.js';
import type { SparseColumn } from '../../engine/differential.js';
import { resultReuse } from './reuse-switch.js';

const NONE = new Int32Array(0);

/**
 * Above this share of the persons, flagged rows are kept as bytes (a union of sorted rows then
 * costs more than an OR of bytes). A speed knob, not a policy number: both give the same counts.
 */
const ROWS_SHARE = 1 / 16;

export class EverFlagged {
  private bytes: Uint8Array | null = null;
  private rows: Int32Array = NONE;

  constructor(readonly nPersons: number) {}

  /** A month's flag over every person: ORed in (non-zero is flagged). */
  addColumn(flag: ArrayLike<number>): void {
    orFlags(this.denseBytes(), flag);
  }

  /** A month's flag as its non-zero rows (every other person is 0). */
  addSparse(flag: SparseColumn): void {
    if (this.bytes || !resultReuse()) {
      orSparseFlags(this.denseBytes(), flag);
      return;
    }
    this.rows = unionFlagged(this.rows, flag);
    if (this.rows.length > ROWS_SHARE * this.nPersons) this.denseBytes();
  }

  /** How the flagged persons are held now: their rows, or a byte per person. */
  get form(): 'rows' | 'bytes' {
    return this.bytes ? 'bytes' : 'rows';
  }

  /**
   * The households with a flagged member, ascending, into `touched` (their number is returned),
   * each one's count of flagged members added into `counts` (zero on entry).
   */
  households(personHousehold: Int32Array, counts: Int32Array, touched: Int32Array): number {
    if (this.bytes) return flaggedHouseholds(this.bytes, personHousehold, counts, touched);
    const rows = this.rows;
    let n = 0;
    let last = -1;
    for (let j = 0; j < rows.length; j++) {
      const h = personHousehold[rows[j]!]!;
      if (h !== last) {
        touched[n++] = h;
        last = h;
      }
      counts[h]!++;
    }
    return n;
  }

  /** The bytes, made from the rows when there are none yet. */
  private denseBytes(): Uint8Array {
    if (this.bytes) return this.bytes;
    const b = new Uint8Array(this.nPersons);
    for (let j = 0; j < this.rows.length; j++) b[this.rows[j]!] = 1;
    this.rows = NONE;
    return (this.bytes = b);
  }
}

/** The sorted union of `rows` and the rows of `flag` with a non-zero value (`flag.rows` ascend). */
function unionFlagged(rows: Int32Array, flag: SparseColumn): Int32Array {
  const fr = flag.rows;
  const fv = flag.values;
  const out = new Int32Array(rows.length + fr.length);
  let i = 0;
  let k = 0;
  for (let j = 0; j < fr.length; j++) {
    if (!fv[j]) continue;
    const r = fr[j]!;
    while (i < rows.length && rows[i]! < r) out[k++] = rows[i++]!;
    if (i < rows.length && rows[i] === r) i++;
    out[k++] = r;
  }
  while (i < rows.length) out[k++] = rows[i++]!;
  return k === out.length ? out : out.slice(0, k);
}

/** ever[i] ← 1 for the non-zero rows of a sparse flag. */
function orSparseFlags(ever: Uint8Array, flag: SparseColumn): void {
  const { rows, values } = flag;
  for (let j = 0; j < rows.length; j++) if (values[j]) ever[rows[j]!] = 1;
}

/**
 * The households with a non-zero `ever` byte among their members, in ascending order, into
 * `touched` (their number is returned), each one's count of such members added into `counts`
 * (zero on entry). Persons are grouped by household, so households come in ascending order;
 * the bytes are read four at a time and zero words skipped (most persons are never flagged).
 */
function flaggedHouseholds(ever: Uint8Array, personHousehold: Int32Array, counts: Int32Array, touched: Int32Array): number {
  let n = 0;
  let last = -1;
  const flag = (q: number): void => {
    const h = personHousehold[q]!;
    if (h !== last) {
      touched[n++] = h;
      last = h;
    }
    counts[h]!++;
  };
  const aligned = ever.byteOffset % 4 === 0;
  const words = aligned ? ever.length >>> 2 : 0;
  const w32 = new Uint32Array(ever.buffer, ever.byteOffset, words);
  for (let i = 0; i < words; i++) {
    if (w32[i] === 0) continue;
    for (let q = i << 2, e = q + 4; q < e; q++) if (ever[q] !== 0) flag(q);
  }
  for (let q = words << 2; q < ever.length; q++) if (ever[q] !== 0) flag(q);
  return n;
}

function orFlagsInto(ever: Uint8Array, flag: ArrayLike<number>): void {
  for (let i = 0; i < ever.length; i++) ever[i] = ever[i]! | (flag[i] ? 1 : 0);
}
const orFlagsKernel = specialise(orFlagsInto);

/**
 * ever[i] ← 1 where flag[i] ≠ 0, for every person. A byte flag is ORed four bytes at a time (a
 * byte of `ever` is then non-zero, not 1, where a flag byte was >1: the counts count non-zero
 * bytes, so they are the same); any other column goes through orFlagsKernel.
 */
function orFlags(ever: Uint8Array, flag: ArrayLike<number>): void {
  if (!(flag instanceof Uint8Array) || flag.byteOffset % 4 !== 0 || ever.byteOffset % 4 !== 0) {
    orFlagsKernel(flag)(ever, flag);
    return;
  }
  const words = ever.length >>> 2;
  const e = new Uint32Array(ever.buffer, ever.byteOffset, words);
  const f = new Uint32Array(flag.buffer, flag.byteOffset, words);
  for (let i = 0; i < words; i++) e[i] = e[i]! | f[i]!;
  for (let i = words << 2; i < ever.length; i++) ever[i] = ever[i]! | (flag[i] ? 1 : 0);
}
