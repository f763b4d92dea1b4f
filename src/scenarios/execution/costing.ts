/**
 * Costing: every amount the summary, program and funding tables report, priced while the run
 * still has its parameters. After the slices' sums are merged, each program's declared
 * components are costed per prefecture × area cell and month — a rule's weighted sum in whole
 * fen, or the program's `compute` function of the cell (a cell's funds and fixed costs read the
 * whole province's population, so they wait for the merge) — with the payer shares each
 * component has that month; the funding split's level shares and §二.4 transfers and the
 * programs' checks are read here too. The results layer builds the Result from these numbers
 * and the sums alone: nothing reads the parameter tree once the Result is being built.
 */
import { JiuzhuError } from '../../engine/errors.js';
import { MONTHS_PER_YEAR } from '../../engine/money.js';
import type { ParameterTree } from '../../engine/parameters/tree.js';
import { PAYERS, type FundsContext, type Payer, type ProgramDefinition } from '../../engine/program.js';
import type { MonthAssistance } from '../results/distribution.js';
import { fundingNeeds, LEVELS, type DibaoTransfers, type FundingShares } from '../results/funding.js';
import { cellArea, cellPrefecture, N_CELLS, type ProgramAccumulator } from '../results/program-accumulator.js';
import { allProgramCells, type MonthCostings, type ProgramMonthCosting } from '../results/program-summary.js';
import type { Costing } from '../results/scenario-result.js';
import type { ScenarioSums } from '../results/sums.js';
import { dibaoTransfers } from './dibao-transfers.js';

/** Shares' sum, and whether they split a whole: none negative, adding up to 1 within 1e-9 (a loop: see programMonth). */
function asSplit(shares: readonly number[]): { sum: number; ok: boolean } {
  let sum = 0;
  let negative = false;
  for (const v of shares) {
    sum += v;
    if (v < 0) negative = true;
  }
  return { sum, ok: !(Math.abs(sum - 1) > 1e-9 || negative) };
}

/** The payer shares of a component in a month: [payers, shares]. */
function payerShares(program: ProgramDefinition, payer: ProgramDefinition['components'][string]['payer'], tree: ParameterTree, date: string): { payers: Payer[]; shares: number[] } {
  if (typeof payer === 'string') return { payers: [payer], shares: [1] };
  const leaf = tree.leaf(payer.shares);
  const cats = (leaf.categories ?? []) as string[];
  // Plain loops, no callbacks (see programMonth): every component of every program of every result.
  const bad: string[] = [];
  for (const c of cats) if (!(PAYERS as readonly string[]).includes(c)) bad.push(c);
  if (!cats.length || bad.length) throw new JiuzhuError('BAD_PAYER_SHARES', `program '${program.id}': parameter '${payer.shares}' must have categories among the payers ${PAYERS.join(', ')}${bad.length ? ` (not payers: ${bad.join(', ')})` : ''}`, { location: { key: payer.shares } });
  const shares: number[] = [];
  for (const c of cats) shares.push(tree.valueAt(payer.shares, date, { category: c }));
  const { sum, ok } = asSplit(shares);
  if (!ok) throw new JiuzhuError('BAD_PAYER_SHARES', `program '${program.id}': the shares of '${payer.shares}' on ${date} add up to ${+sum.toFixed(9)}, not 1`, { location: { key: payer.shares } });
  return { payers: cats as Payer[], shares };
}

/** What a cell's compute functions see in a month. */
function cellContext(acc: ProgramAccumulator, tree: ParameterTree, inputs: Readonly<Record<string, unknown>>, month: string, cell: number): FundsContext {
  const pop = acc.cellPopulation(month, cell);
  return { parameters: tree, month, date: `${month}-01`, prefecture: cellPrefecture(cell), area: cellArea(cell), population: pop.persons, households: pop.households, inputs };
}

