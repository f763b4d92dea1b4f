/**
 * The funding table: every program's cost, by who pays it, one row per program × payer ×
 * prefecture × year. Government money (a program's `budget`, `lottery` and `landRevenue`
 * payers) is split further between the four levels of government; money that is not the
 * government's — households, village collectives, hospitals, universities, donors — keeps its
 * payer's name and no level. Rows are built from the programs' whole-fen cells, so for each
 * program they add up to the fen to its cost and to each payer's part, and over all programs to
 * the total.
 *
 * Dibao's budget cost follows §二.4 (dibao-transfers.ts): the central transfer and the provincial
 * subsidy are rules computed per prefecture × area cell and month, the prefecture and county
 * budgets pay the rest (funding.dibao.local_shares).
 *
 * This runs after the simulation, over the accumulated cells and the parameter tree (issue #18
 * asks that nothing read the tree after the run; the funding split still does, here and in
 * dibao-transfers.ts only).
 */
import { JiuzhuError } from '../../engine/errors.js';
import { MONTHS_PER_YEAR } from '../../engine/money.js';
import { PREFECTURE_CODES } from '../../engine/locality.js';
import type { ParameterTree } from '../../engine/parameters/tree.js';
import { PAYERS, type Payer } from '../../engine/program.js';
import { AREAS, N_CELLS, type ProgramAccumulator } from './program-accumulator.js';
import { splitFen, type ProgramCells } from './program-summary.js';
import { dibaoTransfers } from './dibao-transfers.js';

export const LEVELS = ['central', 'provincial', 'prefecture', 'county'] as const;
export type Level = (typeof LEVELS)[number];

export const PAYER_TYPES = ['government', 'non-government'] as const;
export type PayerType = (typeof PAYER_TYPES)[number];

/** Where government money comes from (budget, welfare lottery fund, land-transfer revenue). */
export const GOVERNMENT_SOURCES = ['budget', 'lottery', 'landRevenue'] as const;
/** Payers that are not the government, by name. */
export const OTHER_PAYERS = ['households', 'collectives', 'hospitals', 'universities', 'donors'] as const;
export const FUNDING_SOURCES = [...GOVERNMENT_SOURCES, ...OTHER_PAYERS] as const;
export type FundingSource = (typeof FUNDING_SOURCES)[number];

/**
 * Who a program's payer is. The universities' 10% tuition set-aside (§四.3) is paid out of the
 * tuition universities collect, a household's own share (§五.3 个人出一块) by the household, a
 * village collective's share (集体助一块) by the collective, the discount card's fee reductions
 * (§三.3) by the hospitals, donations (§十一) by their donors: none is a level of government's
 * money.
 */
export const PAYER_OF: Readonly<Record<Payer, { payerType: PayerType; source: FundingSource }>> = {
  budget: { payerType: 'government', source: 'budget' },
  lottery: { payerType: 'government', source: 'lottery' },
  landRevenue: { payerType: 'government', source: 'landRevenue' },
  tuitionSetAside: { payerType: 'non-government', source: 'universities' },
  donations: { payerType: 'non-government', source: 'donors' },
  hospitals: { payerType: 'non-government', source: 'hospitals' },
  collective: { payerType: 'non-government', source: 'collectives' },
  individual: { payerType: 'non-government', source: 'households' },
};

/** One line of the funding table (amount in yuan). */
export interface FundingRow {
  program: string;
  payerType: PayerType;
  /** Level of government; null for a payer that is not the government. */
  level: Level | null;
  source: FundingSource;
  prefecture: number;
  /** First and last month of the calendar year covered (within the period), 'YYYY-MM'. */
  from: string;
  to: string;
  amount: number;
}

/** Parameter path segment of a payer or program id: snake_case. */
const snake = (id: string): string => id.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** Level shares of a leaf with a category breakdown over the levels, checked to add up to 1. */
function levelShares(tree: ParameterTree, path: string, date: string): number[] {
  const shares = LEVELS.map((l) => tree.valueAt(path, date, { category: l }));
  const sum = shares.reduce((a, b) => a + b, 0);
  if (Math.abs(sum - 1) > 1e-9 || shares.some((s) => s < 0)) throw new JiuzhuError('BAD_LEVEL_SHARES', `the level shares of '${path}' on ${date} add up to ${+sum.toFixed(9)}, not 1`, { location: { key: path } });
  return shares;
}

