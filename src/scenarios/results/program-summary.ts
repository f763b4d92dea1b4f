/**
 * `programs.<id>` of a result: each program's cost, who pays it, its recipients and its accounts,
 * for the province, by area and by prefecture. Everything is computed in whole fen per
 * prefecture × area cell and summed upwards, so payers add up to the cost and cells to totals.
 */
import { PREFECTURE_CODES } from '../../engine/locality.js';
import { PAYERS, type Payer, type ProgramDefinition } from '../../engine/program.js';
import { AREAS, N_CELLS, type ProgramAccumulator } from './program-accumulator.js';
import { addInto, zeroArrays } from './float-arrays.js';

/** Need against funds of one account. */
export interface AccountFigures {
  need: number;
  funds: number;
  /** Need the funds do not meet: max(0, need − funds) per cell, summed. */
  gap: number;
  /** funds − need. */
  balance: number;
}

export interface ProgramFigures {
  /** Total cost, whoever pays it (yuan over the period). */
  cost: number;
  /** The cost split by who pays it; adds up to `cost`. */
  costByPayer: Record<Payer, number>;
  /** The cost of each component of the program. */
  components: Record<string, number>;
  /** Distinct persons who benefited in some month of the period (weighted); null for programs without recipients. */
  recipients: number | null;
  /** Distinct households with a recipient. */
  households: number | null;
  /** The program's recipient groups (e.g. dibao: regular caseload, temporary aid): persons in the average month and distinct over the period. */
  recipientGroups?: Record<string, { averageMonth: number; distinct: number }>;
  /** Sums over the program's accounts, when it has any. */
  need?: number;
  funds?: number;
  gap?: number;
  balance?: number;
  accounts?: Record<string, AccountFigures>;
}

export interface ProgramSummary extends ProgramFigures {
  label: { zh: string; en: string };
  /** Labels of the recipient groups. */
  recipientGroupLabels?: Record<string, { zh: string; en: string }>;
  clauses: string[];
  byArea: Record<string, ProgramFigures>;
  byPrefecture: Record<string, ProgramFigures>;
  /** The province's figures of each calendar year of the period (recipients: distinct over the whole period). */
  byYear: Record<string, ProgramFigures>;
}

/** Integer fen per slot (cell × year). */
type Cells = Float64Array;

/** Splits whole fen by shares (adding to 1) with the largest-remainder method, ties in payer order. */
export function splitFen(total: number, shares: readonly number[]): number[] {
  const n = shares.length;
  const raw = new Array<number>(n);
  const out = new Array<number>(n);
  let given = 0;
  for (let i = 0; i < n; i++) {
    raw[i] = total * shares[i]!;
    out[i] = Math.floor(raw[i]! + 1e-9);
    given += out[i]!;
  }
  let left = total - given;
  // Nothing left to hand out (one payer, or shares that split the fen exactly): no order needed.
  // A costing splits every cell of every component each month (issue #25: W3, W5).
  if (!(left > 0)) return out;
  // Largest remainder first, ties in payer order: a total order, so an insertion sort of these
  // few shares gives the order any sort gives, without a comparator made per call (whose
  // optimised code each full GC dropped: issue #25, W3, session 16).
  const order: number[] = [];
  for (let i = 0; i < n; i++) {
    let j = order.length;
    while (j > 0 && raw[i]! - out[i]! > raw[order[j - 1]!]! - out[order[j - 1]!]!) j--;
    order.splice(j, 0, i);
  }
  for (let j = 0; left > 0 && j < n; j++, left--) out[order[j]!]! += 1;
  return out;
}

/** Every figure of a program in fen per slot (cell × year), before grouping. */
export interface ProgramCells {
  /** Calendar years of the period, 'YYYY'. */
  years: string[];
  components: Cells[];
  payers: Record<Payer, Cells>;
  accounts: { need: Cells; funds: Cells }[];
}

/**
 * One program's money in one month, costed while the run had its parameters
 * (scenarios/execution/costing.ts): whole fen per cell of each component (a rule's weighted sum,
 * or the program's computed cost of the cell) and of each account's funds, and the payer shares
 * each component had that month.
 */
export interface ProgramMonthCosting {
  components: Float64Array[];
  /** componentPayers[k]: component k's payers and their shares (adding up to 1) this month. */
  componentPayers: { payers: Payer[]; shares: number[] }[];
  funds: Float64Array[];
}

/** Every program's costing, month by month ('YYYY-MM' → program index → costing). */
export type MonthCostings = ReadonlyMap<string, readonly ProgramMonthCosting[]>;

