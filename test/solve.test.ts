/** The budget solver: coverage of the poor against a brute-force sweep, budget neutrality, the budget constraint, the solved scenario file. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateDataset } from '../src/data/generated.js';
import type { JiuzhuError } from '../src/engine/errors.js';
import { loadScenario } from '../src/scenarios/input/load.js';
import { runScenarioOn, scenarioParameters } from '../src/scenarios/execution/run.js';
import { resolveLever, solveScenario, withLever, writeSolvedScenario, type SolveResult } from '../src/scenarios/studies/solve.js';
import { cli, ROOT } from './helpers.js';

const baseline = loadScenario(join(ROOT, 'scenarios/baseline-2006.yaml'));
const raise = loadScenario(join(ROOT, 'scenarios/raise-standard-10pct.yaml'));
// Generated households, one month a run: 2,000 for most tests; 10,000 where coverage of the
// poor must move in steps finer than the tolerance (one household is ~1/150 of the poor there).
const { dataset } = generateDataset({ year: 2006, households: 2000, seed: 1 });
const { dataset: larger } = generateDataset({ year: 2006, households: 10000, seed: 1 });
const period = { from: '2006-01', to: '2006-01' };
const tmp = mkdtempSync(join(tmpdir(), 'jiuzhu-solve-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const fail = (f: () => unknown): JiuzhuError => {
  try { f(); } catch (e) { return e as JiuzhuError; }
  throw new Error('expected an error');
};

describe('coverage-of-poor', () => {
  const lever = { path: 'dibao.implementation.take_up', mode: 'set' as const, min: 0.5, max: 1, xtol: 0.001 };
  const target = 0.55;
  const tol = 0.01;
  let solved: SolveResult;
  it('hits the target within tol, at the lowest lever value reaching it', () => {
    solved = solveScenario(baseline, larger, { lever, objective: 'coverage-of-poor', target, tol, period });
    expect(solved.status).toBe('solved');
    const s = solved.solution!;
    expect(s.coverageOfPoor).toBeGreaterThanOrEqual(target);
    expect(s.coverageOfPoor - target).toBeLessThanOrEqual(tol);
    expect(s.withinTol).toBe(true);
    // One resolution step lower no longer reaches it.
    const below = runScenarioOn(withLever(baseline, resolveLever(lever), Number((s.value - 0.001).toFixed(3))), larger, { period });
    expect(below.summary.targeting.coverageOfPoor).toBeLessThan(target);
    // Iterations are reported: the grid walked up, then bisection.
    expect(solved.iterations.map((e) => e.phase)).toContain('bisection');
    expect(solved.iterations.every((e) => e.value! >= lever.min && e.value! <= lever.max)).toBe(true);
  });
  it('agrees with a brute-force sweep: the smallest sweep value reaching the target, within one step', () => {
    const step = 0.02;
    let first: number | undefined;
    for (let x = lever.min; x <= lever.max + 1e-9; x += step) {
      const v = Number(x.toFixed(3));
      const r = runScenarioOn(withLever(baseline, resolveLever(lever), v), larger, { period });
      if (r.summary.targeting.coverageOfPoor >= target) { first = v; break; }
    }
    expect(first).toBeDefined();
    expect(Math.abs(solved.solution!.value - first!)).toBeLessThanOrEqual(step + 1e-9);
    expect(solved.solution!.value).toBeLessThanOrEqual(first!);
  });
  it('an unreachable target is reported, not guessed', () => {
    const r = solveScenario(baseline, dataset, { lever: { ...lever, min: 0.3, max: 0.4 }, objective: 'coverage-of-poor', target: 0.9, period, grid: 2 });
    expect(r.status).toBe('unreachable');
    expect(r.solution).toBeNull();
    expect(r.message).toMatch(/never reaches 0\.9/);
  });
});

describe('budget-neutral', () => {
  it('the solved cost is within tol of the cost of --against', () => {
    const tol = 0.001;
    const r = solveScenario(raise, dataset, { lever: { path: 'dibao.standard' }, objective: 'budget-neutral', against: baseline, tol, period });
    expect(r.status).toBe('solved');
    expect(r.against!.name).toBe('baseline-2006');
    expect(r.iterations[0]!.phase).toBe('against');
    const s = r.solution!;
    expect(Math.abs(s.cost - r.against!.cost)).toBeLessThanOrEqual(tol * r.against!.cost);
    // +10% then × k ≈ 1: the baseline's standards again (to the resolution of the cost).
    expect(s.value * 1.1).toBeGreaterThan(0.97);
    expect(s.value * 1.1).toBeLessThan(1.03);
    // The solution re-run independently gives the reported cost.
    expect(runScenarioOn(withLever(raise, r.lever, s.value), dataset, { period }).summary.cost).toBe(s.cost);
  });
  it('the cost of all programs can be the measure instead', () => {
    const r = solveScenario(raise, dataset, { lever: { path: 'dibao.standard' }, objective: 'budget-neutral', against: baseline, tol: 0.002, period, cost: 'all' });
    expect(r.status).toBe('solved');
    expect(Math.abs(r.solution!.cost - r.against!.cost)).toBeLessThanOrEqual(0.002 * r.against!.cost);
  });
});

describe('gap-closed', () => {
  it('with a budget equal to the baseline cost, the answer is the largest standard within it (≈ the baseline)', () => {
    const budget = runScenarioOn(baseline, dataset, { period }).summary.costAnnual;
    const r = solveScenario(baseline, dataset, { lever: { path: 'dibao.standard', min: 0.5, max: 2 }, objective: 'gap-closed', budget, tol: 0.002, period });
    expect(r.status).toBe('solved');
    expect(r.monotone).toEqual({ objective: true, cost: true });
    const s = r.solution!;
    expect(s.costAnnual).toBeLessThanOrEqual(budget);
    expect(s.withinTol).toBe(true);
    expect(s.value).toBeGreaterThan(0.98);
    expect(s.value).toBeLessThanOrEqual(1.001);
    // Every feasible run closed no more gap than the solution.
    for (const e of r.iterations.filter((i) => i.costAnnual <= budget)) expect(e.povertyGapClosed).toBeLessThanOrEqual(s.povertyGapClosed);
  });
  it('a budget below every lever value is unreachable', () => {
    const r = solveScenario(baseline, dataset, { lever: { path: 'dibao.standard', min: 0.8, max: 1.2 }, objective: 'gap-closed', budget: 1, period, grid: 2 });
    expect(r.status).toBe('unreachable');
  });
});

describe('the solved scenario file', () => {
  it('is the input with one more override, rebased, described, and loads back to the same parameters', () => {
    const r = solveScenario(raise, dataset, { lever: { path: 'dibao.standard', where: { area: 'urban' } }, objective: 'budget-neutral', against: baseline, tol: 0.002, period });
    const out = join(tmp, 'urban-neutral.yaml');
    const back = writeSolvedScenario(join(ROOT, 'scenarios/raise-standard-10pct.yaml'), out, raise, r);
    expect(back.name).toBe('urban-neutral');
    expect(back.description.en).toMatch(/^Every urban and rural dibao standard raised by 10%.*Solved by jiuzhu solve: dibao\.standard \{"area":"urban"\} scale/);
    expect(back.description.zh).toMatch(/由 jiuzhu solve 求解/);
    expect(back.files[0]).toBe(join(ROOT, 'scenarios/baseline-2006.yaml'));
    const text = readFileSync(out, 'utf8');
    expect(text).toMatch(new RegExp(`extends: .*scenarios/baseline-2006\\.yaml`));
    expect(text).toMatch(/# jiuzhu solve --objective budget-neutral/);
    const last = back.overrides[back.overrides.length - 1]!;
    expect(last).toMatchObject({ path: 'dibao.standard', scale: r.solution!.value, where: { area: 'urban' } });
    expect(scenarioParameters(back).sha256()).toBe(scenarioParameters(withLever(raise, r.lever, r.solution!.value)).sha256());
  });
  it('scenarios/budget-neutral.yaml: rural standards +20%, urban solved so the 2006 dibao cost equals the baseline', () => {
    const s = loadScenario(join(ROOT, 'scenarios/budget-neutral.yaml'));
    expect(s.name).toBe('budget-neutral');
    expect(s.description.en).toMatch(/Solved by jiuzhu solve/);
    const p = scenarioParameters(s);
    const b = scenarioParameters(baseline);
    const at = (t: typeof p, area: 'urban' | 'rural') => t.valueAt('dibao.standard', '2006-06-01', { prefecture: 220100, area });
    expect(at(p, 'rural') / at(b, 'rural')).toBeCloseTo(1.2, 10);
    expect(at(p, 'urban') / at(b, 'urban')).toBeLessThan(1);
  });
});

describe('options', () => {
  it('each objective takes its own target; bad levers are usage errors', async () => {
    expect(fail(() => solveScenario(baseline, dataset, { lever: { path: 'dibao.standard' }, objective: 'budget-neutral', period })).message).toMatch(/takes --against/);
    expect(fail(() => solveScenario(baseline, dataset, { lever: { path: 'dibao.standard' }, objective: 'coverage-of-poor', target: 0.5, budget: 1, period })).message).toMatch(/takes --target, not --budget/);
    expect(fail(() => resolveLever({ path: 'dibao.standrd' })).code).toBe('UNKNOWN_PARAMETER');
    expect(fail(() => resolveLever({ path: 'dibao.standard', mode: 'set' })).message).toMatch(/needs --min and --max/);
    expect(fail(() => resolveLever({ path: 'dibao.implementation.take_up', where: { prefecture: 220100 } })).message).toMatch(/not broken down by prefecture/);
    expect(resolveLever({ path: 'dibao.implementation.take_up', mode: 'set' })).toMatchObject({ min: 0, max: 1, xtol: 0.001 });
    expect(resolveLever({ path: 'dibao.standard' })).toMatchObject({ mode: 'scale', min: 0.5, max: 3, xtol: 0.001 });
  });
  it('the command line: JSON with the iterations, and usage errors exit 2', async () => {
    const r = await cli(['solve', 'scenarios/raise-standard-10pct.yaml', '--lever', 'dibao.standard', '--objective', 'budget-neutral', '--against', 'scenarios/baseline-2006.yaml', '--data', 'datasets/fixture-dibao', '--period', '2006-01:2006-01', '--tol', '0.01', '--json']);
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as SolveResult;
    expect(out.status).toBe('solved');
    expect(out.iterations.length).toBeGreaterThan(2);
    expect(out.solution!.override).toEqual({ path: 'dibao.standard', scale: out.solution!.value });
    const bad = await cli(['solve', 'scenarios/baseline-2006.yaml', '--lever', 'dibao.standard', '--objective', 'budget-neutral', '--data', 'datasets/fixture-dibao']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/takes --against/);
  });
});
