/**
 * The explorer under hostile use (issue 23, item 2): other sites cannot reach it, a flood of
 * requests cannot queue without end, abandoned requests do not run, and the server answers while
 * a simulation runs (the simulation runs on a worker thread).
 */
import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDataset, resolveDatasetPath, type Dataset } from '../src/data/dataset.js';
import { isJiuzhuError } from '../src/engine/errors.js';
import { Lane, SUPERSEDED } from '../src/serve/lane.js';
import { parseQuery } from '../src/serve/request.js';
import { startExplorer, type RunningExplorer } from '../src/serve/server.js';
import { runLoad } from '../bench/load.js';
import { join } from 'node:path';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { Explorer, type RunResponse } from '../src/serve/api.js';
import { cli, ROOT, useBuiltWorkers } from './helpers.js';

// The explorer's compute thread boots from a fresh build of this source, not through tsx (helpers.ts useBuiltWorkers): the same code, less start-up.
useBuiltWorkers();

const PERIOD = { from: '2006-01', to: '2006-01' };
const scenarioFile = (name: string): string => join(ROOT, 'scenarios', `${name}.yaml`);
let data: Dataset;
let running: RunningExplorer;

/** A raw request with exactly the headers given (fetch adds its own), resolving to the status. */
function raw(path: string, headers: Record<string, string>, method = 'GET', body?: string, port = running.port): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers: { host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end(body);
  });
}

beforeAll(async () => {
  data = await loadDataset(resolveDatasetPath('fixture-dibao'));
  running = await startExplorer({ dataset: data, port: 0, period: PERIOD, scenarioFiles: ['baseline-2006', 'raise-standard-10pct'].map(scenarioFile), maxQueue: 2 });
}, 60_000);
afterAll(async () => {
  await running?.close();
});

describe('cross-site requests', () => {
  const csv = '/api/table/summary.csv?scenario=baseline-2006';
  it('a download another site embeds (Sec-Fetch-Site cross-site or same-site) is refused', async () => {
    expect(await raw(csv, { 'sec-fetch-site': 'cross-site', 'sec-fetch-dest': 'image' })).toBe(403);
    expect(await raw(csv, { 'sec-fetch-site': 'same-site' })).toBe(403);
    expect(await raw('/api/scenarios', { 'sec-fetch-site': 'cross-site' })).toBe(403);
    expect(await raw('/api/run', { 'sec-fetch-site': 'cross-site', 'content-type': 'text/plain' }, 'POST', '{"scenario":"baseline-2006"}')).toBe(403);
  });
  it('a request that starts a simulation needs same-origin evidence: no Sec-Fetch-Site, no Origin, no client header → 403', async () => {
    expect(await raw(csv, {})).toBe(403);
    expect(await raw('/api/scenario.yaml?scenario=baseline-2006', {})).toBe(403);
  });
  it('the page’s own links (same-origin, or typed in: none) and API clients sending X-Jiuzhu-Client are served', async () => {
    expect(await raw(csv, { 'sec-fetch-site': 'same-origin' })).toBe(200);
    expect(await raw(csv, { 'sec-fetch-site': 'none' })).toBe(200);
    expect(await raw(csv, { 'x-jiuzhu-client': 'curl' })).toBe(200);
    // The page itself starts nothing: a link from elsewhere may open it.
    expect(await raw('/', { 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'navigate' })).toBe(200);
  });
});

describe('query values are strict decimals', () => {
  it('0x1, 1e0, " 1" and Infinity are refused, 1.25 accepted', () => {
    for (const v of ['0x1', '1e0', ' 1', 'Infinity', '1.', '.5']) {
      let err: unknown;
      try {
        parseQuery(new URLSearchParams({ scenario: 'x', standardUrban: v }));
      } catch (e) {
        err = e;
      }
      expect(isJiuzhuError(err) && err.location.key, v).toBe('settings.standardUrban');
    }
    expect(parseQuery(new URLSearchParams({ scenario: 'x', standardUrban: '1.25' })).settings).toEqual({ standardUrban: 1.25 });
  });
});