/**
 * Every figure of a program in whole fen per slot, a slot being one prefecture × area cell in
 * one calendar year of the period (slot = year index × N_CELLS + cell): accounts balance per
 * cell and year, the way funds are raised (a year's land revenue, a year's tuition).
 */
function programCells(program: ProgramDefinition, pi: number, costings: MonthCostings): ProgramCells {
  const components = Object.values(program.components);
  const accounts = Object.values(program.accounts ?? {});
  const months = [...costings.keys()].sort();
  const years: string[] = [];
  for (const m of months) if (!years.includes(m.slice(0, 4))) years.push(m.slice(0, 4));
  const nSlots = years.length * N_CELLS;
  // Plain loops, no callbacks: these run for every program of every result, and a callback made
  // per call was optimised on its own, its code dropped at each full GC and compiled again every
  // few variants of a sweep (issue #25, W3, session 16).
  const comp = zeroArrays(components.length, nSlots);
  /** compPayers[k][payer][slot]: component k's fen paid by each payer. */
  const compPayers: Record<Payer, Cells>[] = [];
  for (let k = 0; k < components.length; k++) compPayers.push(payerSlots(nSlots));
  const funds = zeroArrays(accounts.length, nSlots);
  for (const month of months) {
    const costing = costings.get(month)![pi]!;
    const base = years.indexOf(month.slice(0, 4)) * N_CELLS;
    for (let k = 0; k < components.length; k++) {
      const { payers, shares } = costing.componentPayers[k]!;
      const column = costing.components[k]!;
      const into = comp[k]!;
      const byPayer = compPayers[k]!;
      for (let cell = 0; cell < N_CELLS; cell++) {
        const fen = column[cell]!;
        if (fen === 0) continue;
        into[base + cell]! += fen;
        // One payer takes the whole fen: what splitFen(fen, [1]) gives a whole number of fen.
        if (payers.length === 1) byPayer[payers[0]!]![base + cell]! += fen;
        else {
          const parts = splitFen(fen, shares);
          for (let j = 0; j < parts.length; j++) byPayer[payers[j]!]![base + cell]! += parts[j]!;
        }
      }
    }
    for (let k = 0; k < accounts.length; k++) {
      const column = costing.funds[k]!;
      const into = funds[k]!;
      for (let cell = 0; cell < N_CELLS; cell++) into[base + cell]! += column[cell]!;
    }
  }
  const names = Object.keys(program.components);
  const need: Cells[] = [];
  for (let k = 0; k < accounts.length; k++) {
    const n = new Float64Array(nSlots);
    for (const c of accounts[k]!.components) addInto(n, comp[names.indexOf(c)]!);
    need.push(n);
  }
  // Accounts that pay: their payer meets the need up to the funds, the rest falls to the shortfall.
  for (let k = 0; k < accounts.length; k++) {
    const a = accounts[k]!;
    if (!a.pays) continue;
    const idx: number[] = [];
    for (let j = 0; j < a.components.length; j++) idx.push(names.indexOf(a.components[j]!));
    for (let slot = 0; slot < nSlots; slot++) {
      const n = need[k]![slot]!;
      const covered = Math.max(0, Math.min(n, funds[k]![slot]!));
      const rest = n - covered;
      for (const i of idx) for (const p of PAYERS) compPayers[i]![p]![slot] = 0;
      if (a.pays.shortfall === 'unpaid') {
        // Each component keeps its share of what is paid.
        const shares: number[] = [];
        for (let j = 0; j < idx.length; j++) shares.push(n > 0 ? comp[idx[j]!]![slot]! / n : j === 0 ? 1 : 0);
        const paid = splitFen(covered, shares);
        for (let j = 0; j < idx.length; j++) {
          comp[idx[j]!]![slot] = paid[j]!;
          compPayers[idx[j]!]![a.pays.payer]![slot] = paid[j]!;
        }
      } else {
        // Both payers' parts go to the first component's lines; components keep their own cost.
        const first = idx[0]!;
        compPayers[first]![a.pays.payer]![slot]! += covered;
        compPayers[first]![a.pays.shortfall]![slot]! += rest;
      }
    }
  }
  const payers = payerSlots(nSlots);
  for (const cp of compPayers) for (const p of PAYERS) addInto(payers[p], cp[p]);
  const accountCells: { need: Cells; funds: Cells }[] = [];
  for (let k = 0; k < accounts.length; k++) accountCells.push({ need: need[k]!, funds: funds[k]! });
  return { years, components: comp, payers, accounts: accountCells };
}