/** §二.4: the prefecture and county shares of the dibao cost the transfers leave. */
function localShares(tree: ParameterTree, date: string): number[] {
  const path = 'funding.dibao.local_shares';
  const shares = (['prefecture', 'county'] as const).map((l) => tree.valueAt(path, date, { category: l }));
  if (Math.abs(shares[0]! + shares[1]! - 1) > 1e-9) throw new JiuzhuError('BAD_LEVEL_SHARES', `the shares of '${path}' on ${date} add up to ${+(shares[0]! + shares[1]!).toFixed(9)}, not 1`, { location: { key: path } });
  return shares;
}

/** The parameter splitting a program's part from one government source between levels. */
function sharesPath(tree: ParameterTree, program: string, source: Payer): string {
  if (source !== 'budget') return `funding.source_levels.${snake(source)}`;
  const own = `funding.budget_levels.${snake(program)}`;
  return tree.has(own) ? own : 'funding.budget_levels.default';
}

/** Every program's funding rows, per calendar year of the period, in program, year, prefecture, payer, level order. */
export function fundingRows(acc: ProgramAccumulator, cells: readonly ProgramCells[], tree: ParameterTree): FundingRow[] {
  const months = [...acc.months.keys()].sort();
  const rows: FundingRow[] = [];
  acc.programs.forEach((program, pi) => {
    const pc = cells[pi]!;
    pc.years.forEach((year, yi) => {
      const inYear = months.filter((m) => m.startsWith(year));
      const from = inYear[0]!;
      const to = inYear[inYear.length - 1]!;
      const date = `${from}-01`;
      PREFECTURE_CODES.forEach((prefecture, pref) => {
        const push = (payer: Payer, level: Level | null, fen: number): void => {
          if (fen !== 0) rows.push({ program: program.id, ...PAYER_OF[payer], level, prefecture, from, to, amount: fen / 100 });
        };
        for (const payer of PAYERS) {
          let fen = 0;
          for (let a = 0; a < AREAS.length; a++) fen += pc.payers[payer][yi * N_CELLS + pref * AREAS.length + a]!;
          if (fen === 0) continue;
          if (PAYER_OF[payer].payerType === 'non-government') {
            push(payer, null, fen);
            continue;
          }
          if (program.id === 'dibao' && payer === 'budget') {
            // §二.4: the transfers from above first (never more than the cost), local budgets the rest.
            const t = dibaoTransfers(acc, pi, tree, inYear, pref);
            const central = Math.min(t.central, fen);
            const provincial = Math.min(t.provincial, fen - central);
            const [pre, county] = splitFen(fen - central - provincial, localShares(tree, date));
            push(payer, 'central', central);
            push(payer, 'provincial', provincial);
            push(payer, 'prefecture', pre!);
            push(payer, 'county', county!);
            continue;
          }
          splitFen(fen, levelShares(tree, sharesPath(tree, program.id, payer), date)).forEach((f, l) => push(payer, LEVELS[l]!, f));
        }
      });
    });
  });
  return rows;
}

/** Government money of the funding table summed by level (yuan); other payers are left out. */
export function fundingByLevel(rows: readonly FundingRow[]): Record<Level, number> {
  const fen = Object.fromEntries(LEVELS.map((l) => [l, 0])) as Record<Level, number>;
  for (const r of rows) if (r.level !== null) fen[r.level] += Math.round(r.amount * 100);
  return Object.fromEntries(LEVELS.map((l) => [l, fen[l] / 100])) as Record<Level, number>;
}

/** Money of the payers that are not the government, by payer (yuan). */
export function fundingByOtherPayer(rows: readonly FundingRow[]): Record<(typeof OTHER_PAYERS)[number], number> {
  const fen = Object.fromEntries(OTHER_PAYERS.map((p) => [p, 0])) as Record<(typeof OTHER_PAYERS)[number], number>;
  for (const r of rows) if (r.payerType === 'non-government') fen[r.source as (typeof OTHER_PAYERS)[number]] += Math.round(r.amount * 100);
  return Object.fromEntries(OTHER_PAYERS.map((p) => [p, fen[p] / 100])) as Record<(typeof OTHER_PAYERS)[number], number>;
}
