/**
 * One scenario's result (ScenarioResult): the §二 summary by area, prefecture and household
 * type, the checks, the months, every program's figures, the funding rows and the incomes —
 * built from the sums a run accumulated (sums.ts) and their costing (scenarios/execution/costing.ts),
 * never from the parameter tree.
 */
import { HOUSEHOLD_TYPES } from '../../programs/dibao/index.js';
import { distributionSummary, type DistributionSummary, type HouseholdIncomes, type IncomeFiguresMemo } from './distribution.js';
import { fundingRows, type FundingRow, type FundingShares } from './funding.js';
import { programMonthCosts, programSummaries, type MonthCostings, type ProgramCells, type ProgramSummary } from './program-summary.js';
import type { ScenarioSums } from './sums.js';
import { summarise, type DibaoSummary, type MonthRow } from './summary.js';
import { classifiedChecks } from './classified-check.js';
import type { ProgramCheck } from '../../engine/program.js';

/** A check row: clause, reading, scope and status (src/engine/program.ts). */
export type Check = ProgramCheck;

export interface ScenarioSummary extends DibaoSummary {
  /** Poverty and inequality before and after assistance (every program), person-weighted. */
  distribution: DistributionSummary;
  byArea: Record<string, DibaoSummary>;
  byPrefecture: Record<string, DibaoSummary>;
  byHouseholdType: Record<string, DibaoSummary>;
}

export interface ScenarioResult {
  name: string;
  summary: ScenarioSummary;
  checks: Check[];
  /** Month by month; the summary's sums are the sums over these rows. */
  months: (MonthRow & { programs: Record<string, number> })[];
  /** Every program of the system (§二–§五 …): cost, payers, recipients, accounts; by area and prefecture. */
  programs: Record<string, ProgramSummary>;
  /** Every program's cost by level of government, source, prefecture and year; adds up to the programs' costs to the fen. */
  funding: FundingRow[];
  /** Each household's income before and after assistance, for comparisons (not in the JSON). */
  incomes: HouseholdIncomes;
}

/**
 * The amounts of a run priced while it had its parameters: every program's costed months and
 * cells, the funding split's shares and transfers, and the programs' checks of the opinion.
 */
export interface Costing {
  months: MonthCostings;
  cells: ProgramCells[];
  funding: FundingShares;
  checks: Check[];
}

/** Summary and checks from accumulated sums and their costing (`figures`: shared by the scenarios of one run, see IncomeFiguresMemo). */
export function buildScenarioResult(name: string, sums: ScenarioSums, costing: Costing, figures?: IncomeFiguresMemo): ScenarioResult {
  const acc = sums.dibao;
  const group = (g: string, keys: readonly string[]): Record<string, DibaoSummary> => Object.fromEntries(keys.map((k) => [k, summarise(acc.get(g, k), g === 'byArea')]));
  const total = acc.get('total', 'total');
  const programCosts = programMonthCosts(sums.programs.programs, costing.months);
  const cells = costing.cells;
  const incomes = sums.distribution.incomes();
  const months = acc.months().map((m) => ({ ...m, programs: programCosts.get(m.month) ?? {} }));
  return {
    name,
    summary: {
      ...withMonthTotals(summarise(total), months),
      distribution: distributionSummary(incomes, sums.distribution.nationalLine, months.length, figures, sums.distribution.personWeights(), sums.distribution.sortedIncomes()),
      byArea: group('byArea', ['urban', 'rural']),
      byPrefecture: group('byPrefecture', acc.groupings[2]!.keys),
      byHouseholdType: group('byHouseholdType', HOUSEHOLD_TYPES),
    },
    checks: [
      ...classifiedChecks((g, k) => acc.get(g, k), acc.groupings[2]!.keys),
      ...costing.checks,
    ],
    months,
    programs: programSummaries(sums.programs, cells),
    funding: fundingRows(sums.programs.programs, [...costing.months.keys()], cells, costing.funding),
    incomes,
  };
}

/**
 * The province's money figures as the sums of the months' figures, each month already to the
 * fen, so the annual total equals the sum of the monthly totals exactly even with fractional
 * (raked) weights.
 */
function withMonthTotals(s: DibaoSummary, months: readonly MonthRow[]): DibaoSummary {
  const sum = (f: (m: MonthRow) => number): number => months.reduce((a, m) => a + Math.round(f(m) * 100), 0) / 100;
  const cost = sum((m) => m.cost.total);
  const gapAndFloor = sum((m) => m.cost.gap);
  return {
    ...s,
    cost,
    costAnnual: Math.round((cost * 1200) / Math.max(months.length, 1)) / 100,
    costByComponent: {
      // The months report gap and floor together; the split between them keeps the group's own sums.
      gap: Math.round((gapAndFloor - s.costByComponent.minimum) * 100) / 100,
      minimum: s.costByComponent.minimum,
      classified: sum((m) => m.cost.classified),
      temporary: sum((m) => m.cost.temporary),
      priceSubsidy: sum((m) => m.cost.priceSubsidy),
      taper: sum((m) => m.cost.taper),
    },
  };
}