/** Whole fen from a compute function, which must give a finite amount. */
function computedFen(program: ProgramDefinition, what: string, yuan: number, ctx: FundsContext): number {
  if (!Number.isFinite(yuan)) throw new JiuzhuError('BAD_COMPUTE', `program '${program.id}': ${what} is ${yuan} for prefecture ${ctx.prefecture} ${ctx.area} in ${ctx.month}`, { kind: 'internal' });
  return Math.round(yuan * 100);
}

/** One program's month: each component's and account's whole fen per cell, and the components' payer shares. */
function programMonth(acc: ProgramAccumulator, pi: number, month: string, tree: ParameterTree, inputs: Readonly<Record<string, unknown>>): ProgramMonthCosting {
  const program = acc.programs[pi]!;
  const sums = acc.months.get(month)![pi]!;
  const date = `${month}-01`;
  const componentNames = Object.keys(program.components);
  const accountNames = Object.keys(program.accounts ?? {});
  const components = Object.values(program.components);
  const accounts = Object.values(program.accounts ?? {});
  // Plain loops pushing onto literals (one shape whichever tier made them, packed.ts), no
  // callbacks: a callback made per call (every program of every result) was optimised on its
  // own, its code dropped at each full GC and compiled again every few variants of a sweep
  // (issue #25, W3, session 16).
  const out: ProgramMonthCosting = { components: [], componentPayers: [], funds: [] };
  for (let k = 0; k < components.length; k++) {
    const c = components[k]!;
    const fen = new Float64Array(N_CELLS);
    for (let cell = 0; cell < N_CELLS; cell++) {
      if ('rule' in c) fen[cell] = Math.round(sums.components[k]![cell]!);
      else {
        const ctx = cellContext(acc, tree, inputs, month, cell);
        fen[cell] = computedFen(program, `component '${componentNames[k]}'`, c.compute(ctx), ctx);
      }
    }
    out.components.push(fen);
  }
  for (let k = 0; k < components.length; k++) out.componentPayers.push(payerShares(program, components[k]!.payer, tree, date));
  for (let k = 0; k < accounts.length; k++) {
    const a = accounts[k]!;
    const fen = new Float64Array(N_CELLS);
    for (let cell = 0; cell < N_CELLS; cell++) {
      if ('rule' in a.funds) fen[cell] = Math.round(sums.funds[k]![cell]!);
      else {
        const ctx = cellContext(acc, tree, inputs, month, cell);
        fen[cell] = computedFen(program, `the funds of account '${accountNames[k]}'`, a.funds.compute(ctx), ctx);
      }
    }
    out.funds.push(fen);
  }
  return out;
}

/** Every program's costing, month by month, in the order the months were accumulated. */
export function monthCostings(acc: ProgramAccumulator, tree: ParameterTree, inputs: Readonly<Record<string, unknown>> = {}): MonthCostings {
  acc.closePopulation();
  const out = new Map<string, ProgramMonthCosting[]>();
  for (const month of acc.months.keys()) {
    const costings: ProgramMonthCosting[] = [];
    for (let pi = 0; pi < acc.programs.length; pi++) costings.push(programMonth(acc, pi, month, tree, inputs));
    out.set(month, costings);
  }
  return out;
}

/** Parameter path segment of a payer or program id: snake_case. */
const snake = (id: string): string => id.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** The parameter splitting a program's part from one government source between levels. */
function sharesPath(tree: ParameterTree, program: string, source: Payer): string {
  if (source !== 'budget') return `funding.source_levels.${snake(source)}`;
  const own = `funding.budget_levels.${snake(program)}`;
  return tree.has(own) ? own : 'funding.budget_levels.default';
}

/** Level shares of a leaf with a category breakdown over the levels, checked to add up to 1. */
function levelShares(tree: ParameterTree, path: string, date: string): number[] {
  // Plain loops, no callbacks (see programMonth).
  const shares: number[] = [];
  for (const l of LEVELS) shares.push(tree.valueAt(path, date, { category: l }));
  const { sum, ok } = asSplit(shares);
  if (!ok) throw new JiuzhuError('BAD_LEVEL_SHARES', `the level shares of '${path}' on ${date} add up to ${+sum.toFixed(9)}, not 1`, { location: { key: path } });
  return shares;
}

