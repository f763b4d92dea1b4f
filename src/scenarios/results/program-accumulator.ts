/**
 * Sums of every program's declared components, accounts and recipients, per prefecture × area
 * cell and month, weighted. Chunks of a population accumulate separately and merge. Money is
 * kept per cell, month and component, rounded once to whole fen; every figure reported is a sum
 * of those whole fen, so breakdowns and payers add up to totals exactly.
 */
import { specialise } from '../../engine/specialise.js';
import { monthFromIndex, monthIndex } from '../../engine/period.js';
import { PREFECTURE_CODES } from '../../engine/locality.js';
import type { ProgramDefinition } from '../../engine/program.js';
import type { Population } from '../../engine/population.js';
import type { Simulation } from '../../engine/simulation.js';
import type { Column } from '../../engine/column.js';
import type { SparseColumn } from '../../engine/differential.js';
import { EverFlagged } from './ever-flagged.js';
import { resultReuse } from './reuse-switch.js';
import { monthNonZero } from './month-nonzero.js';
import { addEach, addInto, copies, zeroArrays } from './float-arrays.js';

/**
 * A month's column of a rule as the accumulators read it: the column, or, in a run against a
 * base where the rule's column is the base's, its non-zero rows (engine/differential.ts). Every
 * sum below adds only non-zero rows, in ascending order, so both give the same bytes.
 */
export type MonthColumn = Column | SparseColumn;

export const isSparse = (c: MonthColumn): c is SparseColumn => 'rows' in c && !ArrayBuffer.isView(c);

/**
 * A rule's column for the month, sparse when the simulation has it so: a run against a base,
 * or month to month, when the column is mostly zero (month-nonzero.ts).
 */
export function monthColumn(sim: Simulation, rule: string, month: string): MonthColumn {
  const sparse = sim.unchangedSparse(rule, month);
  if (sparse) return sparse;
  const c = sim.calculate(rule, month);
  return monthNonZero(sim, rule, month, c) ?? c;
}

export const AREAS = ['urban', 'rural'] as const;
/** Cells: prefecture-major, urban then rural. */
export const N_CELLS = PREFECTURE_CODES.length * AREAS.length;
export const cellPrefecture = (c: number): number => PREFECTURE_CODES[Math.floor(c / AREAS.length)]!;
export const cellArea = (c: number): 'urban' | 'rural' => AREAS[c % AREAS.length]!;

/** One month's sums for every cell of one program. */
export interface ProgramMonthSums {
  /** components[k][cell]: weighted fen of component k (in declaration order); 0 for computed components. */
  components: Float64Array[];
  /** funds[a][cell]: weighted fen of account a's funds rule (accounts with a `compute` function get theirs at reporting). */
  funds: Float64Array[];
}

/** One month of the whole population: weighted persons and households per cell (funds functions read them). */
interface CellPopulation { persons: Float64Array; households: Float64Array }

/** Cell of each household of a population (its columns never change). */
const cellCache = new WeakMap<Population, Uint8Array>();
export function householdCells(pop: Population): Uint8Array {
  let cells = cellCache.get(pop);
  if (cells) return cells;
  const urban = pop.household.urban!;
  const pref = pop.household.prefecture!;
  const lut = new Map(PREFECTURE_CODES.map((c, i) => [c, i]));
  cells = new Uint8Array(pop.nHouseholds);
  for (let h = 0; h < pop.nHouseholds; h++) cells[h] = lut.get(pref[h]!)! * AREAS.length + (urban[h] ? 0 : 1);
  cellCache.set(pop, cells);
  return cells;
}

/** Weighted persons and households per cell of a population (its columns never change). */
const cellPopulationCache = new WeakMap<Population, CellPopulation & { weight: ArrayLike<number> }>();
function populationCells(pop: Population): CellPopulation {
  let own = cellPopulationCache.get(pop);
  if (own && own.weight === pop.weight) return own;
  const cells = householdCells(pop);
  const w = pop.weight;
  const start = pop.householdStart;
  own = { persons: new Float64Array(N_CELLS), households: new Float64Array(N_CELLS), weight: w };
  for (let h = 0; h < pop.nHouseholds; h++) {
    own.persons[cells[h]!]! += w[h]! * (start[h + 1]! - start[h]!);
    own.households[cells[h]!]! += w[h]!;
  }
  cellPopulationCache.set(pop, own);
  return own;
}

