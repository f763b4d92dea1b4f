/**
 * `npm run load`: a bounded loopback load test of the explorer (issue 23). It starts `jiuzhu
 * serve` in this process on the default dataset (or --data), sends 200 mixed requests from the
 * page's point of view — page config, runs, chart updates, downloads, a quarter of them abandoned
 * a few ms after they are sent — and checks that the server stays responsive:
 *
 *   - the p95 latency of GET /api/scenarios is under 200 ms (the simulation runs on a worker
 *     thread, so the thread answering requests is never blocked for long);
 *   - no answer is a 5xx (a full queue is 429, which is allowed);
 *   - the whole load ends within 60 s.
 *
 *   npm run load                       the default dataset, 200 requests
 *   npm run load -- --data D           another dataset
 *   npm run load -- --requests N       N requests
 *
 * Prints one JSON line with the measurements; exits 1 when a check fails.
 */
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';

export interface LoadOptions {
  /** The explorer's URL (http://127.0.0.1:PORT/). */
  url: string;
  /** Requests sent in all (default 200). */
  requests?: number;
  /** Seed of the mix, so a run can be repeated (default 1). */
  seed?: number;
  /** Scenario the requests ask for (default baseline-2006). */
  scenario?: string;
  /** Milliseconds between two requests being sent (default 15). */
  spacingMs?: number;
}

export interface LoadResult {
  requests: number;
  /** Latency of GET /api/scenarios, ms. */
  scenarios: { count: number; p50: number; p95: number; max: number };
  /** Requests sent to be given up 5–50 ms later (a quarter of the mix; the seed decides which). */
  givenUp: number;
  /** Of those, the ones still unanswered when given up (aborted by the client); the rest were answered first. */
  abandoned: number;
  /** Answers by status. */
  statuses: Record<string, number>;
  /** Every 5xx answer: path and status. */
  serverErrors: { path: string; status: number }[];
  elapsedMs: number;
}

/** A small seeded generator (mulberry32): the same seed sends the same mix. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const quantile = (sorted: number[], q: number): number => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]! : 0);

/** Sends the mixed load and measures; never throws for a bad status (it is counted). */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const n = options.requests ?? 200;
  const rand = random(options.seed ?? 1);
  const scenario = options.scenario ?? 'baseline-2006';
  const spacing = options.spacingMs ?? 15;
  // A few settings the pages come back to (cached after the first run), and fresh ones for abandoned requests.
  const common = [1, 1.1, 1.2].map((standardUrban) => ({ standardUrban }));
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  const serverErrors: { path: string; status: number }[] = [];
  let abandoned = 0;
  let givenUp = 0;
  const t0 = performance.now();

  const send = async (path: string, init: RequestInit, abandonAfterMs?: number): Promise<void> => {
    const ac = new AbortController();
    const timer = abandonAfterMs === undefined ? undefined : setTimeout(() => ac.abort(), abandonAfterMs);
    const started = performance.now();
    try {
      const res = await fetch(new URL(path, options.url), { ...init, signal: ac.signal });
      await res.arrayBuffer();
      statuses[res.status] = (statuses[res.status] ?? 0) + 1;
      if (res.status >= 500) serverErrors.push({ path, status: res.status });
      if (path === '/api/scenarios') latencies.push(performance.now() - started);
    } catch (e) {
      if (!ac.signal.aborted) throw e;
      abandoned++;
    } finally {
      clearTimeout(timer);
    }
  };
  const page = (i: number): Record<string, string> => ({ 'content-type': 'application/json', 'x-jiuzhu-client': `load-${i % 4}` });
  const body = (settings: object): string => JSON.stringify({ scenario, settings, lang: 'en' });

  const sent: Promise<void>[] = [];
  for (let i = 0; i < n; i++) {
    const r = rand();
    const settings = common[Math.floor(rand() * common.length)]!;
    if (r < 0.45) sent.push(send('/api/scenarios', {}));
    else if (r < 0.6) sent.push(send('/api/run', { method: 'POST', headers: page(i), body: body(settings) }));
    else if (r < 0.65) sent.push(send('/api/charts', { method: 'POST', headers: page(i), body: body(settings) }));
    else if (r < 0.75) {
      const q = new URLSearchParams({ scenario, standardUrban: String(settings.standardUrban) });
      const path = rand() < 0.5 ? `/api/table/summary.csv?${q}` : `/api/scenario.yaml?${q}`;
      sent.push(send(path, { headers: { 'x-jiuzhu-client': 'load-download' } }));
    } else {
      // Abandoned: a fresh setting (not cached), given up 5–50 ms after it is sent.
      const fresh = { standardUrban: Math.round((0.6 + rand()) * 1000) / 1000 };
      const path = rand() < 0.5 ? '/api/run' : `/api/table/summary.csv?${new URLSearchParams({ scenario, standardUrban: String(fresh.standardUrban) })}`;
      const init: RequestInit = path === '/api/run' ? { method: 'POST', headers: { 'content-type': 'application/json' }, body: body(fresh) } : {};
      init.headers = { ...(init.headers as Record<string, string> | undefined), 'x-jiuzhu-client': `gone-${i}` };
      givenUp++;
      sent.push(send(path, init, 5 + Math.floor(rand() * 45)));
    }
    await new Promise((r) => setTimeout(r, spacing));
  }
  await Promise.all(sent);
  const sorted = [...latencies].sort((a, b) => a - b);
  const round = (x: number): number => Math.round(x * 10) / 10;
  return {
    requests: n,
    scenarios: { count: sorted.length, p50: round(quantile(sorted, 0.5)), p95: round(quantile(sorted, 0.95)), max: round(sorted.at(-1) ?? 0) },
    givenUp,
    abandoned,
    statuses,
    serverErrors,
    elapsedMs: Math.round(performance.now() - t0),
  };
}

