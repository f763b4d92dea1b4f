/**
 * The two named baselines (issue 22): scenarios/baseline-2006.yaml — 2006 as it was — and
 * scenarios/full-implementation-2007.yaml — every eligible person served, every measure in force.
 * The implementation parameters are the tree's leaves named `coverage` or `take_up`
 * (src/policy/implementation.ts); the expected values are those the two files state.
 */
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDataset, resolveDatasetPath, type Dataset } from '../src/data/dataset.js';
import { JiuzhuError } from '../src/engine/errors.js';
import { monthsBetween } from '../src/engine/period.js';
import { PREFECTURE_CODES } from '../src/engine/locality.js';
import { DIBAO_TAKE_UP, implementationLeaves } from '../src/policy/implementation.js';
import { baselineParameters } from '../src/policy/parameters.js';
import { runScenarioOn, scenarioParameters } from '../src/scenarios/execution/run.js';
import { baselineSentence } from '../src/scenarios/input/baselines.js';
import { loadScenario } from '../src/scenarios/input/load.js';
import { ROOT } from './helpers.js';

const LEAVES = implementationLeaves(baselineParameters());
const AREAS = ['urban', 'rural'] as const;
const tmp = mkdtempSync(join(tmpdir(), 'jiuzhu-baselines-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('the implementation parameters', () => {
  it('are the coverage and take-up leaves of every program that has one', () => {
    // Read off the parameter files: dibao's take-up (implementation.yaml) and temporary-aid take-up
    // (dynamics.yaml), disabled rehabilitation, elderly service, low-rent housing, land-expropriated insurance.
    expect(LEAVES.map((l) => l.path)).toEqual([
      'dibao.implementation.take_up', 'dibao.temporary.take_up', 'disabled.rehabilitation.coverage',
      'elderly.service.coverage', 'housing.low_rent.coverage', 'land_expropriated.insurance.coverage',
    ]);
  });
});

describe('full-implementation-2007', () => {
  const s = loadScenario(join(ROOT, 'scenarios/full-implementation-2007.yaml'));
  const t = scenarioParameters(s);
  const months = monthsBetween(s.period!.from, s.period!.to);
  it('serves every eligible person: every coverage and take-up is 1 in every month and area of 2007', () => {
    expect(months).toHaveLength(12);
    for (const leaf of LEAVES) for (const m of months) for (const area of AREAS) expect(t.valueAt(leaf.path, `${m}-01`, { area }), `${leaf.path} ${m} ${area}`).toBe(1);
  });
  it('has an exact means test and rural dibao in force everywhere', () => {
    for (const m of months) {
      expect(t.valueAt('dibao.implementation.observation_error', `${m}-01`)).toBe(0);
      for (const prefecture of PREFECTURE_CODES) expect(t.valueAt('dibao.eligibility.rural_in_force_share', `${m}-01`, { prefecture })).toBe(1);
    }
  });
  it('is a named baseline of its own', () => {
    expect(s.baseline).toBe('full-implementation-2007');
    expect(s.files).toHaveLength(1);
  });
});