export class ProgramAccumulator {
  readonly programs: readonly ProgramDefinition[];
  /** month → program index → sums. */
  readonly months = new Map<string, ProgramMonthSums[]>();
  readonly population = new Map<string, CellPopulation>();
  /** recipients[program][cell], households[program][cell]: weighted, distinct over the period. */
  readonly recipients: Float64Array[];
  readonly households: Float64Array[];
  /** Recipient groups: groupDistinct[program][group][cell] (distinct over the period) and groupPersonMonths (summed over months), weighted. */
  readonly groupDistinct: Float64Array[][];
  readonly groupPersonMonths: Float64Array[][];
  /** Persons of the population being accumulated who benefited in some month, per program. */
  private ever: (EverFlagged | null)[] = [];
  private groupEver: EverFlagged[][] = [];
  private pop: Population | null = null;
  /**
   * Of the population being accumulated, per money rule: its latest month's sums per cell, added
   * from +0 (see addMonthFen). Per flag set: the rule and month last ORed into it.
   */
  private lastSums = new Map<string, { month: string; sums: Float64Array }>();
  private lastFlags = new Map<EverFlagged, { rule: string; month: string }>();

  constructor(programs: readonly ProgramDefinition[]) {
    this.programs = programs;
    // Plain loops pushing onto literals (float-arrays.ts): no callback made per accumulator.
    this.recipients = zeroArrays(programs.length, N_CELLS);
    this.households = zeroArrays(programs.length, N_CELLS);
    this.groupDistinct = [];
    this.groupPersonMonths = [];
    for (let pi = 0; pi < programs.length; pi++) {
      const n = readPlan(programs[pi]!).groups.length;
      this.groupDistinct.push(zeroArrays(n, N_CELLS));
      this.groupPersonMonths.push(zeroArrays(n, N_CELLS));
    }
  }

  /**
   * Adds one month of a simulation: every program's components, funds rules and recipients.
   * `onComponent` is told each component rule's column as it is read (`program.component`), in
   * program and declaration order (the distribution's transfers add the same columns while they
   * are warm).
   */
  addMonth(month: string, sim: Simulation, pop: Population, onComponent?: (component: string, column: MonthColumn) => void): void {
    const programs = this.programs;
    if (this.pop !== pop) {
      if (this.pop) this.closePopulation();
      this.pop = pop;
      this.lastSums = new Map();
      this.lastFlags = new Map();
      this.ever = [];
      this.groupEver = [];
      for (let pi = 0; pi < programs.length; pi++) {
        this.ever.push(programs[pi]!.recipient === null ? null : new EverFlagged(pop.nPersons));
        const groups: EverFlagged[] = [];
        for (let gi = readPlan(programs[pi]!).groups.length; gi > 0; gi--) groups.push(new EverFlagged(pop.nPersons));
        this.groupEver.push(groups);
      }
    }
    const cells = householdCells(pop);
    const w = pop.weight;
    const nH = pop.nHouseholds;
    const start = pop.householdStart;
    const known = this.population.get(month);
    if (known) {
      for (let h = 0; h < nH; h++) {
        known.persons[cells[h]!]! += w[h]! * (start[h + 1]! - start[h]!);
        known.households[cells[h]!]! += w[h]!;
      }
    } else {
      // A month met first on this population: its sums are the population's own, the same every
      // month (the same additions in the same order), so they are worked out once per population.
      const own = populationCells(pop);
      this.population.set(month, { persons: Float64Array.from(own.persons), households: Float64Array.from(own.households) });
    }
    const before = monthFromIndex(monthIndex(month) - 1);
    let sums = this.months.get(month);
    if (!sums) {
      sums = [];
      for (let pi = 0; pi < programs.length; pi++) {
        const plan = readPlan(programs[pi]!);
        sums.push({ components: zeroArrays(plan.components.length, N_CELLS), funds: zeroArrays(plan.funds.length, N_CELLS) });
      }
    }
    // Plain loops over each program's rules, listed once per program (readPlan): callbacks made
    // anew each call were optimised on their own, and each full GC dropped that code, so V8
    // compiled them again every few variants of a sweep (issue #25, W3, session 16).
    for (let pi = 0; pi < programs.length; pi++) {
      const p = programs[pi]!;
      const plan = readPlan(p);
      const s = sums[pi]!;
      // Computed components have no households: they are costed once, at reporting.
      for (let k = 0; k < plan.components.length; k++) {
        const rule = plan.components[k]!;
        if (rule === null) continue;
        const column = this.addMonthFen(sim, rule, month, before, s.components[k]!, monthColumn(sim, rule, month), w, cells);
        onComponent?.(plan.componentNames[k]!, column);
      }
      for (let k = 0; k < plan.funds.length; k++) {
        const rule = plan.funds[k]!;
        if (rule !== null) this.addMonthFen(sim, rule, month, before, s.funds[k]!, monthColumn(sim, rule, month), w, cells);
      }
      const ever = this.ever[pi];
      if (ever && p.recipient) {
        const flag = flagColumn(sim, p.recipient, month);
        this.orFlag(sim, p.recipient, month, before, ever, flag);
      }
      for (let gi = 0; gi < plan.groups.length; gi++) {
        const rule = plan.groups[gi]!;
        const flag = flagColumn(sim, rule, month);
        this.orFlag(sim, rule, month, before, this.groupEver[pi]![gi]!, flag);
        if (isSparse(flag)) addSparsePersonMonths(this.groupPersonMonths[pi]![gi]!, flag, w, cells, pop.personHousehold);
        else addPersonMonths(this.groupPersonMonths[pi]![gi]!, flag, w, cells, start);
      }
    }
    this.months.set(month, sums);
  }