/** §二.4: the prefecture and county shares of the dibao cost the transfers leave. */
function localShares(tree: ParameterTree, date: string): number[] {
  const path = 'funding.dibao.local_shares';
  const shares = (['prefecture', 'county'] as const).map((l) => tree.valueAt(path, date, { category: l }));
  if (Math.abs(shares[0]! + shares[1]! - 1) > 1e-9) throw new JiuzhuError('BAD_LEVEL_SHARES', `the shares of '${path}' on ${date} add up to ${+(shares[0]! + shares[1]!).toFixed(9)}, not 1`, { location: { key: path } });
  return shares;
}

/** The level shares and §二.4 transfers the funding rows of these cells need, read from the tree. */
function fundingShares(acc: ProgramAccumulator, costings: MonthCostings, cells: Costing['cells'], tree: ParameterTree): FundingShares {
  const needs = fundingNeeds(acc.programs, [...costings.keys()], cells);
  const levels = new Map<string, number[]>();
  for (const n of needs.levels) levels.set(n.key, levelShares(tree, sharesPath(tree, n.program, n.payer), n.date));
  const dibaoLocal = new Map<string, number[]>();
  const transfers = new Map<string, DibaoTransfers>();
  let pi = -1;
  for (let k = 0; k < acc.programs.length && pi < 0; k++) if (acc.programs[k]!.id === 'dibao') pi = k;
  const persons = (m: string, cell: number): number => acc.cellPopulation(m, cell).persons;
  for (const n of needs.dibao) {
    if (!dibaoLocal.has(n.year)) dibaoLocal.set(n.year, localShares(tree, n.date));
    transfers.set(`${n.year}|${n.pref}`, dibaoTransfers(acc.programs[pi]!, pi, costings, persons, tree, n.months, n.pref));
  }
  return { levels, dibaoLocal, dibaoTransfers: transfers };
}

/** A scenario's costing from its merged sums and its parameter tree: what scenarioResult needs besides the sums. */
export function costScenario(sums: ScenarioSums, tree: ParameterTree, inputs: Readonly<Record<string, unknown>> = {}): Costing {
  const acc = sums.programs;
  const months = monthCostings(acc, tree, inputs);
  const cells = allProgramCells(acc.programs, months);
  const monthList: string[] = [];
  for (const m of sums.dibao.months()) monthList.push(m.month);
  const funding = fundingShares(acc, months, cells, tree);
  const checks: Costing['checks'] = [];
  for (const p of acc.programs) if (p.checks) checks.push(...p.checks({ parameters: tree, months: monthList, inputs }));
  return { months, cells, funding, checks };
}

/** The share of a component's cost its household pays itself (an `individual` category of its shares parameter). */
function ownShare(tree: ParameterTree, path: string, date: string): number {
  const leaf = tree.leaf(path);
  return (leaf.categories ?? []).includes('individual') ? tree.valueAt(path, date, { category: 'individual' }) : 0;
}

/**
 * A month's assistance for the distribution figures: every household-month component that is
 * not wholly the household's own payment, with the share the household receives, and the
 * national rural poverty line a month.
 */
export function monthAssistance(programs: readonly ProgramDefinition[], tree: ParameterTree, month: string, localLine: string): MonthAssistance {
  const date = `${month}-01`;
  const received: { rule: string; share: number; component: string }[] = [];
  for (const p of programs) {
    for (const [key, c] of Object.entries(p.components)) {
      if (!('rule' in c)) continue;
      // What the household itself pays is not assistance it receives.
      const own = typeof c.payer === 'string' ? (c.payer === 'individual' ? 1 : 0) : ownShare(tree, c.payer.shares, date);
      if (own < 1) received.push({ rule: c.rule, share: 1 - own, component: `${p.id}.${key}` });
    }
  }
  return { received, nationalLine: tree.valueAt('dibao.linkage.rural_poverty_line', date) / MONTHS_PER_YEAR, localLine };
}