describe('baseline-2006', () => {
  const s = loadScenario(join(ROOT, 'scenarios/baseline-2006.yaml'));
  const t = scenarioParameters(s);
  it('sets every coverage and take-up parameter itself, each with one reference', () => {
    for (const leaf of LEAVES) {
      if (leaf.path === DIBAO_TAKE_UP) {
        // dibao's own take-up is behaviour.takeUp, with its assumption.
        expect(s.behaviour.takeUp?.assumption, leaf.path).toMatch(/\S/);
        continue;
      }
      const v = s.implementation[leaf.branch]?.[leaf.key];
      expect(v, `${leaf.path} is set in the implementation block`).toBeDefined();
      expect([v!.clause, v!.source, v!.assumption].filter((x) => x !== undefined), leaf.path).toHaveLength(1);
    }
  });
  it('keeps the calibrated dibao take-up 0.75 in both areas (issue 20 recalibrates it, not this one)', () => {
    for (const area of AREAS) expect(t.valueAt(DIBAO_TAKE_UP, '2006-06-01', { area })).toBe(0.75);
  });
  it('puts a measure the opinion introduced in force from its issue: no elderly service posts before 2006-12-18', () => {
    // elderly.service.coverage: value 0.2 from 2006-12-18 → 0 on every first of the month in 2006,
    // 0.2 from 2007-01-01. The disabled projects predate the opinion: 0.3 all through 2006.
    for (const m of monthsBetween('2006-01', '2006-12')) expect(t.valueAt('elderly.service.coverage', `${m}-01`)).toBe(0);
    expect(t.valueAt('elderly.service.coverage', '2007-01-01')).toBe(0.2);
    expect(t.valueAt('disabled.rehabilitation.coverage', '2006-01-01')).toBe(0.3);
    expect(t.valueAt('housing.low_rent.coverage', '2006-06-01')).toBe(0.1);
  });
  it('has no discount card (§三.3) and no rural housing aid (§五.3) before the opinion set them up', () => {
    // Both are set up (建立) by the opinion: off until 2006-12-18, then the tree's values
    // (holders true, read as 1; aid_rate 0.1, src/programs/housing/parameters/rural.yaml).
    for (const holder of ['dibao', 'sanwu', 'severely_disabled']) {
      expect(t.valueAt(`medical.discount_card.holders.${holder}`, '2006-12-01'), holder).toBe(0);
      expect(t.valueAt(`medical.discount_card.holders.${holder}`, '2007-01-01'), holder).toBe(1);
    }
    expect(t.valueAt('housing.rural.aid_rate', '2006-12-01')).toBe(0);
    expect(t.valueAt('housing.rural.aid_rate', '2007-01-01')).toBe(0.1);
  });
  it('every example scenario rests on a named baseline', async () => {
    const { readdirSync } = await import('node:fs');
    const files = readdirSync(join(ROOT, 'scenarios')).filter((f) => f.endsWith('.yaml'));
    expect(files.length).toBeGreaterThanOrEqual(13);
    for (const f of files) expect(loadScenario(join(ROOT, 'scenarios', f)).baseline, f).toMatch(/^(baseline-2006|full-implementation-2007)$/);
  });
  it('the report sentence names the baseline and what it means', () => {
    const raise = loadScenario(join(ROOT, 'scenarios/raise-standard-10pct.yaml'));
    expect(baselineSentence(raise, 'en')).toMatch(/^Scenario raise-standard-10pct rests on baseline-2006, that is 2006 as it was: .*2006-12-18/);
    expect(baselineSentence(raise, 'zh')).toMatch(/^情景 raise-standard-10pct 基于 baseline-2006，即2006年实际/);
  });
});

describe('both baselines run', () => {
  let data: Dataset;
  beforeAll(async () => { data = await loadDataset(resolveDatasetPath('fixture-dibao')); });
  it('on the hand-worked fixture: a month of each, full implementation paying every eligible person', () => {
    // fixture-dibao's 10 households (test/fixture-dibao.test.ts): with take-up 1 and an exact means test
    // the 2007 regular dibao is the rule's verdict on every eligible household, which the 2006 baseline
    // (take-up 0.75, assessment error) does not reach; both must run and report their checks.
    const full = runScenarioOn(loadScenario(join(ROOT, 'scenarios/full-implementation-2007.yaml')), data, { period: { from: '2007-01', to: '2007-01' } });
    const base = runScenarioOn(loadScenario(join(ROOT, 'scenarios/baseline-2006.yaml')), data, { period: { from: '2006-01', to: '2006-01' } });
    expect(full.checks.length).toBeGreaterThan(0);
    expect(base.checks.length).toBeGreaterThan(0);
    // With take-up 1 and no error every truly eligible person is paid.
    expect(full.summary.targeting.coverageOfPoor).toBe(1);
    expect(full.summary.targeting.inclusionError).toBe(0);
  });
});

describe('the implementation block is checked', () => {
  const write = (name: string, body: string): string => {
    const f = join(tmp, `${name}.yaml`);
    writeFileSync(f, `name: ${name}\ndescription: {zh: 测试, en: test}\n${body}`);
    return f;
  };
  it('an unknown parameter names the file, line and key', () => {
    const f = write('bad-key', 'implementation:\n  elderly:\n    service.coverge: {value: 0.5, assumption: x}\n');
    try {
      loadScenario(f);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(JiuzhuError);
      const err = e as JiuzhuError;
      // Line 5: name, description, implementation, elderly, then the key.
      expect(err.location).toMatchObject({ file: f, line: 5, key: 'implementation.elderly.service.coverge' });
      expect(err.hint).toContain('elderly: service.coverage');
    }
  });
  it("dibao's own take-up is refused there, pointing to behaviour.takeUp", () => {
    const f = write('dibao-take-up', 'implementation:\n  dibao:\n    implementation.take_up: {value: 0.5, assumption: x}\n');
    expect(() => loadScenario(f)).toThrow(/not a coverage or take-up parameter/);
  });
  it('a value needs exactly one reference, and a clause must exist', () => {
    expect(() => loadScenario(write('two-refs', 'implementation:\n  housing:\n    low_rent.coverage: {value: 0.5, assumption: x, source: y}\n'))).toThrow(/exactly one reference/);
    expect(() => loadScenario(write('bad-clause', 'implementation:\n  housing:\n    low_rent.coverage: {value: 1, clause: 五.9}\n'))).toThrow(/not a clause id/);
  });
});
