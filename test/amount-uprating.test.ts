/**
 * Issue #21, "Uprating": in a projection every program's amounts in yuan follow the rule their
 * parameters name (projection.uprating: CPI, wages or fixed), from the second projected year,
 * compounded from the year of the value in force. Hand-worked on the baseline parameters with
 * the indices of projection.yaml: CPI 2008 1.059, 2009 0.993; urban income growth (the wage
 * index) 2008 1.1367 (12829/11286), 2009 1.0917 (14006/12829).
 */
import { describe, expect, it } from 'vitest';
import { amountUpratingOverrides, upratedLeaves, upratingRule, yearFactor } from '../src/dynamics/amount-uprating.js';
import { baselineParameters } from '../src/policy/parameters.js';

const base = baselineParameters();
const INDICES: Record<number, { cpi: number; wages: number }> = { 2008: { cpi: 1.059, wages: 1.1367 }, 2009: { cpi: 0.993, wages: 1.0917 } };
const { overrides, byYear } = amountUpratingOverrides(base, 2007, 2009, (y) => INDICES[y]!);
const tree = base.withOverrides(overrides);

describe('projection.uprating: every program’s amounts by the rule its parameters name', () => {
  it('names a rule per namespace, and the year rows carry it with the cumulative factor', () => {
    expect(upratingRule(base, 'medical', '2008-01-01').rule).toBe('cpi');
    expect(upratingRule(base, 'employment', '2008-01-01').rule).toBe('wages');
    expect(upratingRule(base, 'facilities', '2008-01-01').rule).toBe('fixed');
    expect(byYear['2007']!.medical).toEqual({ rule: 'cpi', index: 1 });
    // 2009: 1.059 × 0.993 = 1.051587; wages 1.1367 × 1.0917 = 1.240935.
    expect(byYear['2009']!.medical).toEqual({ rule: 'cpi', index: 1.051587 });
    expect(byYear['2009']!.employment).toEqual({ rule: 'wages', index: 1.240935 });
    expect(byYear['2009']!.facilities).toEqual({ rule: 'fixed', index: 1 });
    expect(yearFactor({ cpi: 0.5, wages: 1 }, { cpi: 1.1, wages: 1.2 })).toBeCloseTo(1.05 * 1.2, 12);
  });
  it('the first year keeps the parameters; later years scale them, to the value', () => {
    // medical.secondary.annual_cap 3000 (dated 2006): 2007 3000, 2008 3000 × 1.059 = 3177, 2009 × 0.993 = 3154.761.
    expect(['2007-06-01', '2008-06-01'].map((d) => tree.valueAt('medical.secondary.annual_cap', d))).toEqual([3000, 3000 * 1.059]);
    expect(tree.valueAt('medical.secondary.annual_cap', '2009-06-01')).toBeCloseTo(3154.761, 9); // the factor to six decimals, 1.051587
    // employment.posts.wage, Changchun urban 510 (吉政函〔2006〕43号) follows wages: 2009 510 × 1.240935 (1.1367 × 1.0917, the factor to six decimals) = 632.87685.
    expect(tree.valueAt('employment.posts.wage', '2009-03-01', { prefecture: 220100, area: 'urban' })).toBeCloseTo(632.87685, 6);
    // Fixed: facilities' costs stay nominal.
    expect(tree.valueAt('facilities.welfare_centres.county_centre_cost', '2009-03-01')).toBe(2_040_000);
  });
  it('a value dated inside the projection is in its own year’s prices: uprated only from the year after', () => {
    // medical.premium.ncms_contribution is 20 from 2008-01-01: 2008 20, 2009 20 × 0.993 = 19.86.
    expect(tree.valueAt('medical.premium.ncms_contribution', '2008-06-01')).toBe(20);
    expect(tree.valueAt('medical.premium.ncms_contribution', '2009-06-01')).toBeCloseTo(19.86, 10);
  });
  it('leaves alone what other rules or published series set, and what is not money', () => {
    const paths = upratedLeaves(base, 'dibao').map((l) => l.path);
    expect(paths).not.toContain('dibao.standard');
    expect(paths.filter((p) => p.startsWith('dibao.linkage.'))).toEqual([]);
    expect(upratedLeaves(base, 'wubao').map((l) => l.path)).toEqual(['wubao.standard.centralised', 'wubao.standard.dispersed']);
    expect(tree.valueAt('dibao.standard', '2009-06-01', { prefecture: 220100, area: 'urban' })).toBe(base.valueAt('dibao.standard', '2009-06-01', { prefecture: 220100, area: 'urban' }));
    expect(tree.valueAt('dibao.linkage.rural_poverty_line', '2009-06-01')).toBe(1196);
    // Shares are not money: the medical funding split by level is untouched.
    expect(overrides.every((o) => base.leaf(o.path).unit.startsWith('CNY'))).toBe(true);
    // Every override says where it comes from, for explain.
    expect(tree.entryAt('medical.secondary.annual_cap', '2009-06-01').overrides).toEqual(['uprating 2009: × 1.051587 (medical amounts follow cpi, projection.uprating): scale ×1.051587 from 2009-01-01 until 2010-01-01']);
  });
});
