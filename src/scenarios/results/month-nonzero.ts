/**
 * A monthly rule's column, month to month, as its non-zero rows (issue #25, W4). Most of the
 * columns the accumulators read (money components, recipient flags, person counts) are zero for
 * most households and change for a few of them a month; every reader adds or ORs the non-zero
 * rows only, in ascending order (program-accumulator.ts, ever-flagged.ts, distribution.ts), so
 * the rows and their values give the same sums as the whole column. They are found by one pass
 * over the column in a population's first month, then kept from month to month: last month's
 * rows, with the households month to month says changed (engine/temporal.ts) taken again from
 * the column, or last month's very rows when none changed. A column with more than a quarter of
 * its rows non-zero is left whole (a pass over it costs less than its rows and values).
 *
 * A month's rows and values are written into one of two buffers kept per simulation and rule,
 * the one last month's rows are not in: the readers add or copy them within their month and keep
 * none, so the month before last's buffer is free. Made anew each month, they were about an
 * eighth of a projection worker's fresh ArrayBuffers (some 15,000 a worker over W4; session 14).
 */
import type { Column } from '../../engine/column.js';
import type { SparseColumn } from '../../engine/differential.js';
import { monthFromIndex, monthIndex } from '../../engine/period.js';
import type { Simulation } from '../../engine/simulation.js';
import { specialise } from '../../engine/specialise.js';

/** Share of the rows above which a column is read whole. A speed knob, not a policy number. */
const SPARSE_SHARE = 1 / 4;

/** Per simulation and rule: the latest month seen, its non-zero rows (null: read whole), and the two buffers they are written into. */
interface Tracked { month: string; rows: SparseColumn | null; slots: [Slot, Slot] }
const tracked = new WeakMap<Simulation, Map<string, Tracked>>();

/** Room for a month's non-zero rows and their values. */
interface Slot { rows: Int32Array; values: Float64Array }
const EMPTY_SLOT = (): Slot => ({ rows: new Int32Array(0), values: new Float64Array(0) });

/**
 * A monthly rule's column for a month as its non-zero rows (NaN is not zero; -0 is) and their
 * values, ascending; undefined when month to month does not know how the column changed (no
 * month-to-month run, a shared column) or it is better read whole.
 */
export function monthNonZero(sim: Simulation, rule: string, month: string, column: Column): SparseColumn | undefined {
  const change = sim.changeFromMonthBefore(rule, month);
  if (change === undefined || sim.isShared(column)) return undefined;
  const pop = sim.population;
  const person = sim.entityOf(rule) === 'person';
  if (column.length !== (person ? pop.nPersons : pop.nHouseholds)) return undefined;
  let byRule = tracked.get(sim);
  if (!byRule) tracked.set(sim, (byRule = new Map()));
  let last = byRule.get(rule);
  if (last?.month === month) return last.rows ?? undefined;
  if (!last) byRule.set(rule, (last = { month: '', rows: null, slots: [EMPTY_SLOT(), EMPTY_SLOT()] }));
  const known = last.month === monthFromIndex(monthIndex(month) - 1) ? last.rows : undefined;
  // Last month's rows stay readable while this month's are made: the other buffer.
  const slot = known && known.rows.buffer === last.slots[0].rows.buffer ? last.slots[1] : last.slots[0];
  let rows: SparseColumn | null;
  if (known !== undefined && change !== 'all') {
    if (change === 'none') rows = known;
    else rows = known ? updated(known, change, column, person ? pop.householdStart : undefined, slot) : null;
  } else rows = nonZeroRows(column, slot);
  if (rows && rows.rows.length > SPARSE_SHARE * column.length) {
    rows = null;
    // A column read whole keeps no room for its rows (on a full count's slice, tens of MB a rule).
    Object.assign(slot, EMPTY_SLOT());
  }
  last.month = month;
  last.rows = rows;
  return rows ?? undefined;
}

/** A slot with room for `n` rows (grown by half again, so a slowly growing count does not regrow it every month). */
function room(slot: Slot, n: number): Slot {
  if (slot.rows.length < n) {
    const size = n + (n >> 1);
    slot.rows = new Int32Array(size);
    slot.values = new Float64Array(size);
  }
  return slot;
}

/** The non-zero rows of a column, ascending, with their values, in `slot`; null when it is read whole (too many). */
function nonZeroRows(c: Column, slot: Slot): SparseColumn | null {
  if (scratch.length < c.length) scratch = new Int32Array(c.length);
  const n = nonZeroKernel(c)(c, scratch);
  if (n > SPARSE_SHARE * c.length) return null;
  const { rows, values } = room(slot, n);
  rows.set(scratch.subarray(0, n));
  for (let j = 0; j < n; j++) values[j] = c[rows[j]!]!;
  return { length: c.length, rows: rows.subarray(0, n), values: values.subarray(0, n) };
}
let scratch = new Int32Array(0);

function nonZeroInto(c: ArrayLike<number>, rows: Int32Array): number {
  let n = 0;
  for (let i = 0; i < c.length; i++) if (c[i] !== 0) rows[n++] = i;
  return n;
}
const nonZeroKernel = specialise(nonZeroInto);

/**
 * The non-zero rows of a column that differs from one with non-zero rows `known` only at the
 * households `changed` (ascending; a household's rows are start[h] to start[h + 1] of a person
 * column, h itself of a household column): known's rows elsewhere, the changed households'
 * rows taken again from the column. Written into `slot`, which `known` is not in.
 */
function updated(known: SparseColumn, changed: Int32Array, c: Column, start: Int32Array | undefined, slot: Slot): SparseColumn {
  let bound = known.rows.length;
  for (let k = 0; k < changed.length; k++) bound += start ? start[changed[k]! + 1]! - start[changed[k]!]! : 1;
  const { rows, values } = room(slot, bound);
  const n = updateKernel(c)(c, known.rows, known.values, changed, start ?? NO_START, start !== undefined, rows, values);
  return { length: c.length, rows: rows.subarray(0, n), values: values.subarray(0, n) };
}
const NO_START = new Int32Array(0);

// Compiled once per column class (engine/specialise.ts): the columns read have every dtype.
function updateInto(c: ArrayLike<number>, kr: Int32Array, kv: ArrayLike<number>, changed: Int32Array, start: Int32Array, person: boolean, rows: Int32Array, values: Float64Array): number {
  let n = 0;
  let i = 0;
  for (let k = 0; k < changed.length; k++) {
    const h = changed[k]!;
    const s = person ? start[h]! : h, e = person ? start[h + 1]! : h + 1;
    for (; i < kr.length && kr[i]! < s; i++, n++) {
      rows[n] = kr[i]!;
      values[n] = kv[i]!;
    }
    while (i < kr.length && kr[i]! < e) i++;
    for (let r = s; r < e; r++) {
      const v = c[r]!;
      if (v !== 0) {
        rows[n] = r;
        values[n++] = v;
      }
    }
  }
  for (; i < kr.length; i++, n++) {
    rows[n] = kr[i]!;
    values[n] = kv[i]!;
  }
  return n;
}
const updateKernel = specialise(updateInto);
