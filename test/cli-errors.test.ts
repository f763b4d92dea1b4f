/**
 * The CLI's error contract, audited command by command: every command that reads a file, given
 * each kind of bad file, exits 3 and prints first one located line — `error: <file>[:line]: …` —
 * with no stack trace anywhere on stderr (README, Command line). The cases run in-process through
 * `main(argv, io)` with real files; a few run the built CLI as a child process, to see that the
 * exit code and the stderr-only error reach a user's shell.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, cliChild, type CliRun } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'jiuzhu-cli-errors-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Run = CliRun;

// ---- the bad files ---------------------------------------------------------------------------

const f = (name: string, content: string | Uint8Array): string => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};
const HEAD = 'name: s\ndescription: {zh: 情景, en: scenario}\ndataset: fixture-dibao\nperiod: {from: "2006-01", to: "2006-01"}\n';
const GOOD = f('good.yaml', HEAD);
const folder = join(dir, 'a-folder.yaml');
mkdirSync(folder);
const HEADER = 'household_id,person_id,prefecture,urban,age';

/** A bad scenario file: its path, and what the first line must start with. */
const BAD_SCENARIOS: { kind: string; file: string; first: RegExp }[] = [
  { kind: 'YAML syntax error', file: f('syntax.yaml', 'name: s\ndescription: {zh: a, en: b\n'), first: /:3: YAML syntax error/ },
  { kind: 'unknown key', file: f('unknown-key.yaml', `${HEAD}overides: []\n`), first: /:5: key 'overides': unknown key 'overides'/ },
  { kind: 'unknown parameter path in overrides', file: f('unknown-path.yaml', `${HEAD}overrides:\n  - path: dibao.standrad\n    scale: 1.1\n`), first: /:6: key 'dibao\.standrad': unknown parameter path 'dibao\.standrad'/ },
  { kind: 'override that overflows (scale 1e308)', file: f('overflow.yaml', `${HEAD}overrides:\n  - path: dibao.standard\n    scale: 1e308\n`), first: /:6: key 'dibao\.standard': this override makes 'dibao\.standard' Infinity/ },
  { kind: 'missing file', file: join(dir, 'no-such-scenario.yaml'), first: /: scenario file not found/ },
  { kind: 'a folder', file: folder, first: /: this is a folder, not a scenario file/ },
  { kind: 'dataset that does not exist', file: f('no-dataset.yaml', 'name: s\ndescription: {zh: a, en: b}\ndataset: no-such-dataset\n'), first: /:3: key 'dataset': dataset 'no-such-dataset' not found/ },
  { kind: 'extends a broken file', file: f('extends-broken.yaml', `${HEAD}extends: syntax.yaml\n`), first: /:3: YAML syntax error/ },
];
/** The file an error about a scenario names (extends-broken is reported in the file it extends). */
const blamed = (s: (typeof BAD_SCENARIOS)[number]): string => (s.kind === 'extends a broken file' ? join(dir, 'syntax.yaml') : s.file);

const gbk = Buffer.from([...Buffer.from(`${HEADER},`), 0xb9, 0xa4, 0xd7, 0xca, ...Buffer.from('\n1,1,220100,1,30,0\n')]); // 工资 in GBK
/** A bad dataset (--data, or validate's file), an optional codebook, and the first line's pattern. */
const BAD_DATA: { kind: string; file: string; codebook?: string; blame?: string; first: RegExp }[] = [
  { kind: 'bad value (negative age)', file: f('negative-age.csv', `${HEADER}\n1,1,220100,1,-4\n`), first: /:2:column 'age': '-4' is below the minimum 0 \(negative age\)/ },
  { kind: 'GBK CSV without --encoding', file: f('gbk.csv', gbk), first: /: the file is not valid UTF-8; it may be GBK-encoded/ },
  { kind: 'missing file', file: join(dir, 'no-such-data.csv'), first: /: key '(--data|dataset)': dataset '.*no-such-data\.csv' not found/ },
  { kind: 'truncated Parquet', file: join(dir, 'truncated.parquet'), first: /: not a readable Parquet file/ },
  { kind: 'bad codebook (unknown jiuzhu column)', file: f('for-codebook.csv', `${HEADER}\n1,1,220100,1,30\n`), codebook: f('codebook.yaml', 'columns:\n  agee: AGE\n'), blame: join(dir, 'codebook.yaml'), first: /:2: key 'agee': 'agee' is not a jiuzhu column/ },
  { kind: 'codebook with a YAML syntax error', file: join(dir, 'for-codebook.csv'), codebook: f('codebook-syntax.yaml', 'columns: [\n'), blame: join(dir, 'codebook-syntax.yaml'), first: /:2: YAML syntax error/ },
  { kind: 'too large for the memory allowed', file: join(dir, 'for-memory.csv'), first: /: loading this file \(about [\d,]+ rows × 5 columns\) needs about \d+ MiB, more than the 1 MiB allowed/ },
];

/** Commands that read a scenario: how to give it the bad one. */
const SCENARIO_COMMANDS: { name: string; args: (bad: string) => string[] }[] = [
  { name: 'run', args: (s) => ['run', s] },
  { name: 'compare (as the reform)', args: (s) => ['compare', GOOD, s] },
  { name: 'report (as the reform)', args: (s) => ['report', GOOD, s, '--out', join(dir, 'report-out')] },
  { name: 'project', args: (s) => ['project', s] },
  { name: 'explain', args: (s) => ['explain', s, '--household', '1'] },
  { name: 'solve', args: (s) => ['solve', s, '--lever', 'dibao.standard', '--objective', 'coverage-of-poor', '--target', '0.5'] },
  { name: 'solve --against', args: (s) => ['solve', GOOD, '--lever', 'dibao.standard', '--objective', 'budget-neutral', '--against', s] },
];

