/**
 * Shared by the chromium tests: which browser to run, and what a page reports while it runs.
 *
 * The browser comes from the npm registry, so the tests run wherever `npm ci` ran: the devDependency
 * @sparticuz/chromium ships a headless Chromium as brotli files, unpacked on first use into
 * a folder of the temp folder named after its version (2–16 s, once per machine and version).
 * Version 143 is the newest that declares Node 20 in `engines` (later ones declare Node 22, and
 * `npm ci` would warn on Node 20). Debian's /usr/bin/chromium (package chromium) is the
 * fallback when the package is missing or its binary does not start. No browser is a failure, with
 * a message saying how to get one: these tests never skip.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

/** A browser the tests can launch: its binary, the flags it needs, and a name to print. */
export interface TestBrowser { name: string; executablePath: string; args: string[] }

const DEBIAN = '/usr/bin/chromium';
// @sparticuz/chromium's flags are made for AWS Lambda; these two switch off web security, which
// would hide from the tests exactly what a user's browser enforces (CSP, same-origin).
const LOOSENING = new Set(['--disable-web-security', '--allow-running-insecure-content']);

/**
 * Runs `unpack` with no other process unpacking into `home` at the same time: the two browser test
 * files run in parallel workers, and @sparticuz/chromium writes its binary to one fixed path.
 */
async function exclusively<T>(home: string, unpack: () => Promise<T>): Promise<T> {
  const lock = `${home}.lock`;
  const started = Date.now();
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // A lock older than two minutes belongs to a process that died unpacking.
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 120_000) rmSync(lock, { recursive: true, force: true });
      if (Date.now() - started > 180_000) throw new Error(`waited 3 minutes for ${lock}; remove it if no test is running`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  try {
    return await unpack();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** The version of an installed package: from the first package.json above its entry naming it. */
function packageVersion(name: string): string {
  for (let d = dirname(createRequire(import.meta.url).resolve(name)); d !== dirname(d); d = dirname(d)) {
    const file = join(d, 'package.json');
    if (!existsSync(file)) continue;
    const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
    if (pkg.name === name && pkg.version) return pkg.version;
  }
  throw new Error(`no package.json of ${name} above its entry`);
}

async function fromNpm(): Promise<TestBrowser> {
  const { default: Chromium } = await import('@sparticuz/chromium');
  const version = packageVersion('@sparticuz/chromium');
  // The package unpacks into os.tmpdir() and reuses any `chromium` found there, whatever its
  // version: point TMPDIR at a folder of this version while it unpacks (nothing else runs then).
  const home = join(tmpdir(), `jiuzhu-chromium-${version}`);
  mkdirSync(home, { recursive: true });
  const executablePath = await exclusively(home, async () => {
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = home;
    try {
      return await Chromium.executablePath();
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
    }
  });
  return { name: `Chromium from the npm package @sparticuz/chromium@${version} (${executablePath})`, executablePath, args: Chromium.args.filter((a) => !LOOSENING.has(a)) };
}

/**
 * Launches the test browser (the npm package's Chromium, else Debian's) and says on stdout which one
 * runs `what`; throws, saying how to get a browser, when there is none.
 */
export async function launchTestBrowser(what: string): Promise<{ browser: Browser; name: string }> {
  const problems: string[] = [];
  const candidates: Array<() => Promise<TestBrowser>> = [
    fromNpm,
    async () => {
      if (!existsSync(DEBIAN)) throw new Error('not installed');
      return { name: `Debian's chromium (${DEBIAN})`, executablePath: DEBIAN, args: ['--no-sandbox'] };
    },
  ];
  for (const [i, candidate] of candidates.entries()) {
    try {
      const b = await candidate();
      const browser = await chromium.launch({ executablePath: b.executablePath, args: b.args });
      console.log(`${what}: running in ${b.name}, version ${browser.version()}`);
      return { browser, name: b.name };
    } catch (e) {
      problems.push(`${i === 0 ? '@sparticuz/chromium' : DEBIAN}: ${(e as Error).message.split('\n')[0]}`);
    }
  }
  throw new Error(
    `no browser for the browser tests. Run \`npm ci\` (it installs the devDependency @sparticuz/chromium, a Chromium shipped in an npm package), or install Debian's chromium (\`apt-get install chromium\`). Tried: ${problems.join('; ')}`,
  );
}

/** Collects a page's console errors and warnings, uncaught errors, and every URL it requests. */
export function watchPage(page: Page): { errors: string[]; requests: string[] } {
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') errors.push(`${m.type()}: ${m.text()}`); });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('request', (r) => requests.push(r.url()));
  return { errors, requests };
}
