/** The CLI contract: JSON validates against the committed schema, exit codes, one located error line. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, ROOT } from './helpers.js';

const schema = JSON.parse(readFileSync(join(ROOT, 'schemas/result.schema.json'), 'utf8'));
const validate = new Ajv2020.default({ allErrors: true, strict: false }).compile(schema);

describe('jiuzhu compare --json', () => {
  let out: ReturnType<typeof cli>;
  let json: any;
  beforeAll(() => {
    out = cli(['compare', 'scenarios/baseline-2006.yaml', 'scenarios/raise-standard-10pct.yaml', '--json']);
    json = JSON.parse(out.stdout);
  });
  it('exits 0 and prints only JSON on stdout', () => {
    expect(out.status).toBe(0);
    expect(out.stdout.trimStart().startsWith('{')).toBe(true);
  });
  it('validates against schemas/result.schema.json', () => {
    const ok = validate(json);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });
  it('the reform costs more, covers no fewer, and has deltas for both', () => {
    const [base, reform] = json.scenarios;
    expect(reform.summary.costAnnual).toBeGreaterThan(base.summary.costAnnual);
    expect(reform.summary.recipients).toBeGreaterThanOrEqual(base.summary.recipients);
    expect(json.deltas).toHaveLength(1);
    expect(json.deltas[0]).toMatchObject({ scenario: 'raise-standard-10pct', against: 'baseline-2006' });
    expect(json.deltas[0].summary.costAnnual.absolute).toBeCloseTo(reform.summary.costAnnual - base.summary.costAnnual, 6);
    expect(json.deltas[0].summary.byArea.urban.recipients).toBeDefined();
  });
  it('meta names the dataset, scenarios and parameters by hash', () => {
    expect(json.meta.dataset.name).toBe('jilin-2006'); // the embedded default
    expect(json.meta.scenarios.map((s: any) => s.name)).toEqual(['baseline-2006', 'raise-standard-10pct']);
    expect(json.meta.parametersSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(json.period).toEqual({ from: '2006-01', to: '2006-12' });
  });
  it('a schema check that can fail: a result without meta is rejected', () => {
    expect(validate({ ...json, meta: undefined })).toBe(false);
  });
});

describe('determinism', () => {
  it('--no-timestamp gives byte-identical JSON across runs', () => {
    // Three months carry every kind of state (events, gradual exit, programs' year-to-date sums) and keep the test quick.
    const args = ['compare', 'scenarios/baseline-2006.yaml', 'scenarios/raise-standard-10pct.yaml', '--json', '--no-timestamp', '--period', '2006-01:2006-03'];
    const a = cli(args);
    const b = cli(args);
    expect(a.status).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect(JSON.parse(a.stdout).meta.createdAt).toBeUndefined();
  });
});

describe('errors and exit codes', () => {
  it('an unknown parameter path exits 3 with one line naming the file and the path', () => {
    const r = cli(['run', 'test/scenarios/unknown-path.yaml']);
    expect(r.status).toBe(3);
    const first = r.stderr.split('\n')[0]!;
    expect(first).toBe(`error: ${join(ROOT, 'test/scenarios/unknown-path.yaml')}:7: key 'dibao.standrd.urban': unknown parameter path 'dibao.standrd.urban'`);
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/); // no stack trace without --debug
    expect(r.stdout).toBe('');
  });
  it('a usage error exits 2', () => {
    expect(cli(['run']).status).toBe(2);
    expect(cli(['frobnicate']).status).toBe(2);
    expect(cli(['run', 'scenarios/baseline-2006.yaml', '--lang', 'fr']).status).toBe(2);
    expect(cli(['compare', 'scenarios/baseline-2006.yaml', 'scenarios/raise-standard-10pct.yaml', '--period', '2006-13:2006-01']).status).toBe(2);
  });
  it('a missing scenario file exits 3 naming it', () => {
    const r = cli(['run', 'scenarios/nope.yaml']);
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/scenario file not found: .*scenarios\/nope\.yaml/);
  });
  it('--help helps', () => {
    const r = cli(['--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/compare/);
    expect(r.stdout).toMatch(/Exit codes/);
  });
});

describe('tables and explain', () => {
  it('prints the comparison table in Chinese', () => {
    const r = cli(['compare', 'test/scenarios/perfect-baseline.yaml', 'test/scenarios/perfect-reform.yaml', '--lang', 'zh', '--data', 'datasets/fixture-dibao']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/覆盖率/);
    // The reform's hand-worked annual cost 19,971.84 yuan (test/fixture-dibao.test.ts) in 万元: ÷ 10,000 → 2.00.
    expect(r.stdout).toMatch(/单位：万元/);
    expect(r.stdout).toMatch(/支出（年化）.*\s2\.00\s/);
  });
  it('explain shows each parameter with value, date and the §二 reference', () => {
    const r = cli(['explain', 'test/scenarios/perfect-baseline.yaml', '--household', '3', '--month', '2006-06', '--data', 'datasets/fixture-dibao', '--full']);
    expect(r.status).toBe(0);
    // Household 3: Jilin city urban, standard 150, pension 100 → gap 50 + elderly top-up 0.3 × 150 = 45 → 95.
    expect(r.stdout).toMatch(/dibao_benefit \(Dibao paid\) = 95 /);
    expect(r.stdout).toMatch(/dibao\.standard = 150 CNY\/person\/month, from 2006-01-01  ‹吉政发〔2006〕48号 §二\.1 · assumption:/);
    expect(r.stdout).toMatch(/dibao\.classified\.rate .* from 2006-01-01/);
    expect(r.stdout).toMatch(/serves: 吉政发〔2006〕48号 §二\.2/);
  });
  it('explain of an unknown household exits 3', () => {
    const r = cli(['explain', 'scenarios/baseline-2006.yaml', '--household', '999', '--data', 'datasets/fixture-dibao']);
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/no household with id 999/);
  });
});