  /**
   * addWeightedFenOnce of a money rule's month into its month's sums, or, when the sums are still
   * all +0, the simulation says the column holds the very values of the month before (month to
   * month, engine/temporal.ts) and that month's sums of the rule were added here from +0 too:
   * those sums, copied. The same additions in the same order from the same start (the
   * population's weights and cells do not change), so the same bytes, without reading the column
   * (issue #25, W4: about half of a later month's money columns are the month before's).
   */
  private addMonthFen(sim: Simulation, rule: string, month: string, before: string, sums: Float64Array, column: MonthColumn, w: ArrayLike<number>, cells: Uint8Array): MonthColumn {
    // Sums of sparse columns (month-nonzero.ts, or a run against a base) are copied too: the
    // copy needs month to month's word that the column is the month before's, which a run
    // against a base never has.
    if (!allPositiveZero(sums)) {
      addWeightedFenOnce(sim, sums, column, w, cells);
      this.lastSums.delete(rule);
      return column;
    }
    const last = this.lastSums.get(rule);
    if (last && (last.month === month || (last.month === before && sim.sameAsMonthBefore(rule, month)))) sums.set(last.sums);
    else addWeightedFenOnce(sim, sums, column, w, cells);
    this.lastSums.set(rule, { month, sums: last?.month === month ? last.sums : Float64Array.from(sums) });
    return column;
  }

  /**
   * A month's flag (whole or its non-zero rows) ORed into a set of flagged persons, unless it holds the very values of
   * the month before (temporal.ts) and that month's column of the same rule was ORed into this
   * set: ORing it again would change nothing.
   */
  private orFlag(sim: Simulation, rule: string, month: string, before: string, ever: EverFlagged, flag: MonthColumn): void {
    const last = this.lastFlags.get(ever);
    if (!(last && last.rule === rule && (last.month === month || (last.month === before && sim.sameAsMonthBefore(rule, month))))) {
      if (isSparse(flag)) ever.addSparse(flag);
      else ever.addColumn(flag);
    }
    this.lastFlags.set(ever, { rule, month });
  }

  /** Counts the distinct recipients of the population accumulated so far (call once it is done). */
  closePopulation(): this {
    const pop = this.pop;
    if (!pop) return this;
    const cells = householdCells(pop);
    const weight = pop.weight;
    // Households with a flagged member, ascending, and how many members each: the same sums,
    // added in the same household order, as a walk over every household's members.
    const counts = new Int32Array(pop.nHouseholds);
    const touched = new Int32Array(pop.nHouseholds);
    // Loops, not forEach with arrow functions: those closures were new at each call (once per
    // slice-year in a projection worker), and compiled again after each major GC.
    for (let pi = 0; pi < this.ever.length; pi++) {
      const ever = this.ever[pi];
      if (!ever) continue;
      const r = this.recipients[pi]!;
      const hh = this.households[pi]!;
      const n = ever.households(pop.personHousehold, counts, touched);
      for (let k = 0; k < n; k++) {
        const h = touched[k]!;
        r[cells[h]!]! += weight[h]! * counts[h]!;
        hh[cells[h]!]! += weight[h]!;
        counts[h] = 0;
      }
    }
    for (let pi = 0; pi < this.groupEver.length; pi++) {
      const groups = this.groupEver[pi]!;
      for (let gi = 0; gi < groups.length; gi++) {
        const d = this.groupDistinct[pi]![gi]!;
        const n = groups[gi]!.households(pop.personHousehold, counts, touched);
        for (let k = 0; k < n; k++) {
          const h = touched[k]!;
          d[cells[h]!]! += weight[h]! * counts[h]!;
          counts[h] = 0;
        }
      }
    }
    this.pop = null;
    this.ever = [];
    this.groupEver = [];
    return this;
  }

