/**
 * Results as tables for other tools (src/notebook/interop.ts): rows, arquero tables, Arrow IPC
 * bytes, and the plain column objects that danfojs's `new DataFrame(obj)` takes.
 */
import { tableFromIPC } from '@uwdata/flechette';
import * as aq from 'arquero';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDataset, resolveDatasetPath } from '../src/data/dataset.js';
import { loadScenario } from '../src/scenarios/input/load.js';
import { type Result } from '../src/scenarios/results/result.js';
import { compareScenariosOn } from '../src/scenarios/studies/compare.js';
import { flattenRow, resultRows, RESULT_TABLES, toArquero, toArrow, toColumns } from '../src/notebook/interop.js';

let result: Result;
beforeAll(async () => {
  const ds = await loadDataset(resolveDatasetPath('fixture-dibao'));
  result = compareScenariosOn([loadScenario('scenarios/baseline-2006.yaml'), loadScenario('scenarios/raise-standard-10pct.yaml')], ds, { period: { from: '2006-01', to: '2006-03' } });
});

describe('flattenRow', () => {
  it('gives nested figures dotted keys and numbers arrays from 1', () => {
    expect(flattenRow({ a: 1, b: { c: 'x', d: [0.1, 0.2] }, e: null, f: undefined })).toEqual({ a: 1, 'b.c': 'x', 'b.d.1': 0.1, 'b.d.2': 0.2, e: null });
  });
});

describe('resultRows', () => {
  it('has one scenarios row per scenario, with the summary flattened', () => {
    const rows = resultRows(result, 'scenarios');
    expect(rows.map((r) => r.scenario)).toEqual(['baseline-2006', 'raise-standard-10pct']);
    expect(rows[0]!.cost).toBe(result.scenarios[0]!.summary.cost);
    expect(rows[1]!['distribution.povertyGapClosed']).toBe(result.scenarios[1]!.summary.distribution!.povertyGapClosed);
    expect(rows[0]!['distribution.before.decileShares.10']).toBe(result.scenarios[0]!.summary.distribution!.before.decileShares[9]);
  });

  it('has a row per scenario × month, program, funding row and delta', () => {
    expect(resultRows(result, 'months')).toHaveLength(2 * 3);
    const programs = resultRows(result, 'programs');
    expect(programs).toHaveLength(2 * Object.keys(result.scenarios[0]!.programs!).length);
    expect(programs.find((r) => r.scenario === 'baseline-2006' && r.program === 'dibao')!.cost).toBe(result.scenarios[0]!.programs!['dibao']!.cost);
    const funding = resultRows(result, 'funding');
    expect(funding.filter((r) => r.scenario === 'baseline-2006').reduce((a, r) => a + Number(r.amount), 0)).toBeCloseTo(result.scenarios[0]!.funding!.reduce((a, r) => a + r.amount, 0), 6);
    const cost = resultRows(result, 'deltas').find((r) => r.group === 'summary' && r.metric === 'cost')!;
    expect(cost).toMatchObject({ scenario: 'raise-standard-10pct', against: 'baseline-2006', baseline: result.scenarios[0]!.summary.cost, value: result.scenarios[1]!.summary.cost });
    expect(resultRows(result, 'decileImpact')).toHaveLength(10);
    expect(resultRows(result, 'byArea').map((r) => `${r.scenario} ${r.group}`)).toContain('baseline-2006 urban');
  });

  it('reads projection years and rejects unknown tables', () => {
    const projection = { scenarios: [{ name: 'p', summary: {}, years: [{ year: 2007, cost: 5, costByLevel: { central: 2, county: 3 }, standardsBound: { povertyLine: [220200, 220300] } }] }] };
    expect(resultRows(projection, 'years')).toEqual([{ scenario: 'p', 'standardsBound.povertyLine': '220200 220300', year: 2007, cost: 5, 'costByLevel.central': 2, 'costByLevel.county': 3 }]);
    expect(() => resultRows(result, 'nope' as (typeof RESULT_TABLES)[number])).toThrow(/unknown result table/);
  });
});

describe('conversions', () => {
  it('plain columns: every column the same length, missing values null (the shape new DataFrame(obj) takes)', () => {
    const cols = toColumns([{ a: 1, b: 'x' }, { a: 2, c: true }]);
    expect(cols).toEqual({ a: [1, 2], b: ['x', null], c: [null, true] });
    const programs = toColumns(resultRows(result, 'programs'));
    const lengths = new Set(Object.values(programs).map((v) => v.length));
    expect([...lengths]).toEqual([2 * Object.keys(result.scenarios[0]!.programs!).length]);
  });

  it('an arquero table with the columns and values of the rows', () => {
    const rows = resultRows(result, 'months');
    const t = toArquero(rows);
    expect(t.numRows()).toBe(rows.length);
    expect(t.columnNames()).toEqual(Object.keys(toColumns(rows)));
    expect(t.array('month')).toEqual(rows.map((r) => r.month));
    expect(t.get('cost.total', 2)).toBe(rows[2]!['cost.total']);
  });

  it('Arrow IPC bytes that read back with flechette and arquero', () => {
    const rows = resultRows(result, 'scenarios');
    const bytes = toArrow(rows);
    const back = tableFromIPC(bytes, { useBigInt: false });
    expect(back.numRows).toBe(2);
    expect(back.getChild('scenario')!.toArray()).toEqual(['baseline-2006', 'raise-standard-10pct']);
    expect(Array.from(back.getChild('cost')!.toArray() as ArrayLike<number>)).toEqual(rows.map((r) => r.cost));
    const viaArquero = aq.fromArrow(toArrow(toArquero(rows), { format: 'stream' }));
    expect(viaArquero.array('recipients')).toEqual(rows.map((r) => r.recipients));
  });
});
