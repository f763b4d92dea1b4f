/**
 * localityChange (src/engine/parameters/resolve.ts): the households whose value of a changed
 * parameter leaf differs, found from the leaf's locality cells instead of comparing two
 * resolved household columns (session 11, issue #25 W3). It must give what the comparison of
 * the resolved columns gives (differential.ts's paramValueChange, with a change of every
 * household as 'all'), since a differential run decides from it which households to recompute.
 */
import { describe, expect, it } from 'vitest';
import { paramValueChange } from '../src/engine/differential.js';
import { createPopulation, type Population } from '../src/engine/population.js';
import { localityChange, resolveParameter } from '../src/engine/parameters/resolve.js';
import type { ParameterTree } from '../src/engine/parameters/tree.js';
import { baselineParameters } from '../src/policy/parameters.js';

const CHANGCHUN = 220100;
const JILIN_CITY = 220200;
const DATE = '2006-01-01';

/** Four households: Changchun urban, Changchun rural, Jilin city urban, Jilin city rural (one person each). */
function fourHouseholds(): Population {
  return createPopulation({
    households: { id: [1, 2, 3, 4], columns: { prefecture: Int32Array.from([CHANGCHUN, CHANGCHUN, JILIN_CITY, JILIN_CITY]), urban: Uint8Array.from([1, 0, 1, 0]) } },
    persons: { id: [1, 2, 3, 4], household: [1, 2, 3, 4] },
    source: 'locality-change.test',
  });
}

/** The comparison of the two trees' resolved household columns, as differential.ts made it before. */
function byColumns(now: ParameterTree, was: ParameterTree, path: string, pop: Population): string {
  const c = paramValueChange(resolveParameter(now, path, DATE, pop, 'household'), resolveParameter(was, path, DATE, pop, 'household'));
  if (c === 'none' || c === 'all') return c;
  return c.length === pop.nHouseholds ? 'all' : Array.from(c).join(',');
}

function byCells(now: ParameterTree, was: ParameterTree, path: string, pop: Population): string | undefined {
  const c = localityChange(now.leaf(path), now.entryAt(path, DATE), was.entryAt(path, DATE), pop);
  return c === undefined || c === 'none' || c === 'all' ? c : Array.from(c).join(',');
}

describe('a changed locality parameter marks the households of the cells that changed (localityChange)', () => {
  const tree = baselineParameters();
  const pop = fourHouseholds();
  const path = 'dibao.standard';

  it('hand-worked: the dibao standard scaled in some cells', () => {
    // dibao.standard varies by prefecture × area; households 0–3 sit in the cells
    // (Changchun, urban), (Changchun, rural), (Jilin city, urban), (Jilin city, rural).
    expect(tree.leaf(path).breakdown).toEqual(expect.arrayContaining(['prefecture', 'area']));
    // Every cell scaled: every household, 'all', without a household set.
    expect(byCells(tree.withOverrides([{ path, scale: 1.1 }]), tree, path, pop)).toBe('all');
    // The urban cells only: households 0 and 2.
    expect(byCells(tree.withOverrides([{ path, scale: 1.1, where: { area: 'urban' } }]), tree, path, pop)).toBe('0,2');
    // Jilin city's rural cell only: household 3.
    expect(byCells(tree.withOverrides([{ path, scale: 1.1, where: { prefecture: JILIN_CITY, area: 'rural' } }]), tree, path, pop)).toBe('3');
    // A cell of a prefecture none of the four lives in (Siping): no household.
    expect(byCells(tree.withOverrides([{ path, scale: 1.1, where: { prefecture: 220300 } }]), tree, path, pop)).toBe('none');
    // A new tree whose cells hold the same numbers (+0 added): no household.
    expect(byCells(tree.withOverrides([{ path, add: 0 }]), tree, path, pop)).toBe('none');
    // A scalar leaf is left to the column comparison (a formula may read its whole series).
    const scalar = [...tree.leavesUnder('dibao')].find((l) => l.kind === 'number' && l.breakdown.length === 0)!;
    expect(byCells(tree.withOverrides([{ path: scalar.path, scale: 2 }]), tree, scalar.path, pop)).toBeUndefined();
  });

  it('gives what comparing the resolved household columns gives, for every locality leaf and override', () => {
    const hasCells = (p: string): boolean => {
      try {
        return !!tree.entryAt(p, DATE).cells;
      } catch {
        return false; // no value on the date (a leaf of another year)
      }
    };
    const leaves = tree.leaves().filter((l) => l.kind === 'number' && l.breakdown.some((d) => d !== 'category') && hasCells(l.path));
    expect(leaves.length).toBeGreaterThan(10);
    const overrides = (p: string) => [
      { path: p, scale: 1.05 },
      { path: p, scale: 1.05, where: { area: 'urban' as const } },
      { path: p, add: 1, where: { prefecture: CHANGCHUN } },
      { path: p, add: 0 },
      { path: p, set: 0 },
    ];
    let compared = 0;
    for (const leaf of leaves) {
      for (const o of overrides(leaf.path)) {
        let now: ParameterTree;
        try {
          now = tree.withOverrides([o]);
        } catch {
          continue; // a selector the leaf's breakdown does not have
        }
        const got = byCells(now, tree, leaf.path, pop);
        expect(got, `${leaf.path} ${JSON.stringify(o)}`).toBe(byColumns(now, tree, leaf.path, pop));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(40);
  });
});