  /** Adds another accumulator's sums (same programs): chunks merge in a fixed order. */
  merge(other: ProgramAccumulator): this {
    this.closePopulation();
    other.closePopulation();
    for (const [month, o] of other.months) {
      const mine = this.months.get(month);
      if (!mine) {
        const copy: ProgramMonthSums[] = [];
        for (let pi = 0; pi < o.length; pi++) copy.push({ components: copies(o[pi]!.components), funds: copies(o[pi]!.funds) });
        this.months.set(month, copy);
        continue;
      }
      for (let pi = 0; pi < mine.length; pi++) {
        addEach(mine[pi]!.components, o[pi]!.components);
        addEach(mine[pi]!.funds, o[pi]!.funds);
      }
    }
    for (const [month, o] of other.population) {
      const mine = this.population.get(month);
      if (!mine) this.population.set(month, { persons: Float64Array.from(o.persons), households: Float64Array.from(o.households) });
      else {
        addInto(mine.persons, o.persons);
        addInto(mine.households, o.households);
      }
    }
    addEach(this.recipients, other.recipients);
    addEach(this.households, other.households);
    for (let pi = 0; pi < this.groupDistinct.length; pi++) addEach(this.groupDistinct[pi]!, other.groupDistinct[pi]!);
    for (let pi = 0; pi < this.groupPersonMonths.length; pi++) addEach(this.groupPersonMonths[pi]!, other.groupPersonMonths[pi]!);
    return this;
  }

  /** Weighted persons and households of a cell in a month. */
  cellPopulation(month: string, cell: number): { persons: number; households: number } {
    const p = this.population.get(month);
    return { persons: p?.persons[cell] ?? 0, households: p?.households[cell] ?? 0 };
  }
}

/**
 * A flag rule's column for the month as monthColumn gives it, or, for a column of the shared
 * results (never written again) with few persons flagged, its flagged rows, found once per column
 * (sharedFlags): the flag readers add the flagged rows only, in ascending order, as they would
 * from the column.
 */
function flagColumn(sim: Simulation, rule: string, month: string): MonthColumn {
  const c = monthColumn(sim, rule, month);
  if (isSparse(c) || !resultReuse() || !sim.isShared(c)) return c;
  let rows = sharedFlags.get(c);
  if (rows === undefined) sharedFlags.set(c, (rows = flaggedRows(c)));
  return rows ?? c;
}

/** The flagged rows of each shared flag column seen, or null when more than a third of them are flagged. */
const sharedFlags = new WeakMap<Column, SparseColumn | null>();

function flaggedRows(c: Column): SparseColumn | null {
  const rows = new Int32Array(Math.floor(c.length / 3));
  const n = flaggedRowsKernel(c)(c, rows);
  return n < 0 ? null : { length: c.length, rows: rows.slice(0, n), values: new Uint8Array(n).fill(1) };
}

/** The rows of `c` with a truthy value (a flag reader's test) into `rows`, and their number; -1 when they do not fit. */
function flaggedRowsInto(c: ArrayLike<number>, rows: Int32Array): number {
  let k = 0;
  for (let i = 0; i < c.length; i++) {
    if (!c[i]) continue;
    if (k === rows.length) return -1;
    rows[k++] = i;
  }
  return k;
}
const flaggedRowsKernel = specialise(flaggedRowsInto);

/**
 * The sums per cell of each shared column (SharedResults: a rule no lever reaches, the same
 * column object in every run of a sweep or an explorer session, never written again), made from
 * zero with the weights and cells they were made with.
 */
const sharedColumnSums = new WeakMap<Column, { weight: ArrayLike<number>; cells: Uint8Array; sums: Float64Array }>();

/**
 * addWeightedFen, or for a shared column added into sums still all +0 (a month's new sums),
 * its sums from the last run that added it: the same additions in the same order from the same
 * start, so the same bytes, without reading its rows again (issue #25: most of a month's money
 * columns are no lever's, so every variant and move added them up anew).
 */
