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
 * The shares and transfers are read from the parameters while the run still has them
 * (scenarios/execution/costing.ts, which asks `fundingNeeds` what to read); the rows here are
 * built from those numbers and the cells alone.
 */
import { JiuzhuError } from '../../engine/errors.js';
import { PREFECTURE_CODES } from '../../engine/locality.js';
import { PAYERS, type Payer, type ProgramDefinition } from '../../engine/program.js';
import { AREAS, N_CELLS } from './program-accumulator.js';
import { splitFen, type ProgramCells } from './program-summary.js';

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

/** A prefecture's central and provincial dibao transfers over a year, whole fen (§二.4, execution/dibao-transfers.ts). */
export interface DibaoTransfers { central: number; provincial: number }

/** The numbers the funding rows take from the parameters, read during the run. */
export interface FundingShares {
  /** `program|payer|year` → the level shares (LEVELS order) of a program's part from one government source. */
  levels: ReadonlyMap<string, readonly number[]>;
  /** year → §二.4's [prefecture, county] shares of the dibao budget cost the transfers leave. */
  dibaoLocal: ReadonlyMap<string, readonly number[]>;
  /** `year|prefecture index` → §二.4's transfers into the prefecture's dibao budget cost. */
  dibaoTransfers: ReadonlyMap<string, DibaoTransfers>;
}

/** What building the rows will read from FundingShares: each key once, with the year's months. */
export interface FundingNeeds {
  levels: { key: string; program: string; payer: Payer; date: string }[];
  dibao: { year: string; pref: number; months: string[]; date: string }[];
}

export const levelsKey = (program: string, payer: Payer, year: string): string => `${program}|${payer}|${year}`;

/** Dibao's budget cost splits by §二.4 (transfers first, local budgets the rest), every other government part by level shares. */
const byTransfers = (program: string, payer: Payer): boolean => program === 'dibao' && payer === 'budget';

/** One (program, year, prefecture, payer) with fen in the programs' cells. */
interface Part { program: ProgramDefinition; year: string; inYear: string[]; pref: number; payer: Payer; fen: number }

/**
 * Every (program, year, prefecture, payer) with fen in the programs' cells, in row order. A list
 * walked with plain loops, not a visitor callback: a callback made per call was optimised on its
 * own, its code dropped at each full GC and compiled again every few variants of a sweep (issue
 * #25, W3, session 16).
 */
function eachPart(programs: readonly ProgramDefinition[], months: readonly string[], cells: readonly ProgramCells[]): Part[] {
  const sorted = [...months].sort();
  const out: Part[] = [];
  for (let pi = 0; pi < programs.length; pi++) {
    const program = programs[pi]!;
    const pc = cells[pi]!;
    for (let yi = 0; yi < pc.years.length; yi++) {
      const year = pc.years[yi]!;
      const inYear: string[] = [];
      for (const m of sorted) if (m.startsWith(year)) inYear.push(m);
      for (let pref = 0; pref < PREFECTURE_CODES.length; pref++) {
        for (const payer of PAYERS) {
          let fen = 0;
          for (let a = 0; a < AREAS.length; a++) fen += pc.payers[payer][yi * N_CELLS + pref * AREAS.length + a]!;
          if (fen !== 0) out.push({ program, year, inYear, pref, payer, fen });
        }
      }
    }
  }
  return out;
}

/** The shares and transfers the funding rows of these cells need (government parts with money only, as before the run ended). */
export function fundingNeeds(programs: readonly ProgramDefinition[], months: readonly string[], cells: readonly ProgramCells[]): FundingNeeds {
  const levels = new Map<string, FundingNeeds['levels'][number]>();
  const dibao = new Map<string, FundingNeeds['dibao'][number]>();
  for (const { program, year, inYear, pref, payer } of eachPart(programs, months, cells)) {
    if (PAYER_OF[payer].payerType === 'non-government') continue;
    const date = `${inYear[0]!}-01`;
    if (byTransfers(program.id, payer)) dibao.set(`${year}|${pref}`, { year, pref, months: inYear, date });
    else levels.set(levelsKey(program.id, payer, year), { key: levelsKey(program.id, payer, year), program: program.id, payer, date });
  }
  return { levels: [...levels.values()], dibao: [...dibao.values()] };
}

function needed<T>(map: ReadonlyMap<string, T>, key: string): T {
  const v = map.get(key);
  if (v === undefined) throw new JiuzhuError('MISSING_FUNDING_SHARES', `the funding shares of '${key}' were not read during the run`, { kind: 'internal' });
  return v;
}

/** Every program's funding rows, per calendar year of the period, in program, year, prefecture, payer, level order. */
export function fundingRows(programs: readonly ProgramDefinition[], months: readonly string[], cells: readonly ProgramCells[], shares: FundingShares): FundingRow[] {
  const rows: FundingRow[] = [];
  for (const { program, year, inYear, pref, payer, fen } of eachPart(programs, months, cells)) {
    const from = inYear[0]!;
    const to = inYear[inYear.length - 1]!;
    const prefecture = PREFECTURE_CODES[pref]!;
    const part = { program: program.id, payer, prefecture, from, to };
    if (PAYER_OF[payer].payerType === 'non-government') {
      pushRow(rows, part, null, fen);
      continue;
    }
    if (byTransfers(program.id, payer)) {
      // §二.4: the transfers from above first (never more than the cost), local budgets the rest.
      const t = needed(shares.dibaoTransfers, `${year}|${pref}`);
      const central = Math.min(t.central, fen);
      const provincial = Math.min(t.provincial, fen - central);
      const [pre, county] = splitFen(fen - central - provincial, needed(shares.dibaoLocal, year));
      pushRow(rows, part, 'central', central);
      pushRow(rows, part, 'provincial', provincial);
      pushRow(rows, part, 'prefecture', pre!);
      pushRow(rows, part, 'county', county!);
      continue;
    }
    const byLevel = splitFen(fen, needed(shares.levels, levelsKey(program.id, payer, year)));
    for (let l = 0; l < byLevel.length; l++) pushRow(rows, part, LEVELS[l]!, byLevel[l]!);
  }
  return rows;
}

/** A funding row of a part's level, unless it has no fen. */
function pushRow(rows: FundingRow[], part: { program: string; payer: Payer; prefecture: number; from: string; to: string }, level: Level | null, f: number): void {
  if (f !== 0) rows.push({ program: part.program, ...PAYER_OF[part.payer], level, prefecture: part.prefecture, from: part.from, to: part.to, amount: f / 100 });
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
