/**
 * §二.4 of 吉政发〔2006〕48号: "市(州)、县(市、区)财政部门应根据当地城乡低保人数变化、补助标准和资金需求,
 * 在年度预算中安排相应补助资金 … 省对各地的低保补助资金主要用于提高低保补助标准,不与低保人数变化直接挂钩。"
 * The transfers from above into a prefecture's dibao budget cost, as rules computed per
 * prefecture × area cell and month, in whole fen:
 *
 * - central transfer = funding.dibao.central_share[area] × the cell's dibao budget cost (a share
 *   of need, the rule of the central dibao subsidies to the central, western and north-eastern
 *   provinces; the share is set from published national figures, never from jiuzhu's results);
 * - provincial subsidy = funding.dibao.provincial.increase_share × max(0, standard −
 *   funding.dibao.provincial.base_standard[area]) × funding.dibao.provincial.reference_coverage[area]
 *   × the cell's persons: a share of what the standard above the base costs on a reference
 *   caseload — so a raise of the standard moves provincial money, a change of recipients does not.
 *
 * Read while the run has its parameters (costing.ts), from the dibao program's costed month cells.
 */
import type { ParameterTree } from '../../engine/parameters/tree.js';
import { PREFECTURE_CODES } from '../../engine/locality.js';
import type { ProgramDefinition } from '../../engine/program.js';
import { AREAS } from '../results/program-accumulator.js';
import type { DibaoTransfers } from '../results/funding.js';
import type { MonthCostings } from '../results/program-summary.js';

/** The central transfer into one cell in one month: its share of the cell's dibao budget cost (fen). */
export function centralTransfer(budgetFen: number, share: number): number {
  return Math.round(budgetFen * share);
}

/** The provincial subsidy of one cell in one month (fen): a share of the cost of the standard above the base, on a reference caseload. */
export function provincialSubsidy(standard: number, base: number, increaseShare: number, referenceCoverage: number, persons: number): number {
  return Math.round(increaseShare * Math.max(0, standard - base) * referenceCoverage * persons * 100);
}

/** The dibao program's budget cost (fen) in one cell and month: its components paid from the budget. */
function dibaoBudgetFen(program: ProgramDefinition, costing: MonthCostings, pi: number, month: string, cell: number): number {
  const components = costing.get(month)![pi]!.components;
  let fen = 0;
  Object.values(program.components).forEach((c, k) => {
    if (c.payer === 'budget') fen += components[k]![cell]!;
  });
  return fen;
}

/**
 * The §二.4 transfers into prefecture index `pref` over `months` ('YYYY-MM'), summed over its
 * urban and rural cells; `persons(month, cell)` is the cell's weighted persons.
 */
export function dibaoTransfers(program: ProgramDefinition, pi: number, costing: MonthCostings, persons: (month: string, cell: number) => number, tree: ParameterTree, months: readonly string[], pref: number): DibaoTransfers {
  const prefecture = PREFECTURE_CODES[pref]!;
  let central = 0;
  let provincial = 0;
  for (const month of months) {
    const date = `${month}-01`;
    const increaseShare = tree.valueAt('funding.dibao.provincial.increase_share', date);
    AREAS.forEach((area, a) => {
      const cell = pref * AREAS.length + a;
      central += centralTransfer(dibaoBudgetFen(program, costing, pi, month, cell), tree.valueAt('funding.dibao.central_share', date, { area }));
      const standard = tree.valueAt('dibao.standard', date, { prefecture, area });
      const base = tree.valueAt('funding.dibao.provincial.base_standard', date, { area });
      const coverage = tree.valueAt('funding.dibao.provincial.reference_coverage', date, { area });
      provincial += provincialSubsidy(standard, base, increaseShare, coverage, persons(month, cell));
    });
  }
  return { central, provincial };
}
