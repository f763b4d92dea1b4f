/**
 * The funding table: every program's cost, by source (its `costByPayer`), split further by level
 * of government and prefecture, one row per program × level × source × prefecture × year.
 * Rows are built from the programs' whole-fen cells, so for each program they add up to the fen
 * to its cost and to each payer's part, and over all programs to the total.
 *
 * Dibao follows §二.4: the central transfer and the provincial subsidy are fixed yearly amounts
 * allocated to prefectures by population weights (funding.dibao.allocation_weight), never by
 * recipients; prefecture and county budgets pay the rest (funding.dibao.local_shares).
 */
import { JiuzhuError } from '../../engine/errors.js';
import { MONTHS_PER_YEAR } from '../../engine/money.js';
import { PREFECTURE_CODES } from '../../engine/locality.js';
import type { ParameterTree } from '../../engine/parameters/tree.js';
import { PAYERS, type Payer } from '../../engine/program.js';
import { AREAS, N_CELLS, type ProgramAccumulator } from './program-accumulator.js';
import { splitFen, type ProgramCells } from './program-summary.js';

export const LEVELS = ['central', 'provincial', 'prefecture', 'county'] as const;
export type Level = (typeof LEVELS)[number];

/** One line of the funding table (amount in yuan). */
export interface FundingRow {
  program: string;
  level: Level;
  source: Payer;
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

/** §二.4: the prefecture and county shares of the dibao cost the subsidies leave. */
function localShares(tree: ParameterTree, date: string): number[] {
  const path = 'funding.dibao.local_shares';
  const shares = (['prefecture', 'county'] as const).map((l) => tree.valueAt(path, date, { category: l }));
  if (Math.abs(shares[0]! + shares[1]! - 1) > 1e-9) throw new JiuzhuError('BAD_LEVEL_SHARES', `the shares of '${path}' on ${date} add up to ${+(shares[0]! + shares[1]!).toFixed(9)}, not 1`, { location: { key: path } });
  return shares;
}

/** The parameter splitting a program's part from one source between levels. */
function sharesPath(tree: ParameterTree, program: string, source: Payer): string {
  if (source !== 'budget') return `funding.source_levels.${snake(source)}`;
  const own = `funding.budget_levels.${snake(program)}`;
  return tree.has(own) ? own : 'funding.budget_levels.default';
}

/**
 * The §二.4 subsidies a prefecture is allocated over some months, in whole fen: a twelfth of the
 * yearly amount a month, times the prefecture's weight over the weights' sum. It reads no
 * population: a prefecture's allocation is the same whatever its number of recipients.
 */
export function dibaoSubsidyAllocation(tree: ParameterTree, months: readonly string[], prefecture: number): { central: number; provincial: number } {
  let central = 0;
  let provincial = 0;
  for (const m of months) {
    const date = `${m}-01`;
    const weights = PREFECTURE_CODES.map((p) => tree.valueAt('funding.dibao.allocation_weight', date, { prefecture: p }));
    const total = weights.reduce((a, b) => a + b, 0);
    const share = total > 0 ? weights[PREFECTURE_CODES.indexOf(prefecture)]! / total : 0;
    central += (tree.valueAt('funding.dibao.central_subsidy', date) / MONTHS_PER_YEAR) * share * 100;
    provincial += (tree.valueAt('funding.dibao.provincial_subsidy', date) / MONTHS_PER_YEAR) * share * 100;
  }
  return { central: Math.round(central), provincial: Math.round(provincial) };
}

/** Every program's funding rows, per calendar year of the period, in program, year, prefecture, source, level order. */
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
        const push = (level: Level, source: Payer, fen: number): void => {
          if (fen !== 0) rows.push({ program: program.id, level, source, prefecture, from, to, amount: fen / 100 });
        };
        for (const source of PAYERS) {
          let fen = 0;
          for (let a = 0; a < AREAS.length; a++) fen += pc.payers[source][yi * N_CELLS + pref * AREAS.length + a]!;
          if (fen === 0) continue;
          if (program.id === 'dibao' && source === 'budget') {
            // §二.4: fixed subsidies first (never more than the cost), local budgets the rest.
            const alloc = dibaoSubsidyAllocation(tree, inYear, prefecture);
            const central = Math.min(alloc.central, fen);
            const provincial = Math.min(alloc.provincial, fen - central);
            const [pre, county] = splitFen(fen - central - provincial, localShares(tree, date));
            push('central', source, central);
            push('provincial', source, provincial);
            push('prefecture', source, pre!);
            push('county', source, county!);
            continue;
          }
          splitFen(fen, levelShares(tree, sharesPath(tree, program.id, source), date)).forEach((f, l) => push(LEVELS[l]!, source, f));
        }
      });
    });
  });
  return rows;
}

/** The funding table summed by level of government (yuan), for a quick look. */
export function fundingByLevel(rows: readonly FundingRow[]): Record<Level, number> {
  const fen = Object.fromEntries(LEVELS.map((l) => [l, 0])) as Record<Level, number>;
  for (const r of rows) fen[r.level] += Math.round(r.amount * 100);
  return Object.fromEntries(LEVELS.map((l) => [l, fen[l] / 100])) as Record<Level, number>;
}