/** The limits `npm run load` checks. */
export const LOAD_LIMITS = { p95Ms: 200, elapsedMs: 60_000 };

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { data: { type: 'string' }, requests: { type: 'string' }, seed: { type: 'string' } }, allowPositionals: false });
  const { loadDataset, resolveDatasetPath } = await import('../src/data/dataset.js');
  const { startExplorer } = await import('../src/serve/server.js');
  const dataset = await loadDataset(resolveDatasetPath(values.data ?? 'jilin-2006'));
  const log = (line: string): void => void process.stderr.write(`${line}\n`);
  const running = await startExplorer({ dataset, port: 0, log });
  let ok = false;
  try {
    const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`the load did not end within ${LOAD_LIMITS.elapsedMs / 1000} s`)), LOAD_LIMITS.elapsedMs).unref());
    const r = await Promise.race([runLoad({ url: running.url, requests: values.requests ? Number(values.requests) : 200, seed: values.seed ? Number(values.seed) : 1 }), timeout]);
    process.stdout.write(`${JSON.stringify({ ...r, queue: running.explorer.queue })}\n`);
    const failures = [
      ...(r.scenarios.p95 >= LOAD_LIMITS.p95Ms ? [`p95 of /api/scenarios is ${r.scenarios.p95} ms (limit ${LOAD_LIMITS.p95Ms} ms)`] : []),
      ...(r.serverErrors.length ? [`${r.serverErrors.length} answers were 5xx: ${r.serverErrors.map((e) => `${e.status} ${e.path}`).join('; ')}`] : []),
      ...(r.elapsedMs > LOAD_LIMITS.elapsedMs ? [`the load took ${r.elapsedMs} ms (limit ${LOAD_LIMITS.elapsedMs} ms)`] : []),
    ];
    for (const f of failures) log(`FAIL: ${f}`);
    ok = failures.length === 0;
    if (ok) log(`ok: p95 of /api/scenarios ${r.scenarios.p95} ms over ${r.scenarios.count} requests, no 5xx, ${r.abandoned} of ${r.givenUp} given up abandoned, ${(r.elapsedMs / 1000).toFixed(1)} s`);
  } finally {
    await running.close();
  }
  process.exit(ok ? 0 : 1);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
