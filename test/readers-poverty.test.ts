/**
 * Poverty at a fixed line beside the moving one (issue 24): raising the standard moves the line,
 * so the moving-line headcount can rise while nobody is worse off; the fixed line (the baseline's
 * standard for both scenarios) moves only with incomes. Two one-person households, by hand.
 */
import { describe, expect, it } from 'vitest';
import { povertyLinesNote, povertyTable } from '../src/cli/summary-table.js';
import { distributionDelta, distributionSummary, type HouseholdIncomes } from '../src/scenarios/results/distribution.js';
import type { Result } from '../src/scenarios/results/result.js';

const incomes = (after: number[], standard: number[]): HouseholdIncomes => ({
  weight: Float64Array.from([1, 1]), size: Float64Array.from([1, 1]), urban: Uint8Array.from([1, 1]),
  before: Float64Array.from([80, 120]), after: Float64Array.from(after), standard: Float64Array.from(standard),
});

// Baseline: standard 100; household A has 90 after assistance (poor), B 120.
// Reform: standard 110 (+10%); A now has 105 after assistance, B 120.
const base = incomes([90, 120], [100, 100]);
const reform = incomes([105, 120], [110, 110]);

describe('fixed-line poverty', () => {
  it('counts both scenarios against the baseline’s standard', () => {
    const d = distributionDelta(base, reform);
    // Baseline: A 90 < 100 → 1 of 2 poor. Reform at the fixed line 100: A 105 ≥ 100 → none.
    expect(d.povertyFixedLine.baseline.headcount).toBe(0.5);
    expect(d.povertyFixedLine.reform.headcount).toBe(0);
    // Gap index at the fixed line, baseline: (100 − 90)/100 ÷ 2 persons = 0.05.
    expect(d.povertyFixedLine.baseline.gap).toBeCloseTo(0.05, 12);
    // The moving line of the reform (its own standard 110): A 105 < 110 → still 1 of 2 poor.
    expect(distributionSummary(reform, [], 1).poverty.localStandard.after.headcount).toBe(0.5);
  });
  it('the compare table prints both with the sentence saying which is which', () => {
    const d = distributionDelta(base, reform);
    const scenario = (name: string, x: HouseholdIncomes) => ({ name, summary: { distribution: distributionSummary(x, [], 1) } });
    const result = { scenarios: [scenario('base', base), scenario('reform', reform)], deltas: [{ scenario: 'reform', against: 'base', povertyFixedLine: d.povertyFixedLine }] } as unknown as Result;
    const zh = povertyTable(result, 'zh');
    expect(zh).toMatch(/变动贫困线（各自的低保标准）\s+50\.00%\s+50\.00%\s+0\.00个百分点/);
    expect(zh).toMatch(/固定贫困线（基线的低保标准）\s+50\.00%\s+0\.00%\s+−50\.00个百分点/);
    expect(zh.replace(/\n\s*/g, '')).toContain(povertyLinesNote('zh'));
    expect(povertyTable(result, 'en')).toMatch(/Fixed line \(the baseline’s standard\)\s+50\.00%\s+0\.00%\s+−50\.00 pp/);
  });
});
