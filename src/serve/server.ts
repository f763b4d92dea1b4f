/**
 * `jiuzhu serve`: a node:http server bound to 127.0.0.1 only, serving the explorer page and its
 * JSON API. Requests are validated (request.ts) and answered with 400 and a JSON error naming the
 * key when bad. Only requests addressed to this machine by name are served (the Host check stops a
 * web page from reaching the server through DNS rebinding), and only from the explorer's own page:
 * a request another site makes (Sec-Fetch-Site cross-site or same-site, or a foreign Origin) is
 * refused, and one that starts a computation must show it comes from the page (Sec-Fetch-Site
 * same-origin or none, our own Origin, or the X-Jiuzhu-Client header, which no other site can
 * send without a CORS preflight this server never grants). Computations run on a worker thread
 * behind a bounded queue (429 when full); a request whose connection closes while it waits is
 * dropped; a computation that holds the thread past its time limit is stopped (503).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isJiuzhuError, JiuzhuError } from '../engine/errors.js';
import { Explorer, SUPERSEDED, type ExplorerOptions } from './api.js';
import { explorerPage, pageConfig, pageCsp } from './page.js';
import { parseQuery, parseRequest, type ExplorerRequest } from './request.js';

/** The port `jiuzhu serve` listens on unless told otherwise. */
export const DEFAULT_PORT = 8606;
/** The only address the explorer listens on: it is a local tool, never a public server. */
export const HOST = '127.0.0.1';
/** A request body is a scenario name and five numbers; anything much larger is not one. */
const MAX_BODY = 64 * 1024;

export interface ServeOptions extends ExplorerOptions {
  /** Port (default 8606; 0: any free port). */
  port?: number;
  /** Language the page opens in (default en). */
  lang?: 'zh' | 'en';
  /** Compute the first view before listening (default true). */
  warm?: boolean;
}

export interface RunningExplorer {
  url: string;
  port: number;
  server: Server;
  explorer: Explorer;
  close(): Promise<void>;
}

class HttpError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
}