/** An array of nSlots zeros per payer, in PAYERS order. */
function payerSlots(nSlots: number): Record<Payer, Cells> {
  const out = {} as Record<Payer, Cells>;
  for (const p of PAYERS) out[p] = new Float64Array(nSlots);
  return out;
}

const yuan = (fen: number): number => Math.round(fen) / 100;

/** A program's figures over a set of cells (all years of the period, or one). */
function figures(program: ProgramDefinition, pc: ProgramCells, recipients: Float64Array, households: Float64Array, cellSet: readonly number[], year?: string): ProgramFigures {
  const cells = slotsOf(cellSet, pc.years.length, year === undefined ? 'all' : pc.years.indexOf(year));
  // Each payer's sum once: the cost adds them in payer order, as it did summing each again.
  // Doubles from the start (an array of them held small integers or doubles, a shape each).
  // Plain loops, no callbacks (see programCells).
  const payerFen = new Float64Array(PAYERS.length);
  for (let i = 0; i < PAYERS.length; i++) payerFen[i] = sumAt(pc.payers[PAYERS[i]!], cells);
  const costByPayer = {} as Record<Payer, number>;
  let cost = 0;
  for (let i = 0; i < PAYERS.length; i++) {
    costByPayer[PAYERS[i]!] = yuan(payerFen[i]!);
    cost += payerFen[i]!;
  }
  const components: Record<string, number> = {};
  const componentNames = Object.keys(program.components);
  for (let k = 0; k < componentNames.length; k++) components[componentNames[k]!] = yuan(sumAt(pc.components[k]!, cells));
  const out: ProgramFigures = {
    cost: yuan(cost),
    costByPayer,
    components,
    recipients: program.recipient === null ? null : sumCells(recipients, cellSet),
    households: program.recipient === null ? null : sumCells(households, cellSet),
  };
  const names = Object.keys(program.accounts ?? {});
  if (names.length) {
    const accounts: Record<string, AccountFigures> = {};
    for (let k = 0; k < names.length; k++) {
      const { need, funds } = pc.accounts[k]!;
      let gap = 0;
      for (let i = 0; i < cells.length; i++) gap += Math.max(0, need[cells[i]!]! - funds[cells[i]!]!);
      accounts[names[k]!] = { need: yuan(sumAt(need, cells)), funds: yuan(sumAt(funds, cells)), gap: yuan(gap), balance: yuan(sumAt(funds, cells) - sumAt(need, cells)) };
    }
    Object.assign(out, { need: accountsTotal(accounts, 'need'), funds: accountsTotal(accounts, 'funds'), gap: accountsTotal(accounts, 'gap'), balance: accountsTotal(accounts, 'balance'), accounts });
  }
  return out;
}

/** One figure of every account added up in fen, in the accounts' order. */
function accountsTotal(accounts: Record<string, AccountFigures>, f: keyof AccountFigures): number {
  let s = 0;
  for (const a of Object.values(accounts)) s += a[f] * 100;
  return Math.round(s) / 100;
}

/** a's slots summed in order. */
function sumAt(a: Cells, slots: Int32Array): number {
  let s = 0;
  for (let i = 0; i < slots.length; i++) s += a[slots[i]!]!;
  return s;
}

/** a's cells summed in order (cellSet.reduce's sum, without a callback). */
function sumCells(a: Float64Array, cellSet: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < cellSet.length; i++) s += a[cellSet[i]!]!;
  return s;
}

const ALL_CELLS = Array.from({ length: N_CELLS }, (_, c) => c);
const AREA_CELLS = AREAS.map((_, ai) => ALL_CELLS.filter((c) => c % AREAS.length === ai));
const PREFECTURE_CELLS = PREFECTURE_CODES.map((_, i) => ALL_CELLS.filter((c) => Math.floor(c / AREAS.length) === i));

/**
 * The slots (year index × N_CELLS + cell) of a set of cells in every year of the period or in
 * one, in year then cell order; made once per set of cells, number of years and year
 * (a result asks for each program's figures by area, prefecture and year).
 */
const slotSets = new WeakMap<readonly number[], Map<string, Int32Array>>();
function slotsOf(cellSet: readonly number[], nYears: number, year: number | 'all'): Int32Array {
  let byYears = slotSets.get(cellSet);
  if (!byYears) slotSets.set(cellSet, (byYears = new Map()));
  const key = `${nYears}|${year}`;
  let slots = byYears.get(key);
  if (!slots) {
    const years = year === 'all' ? Array.from({ length: nYears }, (_, y) => y) : [year];
    byYears.set(key, (slots = Int32Array.from(years.flatMap((y) => cellSet.map((c) => y * N_CELLS + c)))));
  }
  return slots;
}