function addWeightedFenOnce(sim: Simulation, sums: Float64Array, amount: MonthColumn, weight: ArrayLike<number>, cells: Uint8Array): void {
  if (isSparse(amount) || !allPositiveZero(sums) || !sim.isShared(amount)) {
    addWeightedFen(sums, amount, weight, cells);
    return;
  }
  let known = sharedColumnSums.get(amount);
  if (!known || known.weight !== weight || known.cells !== cells) {
    const own = new Float64Array(sums.length);
    addWeightedFen(own, amount, weight, cells);
    sharedColumnSums.set(amount, (known = { weight, cells, sums: own }));
  }
  sums.set(known.sums);
}

/** Whether every entry is +0 (not −0: a sum started at −0 could end otherwise). */
function allPositiveZero(a: Float64Array): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== 0 || 1 / a[i]! < 0) return false;
  return true;
}

/** sums[cell of h] += weight[h] × amount[h] in fen, for households with an amount (ascending). */
function addWeightedFen(sums: Float64Array, amount: MonthColumn, weight: ArrayLike<number>, cells: Uint8Array): void {
  if (isSparse(amount)) addSparseFenKernel(amount.values)(sums, amount.rows, amount.values, weight, cells);
  else addWeightedFenKernel(amount)(sums, amount, weight, cells);
}

function addSparseFenInto(sums: Float64Array, rows: Int32Array, values: ArrayLike<number>, weight: ArrayLike<number>, cells: Uint8Array): void {
  for (let j = 0; j < rows.length; j++) {
    const a = values[j]!;
    const h = rows[j]!;
    if (a !== 0) sums[cells[h]!]! += weight[h]! * Math.round(a * 100);
  }
}
const addSparseFenKernel = specialise(addSparseFenInto);

/** addPersonMonths over a sparse person flag: its flagged rows counted per household, households ascending. */
function addSparsePersonMonths(sums: Float64Array, flag: SparseColumn, weight: ArrayLike<number>, cells: Uint8Array, personHousehold: Int32Array): void {
  const { rows, values } = flag;
  let h = -1;
  let n = 0;
  for (let j = 0; j < rows.length; j++) {
    if (!values[j]) continue;
    const hj = personHousehold[rows[j]!]!;
    if (hj !== h) {
      if (n > 0) sums[cells[h]!]! += weight[h]! * n;
      h = hj;
      n = 0;
    }
    n++;
  }
  if (n > 0) sums[cells[h]!]! += weight[h]! * n;
}

// Kernels compiled once per column class (src/engine/specialise.ts): every program's rules have
// their own dtypes, which would make one shared loop megamorphic. Self-contained by contract.
function addWeightedFenInto(sums: Float64Array, amount: ArrayLike<number>, weight: ArrayLike<number>, cells: Uint8Array): void {
  for (let h = 0; h < cells.length; h++) {
    const a = amount[h]!;
    if (a !== 0) sums[cells[h]!]! += weight[h]! * Math.round(a * 100);
  }
}
const addWeightedFenKernel = specialise(addWeightedFenInto);

/** sums[cell of h] += weight[h] × flagged members of h, for a person-month flag. */
function addPersonMonths(sums: Float64Array, flag: ArrayLike<number>, weight: ArrayLike<number>, cells: Uint8Array, start: ArrayLike<number>): void {
  for (let h = 0; h < cells.length; h++) {
    let n = 0;
    for (let q = start[h]!, e = start[h + 1]!; q < e; q++) if (flag[q]) n++;
    if (n > 0) sums[cells[h]!]! += weight[h]! * n;
  }
}


/** What addMonth reads of a program, in declaration order: null for a computed component or an account funded otherwise. */
interface ReadPlan {
  components: (string | null)[];
  /** `program.component`, as addMonth's onComponent is told. */
  componentNames: string[];
  funds: (string | null)[];
  groups: string[];
}

/** Listed once per program definition (Object.entries of every program on every call was garbage and callbacks). */
const readPlans = new WeakMap<ProgramDefinition, ReadPlan>();
function readPlan(p: ProgramDefinition): ReadPlan {
  let plan = readPlans.get(p);
  if (plan) return plan;
  plan = { components: [], componentNames: [], funds: [], groups: [] };
  for (const [key, c] of Object.entries(p.components)) {
    plan.components.push('rule' in c ? c.rule : null);
    plan.componentNames.push(`${p.id}.${key}`);
  }
  for (const a of Object.values(p.accounts ?? {})) plan.funds.push('rule' in a.funds ? a.funds.rule : null);
  for (const g of Object.values(p.recipientGroups ?? {})) plan.groups.push(g.rule);
  readPlans.set(p, plan);
  return plan;
}