describe('the queue', () => {
  it('is capped: a job beyond the cap is refused at once (QUEUE_FULL), not queued', async () => {
    const lane = new Lane({ maxWaiting: 2 });
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const a = lane.submit(undefined, () => gate.then(() => 'a'));
    await new Promise((r) => setTimeout(r, 20)); // a runs; two may wait
    const b = lane.submit(undefined, () => 'b');
    const c = lane.submit(undefined, () => 'c');
    const d = lane.submit(undefined, () => 'd').catch((e: unknown) => e);
    expect(await d).toMatchObject({ code: 'QUEUE_FULL' });
    // A keyed job that supersedes a waiting one takes its place, so a page is never refused.
    const b2 = lane.submit('k', () => 'b2');
    expect(await b2.catch((e: unknown) => e)).toMatchObject({ code: 'QUEUE_FULL' });
    release();
    expect(await Promise.all([a, b, c])).toEqual(['a', 'b', 'c']);
  });
  it('a job whose client has gone (its signal aborted) is dropped while it waits and never runs', async () => {
    const lane = new Lane();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const ran: string[] = [];
    const a = lane.submit(undefined, () => gate.then(() => ran.push('a')));
    await new Promise((r) => setTimeout(r, 20)); // a runs
    const ac = new AbortController();
    const b = lane.submit(undefined, () => ran.push('b'), ac.signal).catch((e: unknown) => e);
    ac.abort();
    expect(await b).toMatchObject({ code: 'CLIENT_GONE' });
    expect(lane.waiting).toBe(0);
    release();
    await a;
    expect(ran).toEqual(['a']);
    expect(lane.dropped).toBe(1);
    expect(SUPERSEDED).toBeTypeOf('symbol');
  });
  it('the server answers 429 when its queue is full, never 5xx', async () => {
    // maxQueue 2: one running, two waiting; distinct settings so none is a cached answer. Each
    // computation holds its thread 300 ms (testBusyMs), so all eight arrive while the first runs
    // (on the fixture a computation alone takes a few ms, and the queue could empty between arrivals).
    const held = await startExplorer({ dataset: data, port: 0, period: PERIOD, scenarioFiles: [scenarioFile('baseline-2006')], warm: false, testBusyMs: 300, maxQueue: 2 });
    try {
      const statuses = await Promise.all(Array.from({ length: 8 }, (_, i) => raw(`/api/table/summary.csv?scenario=baseline-2006&standardUrban=${1 + i / 100}`, { 'x-jiuzhu-client': 'test' }, 'GET', undefined, held.port)));
      expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(1);
      expect(statuses.filter((s) => s !== 200 && s !== 429)).toEqual([]);
    } finally {
      await held.close();
    }
  });
});

describe('responsiveness', () => {
  it('/api/scenarios answers within 200 ms while a simulation runs (it runs on a worker thread)', async () => {
    // The client runs in another process: a blocked event loop here would stall its own clock too.
    // Each computation holds its thread 1.5 s (testBusyMs); the client asks for /api/scenarios
    // 300 ms into one. On the request thread (before the fix) the answer took over 1.2 s.
    const busy = await startExplorer({ dataset: data, port: 0, period: PERIOD, scenarioFiles: [scenarioFile('baseline-2006')], warm: false, testBusyMs: 1500 });
    try {
      const probe = [
        `const u = ${JSON.stringify(busy.url)};`,
        "const slow = fetch(u + 'api/run', { method: 'POST', headers: { 'content-type': 'application/json', 'x-jiuzhu-client': 'a' }, body: JSON.stringify({ scenario: 'baseline-2006' }) });",
        'await new Promise((r) => setTimeout(r, 300));',
        'const t0 = performance.now();',
        "const res = await fetch(u + 'api/scenarios');",
        'const ms = performance.now() - t0;',
        'const s = await slow;',
        'console.log(JSON.stringify({ status: res.status, ms, slow: s.status }));',
      ].join('\n');
      const child = spawn(process.execPath, ['--input-type=module', '-e', probe], { stdio: ['ignore', 'pipe', 'inherit'] });
      let out = '';
      child.stdout.on('data', (d) => (out += String(d)));
      await new Promise((r) => child.on('exit', r));
      const r = JSON.parse(out) as { status: number; ms: number; slow: number };
      expect(r.status).toBe(200);
      expect(r.ms).toBeLessThan(200);
      expect(r.slow).toBe(200);
    } finally {
      await busy.close();
    }
  }, 60_000);
  it('a short load test: 40 mixed requests, a quarter abandoned: no 5xx, p95 of /api/scenarios under 500 ms in the suite', async () => {
    // Each computation holds its thread 60 ms (testBusyMs), longer than any give-up delay (5–50 ms),
    // and the queue takes them all, so every request given up is still unanswered when its client
    // leaves. On the fixture a computation alone takes a few ms: without the hold, a fast server
    // answered some before they were given up and the count of abandoned ones followed the machine.
    const held = await startExplorer({ dataset: data, port: 0, period: PERIOD, scenarioFiles: [scenarioFile('baseline-2006')], warm: false, testBusyMs: 60, maxQueue: 64 });
    try {
      const r = await runLoad({ url: held.url, requests: 40, seed: 7 });
      expect(r.serverErrors).toEqual([]);
      expect(r.scenarios.count).toBeGreaterThanOrEqual(10);
      // A coarse bound. The client shares this process's event loop and the suite's other fork the
      // second core, so its clock counts their time too: p95 54–83 ms run alone, 212 ms once in a
      // full suite on a slow host (session 11). It cannot tell a blocked event loop from a busy
      // machine: with the computations held on this thread (`thread: false`) p95 was 158 ms. The
      // test above (a 1.5 s hold, the client in another process) guards that; this one guards no
      // 5xx and every request given up abandoned, and catches stalls of another order (seconds).
      // #23's 200 ms bar is `npm run load`'s, out of process and alone (p95 7.5 ms, session 11).
      expect(r.scenarios.p95).toBeLessThan(500);
      expect(r.givenUp).toBeGreaterThanOrEqual(5); // seed 7 sends this many to be given up
      expect(r.abandoned).toBe(r.givenUp);
    } finally {
      await held.close();
    }
  }, 60_000);
});