/** Every program's figures in whole fen per slot (cell × year), funding-source accounts included. */
export function allProgramCells(programs: readonly ProgramDefinition[], costings: MonthCostings): ProgramCells[] {
  const cells: ProgramCells[] = [];
  for (let pi = 0; pi < programs.length; pi++) cells.push(programCells(programs[pi]!, pi, costings));
  // A funding source's account needs what every program charges to that source.
  for (let pi = 0; pi < programs.length; pi++) {
    const accounts = Object.values(programs[pi]!.accounts ?? {});
    for (let k = 0; k < accounts.length; k++) {
      const a = accounts[k]!;
      if (!a.needFrom) continue;
      const need = cells[pi]!.accounts[k]!.need;
      for (const pc of cells) addInto(need, pc.payers[a.needFrom.payer]);
    }
  }
  return cells;
}

/** Every program's summary from the accumulated sums (recipients) and the programs' cells (money). */
export function programSummaries(acc: ProgramAccumulator, cells: readonly ProgramCells[]): Record<string, ProgramSummary> {
  acc.closePopulation();
  const out: Record<string, ProgramSummary> = {};
  for (let pi = 0; pi < acc.programs.length; pi++) out[acc.programs[pi]!.id] = programSummary(acc, pi, cells[pi]!);
  return out;
}

/** One program's summary (programSummaries), with plain loops: no callbacks made per program (see programCells). */
function programSummary(acc: ProgramAccumulator, pi: number, pc: ProgramCells): ProgramSummary {
  const program = acc.programs[pi]!;
  const r = acc.recipients[pi]!;
  const h = acc.households[pi]!;
  const groupNames = Object.keys(program.recipientGroups ?? {});
  const months = Math.max(1, acc.months.size);
  let recipientGroupLabels: Record<string, { zh: string; en: string }> | undefined;
  if (groupNames.length) {
    recipientGroupLabels = {};
    for (const [name, g] of Object.entries(program.recipientGroups!)) recipientGroupLabels[name] = { ...g.label };
  }
  const byArea: Record<string, ProgramFigures> = {};
  for (let ai = 0; ai < AREAS.length; ai++) byArea[AREAS[ai]!] = withGroups(acc, pi, groupNames, months, figures(program, pc, r, h, AREA_CELLS[ai]!), AREA_CELLS[ai]!);
  const byPrefecture: Record<string, ProgramFigures> = {};
  for (let i = 0; i < PREFECTURE_CODES.length; i++) byPrefecture[String(PREFECTURE_CODES[i]!)] = withGroups(acc, pi, groupNames, months, figures(program, pc, r, h, PREFECTURE_CELLS[i]!), PREFECTURE_CELLS[i]!);
  const byYear: Record<string, ProgramFigures> = {};
  for (const y of pc.years) byYear[y] = figures(program, pc, r, h, ALL_CELLS, y);
  return {
    label: { ...program.label },
    ...(recipientGroupLabels ? { recipientGroupLabels } : {}),
    clauses: [...program.clauses],
    ...withGroups(acc, pi, groupNames, months, figures(program, pc, r, h, ALL_CELLS), ALL_CELLS),
    byArea,
    byPrefecture,
    byYear,
  };
}

/** A program's figures with its recipient groups' (when it has any) over a set of cells. */
function withGroups(acc: ProgramAccumulator, pi: number, groupNames: readonly string[], months: number, out: ProgramFigures, cellSet: readonly number[]): ProgramFigures {
  if (groupNames.length === 0) return out;
  const recipientGroups: Record<string, { averageMonth: number; distinct: number }> = {};
  for (let gi = 0; gi < groupNames.length; gi++) {
    recipientGroups[groupNames[gi]!] = {
      averageMonth: sumCells(acc.groupPersonMonths[pi]![gi]!, cellSet) / months,
      distinct: sumCells(acc.groupDistinct[pi]![gi]!, cellSet),
    };
  }
  return { ...out, recipientGroups };
}

/** Each program's cost per month, in yuan: the components' cost before any account caps what is paid. */
export function programMonthCosts(programs: readonly ProgramDefinition[], costings: MonthCostings): Map<string, Record<string, number>> {
  const out = new Map<string, Record<string, number>>();
  for (const [month, costing] of costings) {
    const costs: Record<string, number> = {};
    for (let pi = 0; pi < programs.length; pi++) {
      let fen = 0;
      for (const c of costing[pi]!.components) for (let cell = 0; cell < N_CELLS; cell++) fen += c[cell]!;
      costs[programs[pi]!.id] = yuan(fen);
    }
    out.set(month, costs);
  }
  return out;
}

