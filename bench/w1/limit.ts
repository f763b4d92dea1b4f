/**
 * The limit: W1's rules as one hand-written pass over persons per household, on the same
 * typed arrays, with the same dated parameters read from the same tree.
 */
import type { PeerWorkloadColumns } from '../../src/data/peer-workload.js';
import type { ParameterTree } from '../../src/engine/parameters/tree.js';
import { summarize, type Summary } from './engine.js';

/** Household start offsets of persons grouped by household (the columns are grouped). */
export function householdStarts(cols: PeerWorkloadColumns): Int32Array {
  const nH = cols.households.id.length;
  const hh = cols.persons.household;
  const start = new Int32Array(nH + 1);
  for (let p = 0; p < hh.length; p++) start[hh[p]! + 1]!++;
  for (let h = 0; h < nH; h++) start[h + 1]! += start[h]!;
  return start;
}

/** Benefit per household for the month whose first day is `date`. */
export function limitBenefit(cols: PeerWorkloadColumns, start: Int32Array, tree: ParameterTree, date: string): Float64Array {
  const keep = 1 - tree.valueAt('demo.earnings_disregard', date);
  const urbanStd = tree.valueAt('demo.standard', date, { area: 'urban' });
  const ruralStd = tree.valueAt('demo.standard', date, { area: 'rural' });
  const elderlyAge = tree.valueAt('demo.elderly_age', date);
  const rate = tree.valueAt('demo.classified_rate', date);
  const { age, earnings, other_income: other, disabled } = cols.persons.columns;
  const urban = cols.households.columns.urban;
  const nH = urban.length;
  const out = new Float64Array(nH);
  for (let h = 0; h < nH; h++) {
    const a = start[h]!;
    const b = start[h + 1]!;
    let income = 0;
    let classified = 0;
    for (let p = a; p < b; p++) {
      income += earnings[p]! * keep + other[p]!;
      classified += +(age[p]! >= elderlyAge) + disabled[p]!;
    }
    const size = b - a;
    const pci = income / size;
    const std = urban[h] ? urbanStd : ruralStd;
    if (pci < std) out[h] = (std - pci) * size + classified * rate * std;
  }
  return out;
}

/** The limit's baseline step: benefit for the month and its summary. */
export function limitStep(cols: PeerWorkloadColumns, start: Int32Array, tree: ParameterTree, date: string): Summary {
  return summarize(limitBenefit(cols, start, tree, date));
}