describe('a computation that hangs', () => {
  it('is stopped at the time limit (503 COMPUTE_TIMEOUT), and the next computation runs on a fresh thread', async () => {
    // The first compute thread holds every job 60 s (testStallFirstThreadMs): a thread that hangs.
    // With a 1 s limit the first request is answered 503 after about a second; the second, sent
    // at once and queued behind it, runs on the thread started after the first was stopped, which
    // does not stall, and answers as a computation on this thread does.
    const hung = await startExplorer({ dataset: data, port: 0, period: PERIOD, scenarioFiles: [scenarioFile('baseline-2006')], warm: false, computeTimeoutMs: 1000, testStallFirstThreadMs: 60_000 });
    const here = new Explorer({ dataset: data, scenarioFiles: [scenarioFile('baseline-2006')], period: PERIOD });
    try {
      const post = (): Promise<Response> => fetch(`${hung.url}api/run`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-jiuzhu-client': 'hang-test' }, body: JSON.stringify({ scenario: 'baseline-2006', settings: {} }) });
      const t0 = performance.now();
      const [first, second] = await Promise.all([post(), post()]);
      const ms = performance.now() - t0;
      expect(first.status).toBe(503);
      const body = (await first.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('COMPUTE_TIMEOUT');
      expect(body.error.message).toContain('limit of 1 s');
      expect(second.status).toBe(200);
      const answered = (await second.json()) as RunResponse;
      const expected = here.runNow({ scenario: 'baseline-2006', settings: {}, lang: 'en' });
      expect(answered.headline).toEqual(expected.headline);
      // Far less than the 60 s stall: the stalled thread was stopped, not waited for.
      expect(ms).toBeLessThan(30_000);
    } finally {
      here.close();
      await hung.close();
    }
  }, 60_000);

  it('a limit outside 1 ms … a day is refused, by the library and by `jiuzhu serve --timeout`', async () => {
    // Refused before the explorer makes its temporary folder (os.tmpdir() reads TMPDIR at each call;
    // the constructor runs synchronously, so no other test of this worker makes a folder meanwhile).
    const tmp = mkdtempSync(join(tmpdir(), 'jiuzhu-serve-limit-'));
    const before = process.env.TMPDIR;
    process.env.TMPDIR = tmp;
    try {
      expect(() => new Explorer({ dataset: data, scenarioFiles: [scenarioFile('baseline-2006')], period: PERIOD, thread: true, computeTimeoutMs: 0 })).toThrow(/computeTimeoutMs must be a whole number/);
      expect(() => new Explorer({ dataset: data, scenarioFiles: [scenarioFile('baseline-2006')], period: PERIOD, sliceThreads: 3 as 2 })).toThrow(/sliceThreads/);
    } finally {
      if (before === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = before;
    }
    expect(readdirSync(tmp)).toEqual([]);
    rmSync(tmp, { recursive: true });
    for (const bad of ['0', '1.5', '86401', 'ten']) {
      const r = await cli(['serve', '--timeout', bad, '--port', '0', '--data', 'datasets/fixture-dibao']);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain(`--timeout must be a whole number of seconds from 1 to 86400 (a day), not '${bad}'`);
    }
  });
});
