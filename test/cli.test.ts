/**
 * The CLI contract, in-process through `main(argv, io)`: JSON validates against the committed
 * schema, exit codes, one located error line.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDataset } from '../src/data/generated.js';
import { writePopulation } from '../src/data/write.js';
import { cli, ROOT, type CliRun } from './helpers.js';

const schema = JSON.parse(readFileSync(join(ROOT, 'schemas/result.schema.json'), 'utf8'));
const validate = new Ajv2020.default({ allErrors: true, strict: false }).compile(schema);

describe('jiuzhu compare --json', () => {
  let out: CliRun;
  let json: any;
  beforeAll(async () => {
    // One month of the embedded default dataset (no --data); the default period is checked below on the fixture.
    out = await cli(['compare', 'scenarios/baseline-2006.yaml', 'scenarios/raise-standard-10pct.yaml', '--json', '--period', '2006-01:2006-01']);
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
  it('meta names the dataset, scenarios and parameters by hash', async () => {
    expect(json.meta.dataset.name).toBe('jilin-2006'); // the embedded default
    expect(json.meta.scenarios.map((s: any) => s.name)).toEqual(['baseline-2006', 'raise-standard-10pct']);
    expect(json.meta.parametersSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(json.period).toEqual({ from: '2006-01', to: '2006-01' });
  });
  it('without --period the scenario\'s own is simulated: 2006-01 to 2006-12 (scenarios/baseline-2006.yaml, `period:`)', async () => {
    const r = await cli(['run', 'scenarios/baseline-2006.yaml', '--data', 'datasets/fixture-dibao', '--json', '--no-timestamp']);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).period).toEqual({ from: '2006-01', to: '2006-12' });
  });
  it('a schema check that can fail: a result without meta is rejected', async () => {
    expect(validate({ ...json, meta: undefined })).toBe(false);
  });
});

describe('determinism', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jiuzhu-cli-'));
  const sample = join(dir, 'sample-2000.arrow');
  beforeAll(async () => {
    await writePopulation(sample, generateDataset({ year: 2006, households: 2000, seed: 3 }).dataset.population);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  it('--no-timestamp gives byte-identical JSON across runs', async () => {
    // Three months carry every kind of state (events, gradual exit, programs' year-to-date sums);
    // a generated 2,000-household sample keeps the test quick.
    const args = ['compare', 'scenarios/baseline-2006.yaml', 'scenarios/raise-standard-10pct.yaml', '--data', sample, '--json', '--no-timestamp', '--period', '2006-01:2006-03'];
    const a = await cli(args);
    const b = await cli(args);
    expect(a.status).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect(JSON.parse(a.stdout).meta.createdAt).toBeUndefined();
  });
});

describe('errors and exit codes', () => {
  it('an unknown parameter path exits 3 with one line naming the file and the path', async () => {
    const r = await cli(['run', 'test/scenarios/unknown-path.yaml']);
    expect(r.status).toBe(3);
    const first = r.stderr.split('\n')[0]!;
    expect(first).toBe(`error: ${join(ROOT, 'test/scenarios/unknown-path.yaml')}:7: key 'dibao.standrd.urban': unknown parameter path 'dibao.standrd.urban'`);
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/); // no stack trace without --debug
    expect(r.stdout).toBe('');
  });
  it('a usage error exits 2', async () => {
    expect((await cli(['run'])).status).toBe(2);
    expect((await cli(['frobnicate'])).status).toBe(2);
    expect((await cli(['run', 'scenarios/baseline-2006.yaml', '--lang', 'fr'])).status).toBe(2);
    expect((await cli(['compare', 'scenarios/baseline-2006.yaml', 'scenarios/raise-standard-10pct.yaml', '--period', '2006-13:2006-01'])).status).toBe(2);
  });
  it('a missing scenario file exits 3 naming it', async () => {
    const r = await cli(['run', 'scenarios/nope.yaml']);
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/scenario file not found: .*scenarios\/nope\.yaml/);
  });
  it('--help helps', async () => {
    const r = await cli(['--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/compare/);
    expect(r.stdout).toMatch(/Exit codes/);
  });
});

describe('tables and explain', () => {
  it('prints the comparison table in Chinese', async () => {
    const r = await cli(['compare', 'test/scenarios/perfect-baseline.yaml', 'test/scenarios/perfect-reform.yaml', '--lang', 'zh', '--data', 'datasets/fixture-dibao']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/覆盖率/);
    // The reform's hand-worked annual cost 19,971.84 yuan (test/fixture-dibao.test.ts) in 万元: ÷ 10,000 → 2.00.
    expect(r.stdout).toMatch(/单位：万元/);
    expect(r.stdout).toMatch(/支出（年化）.*\s2\.00\s/);
  });
  it('explain shows each parameter with value, date and the §二 reference', async () => {
    const r = await cli(['explain', 'test/scenarios/perfect-baseline.yaml', '--household', '3', '--month', '2006-06', '--data', 'datasets/fixture-dibao', '--full']);
    expect(r.status).toBe(0);
    // Household 3: Jilin city urban, standard 150, pension 100 → gap 50 + elderly top-up 0.3 × 150 = 45 → 95.
    expect(r.stdout).toMatch(/dibao_benefit \(Dibao paid\) = 95 /);
    expect(r.stdout).toMatch(/dibao\.standard = 150 CNY\/person\/month, from 2006-01-01  ‹吉政发〔2006〕48号 §二\.1 · assumption:/);
    expect(r.stdout).toMatch(/dibao\.classified\.rate .* from 2006-01-01/);
    expect(r.stdout).toMatch(/serves: 吉政发〔2006〕48号 §二\.2/);
  });
  it('explain of an unknown household exits 3', async () => {
    const r = await cli(['explain', 'scenarios/baseline-2006.yaml', '--household', '999', '--data', 'datasets/fixture-dibao']);
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/no household with id 999/);
  });
});
