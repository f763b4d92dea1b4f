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
 * Post-run (issue #18): reads the accumulated cells and the parameter tree, like funding.ts.
 */
import type { ParameterTree } from '../../engine/parameters/tree.js';
import { PREFECTURE_CODES } from '../../engine/locality.js';
import { AREAS, type ProgramAccumulator } from './program-accumulator.js';
import { componentFen } from './program-summary.js';

/** A prefecture's central and provincial dibao transfers over some months, whole fen. */
export interface DibaoTransfers { central: number; provincial: number }

/** The central transfer into one cell in one month: its share of the cell's dibao budget cost (fen). */
export function centralTransfer(budgetFen: number, share: number): number {
  return Math.round(budgetFen * share);
}

/** The provincial subsidy of one cell in one month (fen): a share of the cost of the standard above the base, on a reference caseload. */
export function provincialSubsidy(standard: number, base: number, increaseShare: number, referenceCoverage: number, persons: number): number {
  return Math.round(increaseShare * Math.max(0, standard - base) * referenceCoverage * persons * 100);
}

/** The dibao program's budget cost (fen) in one cell and month: its components paid from the budget. */
function dibaoBudgetFen(acc: ProgramAccumulator, pi: number, tree: ParameterTree, month: string, cell: number): number {
  const program = acc.programs[pi]!;
  let fen = 0;
  Object.values(program.components).forEach((c, k) => {
    if (c.payer === 'budget') fen += componentFen(acc, pi, k, month, cell, tree, {});
  });
  return fen;
}

/** The §二.4 transfers into prefecture index `pref` over `months` ('YYYY-MM'), summed over its urban and rural cells. */
export function dibaoTransfers(acc: ProgramAccumulator, pi: number, tree: ParameterTree, months: readonly string[], pref: number): DibaoTransfers {
  const prefecture = PREFECTURE_CODES[pref]!;
  let central = 0;
  let provincial = 0;
  for (const month of months) {
    const date = `${month}-01`;
    const increaseShare = tree.valueAt('funding.dibao.provincial.increase_share', date);
    AREAS.forEach((area, a) => {
      const cell = pref * AREAS.length + a;
      central += centralTransfer(dibaoBudgetFen(acc, pi, tree, month, cell), tree.valueAt('funding.dibao.central_share', date, { area }));
      const standard = tree.valueAt('dibao.standard', date, { prefecture, area });
      const base = tree.valueAt('funding.dibao.provincial.base_standard', date, { area });
      const coverage = tree.valueAt('funding.dibao.provincial.reference_coverage', date, { area });
      provincial += provincialSubsidy(standard, base, increaseShare, coverage, acc.cellPopulation(month, cell).persons);
    });
  }
  return { central, provincial };
}
