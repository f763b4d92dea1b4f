/**
 * `jiuzhu serve` at the API level (no browser): the explorer on the hand-made fixture dataset,
 * one month, started on any free port of 127.0.0.1.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDataset, resolveDatasetPath, type Dataset } from '../src/data/dataset.js';
import { isJiuzhuError } from '../src/engine/errors.js';
import { loadScenario } from '../src/scenarios/input/load.js';
import { compareScenariosOn } from '../src/scenarios/studies/compare.js';
import { runScenarioOn } from '../src/scenarios/execution/run.js';
import { Explorer, type ChartsResponse, type RunResponse } from '../src/serve/api.js';
import { Lane, SUPERSEDED } from '../src/serve/lane.js';
import { explorerResult } from '../src/serve/result.js';
import type { ParameterMatch } from '../src/serve/overrides.js';
import { SLIDERS } from '../src/serve/sliders.js';
import { startExplorer, type RunningExplorer } from '../src/serve/server.js';
import { builtCli, cli, ROOT, useBuiltWorkers } from './helpers.js';

// The explorer's compute thread boots from a fresh build of this source, not through tsx (helpers.ts useBuiltWorkers): the same code, less start-up.
useBuiltWorkers();

const PERIOD = { from: '2006-01', to: '2006-01' };
const scenarioFile = (name: string): string => join(ROOT, 'scenarios', `${name}.yaml`);
const tmp = mkdtempSync(join(tmpdir(), 'jiuzhu-serve-test-'));

let data: Dataset;
let running: RunningExplorer;

// Computations are started only by the explorer's page or a client that says who it is
// (X-Jiuzhu-Client; see serve-hardening.test.ts): each call here is its own client, so none supersedes another.
let clients = 0;
const client = (): Record<string, string> => ({ 'x-jiuzhu-client': `test-${++clients}` });
const post = async (path: string, body: unknown): Promise<{ status: number; json: any }> => {
  const res = await fetch(new URL(path, running.url), { method: 'POST', headers: { 'content-type': 'application/json', ...client() }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  return { status: res.status, json: await res.json() };
};
const get = (path: string): Promise<Response> => fetch(new URL(path, running.url), { headers: client() });
type ErrorBody = { error: { code: string; message: string; key?: string } };
const figure = (r: RunResponse, id: string) => r.headline.find((f) => f.id === id)!;

beforeAll(async () => {
  data = await loadDataset(resolveDatasetPath('fixture-dibao'));
  running = await startExplorer({
    dataset: data,
    port: 0,
    period: PERIOD,
    scenarioFiles: ['baseline-2006', 'raise-standard-10pct', 'full-take-up', 'dynamic-growth-2007-2015'].map(scenarioFile),
    dataArg: 'datasets/fixture-dibao',
  });
}, 60_000);
afterAll(async () => {
  await running?.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe('the explorer server', () => {
  it('listens on 127.0.0.1 only', () => {
    const address = running.server.address();
    expect(typeof address === 'object' && address?.address).toBe('127.0.0.1');
    expect(running.url).toBe(`http://127.0.0.1:${running.port}/`);
    expect(running.port).toBeGreaterThan(0);
  });

  it('serves a self-contained page with a labelled input for every slider', async () => {
    const res = await get('/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'none'; script-src 'sha256-[A-Za-z0-9+/=]+'; .*connect-src 'self'/);
    const html = await res.text();
    expect(html).not.toMatch(/https?:\/\//); // no CDN, no outside request
    for (const s of SLIDERS) {
      expect(html).toContain(`<label for="s-${s.id}">`);
      expect(html).toContain(`<input type="range" id="s-${s.id}" name="${s.id}" min="${s.min}" max="${s.max}" step="${s.step}"`);
      expect(html).toContain(`<output id="o-${s.id}" for="s-${s.id}">`);
    }
    const config = JSON.parse(/<script type="application\/json" id="explorer-config">([\s\S]*?)<\/script>/.exec(html)![1]!);
    // The projection is left out: the explorer runs months, `jiuzhu project` runs years.
    expect(config.scenarios.map((s: { name: string }) => s.name)).toEqual(['baseline-2006', 'raise-standard-10pct', 'full-take-up']);
    expect(config.excluded.map((x: { name: string }) => x.name)).toEqual(['dynamic-growth-2007-2015']);
    expect(config.initial).toBe('baseline-2006');
  });

  it('starts every slider at the scenario as written', async () => {
    const config = (await (await get('/api/scenarios')).json()) as { scenarios: { name: string; defaults: Record<string, number> }[] };
    const defaults = (name: string) => config.scenarios.find((s) => s.name === name)!.defaults;
    // behaviour.takeUp.byArea of scenarios/baseline-2006.yaml: urban 0.75, rural 0.75 (calibrated, issue #20); scales start at 1.
    expect(defaults('baseline-2006')).toEqual({ standardUrban: 1, standardRural: 1, takeUpUrban: 0.75, takeUpRural: 0.75, classifiedRate: 1 });
    // scenarios/full-take-up.yaml sets takeUp rate 1 in both areas.
    expect(defaults('full-take-up')).toMatchObject({ takeUpUrban: 1, takeUpRural: 1 });
  });

  it('with nothing moved, the baseline explored is the baseline: every change is 0, the figures those of jiuzhu compare', async () => {
    const { status, json } = await post('/api/run', { scenario: 'baseline-2006', settings: {} });
    expect(status).toBe(200);
    const r = json as RunResponse;
    const lib = compareScenariosOn([loadScenario(scenarioFile('baseline-2006'))], data, { period: PERIOD }).scenarios[0]!.summary;
    expect(figure(r, 'recipients').value).toBe(lib.recipients);
    expect(figure(r, 'cost').value).toBe(lib.cost);
    for (const f of r.headline) expect(f.absolute, f.id).toBe(0);
    for (const p of r.programs) expect(p.absolute, p.id).toBe(0);
  });

  it('a higher standard gives at least the recipients and cost of the baseline, and more for a clear raise', async () => {
    // §二.1: a household is paid standard − per-capita income when its income is below the
    // standard. Raising the standard never lowers a benefit or drops a recipient (take-up and
    // assessment draws are keyed by household, so the same households apply), so recipients
    // and cost cannot fall. At ×2 the fixture has urban households between the old and new standard
    // that apply (jiuzhu compare on datasets/fixture-dibao, 2006-01: urban recipients 5 → 7); ×1.5 adds
    // none under the calibrated baseline (take-up 0.75, assessment error 0.8, its rural households
    // outside the 2006 roll-out), so it no longer serves as the clear raise (issue #20).
    const small = (await post('/api/run', { scenario: 'baseline-2006', settings: { standardUrban: 1.05, standardRural: 1.05 } })).json as RunResponse;
    const clear = (await post('/api/run', { scenario: 'baseline-2006', settings: { standardUrban: 2, standardRural: 2 } })).json as RunResponse;
    for (const id of ['recipients', 'cost']) {
      expect(figure(small, id).value, id).toBeGreaterThanOrEqual(figure(small, id).baseline);
      expect(figure(clear, id).value, id).toBeGreaterThan(figure(clear, id).baseline);
      expect(figure(clear, id).value, id).toBeGreaterThanOrEqual(figure(small, id).value);
    }
    expect(clear.averageStandard.urban).toBeGreaterThan(small.averageStandard.urban);
    expect(clear.settings).toEqual({ standardUrban: 2, standardRural: 2 });
  });

  it('a setting equal to the scenario’s own value is no change (and is not cached apart)', async () => {
    const r = (await post('/api/run', { scenario: 'baseline-2006', settings: { takeUpUrban: 0.75, standardRural: 1 } })).json as RunResponse;
    expect(r.settings).toEqual({});
    expect(r.timing.cached).toBe(true); // the empty settings ran above
  });

  it('rejects a bad request with 400 and a message naming the key', async () => {
    const unknown = await post('/api/run', { scenario: 'baseline-2006', settings: { standardUrbn: 1.2 } });
    expect(unknown.status).toBe(400);
    expect(unknown.json.error.key).toBe('settings.standardUrbn');
    expect(unknown.json.error.message).toBe("key 'settings.standardUrbn': unknown setting 'standardUrbn' (a setting is one of standardUrban, standardRural, takeUpUrban, takeUpRural, classifiedRate)");
    const range = await post('/api/run', { scenario: 'baseline-2006', settings: { takeUpRural: 1.5 } });
    expect(range.status).toBe(400);
    expect(range.json.error.message).toBe("key 'settings.takeUpRural': 1.5 is outside the slider's range 0–1");
    const scenario = await post('/api/run', { scenario: 'no-such', settings: {} });
    expect(scenario.status).toBe(400);
    expect(scenario.json.error.key).toBe('scenario');
    expect(scenario.json.error.message).toMatch(/^key 'scenario': unknown scenario 'no-such' \(expected one of baseline-2006, raise-standard-10pct, full-take-up\)$/);
    const notJson = await post('/api/run', '{scenario:');
    expect([notJson.status, notJson.json.error.key]).toEqual([400, 'body']);
    const extra = await post('/api/charts', { scenario: 'baseline-2006', path: 'dibao.standard' });
    expect([extra.status, extra.json.error.key]).toEqual([400, 'path']);
    const query = await get('/api/scenario.yaml?scenario=baseline-2006&standardUrban=high');
    expect(query.status).toBe(400);
    expect(((await query.json()) as ErrorBody).error.key).toBe('settings.standardUrban');
    const table = await get('/api/table/nope.csv?scenario=baseline-2006');
    expect([table.status, ((await table.json()) as ErrorBody).error.key]).toEqual([400, 'table']);
  });

  it('answers requests to its own address only, and only with the right methods', async () => {
    // fetch will not set Host; node:http will, as a rebound DNS name would.
    const rebound = await new Promise<number>((resolve, reject) => {
      request({ host: '127.0.0.1', port: running.port, path: '/api/scenarios', headers: { host: `evil.example:${running.port}` } }, (res) => { res.resume(); resolve(res.statusCode ?? 0); }).on('error', reject).end();
    });
    expect(rebound).toBe(403);
    const foreign = await fetch(new URL('/api/run', running.url), { method: 'POST', headers: { origin: 'http://evil.example', 'content-type': 'application/json' }, body: '{"scenario":"baseline-2006"}' });
    expect(foreign.status).toBe(403);
    expect((await get('/api/run')).status).toBe(405);
    expect((await get('/nowhere')).status).toBe(404);
  });

  it('downloads a table as CSV with the UTF-8 BOM and a chart as PNG', async () => {
    const csv = await get('/api/table/summary.csv?scenario=raise-standard-10pct&standardUrban=1.3&lang=zh');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="raise-standard-10pct-explorer-summary.csv"');
    const bytes = Buffer.from(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text.split('\r\n')[0]).toContain('baseline-2006,raise-standard-10pct-explorer'); // the two scenarios' columns
    const png = await get('/api/chart/programs.png?scenario=raise-standard-10pct&standardUrban=1.3');
    expect(png.status).toBe(200);
    expect(png.headers.get('content-type')).toBe('image/png');
    expect([...Buffer.from(await png.arrayBuffer()).subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const charts = (await post('/api/charts', { scenario: 'raise-standard-10pct', settings: { standardUrban: 1.3 } })).json as ChartsResponse;
    expect(charts.charts.length).toBeGreaterThanOrEqual(8);
    expect(charts.charts.map((c) => c.id)).not.toContain('months'); // one month: no timeline
    for (const c of charts.charts) expect(c.svg, c.id).toMatch(/^<svg[^>]* width="\d+(\.\d+)?" height="\d+(\.\d+)?"/);
    expect(charts.tables.map((t) => t.id)).toEqual(expect.arrayContaining(['summary', 'deltas', 'programs']));
  });

  it('saves the settings as a scenario YAML that loads and runs to the same figures, also with jiuzhu run', async () => {
    const settings = { standardUrban: 1.3, takeUpRural: 0.8, classifiedRate: 2 };
    const api = (await post('/api/run', { scenario: 'raise-standard-10pct', settings })).json as RunResponse;
    const res = await get('/api/scenario.yaml?scenario=raise-standard-10pct&standardUrban=1.3&takeUpRural=0.8&classifiedRate=2');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="raise-standard-10pct-explorer.yaml"');
    const file = join(tmp, 'saved.yaml');
    writeFileSync(file, await res.text());
    const saved = loadScenario(file);
    expect(saved.name).toBe('raise-standard-10pct-explorer');
    expect(saved.description.en).toContain('(Saved from the jiuzhu explorer: urban dibao standard ×1.3, rural take-up 80%, classified top-up rates ×2.)');
    // The scenario's own +10% first, then the three settings, in slider order.
    expect(saved.overrides.slice(-4).map(({ origin: _o, ...o }) => o)).toEqual([
      { path: 'dibao.standard', scale: 1.1 },
      { path: 'dibao.standard', scale: 1.3, where: { area: 'urban' } },
      { path: 'dibao.implementation.take_up', set: 0.8, where: { area: 'rural' } },
      { path: 'dibao.classified.rate', scale: 2 },
    ]);
    const lib = runScenarioOn(saved, data, { period: PERIOD });
    expect(lib.summary.cost).toBe(figure(api, 'cost').value);
    expect(lib.summary.recipients).toBe(figure(api, 'recipients').value);
    const run = await cli(['run', file, '--period', '2006-01:2006-01', '--data', 'datasets/fixture-dibao', '--json', '--no-timestamp']);
    expect(run.status, run.stderr).toBe(0);
    const summary = JSON.parse(run.stdout).scenarios[0].summary;
    expect([summary.cost, summary.recipients]).toEqual([figure(api, 'cost').value, figure(api, 'recipients').value]);
    expect(readFileSync(file, 'utf8')).toContain('jiuzhu run THIS_FILE.yaml --period 2006-01:2006-01 --data datasets/fixture-dibao');
  }, 60_000);

  it('finds parameter leaves by path or label, in Chinese or English, with their value and unit range', async () => {
    const search = async (q: string): Promise<ParameterMatch[]> => ((await (await get(`/api/parameters?scenario=baseline-2006&q=${encodeURIComponent(q)}`)).json()) as { matches: ParameterMatch[] }).matches;
    // Labels as src/programs/*/parameters/*.yaml write them.
    const zh = await search('低保标准');
    expect(zh.map((m) => m.path)).toContain('dibao.standard');
    const std = zh.find((m) => m.path === 'dibao.standard')!;
    expect(std).toMatchObject({ label: { zh: '城乡低保标准', en: 'Dibao standard' }, unit: 'CNY/person/month', breakdown: ['prefecture', 'area'], value: null });
    expect(std.range).toMatchObject({ min: 0, max: 100_000 }); // MAX_YUAN_PER_UNIT, engine/parameters/ranges.ts
    // education/parameters/higher.yaml: set_aside_rate 0.1 from 2006-01-01 (§四.3), unit rate (−1 to 10).
    const en = await search('tuition set-aside');
    expect(en[0]).toMatchObject({ path: 'education.higher.set_aside_rate', value: 0.1, unit: 'rate', range: { min: -1, max: 10 } });
    expect((await search('education.higher.tuition'))[0]).toMatchObject({ path: 'education.higher.tuition', value: 5000 });
    expect(await search('   ')).toEqual([]);
  });

  it('sets a prefecture’s standard from the table over the sliders, shows the nine standards, and the saved YAML gives the same figures', async () => {
    // dibao/parameters/standard.yaml, 2006-01-01: 长春 urban 158 rural 76, 吉林 urban 150 rural 74.
    const asWritten = (await post('/api/run', { scenario: 'baseline-2006', settings: {} })).json as RunResponse;
    expect(asWritten.standards).toHaveLength(9);
    expect(asWritten.standards.slice(0, 2)).toEqual([
      { code: 220100, name: { zh: '长春', en: 'Changchun' }, urban: 158, rural: 76 },
      { code: 220200, name: { zh: '吉林', en: 'Jilin city' }, urban: 150, rural: 74 },
    ]);
    // The urban slider ×1.1 scales every urban standard; 长春's urban, set to 300 afterwards, stays 300.
    const overrides = [{ path: 'dibao.standard', set: 300, where: { prefecture: 220100, area: 'urban' } }];
    const r = (await post('/api/run', { scenario: 'baseline-2006', settings: { standardUrban: 1.1 }, overrides })).json as RunResponse;
    expect(r.overrides).toEqual(overrides);
    expect(r.standards[0]).toMatchObject({ code: 220100, urban: 300, rural: 76 });
    expect(r.standards[1]!.urban).toBeCloseTo(165, 9); // 150 × 1.1
    expect(r.standards[1]!.rural).toBe(74);
    // The same request as a download link, and the YAML it saves, run again.
    const res = await get('/api/scenario.yaml?scenario=baseline-2006&standardUrban=1.1&set:dibao.standard@220100@urban=300');
    expect(res.status).toBe(200);
    const file = join(tmp, 'saved-standard.yaml');
    writeFileSync(file, await res.text());
    const saved = loadScenario(file);
    expect(saved.description.en).toContain('(Saved from the jiuzhu explorer: urban dibao standard ×1.1, dibao.standard (Changchun urban) = 300.)');
    expect(saved.overrides.slice(-2).map(({ origin: _o, ...o }) => o)).toEqual([
      { path: 'dibao.standard', scale: 1.1, where: { area: 'urban' } },
      { path: 'dibao.standard', set: 300, where: { prefecture: 220100, area: 'urban' } },
    ]);
    const lib = runScenarioOn(saved, data, { period: PERIOD });
    expect(lib.summary.cost).toBe(figure(r, 'cost').value);
    expect(lib.summary.recipients).toBe(figure(r, 'recipients').value);
  });

  it('sets any parameter leaf found by the search; the value meets its unit’s bounds, as a scenario override does', async () => {
    // dibao.implementation.take_up is a probability (0–1): 0 means no eligible household applies, so no dibao is paid.
    const none = (await post('/api/run', { scenario: 'baseline-2006', overrides: [{ path: 'dibao.implementation.take_up', set: 0 }] })).json as RunResponse;
    expect(figure(none, 'recipients').value).toBe(0);
    expect(figure(none, 'cost').value).toBe(0);
    expect(figure(none, 'recipients').baseline).toBeGreaterThan(0);
    const bad = async (o: unknown): Promise<{ key: string; message: string }> => {
      const res = await post('/api/run', { scenario: 'baseline-2006', overrides: [o] });
      expect(res.status).toBe(400);
      return { key: res.json.error.key, message: res.json.error.message };
    };
    expect(await bad({ path: 'dibao.implementation.take_up', set: 2 })).toEqual({ key: 'overrides.0.set', message: "key 'overrides.0.set': 'dibao.implementation.take_up' cannot be 2, outside the range of its unit probability: a probability between 0 and 1" });
    expect((await bad({ path: 'dibao.standard', set: -5, where: { prefecture: 220100 } })).message).toMatch(/cannot be -5, outside the range of its unit CNY\/person\/month/);
    expect((await bad({ path: 'dibao.standard', set: 200, where: { prefecture: 990000 } })).key).toBe('overrides.0.where.prefecture');
    expect((await bad({ path: 'dibao.nosuch', set: 1 })).key).toBe('overrides.0.path');
    expect((await bad({ path: 'dibao', set: 1 })).key).toBe('overrides.0.path'); // a branch, not a leaf
    expect((await bad({ path: 'dibao.standard', value: 1 })).key).toBe('overrides.0.set');
  });

  it('names the scenarios in chart legends by their descriptions, not their file names', async () => {
    // scenarios/*.yaml descriptions, up to the first dash or semicolon (report/executive.ts scenarioTitle).
    const body = { scenario: 'raise-standard-10pct', settings: { standardUrban: 1.3 } };
    const en = (await post('/api/run', { ...body, lang: 'en' })).json as RunResponse;
    expect(en.names).toEqual({ baseline: 'Baseline 2006', explored: 'Every urban and rural dibao standard raised by 10% (explorer settings)' });
    const zh = (await post('/api/run', { ...body, lang: 'zh' })).json as RunResponse;
    expect(zh.names).toEqual({ baseline: '2006年基线', explored: '所有城乡低保标准提高10%（探索器调整）' });
    // The baseline explored as written is told apart from itself.
    expect(((await post('/api/run', { scenario: 'baseline-2006', lang: 'en' })).json as RunResponse).names).toEqual({ baseline: 'Baseline 2006', explored: 'Baseline 2006 (explored)' });
    const charts = (await post('/api/charts', { ...body, lang: 'en' })).json as ChartsResponse;
    const programs = charts.charts.find((c) => c.id === 'programs')!.svg;
    expect(programs).toContain('Baseline 2006');
    expect(programs).toContain('(explorer settings)');
    for (const c of charts.charts) expect(c.svg, c.id).not.toContain('raise-standard-10pct-explorer');
  }, 60_000);

  it('refuses a bad scenario file with its file, line and key', () => {
    const bad = join(tmp, 'bad.yaml');
    writeFileSync(bad, 'name: bad\ndescription: {zh: 坏, en: bad}\noverrides:\n  - path: dibao.standrd\n    scale: 1.1\n');
    let err: unknown;
    try {
      new Explorer({ dataset: data, scenarioFiles: [bad] });
    } catch (e) {
      err = e;
    }
    expect(err).toMatchObject({ code: 'UNKNOWN_PARAMETER', exitCode: 3, location: { file: bad, line: 4, key: 'dibao.standrd' } });
  });

  it('refuses a port in use with a usage error naming the port', async () => {
    const err = await startExplorer({ dataset: data, port: running.port, period: PERIOD, scenarioFiles: [scenarioFile('baseline-2006')], warm: false }).catch((e: unknown) => e);
    expect(isJiuzhuError(err)).toBe(true);
    expect(err).toMatchObject({ code: 'PORT_IN_USE', kind: 'usage', exitCode: 2, message: `port ${running.port} on 127.0.0.1 is in use`, location: { key: '--port' } });
  });
});

describe('the explorer over the scenario’s own period', () => {
  // Issue #22: the explorer runs each scenario's whole period and its headline cost is `jiuzhu run`'s.
  // `jiuzhu run` on a dataset in memory is runScenarioOn (src/scenarios/execution/run.ts) with no
  // shared results and no explorer cache: an independent path to the same figures.
  const sum = (r: ReturnType<typeof runScenarioOn>): number => Object.values(r.programs).reduce((a, p) => a + p.cost, 0);
  let explorer: Explorer;
  beforeAll(() => {
    explorer = new Explorer({ dataset: data, scenarioFiles: ['baseline-2006', 'raise-standard-10pct', 'price-subsidy-2008'].map(scenarioFile) });
  });
  afterAll(() => explorer?.close());

  it('runs every month of the scenario, as jiuzhu run does, and says nothing about fewer months', () => {
    // scenarios/baseline-2006.yaml: period 2006-01 to 2006-12; price-subsidy-2008.yaml: 2007-01 to 2008-12.
    const base = explorer.scenarios.find((s) => s.name === 'baseline-2006')!;
    expect(base.period).toEqual({ from: '2006-01', to: '2006-12' });
    expect(base.periodNote).toBeUndefined();
    expect(explorer.scenarios.find((s) => s.name === 'price-subsidy-2008')!.period).toEqual({ from: '2007-01', to: '2008-12' });
  });

  it('with nothing moved, its headline cost is jiuzhu run’s over the year, and no month is annualised', () => {
    const r = explorer.runNow({ scenario: 'baseline-2006', settings: {}, lang: 'en' });
    const run = runScenarioOn(loadScenario(scenarioFile('baseline-2006')), data);
    expect([r.period, r.months]).toEqual([{ from: '2006-01', to: '2006-12' }, 12]);
    expect(figure(r, 'cost').value).toBe(run.summary.cost);
    expect(figure(r, 'recipients').value).toBe(run.summary.recipients);
    expect(figure(r, 'systemCost').value).toBe(sum(run));
    // Over exactly one year the cost per year is the period's cost: shown once.
    expect(r.headline.map((f) => f.id)).not.toContain('costAnnual');
  });

  it('with sliders moved, its headline and program costs are jiuzhu run’s of the saved scenario over the year', () => {
    const req = { scenario: 'raise-standard-10pct', settings: { standardUrban: 1.3, takeUpRural: 0.8 }, lang: 'en' as const };
    const r = explorer.runNow(req);
    const file = join(tmp, 'full-year.yaml');
    writeFileSync(file, explorer.scenarioYaml(req).yaml);
    const run = runScenarioOn(loadScenario(file), data);
    expect(figure(r, 'cost').value).toBe(run.summary.cost);
    expect(figure(r, 'systemCost').value).toBe(sum(run));
    for (const p of r.programs) expect(p.value, p.id).toBe(run.programs[p.id]!.cost);
    expect(explorer.scenarioYaml(req).yaml).toContain('--period 2006-01:2006-12');
  });

  it('over two years it gives the yearly average cost beside the period’s, as jiuzhu run does', () => {
    const r = explorer.runNow({ scenario: 'price-subsidy-2008', settings: {}, lang: 'en' });
    const run = runScenarioOn(loadScenario(scenarioFile('price-subsidy-2008')), data);
    expect(r.months).toBe(24);
    expect(figure(r, 'cost').value).toBe(run.summary.cost);
    // summary.costAnnual is the period's cost × 12 / 24 (src/scenarios/results/summary.ts).
    expect(figure(r, 'costAnnual').value).toBe(run.summary.costAnnual);
    expect(Math.abs(figure(r, 'costAnnual').value - run.summary.cost / 2)).toBeLessThanOrEqual(0.01);
  });

  it('started on fewer months (--period), it names them and does not annualise them', async () => {
    // The server of this file runs 2006-01 only (PERIOD).
    const r = (await post('/api/run', { scenario: 'baseline-2006', settings: {} })).json as RunResponse;
    expect([r.period, r.months, r.scenarioPeriod]).toEqual([PERIOD, 1, { from: '2006-01', to: '2006-12' }]);
    expect(r.periodNote!.en).toBe('2006-01 only (1 month; the scenario runs 2006-01 – 2006-12): figures are these months\' own, not annualised');
    expect(r.headline.map((f) => f.id)).not.toContain('costAnnual');
  });
});

describe('the explorer’s result document', () => {
  it('is the document jiuzhu compare builds from the same two runs', () => {
    // explorerResult repeats buildResult (src/scenarios/studies/compare.ts) so the baseline run can be cached; they must agree.
    const scenarios = [loadScenario(scenarioFile('baseline-2006')), loadScenario(scenarioFile('raise-standard-10pct'))] as const;
    const period = { from: '2006-01', to: '2006-02' };
    const compared = compareScenariosOn(scenarios, data, { period, timestamp: false });
    const runs = scenarios.map((s) => runScenarioOn(s, data, { period, seed: 1 }));
    const built = explorerResult({ scenarios, results: [runs[0]!, runs[1]!], dataset: data.meta, period, seed: 1 });
    expect(built).toEqual(compared);
  });
});

describe('the lane of runs', () => {
  it('runs one job at a time; a newer job with the same key supersedes a waiting one, never a running one', async () => {
    const lane = new Lane();
    const order: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const a = lane.submit('run', async () => { order.push('a'); await gate; return 'a'; });
    await new Promise((r) => setTimeout(r, 20)); // a has started
    const b = lane.submit('run', () => { order.push('b'); return 'b'; });
    const other = lane.submit('charts', () => { order.push('other'); return 'other'; });
    const download = lane.submit(undefined, () => { order.push('download'); return 'download'; });
    const c = lane.submit('run', () => { order.push('c'); return 'c'; });
    expect(lane.waiting).toBe(3); // b was dropped
    expect([lane.waitingFor('run'), lane.waitingFor('charts'), lane.waitingFor('table')]).toEqual([true, true, false]);
    release();
    expect(await Promise.all([a, b, other, download, c])).toEqual(['a', SUPERSEDED, 'other', 'download', 'c']);
    expect(order).toEqual(['a', 'other', 'download', 'c']);
  });
});

describe('jiuzhu serve on the command line', () => {
  it('prints the URL, serves the page and stops cleanly on Ctrl-C (SIGINT)', async () => {
    // The built CLI as a user runs it (plain node): a real process, for the real signal.
    const child = spawn(process.execPath, [builtCli(), 'serve', '--port', '0', '--data', 'datasets/fixture-dibao', '--period', '2006-01', join(ROOT, 'scenarios/baseline-2006.yaml')], { cwd: ROOT, env: { ...process.env, FORCE_COLOR: '0' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += String(d)));
    child.stderr.on('data', (d) => (stderr += String(d)));
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL after 60 s; stderr: ${stderr}`)), 60_000);
      child.stdout.on('data', () => {
        const m = /^(http:\/\/127\.0\.0\.1:\d+\/)$/m.exec(stdout);
        if (m) { clearTimeout(timer); resolve(m[1]!); }
      });
    });
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(stderr).toContain(`jiuzhu explorer ready at ${url}`);
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(stderr).toContain('stopping the explorer');
  }, 90_000);

  it('exits 2 with the port and a hint when the port is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
    const port = (blocker.address() as { port: number }).port;
    try {
      const r = await cli(['serve', '--port', String(port), '--data', 'datasets/fixture-dibao', join(ROOT, 'scenarios/baseline-2006.yaml')]);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain(`error: key '--port': port ${port} on 127.0.0.1 is in use`);
      expect(r.stderr).toContain('hint: stop what uses it, choose another with --port P, or give --port 0 for any free port');
    } finally {
      blocker.close();
    }
  }, 60_000);
});