/** Starts the explorer; resolves once it listens. */
export async function startExplorer(options: ServeOptions): Promise<RunningExplorer> {
  const log = options.log ?? (() => {});
  const explorer = new Explorer({ ...options, thread: options.thread ?? true });
  for (const x of explorer.excluded) log(`left out ${x.name} (${x.file}): ${x.reason}`);
  const config = pageConfig(explorer, options.lang ?? 'en');
  const page = explorerPage(config);
  const csp = pageCsp(page);
  const scenariosJson = JSON.stringify(pageConfig(explorer, 'en'));
  let port = 0;
  const server = createServer((req, res) => {
    // The client's connection closing before the answer is sent cancels a computation still waiting.
    const gone = new AbortController();
    res.on('close', () => {
      if (!res.writableFinished) gone.abort();
    });
    handle(req, res, explorer, page, csp, scenariosJson, port, gone.signal).catch((e) => sendError(res, e, log));
  });
  try {
    // Listen first, so a port in use fails at once rather than after the first computation.
    port = await listen(server, options.port ?? DEFAULT_PORT);
    if (options.warm !== false) {
      const first = explorer.initialScenario;
      log(`computing ${first.name} and the baseline for ${first.period.from}${first.period.to !== first.period.from ? `:${first.period.to}` : ''}…`);
      const ms = await explorer.warm(options.lang ?? 'en');
      log(`first view ready in ${ms} ms`);
    }
  } catch (e) {
    server.close();
    explorer.close();
    throw e;
  }
  const url = `http://${HOST}:${port}/`;
  let closed = false;
  return {
    url,
    port,
    server,
    explorer,
    close: async () => {
      if (closed) return;
      closed = true;
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
      explorer.close();
    },
  };
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (e: NodeJS.ErrnoException): void => {
      if (e.code === 'EADDRINUSE') {
        reject(new JiuzhuError('PORT_IN_USE', `port ${port} on ${HOST} is in use`, { kind: 'usage', location: { key: '--port' }, hint: 'stop what uses it, choose another with --port P, or give --port 0 for any free port' }));
      } else if (e.code === 'EACCES') {
        reject(new JiuzhuError('PORT_DENIED', `not allowed to listen on port ${port} of ${HOST}`, { kind: 'usage', location: { key: '--port' }, hint: 'ports below 1024 need privileges: choose one above, or --port 0' }));
      } else reject(e);
    };
    server.once('error', onError);
    server.listen(port, HOST, () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** Sec-Fetch-Site values that say the request comes from the explorer's page, or from the user directly. */
const OWN_SITE = new Set(['same-origin', 'none']);

async function handle(req: IncomingMessage, res: ServerResponse, explorer: Explorer, page: string, csp: string, scenariosJson: string, port: number, signal: AbortSignal): Promise<void> {
  const host = req.headers.host ?? '';
  if (host !== `${HOST}:${port}` && host !== `localhost:${port}`) throw new HttpError(403, 'BAD_HOST', `the explorer answers requests to ${HOST}:${port} only, not '${host}'`);
  const origin = req.headers.origin;
  const ownOrigin = origin === `http://${HOST}:${port}` || origin === `http://localhost:${port}`;
  if (origin !== undefined && !ownOrigin) throw new HttpError(403, 'BAD_ORIGIN', `requests from '${origin}' are not served`);
  const url = new URL(req.url ?? '/', `http://${HOST}:${port}`);
  const path = url.pathname;
  const method = req.method ?? 'GET';
  const client = typeof req.headers['x-jiuzhu-client'] === 'string' ? req.headers['x-jiuzhu-client'].slice(0, 64) : undefined;
  const site = req.headers['sec-fetch-site'];
  const api = path.startsWith('/api/');
  // Another site's page (an <img>, a form, a fetch) may not reach the API; the page itself may be linked to.
  if (api && site !== undefined && !OWN_SITE.has(String(site))) throw new HttpError(403, 'CROSS_SITE', `requests made by another site (Sec-Fetch-Site: ${String(site)}) are not served`);
  /** A request that starts a computation must show it comes from the explorer's page or a deliberate client. */
  const fromPage = (): void => {
    if ((site !== undefined && OWN_SITE.has(String(site))) || ownOrigin || client !== undefined) return;
    throw new HttpError(403, 'NOT_FROM_PAGE', 'a computation is started only from the explorer\'s page: a browser sends Sec-Fetch-Site, another client the header X-Jiuzhu-Client');
  };

  if (path === '/' || path === '/index.html') {
    allow(method, ['GET', 'HEAD']);
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': csp, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
    res.end(method === 'HEAD' ? undefined : page);
    return;
  }
  if (path === '/favicon.ico') {
    res.writeHead(204).end();
    return;
  }
  if (path === '/api/scenarios') {
    allow(method, ['GET']);
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
    res.end(scenariosJson);
    return;
  }
  if (path === '/api/parameters') {
    // The search box: parameter leaves of a scenario by path or label (zh, en). No computation.
    allow(method, ['GET']);
    const scenario = url.searchParams.get('scenario') ?? '';
    const q = (url.searchParams.get('q') ?? '').slice(0, 200);
    return sendJson(res, 200, { scenario, q, matches: explorer.parameters(scenario, q) });
  }
  if (path === '/api/run' || path === '/api/charts') {
    allow(method, ['POST']);
    fromPage();
    const r = parseRequest(await readJson(req));
    const out = path === '/api/run' ? await explorer.run(r, client, signal) : await explorer.charts(r, client, signal);
    return sendJson(res, 200, out === SUPERSEDED ? { superseded: true } : out);
  }
  const table = /^\/api\/table\/([a-z0-9-]+)\.csv$/.exec(path);
  const chart = /^\/api\/chart\/([a-z0-9-]+)\.png$/.exec(path);
  if (table || chart || path === '/api/scenario.yaml') {
    allow(method, ['GET', 'POST']);
    fromPage();
    const r: ExplorerRequest = method === 'POST' ? parseRequest(await readJson(req)) : parseQuery(url.searchParams);
    if (table) {
      const { filename, csv } = await explorer.tableCsv(r, table[1]!, signal);
      return sendFile(res, 'text/csv; charset=utf-8', filename, csv);
    }
    if (chart) {
      const { filename, png } = await explorer.chartPng(r, chart[1]!, signal);
      return sendFile(res, 'image/png', filename, png);
    }
    const { filename, yaml } = explorer.scenarioYaml(r);
    return sendFile(res, 'application/yaml; charset=utf-8', filename, yaml);
  }
  throw new HttpError(404, 'NOT_FOUND', `no such page: ${path}`);
}

function allow(method: string, methods: readonly string[]): void {
  if (!methods.includes(method)) throw new HttpError(405, 'METHOD_NOT_ALLOWED', `${method} is not allowed here (use ${methods.join(' or ')})`);
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new HttpError(413, 'TOO_LARGE', `a request body is at most ${MAX_BODY} bytes`);
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new JiuzhuError('BAD_REQUEST', 'the request body is not JSON', { location: { key: 'body' }, hint: 'send {"scenario": "…", "settings": {…}, "lang": "en"}' });
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

function sendFile(res: ServerResponse, type: string, filename: string, body: string | Buffer): void {
  // The name is ours (scenario names are [A-Za-z0-9._-]), so it needs no escaping.
  res.writeHead(200, { 'content-type': type, 'content-disposition': `attachment; filename="${filename}"`, 'cache-control': 'no-store' });
  res.end(body);
}

/** Bad input → 400 with the located message; HTTP errors with their status; anything else → 500, logged. */
function sendError(res: ServerResponse, e: unknown, log: (line: string) => void): void {
  if (res.headersSent || res.destroyed) {
    res.destroy();
    return;
  }
  if (isJiuzhuError(e) && e.code === 'QUEUE_FULL') {
    res.setHeader('retry-after', '2');
    return sendJson(res, 429, { error: { code: e.code, message: e.message, hint: e.hint } });
  }
  if (e instanceof HttpError) return sendJson(res, e.status, { error: { code: e.code, message: e.message } });
  // The compute thread was stopped (it held a job past the limit, or died): this request failed,
  // the next starts a fresh thread. Not the client's fault, and worth a retry: 503.
  if (isJiuzhuError(e) && (e.code === 'COMPUTE_TIMEOUT' || e.code === 'WORKER_EXITED')) {
    log(`${e.code}: ${e.message}`);
    return sendJson(res, 503, { error: { code: e.code, message: e.message, hint: e.hint } });
  }
  if (isJiuzhuError(e) && e.kind !== 'internal') {
    return sendJson(res, 400, { error: { code: e.code, message: e.summary(), key: e.location.key, details: e.details, hint: e.hint } });
  }
  const message = e instanceof Error ? e.message : String(e);
  log(`internal error: ${e instanceof Error && e.stack ? e.stack : message}`);
  sendJson(res, 500, { error: { code: 'INTERNAL', message } });
}
