/** Shared test helpers: a tiny parameter tree from YAML text, the CLI in-process and as a child process. */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { main } from '../src/cli/program.js';
import { bootWorkersFromBuild } from '../src/scenarios/execution/worker-thread.js';
import { loadParameterText } from '../src/engine/parameters/load.js';
import { ParameterTree } from '../src/engine/parameters/tree.js';
import { clauseIds } from '../src/policy/clauses.js';
import { defineRule } from '../src/engine/rule.js';

export const ROOT = join(import.meta.dirname, '..');

/** A parameter tree from YAML text, validated like the real files. */
export function treeFromYaml(text: string, file = 'test.yaml'): ParameterTree {
  const { leaves, branches } = loadParameterText(text, file, { clauseIds: clauseIds() });
  return new ParameterTree(leaves, branches);
}

/** What a CLI run printed and its exit code. */
/** A monthly test rule reading no parameter: the engine's declaration with the fields tests do not vary filled in. */
export const monthlyTestRule = (id: string, entity: 'household' | 'person', inputs: string[], formula: Parameters<typeof defineRule>[0]['formula']) =>
  defineRule({ id, entity, period: 'month', inputs, parameters: {}, reference: { source: 'test' }, formula });

/** A parameter tree of one unused leaf, for rules that read no parameter (the engine needs a tree). */
export function placeholderTree(): ParameterTree {
  return treeFromYaml(`
t:
  unused:
    description: test
    label: {zh: 无, en: none}
    unit: share
    values:
      2006-01-01: {value: 1, reference: {assumption: test}}
`);
}

export interface CliRun { status: number; stdout: string; stderr: string }

/**
 * Runs the CLI in-process from source (`main(argv, io)` of src/cli/program.ts) with real files,
 * collecting what it writes. Runs are queued one after another: a run may change the process's
 * folder and environment for its duration.
 */
export function cli(args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}): Promise<CliRun> {
  const run = queue.then(async () => {
    let stdout = '';
    let stderr = '';
    const status = await main(args, {
      stdout: { write: (s: string) => { stdout += s; } },
      stderr: { write: (s: string) => { stderr += s; } },
      cwd: opts.cwd ?? ROOT,
      ...(opts.env ? { env: opts.env } : {}),
    });
    return { status, stdout, stderr };
  });
  queue = run.catch(() => undefined);
  return run;
}
let queue: Promise<unknown> = Promise.resolve();

/** True when `out` holds a build at least as new as every source file. */
function isFresh(out: string): boolean {
  const walk = (d: string): string[] => readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [join(d, n)]));
  return walk(join(ROOT, 'src')).filter((f) => f.endsWith('.ts')).every((f) => {
    const js = join(out, relative(join(ROOT, 'src'), f)).replace(/\.ts$/, '.js');
    return existsSync(js) && statSync(js).mtimeMs >= statSync(f).mtimeMs;
  });
}

/**
 * The private build: under the checkout itself (git-ignored), four levels below the package root,
 * where packageRoot() still finds it. Not under node_modules/: a git worktree whose node_modules
 * links to another checkout's would run (and read the parameters of) that checkout's build.
 */
const PRIVATE_DIST = join(ROOT, '.cache', 'test-build', 'dist');

/**
 * The built CLI, run with plain node as a user runs it: dist/cli/main.js when dist/ is at least as
 * new as every source file, else a private build under .cache/test-build (so a test never
 * rewrites dist/ under someone else's feet).
 */
export function builtCli(): string {
  return join(builtDist(), 'cli', 'main.js');
}

/** The folder of the build builtCli() runs: dist/ when fresh, else the private build. */
export function builtDist(): string {
  if (isFresh(join(ROOT, 'dist'))) return join(ROOT, 'dist');
  const main = join(PRIVATE_DIST, 'cli', 'main.js');
  if (!isFresh(PRIVATE_DIST)) {
    // A type error elsewhere does not stop tsc from emitting; only a missing main.js does.
    const b = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json', '--outDir', PRIVATE_DIST], { cwd: ROOT, encoding: 'utf8' });
    if (!existsSync(main)) throw new Error(`the build failed:\n${b.stdout}${b.stderr}`);
  }
  return PRIVATE_DIST;
}

/** Runs the built CLI as a child process (`node dist/cli/main.js …`); `status` is null when a signal ended it. */
export function cliChild(args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}): Promise<{ status: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [builtCli(), ...args], { cwd: opts.cwd ?? ROOT, env: { ...process.env, FORCE_COLOR: '0', ...opts.env } });
    let stdout = '';
    let stderr = '';
    // Decoded as a stream: a Chinese character split across two chunks of a pipe stays whole.
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (s: string) => { stdout += s; });
    child.stderr.on('data', (s: string) => { stderr += s; });
    child.on('error', reject);
    child.on('close', (status, signal) => resolve({ status, signal, stdout, stderr }));
  });
}

/**
 * For the test file that calls it: worker threads boot from builtDist() (dist/ when fresh, else the
 * private build), not from the source through tsx — ~0.45 s less CPU per thread. The build is of
 * the same source (at least as new as every file), so "the same bytes with workers" still tests
 * this source's workers. test/project-threads.test.ts does not call it: its worker boots through tsx.
 */
export function useBuiltWorkers(): void {
  beforeAll(() => bootWorkersFromBuild(builtDist()));
  afterAll(() => bootWorkersFromBuild(undefined));
}
