/**
 * W1's rules written the usual JavaScript way with arquero 8: derive per person →
 * groupby/rollup per household → join the household table → derive the benefit → rollup.
 * Parameters are read from the same tree as the engine's.
 */
import * as aq from 'arquero';
import type { PeerWorkloadColumns } from '../../src/data/peer-workload.js';
import type { ParameterTree } from '../../src/engine/parameters/tree.js';
import type { Summary } from './engine.js';

const { op } = aq;

interface Params { keep: number; urbanStd: number; ruralStd: number; elderlyAge: number; rate: number }

function params(tree: ParameterTree, date: string): Params {
  return {
    keep: 1 - tree.valueAt('demo.earnings_disregard', date),
    urbanStd: tree.valueAt('demo.standard', date, { area: 'urban' }),
    ruralStd: tree.valueAt('demo.standard', date, { area: 'rural' }),
    elderlyAge: tree.valueAt('demo.elderly_age', date),
    rate: tree.valueAt('demo.classified_rate', date),
  };
}

/** Recipients and total cost for the month whose first day is `date`, tables built from the columns. */
export function arqueroStep(cols: PeerWorkloadColumns, tree: ParameterTree, date: string): Summary {
  const p = params(tree, date);
  const { age, earnings, other_income, disabled } = cols.persons.columns;
  const persons = aq.table({ household: cols.persons.household, age, earnings, other_income, disabled });
  const households = aq.table({ household: cols.households.id, urban: cols.households.columns.urban });
  const result = persons
    .params(p)
    .derive({
      counted: (d: any, $: any) => d.earnings * $.keep + d.other_income,
      classified: (d: any, $: any) => (d.age >= $.elderlyAge ? 1 : 0) + (d.disabled ? 1 : 0),
    })
    .groupby('household')
    .rollup({ income: op.sum('counted'), size: op.count(), classified: op.sum('classified') })
    .join(households, 'household')
    .params(p)
    .derive({ standard: (d: any, $: any) => (d.urban ? $.urbanStd : $.ruralStd), pci: (d: any) => d.income / d.size })
    .derive({ benefit: (d: any, $: any) => (d.pci < d.standard ? (d.standard - d.pci) * d.size + d.classified * $.rate * d.standard : 0) })
    .rollup({ recipients: (d: any) => op.sum(d.benefit > 0 ? 1 : 0), cost: op.sum('benefit') });
  return { recipients: Number(result.get('recipients', 0)), cost: Number(result.get('cost', 0)) };
}