/** Commands that read a dataset: how to give it the bad one (and a codebook). */
const DATA_COMMANDS: { name: string; args: (data: string, codebook?: string) => string[] }[] = [
  ...SCENARIO_COMMANDS.filter((c) => c.name !== 'solve --against').map((c) => ({ name: c.name, args: (d: string, cb?: string) => [...c.args(GOOD), '--data', d, ...(cb ? ['--codebook', cb] : [])] })),
  { name: 'validate', args: (d, cb) => ['validate', d, ...(cb ? ['--codebook', cb] : [])] },
];

const cases: { command: string; kind: string; args: string[]; file: string; first: RegExp; env?: Record<string, string> }[] = [
  // A reform's (or --against's) `dataset:` is not read: the runs share the first scenario's dataset.
  ...SCENARIO_COMMANDS.flatMap((c) => BAD_SCENARIOS.filter((s) => !(s.kind.startsWith('dataset') && / \(as the reform\)|--against/.test(c.name))).map((s) => ({ command: c.name, kind: `scenario: ${s.kind}`, args: c.args(s.file), file: blamed(s), first: s.first }))),
  ...DATA_COMMANDS.flatMap((c) => BAD_DATA.map((d) => ({
    command: c.name,
    kind: `data: ${d.kind}`,
    args: c.args(d.file, d.codebook),
    file: d.blame ?? d.file,
    first: d.first,
    ...(d.kind.startsWith('too large') ? { env: { JIUZHU_MEMORY_LIMIT_MIB: '1' } } : {}),
  }))),
];

const STACK = /^\s+at .+(:\d+:\d+\)?|<anonymous>)$/m;
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const results = new Map<string, Run>();
const key = (c: { command: string; kind: string }): string => `${c.command} · ${c.kind}`;

beforeAll(async () => {
  // A valid Parquet cut in half, and a CSV of 20,000 rows (about 1.7 MiB to load) for the memory limit.
  const { writeColumns } = await import('../src/data/write.js');
  const good = join(dir, 'good.parquet');
  await writeColumns(good, { household_id: Float64Array.of(1, 2), person_id: Int32Array.of(1, 1), prefecture: Int32Array.of(220100, 220800), urban: Uint8Array.of(1, 0), age: Int16Array.of(30, 40) });
  const bytes = readFileSync(good);
  writeFileSync(join(dir, 'truncated.parquet'), bytes.subarray(0, bytes.length >> 1));
  writeFileSync(join(dir, 'for-memory.csv'), `${HEADER}\n${Array.from({ length: 20000 }, (_, i) => `${i + 1},1,220100,1,30`).join('\n')}\n`);
  for (const c of cases) results.set(key(c), await cli(c.args, c.env ? { env: c.env } : {}));
}, 600_000);

describe.each(cases.map((c) => [key(c), c] as const))('%s', (_name, c) => {
  it('exits 3 with one located line first and no stack trace', () => {
    const r = results.get(key(c))!;
    const lines = r.stderr.split('\n');
    expect(r.status, r.stderr).toBe(3);
    expect(lines[0]).toMatch(new RegExp(`^error: ${escape(c.file)}(:|$)`));
    expect(lines[0]).toMatch(c.first);
    expect(r.stderr).not.toMatch(STACK);
    expect(r.stderr).not.toMatch(/internal error/);
  });
});

describe('the built CLI as a child process (node dist/cli/main.js)', () => {
  it('a bad scenario: exit code 3 in the shell, the located line on stderr, nothing on stdout', async () => {
    const c = cases.find((x) => x.command === 'run' && x.kind === 'scenario: unknown key')!;
    const r = await cliChild(c.args);
    expect(r.status, r.stderr).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n')[0]).toBe(results.get(key(c))!.stderr.split('\n')[0]);
    expect(r.stderr).not.toMatch(STACK);
  });
  it('the memory limit from the environment: exit code 3 naming it', async () => {
    const c = cases.find((x) => x.command === 'validate' && x.kind.startsWith('data: too large'))!;
    const r = await cliChild(c.args, { env: c.env });
    expect(r.status, r.stderr).toBe(3);
    expect(r.stderr.split('\n')[0]).toMatch(c.first);
  });
});

describe('the checks above can fail', () => {
  it('with --debug the same error prints its stack, which the no-stack check detects', async () => {
    const r = await cli(['run', BAD_SCENARIOS[0]!.file, '--debug']);
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(STACK);
  });
  it('a report is not written when a scenario is bad', () => {
    expect(existsSync(join(dir, 'report-out'))).toBe(false);
  });
});

describe('commands that write', () => {
  it('generate --out into a folder that does not exist is a usage error (exit 2) naming it, not an internal one', async () => {
    const r = await cli(['generate', '--households', '10', '--out', join(dir, 'no-such-folder', 'x.csv')]);
    expect(r.status).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe(`error: key '--out': --out: the folder ${join(dir, 'no-such-folder')} does not exist`);
  });
});
