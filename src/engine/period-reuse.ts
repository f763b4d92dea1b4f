/**
 * Period-invariant results (issue #25). A monthly rule's column is a pure function of its
 * inputs, its parameter values and whatever the formula reads from `ctx` that depends on the
 * month: `ctx.period`, `ctx.date`, `ctx.random` and `ctx.series` (`randomOnce` draws do not
 * depend on the month). So when a formula read none of those, and for a later month its
 * inputs are the very same columns and its parameter values are equal, that later month's
 * column is the same bytes: the engine hands out the column already computed instead of
 * running the formula again. A year under one set of parameters on the same data (W1's) then
 * computes each rule once.
 *
 * The tracking is per execution, not declared: a pure formula that read no month-dependent
 * value of `ctx` followed a path fixed by its inputs and parameters alone, so the same inputs
 * and parameters give the same path and the same bytes, whatever the formula might read on
 * other paths.
 *
 * "The very same columns" must mean the same bytes, and a buffer from the pool can come back
 * under the same object with other values (buffers.ts). So an entry is made only when every
 * input is a column nothing can overwrite while the entry lives:
 *
 * - a dataset column of the population (never written by the engine);
 * - a column of the shared results (a store never gives its columns back);
 * - a column this store itself holds as an entry's output: it is held (never given back to
 *   the pool) until its entry is replaced, and replacing it drops every entry that read it.
 *
 * Columns given with `setInput` (the month loop's carried state) belong to the caller, who
 * may rewrite them, so a rule reading one (directly or through other rules) never has an
 * entry. Outputs are the same bytes with this on or off (test/period-reuse.test.ts,
 * test/reuse.test.ts).
 */
import type { Column } from './column.js';

let enabled = process.env.JIUZHU_ENGINE_PERIOD_REUSE !== '0';

/**
 * Turns period reuse on or off for simulations made from now on (off: every month's formula
 * runs, the engine as it was; kept to check that reuse changes no byte). The environment
 * variable `JIUZHU_ENGINE_PERIOD_REUSE=0` starts a process with it off.
 */
export function setPeriodReuse(on: boolean): void {
  enabled = on;
}

/** Whether simulations made now reuse period-invariant results. */
export function periodReuse(): boolean {
  return enabled;
}

interface Entry {
  /** How the result was computed: '' by the formula, else the fused plan's shape (fuse.ts). */
  readonly shape: string;
  readonly inputs: readonly Column[];
  readonly params: readonly unknown[];
  readonly out: Column;
}

/**
 * Bytes of columns one simulation holds for reuse, at most. Held columns are not freed after
 * their last reader in the month, so holding has a memory cost: in the month loop of the whole
 * system, almost every rule of the first month reads only the dataset (no state is carried
 * yet), and holding all of them would keep a month of columns alive (about 200 MB on the
 * default dataset). W1 holds about 7 MB. A memory knob, not a policy number.
 */
export const PERIOD_REUSE_BYTES = 64 * 1024 * 1024;

/** One simulation's period-invariant results: at most one entry per rule (its latest). */
export class PeriodReuse {
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;
  /** Outputs held by an entry, with how many entries hold them (a rule may pass a column through). */
  private readonly held = new Map<Column, number>();
  /** Columns nothing overwrites while referenced (shared-store columns). */
  private readonly fixed = new WeakSet<Column>();

  constructor(private readonly maxBytes = PERIOD_REUSE_BYTES) {}

  /** A column from the shared results: never overwritten, so a safe input for an entry. */
  markFixed(c: Column): void {
    this.fixed.add(c);
  }

  /** Whether an entry may list this rule-made column as an input. */
  stable(c: Column): boolean {
    return this.fixed.has(c) || this.held.has(c);
  }

  /** Whether the store holds the column (it must not go back to the pool). */
  holds(c: Column): boolean {
    return this.held.has(c);
  }

  /** The column of an earlier month with these very inputs and equal parameter values, if any. */
  find(id: string, inputs: readonly Column[], params: readonly unknown[], shape = ''): Column | undefined {
    const e = this.entries.get(id);
    if (!e || e.shape !== shape || e.inputs.length !== inputs.length || e.params.length !== params.length) return undefined;
    for (let k = 0; k < inputs.length; k++) if (e.inputs[k] !== inputs[k]) return undefined;
    for (let k = 0; k < params.length; k++) if (!Object.is(e.params[k], params[k])) return undefined;
    return e.out;
  }

  /**
   * Records a rule's result (its inputs all stable, its formula having read nothing
   * month-dependent), unless that would hold more than the byte budget. Returns the columns no entry holds any more (the replaced entry's output
   * and those of the entries that read it), for the caller to give back if nothing else does.
   */
  record(id: string, inputs: readonly Column[], params: readonly unknown[], out: Column, shape = ''): Column[] {
    const freed = this.drop(id);
    if (this.held.has(out) || this.bytes + out.byteLength <= this.maxBytes) {
      this.entries.set(id, { shape, inputs, params, out });
      if (!this.held.has(out)) this.bytes += out.byteLength;
      this.held.set(out, (this.held.get(out) ?? 0) + 1);
    }
    return freed.filter((c) => !this.held.has(c));
  }

  /** Drops a rule's entry and, since its output may now be overwritten, every entry that read it. */
  drop(id: string): Column[] {
    const e = this.entries.get(id);
    if (!e) return [];
    this.entries.delete(id);
    const n = this.held.get(e.out)! - 1;
    if (n > 0) {
      this.held.set(e.out, n);
      return [];
    }
    this.held.delete(e.out);
    this.bytes -= e.out.byteLength;
    const freed = [e.out];
    for (const [other, o] of [...this.entries]) if (o.inputs.includes(e.out)) freed.push(...this.drop(other));
    return freed;
  }

  /** Every held output, and the store emptied (the simulation is released). */
  clear(): Column[] {
    const all = [...this.held.keys()];
    this.entries.clear();
    this.held.clear();
    this.bytes = 0;
    return all;
  }
}
