/**
 * README's cookbook, run command by command (README.zh.md's must be the same commands). The commands are parsed from README.md between
 * `<!-- cookbook:start -->` and `<!-- cookbook:end -->` (every line of a ```sh block that starts
 * with `npx jiuzhu`), so the README cannot show a command that does not work. Each one runs the
 * CLI in-process, `main(argv, io)` of src/cli/program.ts (what the `jiuzhu` binary, src/cli/main.ts,
 * calls with the process's streams), must exit 0 and print a real figure, checked against
 * something worked out independently (comments say what).
 *
 * To stay fast, commands that simulate run on a generated 2,000-household Jilin (`--data`, which
 * every such command takes) instead of the 100,000-household default; `report --out` writes to a
 * temporary folder and `serve --port` takes any free port. Nothing else of the command is changed.
 * The binary itself (node dist/cli/main.js as a child process: its exit codes, Ctrl-C) is run by
 * test/cli-errors.test.ts, test/serve.test.ts and test/atomic.test.ts; here only that package.json
 * names it, so `npx jiuzhu` is main() on the process's streams.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/program.js';
import { cli, ROOT, useBuiltWorkers, type CliRun } from './helpers.js';

// `serve`'s compute thread boots from a fresh build of this source, not through tsx (helpers.ts useBuiltWorkers): the same code, less start-up.
useBuiltWorkers();

// ---- the cookbook ------------------------------------------------------------------------------

interface Question { n: number; title: string; commands: string[] }

/** The cookbook's questions (`**N. …**`) and the `npx jiuzhu` lines of their sh blocks. */
function parseCookbook(readme: string): Question[] {
  const start = readme.indexOf('<!-- cookbook:start -->');
  const end = readme.indexOf('<!-- cookbook:end -->');
  if (start < 0 || end < start) throw new Error('README.md has no <!-- cookbook:start --> … <!-- cookbook:end --> section');
  const questions: Question[] = [];
  let inSh = false;
  for (const line of readme.slice(start, end).split('\n')) {
    const q = /^\*\*(\d+)\. (.+)\*\*$/.exec(line);
    if (q) questions.push({ n: Number(q[1]), title: q[2]!, commands: [] });
    else if (line.startsWith('```')) inSh = !inSh && line.trim() === '```sh';
    else if (inSh && line.startsWith('npx jiuzhu ')) {
      if (!questions.length) throw new Error(`a command before the first question: ${line}`);
      questions.at(-1)!.commands.push(line.trim());
    }
  }
  return questions;
}

const QUESTIONS = parseCookbook(readFileSync(join(ROOT, 'README.md'), 'utf8'));

// ---- the CLI, in-process ---------------------------------------------------------------------

const dir = mkdtempSync(join(tmpdir(), 'jiuzhu-readme-cookbook-'));
const SMALL = join(dir, 'jilin-2000.arrow');
const REPORT = join(dir, 'report');

beforeAll(async () => {
  const g = await cli(['generate', '--households', '2000', '--seed', '7', '--out', SMALL]);
  if (g.status !== 0) throw new Error(`generate failed:\n${g.stderr}`);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Verbs that run scenarios and take --data. */
const SIMULATING = new Set(['run', 'compare', 'report', 'serve', 'project', 'explain', 'solve']);

/** The README command as run here: the small dataset, a temporary report folder, any free port. */
function adapt(command: string): string[] {
  expect(command, 'the parser splits on spaces: no quotes in cookbook commands').not.toMatch(/['"\\]/);
  const args = command.replace(/^npx jiuzhu /, '').split(/\s+/);
  const set = (flag: string, value: string): void => {
    const i = args.indexOf(flag);
    if (i >= 0) args[i + 1] = value;
  };
  set('--out', REPORT);
  set('--port', '0');
  if (SIMULATING.has(args[0]!) && !args.includes('--data')) args.push('--data', SMALL);
  return args;
}

// ---- reading the text tables -------------------------------------------------------------------

/** '+1,234.56' / '−3' / '10.00%' → number (the CLI writes U+2212 for minus). */
const num = (s: string): number => Number(s.replace(/,/g, '').replace(/%$/, '').replace('−', '-').replace(/^\+/, ''));
/** The cells of a table row: columns are separated by two or more spaces. */
const cells = (line: string): string[] => line.trim().split(/\s{2,}/);
/** The row whose first cell is `label`, as numbers after the label. */
function row(text: string, label: string): number[] {
  const line = text.split('\n').find((l) => cells(l)[0] === label);
  if (!line) throw new Error(`no row '${label}' in:\n${text.slice(0, 2000)}`);
  return cells(line).slice(1).map(num);
}
const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);

// ---- what each command must show ---------------------------------------------------------------

interface Check { match: RegExp; check: (r: CliRun, args: string[]) => Promise<void> | void }

const CHECKS: Check[] = [
  {
    match: /^compare scenarios\/baseline-2006\.yaml scenarios\/raise-standard-10pct\.yaml/,
    check: ({ stdout }) => {
      // raise-standard-10pct scales every dibao.standard by 1.10. The population is the dataset's,
      // which the reform does not change. A higher standard admits more households and pays each
      // more (§二.1: benefit = standard − income), so recipients and cost rise; the change column
      // is reform − baseline (money in the table's stated unit, three decimals of a billion or two
      // of a million, hence the tolerance). Each area's average standard is recipient-weighted:
      // every standard is × 1.10, but the reform's recipients are a different mix of prefectures,
      // so the ratio is near 1.10, not exactly it (within 5%).
      expect(stdout).toMatch(/^Unit: (million|billion) yuan$/m);
      const [popB, popR] = row(stdout, 'Population');
      expect(popR).toBe(popB);
      const [recB, recR] = row(stdout, 'Recipients (avg month)');
      expect(recR).toBeGreaterThan(recB!);
      const [costB, costR, costChange] = row(stdout, 'Cost (period)');
      expect(costB).toBeGreaterThan(0);
      expect(costChange).toBeGreaterThan(0);
      expect(Math.abs(costChange! - (costR! - costB!))).toBeLessThan(0.0011);
      for (const area of ['Urban', 'Rural']) {
        const [b, r] = row(stdout, `${area} · Average standard (yuan/person/month)`);
        expect(r! / b!, area).toBeGreaterThan(1.1 * 0.95);
        expect(r! / b!, area).toBeLessThan(1.1 * 1.05);
      }
    },
  },
  {
    match: /^run scenarios\/baseline-2006\.yaml --prefectures/,
    check: ({ stdout }) => {
      // The funding rows add up to every program's cost to the fen (docs/programs.md): government
      // money by level plus the other payers (households, collectives, hospitals, universities,
      // donors) is the total, and the total is the fourteen programs' costs. "Who pays" is in
      // billion yuan with three decimals and the programs in million yuan with two, hence the
      // tolerances (half a unit of the last digit per figure). The prefecture table splits the
      // dibao cost (12 months: annualised = period) over the nine prefectures of Jilin, by name.
      const bn = (label: string): number => row(stdout, label)[0]! * 1000;
      const levels = ['central', 'provincial', 'prefecture', 'county'].map((l) => bn(`government · ${l}`));
      const sources = stdout.split('\n').filter((l) => l.startsWith('  of which · ')).map((l) => num(cells(l)[1]!) * 1000);
      const others = stdout.split('\n').filter((l) => l.startsWith('other payers · ')).map((l) => num(cells(l)[1]!) * 1000);
      // Each table states its unit (million or billion yuan, by magnitude): compare in million yuan.
      const toMillion = (after: string): number => (/billion/.test(/Unit: (\w+) yuan/.exec(stdout.slice(stdout.indexOf(after)))![1]!) ? 1000 : 1);
      const programs = stdout.split('\n').filter((l) => / · cost$/.test(cells(l)[0] ?? '')).map((l) => num(cells(l)[1]!) * toMillion('Programs of the assistance system'));
      expect(programs).toHaveLength(14);
      expect(sources.length).toBeGreaterThanOrEqual(2);
      expect(others.length).toBeGreaterThanOrEqual(2);
      expect(Math.abs(sum(levels) - bn('government, total'))).toBeLessThan(2.5);
      expect(Math.abs(sum(sources) - bn('government, total'))).toBeLessThan(2.5);
      expect(Math.abs(sum(others) - bn('other payers, total'))).toBeLessThan(2.5);
      expect(Math.abs(bn('government, total') + bn('other payers, total') - bn('total'))).toBeLessThan(1.5);
      expect(Math.abs(sum(programs) - bn('total'))).toBeLessThan(toMillion('Programs of the assistance system') === 1000 ? 14 * 0.5 + 0.5 : 0.6);
      const names = ['Changchun', 'Jilin city', 'Siping', 'Liaoyuan', 'Tonghua', 'Baishan', 'Songyuan', 'Baicheng', 'Yanbian'];
      const prefectures = names.map((n) => row(stdout, n));
      for (const [recipients] of prefectures) expect(recipients).toBeGreaterThan(0);
      // The prefectures' costs are in million yuan; the summary's 'Cost (annualised)' in its own unit (billion once the
      // dibao cost passes a billion), to three decimals: half a unit of its last digit, plus the nine rounded prefectures.
      const summaryToMillion = toMillion('');
      expect(Math.abs(sum(prefectures.map((p) => p[1]!)) - row(stdout, 'Cost (annualised)')[0]! * summaryToMillion)).toBeLessThan(summaryToMillion === 1000 ? 0.5 + 0.05 : 0.06);
    },
  },
  {
    match: /^project scenarios\/dynamic-growth-2007-2015\.yaml/,
    check: ({ stdout }) => {
      // One row per year 2007–2015; the first year is the price base (1.000). Cost is every
      // program's: government money by level plus the other payers; the gap is
      // max(0, need − budget) (docs/projection-and-solver.md), all in billion yuan to three
      // decimals. Standards are indexed to income growth with elasticity 1, so they never fall.
      // The §二.1 linkage is a distance, not a floor: the rural line is national, so a
      // recipient-weighted rural average standard minus line ÷ 12 lies between the smallest and
      // largest prefecture distance. Lines (yuan a year, /work/shared facts, NBS): 2008 1067,
      // 2009 1196, 2010 1274, 2011 2300.
      const years = stdout.split('\n').filter((l) => /^20\d\d\s+\d\.\d{3}\s/.test(l)).map((l) => cells(l));
      expect(years.map((c) => c[0])).toEqual(['2007', '2008', '2009', '2010', '2011', '2012', '2013', '2014', '2015']);
      expect(years[0]![1]).toBe('1.000');
      let prev = { urban: 0, rural: 0 };
      const rural: Record<string, number> = {};
      for (const c of years) {
        const [, , urban, ruralStd, , , cost, central, provincial, prefecture, county, other, need, budget, gap] = c.map(num);
        expect(cost).toBeGreaterThan(0);
        expect(Math.abs(cost! - (central! + provincial! + prefecture! + county! + other!))).toBeLessThan(0.0031);
        expect(Math.abs(gap! - Math.max(0, need! - budget!))).toBeLessThan(0.0011);
        expect(urban).toBeGreaterThanOrEqual(prev.urban);
        expect(ruralStd).toBeGreaterThanOrEqual(prev.rural);
        prev = { urban: urban!, rural: ruralStd! };
        rural[c[0]!] = ruralStd!;
      }
      const lines: Record<string, number> = { 2008: 1067, 2009: 1196, 2010: 1274, 2011: 2300 };
      for (const [year, line] of Object.entries(lines)) {
        const l = stdout.split('\n').find((x) => x.startsWith(`${year} `) && x.includes('…') && !/^20\d\d\s+\d\.\d{3}\s/.test(x))!;
        const [min, max] = cells(l)[3]!.split(' … ').map(num);
        const d = rural[year]! - line / 12;
        expect(d, year).toBeGreaterThanOrEqual(min! - 0.01);
        expect(d, year).toBeLessThanOrEqual(max! + 0.01);
      }
    },
  },
  {
    match: /^explain scenarios\/baseline-2006\.yaml --household (\d+) --month (\S+)/,
    check: ({ stdout }, args) => {
      // The summary's root is the household's dibao for the month asked; a household is paid
      // only if it receives dibao (dibao_receives = take-up × assessed eligibility × quota), and
      // the summary names that decision first. At most 30 lines of at most 120 columns.
      const household = args[args.indexOf('--household') + 1];
      const month = args[args.indexOf('--month') + 1];
      const lines = stdout.trimEnd().split('\n');
      expect(lines[0]).toBe(`Scenario baseline-2006 · household ${household} · ${month}`);
      expect(lines.length).toBeLessThanOrEqual(30);
      const root = /^● dibao_benefit \(Dibao paid\) = ([\d.]+) CNY\/household\/month$/m.exec(stdout);
      const receives = /^ {2}Receives dibao: (yes|no) ← /m.exec(stdout);
      expect(root, stdout.slice(0, 500)).not.toBeNull();
      expect(receives, stdout.slice(0, 800)).not.toBeNull();
      expect(Number(root![1]) > 0).toBe(receives![1] === 'yes');
      expect(stdout).toMatch(/^ {2}◆ dibao\.standard = [\d.]+ CNY\/person\/month, from \d{4}-\d\d-\d\d  ‹吉政发〔2006〕48号 §二\.1›$/m);
    },
  },
  {
    match: /^report scenarios\/baseline-2006\.yaml scenarios\/raise-standard-10pct\.yaml --out \S+ --lang zh --xlsx/,
    check: () => {
      // The manifest lists every file with its size and sha256: recompute them. CSV tables carry
      // a UTF-8 BOM (for Excel on Chinese Windows); the workbook is a zip ("PK").
      const manifest = JSON.parse(readFileSync(join(REPORT, 'manifest.json'), 'utf8')) as { lang: string; files: { path: string; bytes: number; sha256: string }[] };
      expect(manifest.lang).toBe('zh');
      const paths = manifest.files.map((f) => f.path);
      for (const p of ['index.html', 'report.xlsx', 'result.json', 'tables/programs.csv']) expect(paths).toContain(p);
      for (const f of manifest.files) {
        const bytes = readFileSync(join(REPORT, f.path));
        expect(bytes.length, f.path).toBe(f.bytes);
        expect(createHash('sha256').update(bytes).digest('hex'), f.path).toBe(f.sha256);
      }
      expect([...readFileSync(join(REPORT, 'tables/programs.csv')).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(readFileSync(join(REPORT, 'report.xlsx')).subarray(0, 2).toString('latin1')).toBe('PK');
      expect(readFileSync(join(REPORT, 'index.html'), 'utf8')).toContain('吉政发〔2006〕48号');
    },
  },
  {
    match: /^solve scenarios\/baseline-2006\.yaml --lever dibao\.standard --where area=rural --objective gap-closed --budget (\d+)/,
    check: ({ stdout }, args) => {
      // gap-closed --budget Y: the answer's annualised dibao cost is at most Y, and the largest
      // value within it (lever steps of 0.001 move the cost by far less than 1%).
      const budget = Number(args[args.indexOf('--budget') + 1]);
      // The solution line states the cost in the reader's unit; the line after it in exact yuan.
      const m = /^Solution: dibao\.standard scale ([\d.]+) .*· dibao cost [\d,.]+ (million|billion) yuan a year$/m.exec(stdout);
      const exact = /^largest dibao\.standard scale within [\d.]+ yuan a year: [\d.]+ \(cost ([\d.]+), /m.exec(stdout);
      expect(m, stdout).not.toBeNull();
      expect(exact, stdout).not.toBeNull();
      const [scale, cost] = [Number(m![1]), Number(exact![1])];
      expect(scale).toBeGreaterThanOrEqual(0.5); // the default bounds of a scale lever
      expect(scale).toBeLessThanOrEqual(3);
      expect(cost).toBeLessThanOrEqual(budget);
      expect(cost).toBeGreaterThan(0.99 * budget);
    },
  },
  {
    match: /^validate datasets\/example-microdata\/survey\.csv --codebook datasets\/example-microdata\/codebook\.yaml$/,
    check: ({ stdout }) => {
      // Counted from the CSV itself: households are distinct 户编号, persons are rows, and each
      // row carries its household's weight 户权数 (weighted persons = Σ row weights).
      const s = survey();
      expect(stdout).toContain('✓ valid');
      expect(stdout).toContain(`households ${s.households}, persons ${s.persons}; weighted ${s.weightedHouseholds.toLocaleString('en-US')} / ${s.weightedPersons.toLocaleString('en-US')}`);
    },
  },
  {
    match: /^run scenarios\/baseline-2006\.yaml --data datasets\/example-microdata\/survey\.csv --codebook datasets\/example-microdata\/codebook\.yaml$/,
    check: ({ stdout }) => {
      // The population reported is Σ weight × household size = Σ row weights (see validate).
      expect(stdout).toContain('dataset survey');
      expect(row(stdout, 'Population')[0]).toBe(survey().weightedPersons);
    },
  },
  {
    match: /^run scenarios\/price-subsidy-2008\.yaml --months$/,
    check: ({ stdout }) => {
      // By hand from scenarios/price-subsidy-2008.yaml and dibao.price_subsidy.trigger (food at or
      // above 1.06 for 3 months switches on, 3 months below 1.06 switch off): food is 1.060,
      // 1.068, 1.071 in January–March 2007, so the subsidy is on from 2007-03; it first falls
      // below 1.06 in 2008-11 (1.05) and 2008-12 (1.04), two months, so it stays on to the end.
      // Each month's total is the sum of its components (gap, classified, temporary, price
      // subsidy, taper), each rounded to the fen.
      const months = stdout.split('\n').filter((l) => /^price-subsidy-2008\s+\d{4}-\d\d\s/.test(l)).map(cells);
      expect(months).toHaveLength(24);
      const on = months.filter((c) => c.includes('ON')).map((c) => c[1]);
      expect(on[0]).toBe('2007-03');
      expect(on).toHaveLength(22);
      for (const c of months) {
        const money = c.slice(-6).map(num);
        expect(Math.abs(sum(money.slice(0, 5)) - money[5]!), c[1]).toBeLessThan(0.03);
      }
    },
  },
  {
    match: /^clauses --lang zh$/,
    check: ({ stdout }) => {
      // The opinion has 27 paragraphs under §一–§十一 (src/policy/clauses.yaml, from
      // shared/policy/SECTIONS.md); each gets one status, and the counts add up.
      const paragraphs = readFileSync(join(ROOT, 'src/policy/clauses.yaml'), 'utf8').split('\n').filter((l) => /^\s+- id: [一二三四五六七八九十]+\.\d+$/.test(l)).length;
      expect(paragraphs).toBe(27);
      const m = /^共 (\d+) 条：已建模 (\d+)，部分建模 (\d+)，不纳入模型 (\d+)$/m.exec(stdout);
      expect(m, stdout.slice(-500)).not.toBeNull();
      const [total, modelled, partly, out] = m!.slice(1).map(Number);
      expect(total).toBe(paragraphs);
      expect(modelled! + partly! + out!).toBe(total);
      expect(stdout.split('\n').filter((l) => /^ {2}[✓◐–] [一二三四五六七八九十]+\.\d+ /.test(l))).toHaveLength(paragraphs);
    },
  },
];

/** example-microdata/survey.csv counted directly (no quotes in the file: a plain split). */
function survey(): { households: number; persons: number; weightedHouseholds: number; weightedPersons: number } {
  const [header, ...lines] = readFileSync(join(ROOT, 'datasets/example-microdata/survey.csv'), 'utf8').trim().split(/\r?\n/);
  const cols = header!.split(',');
  const [id, weight] = [cols.indexOf('户编号'), cols.indexOf('户权数')];
  const households = new Map<string, number>();
  let weightedPersons = 0;
  for (const line of lines) {
    const c = line.split(',');
    households.set(c[id]!, Number(c[weight]));
    weightedPersons += Number(c[weight]);
  }
  return { households: households.size, persons: lines.length, weightedHouseholds: Math.round(sum([...households.values()])), weightedPersons: Math.round(weightedPersons) };
}

// ---- the explorer: a server, so it is started, asked, and stopped ------------------------------

async function checkServe(args: string[]): Promise<void> {
  // The explorer runs until Ctrl-C. In-process, Ctrl-C is the SIGINT listener this run adds, called
  // as the signal calls it (process.emit would also reach every other SIGINT listener of this process).
  const before = { SIGINT: process.rawListeners('SIGINT'), SIGTERM: process.rawListeners('SIGTERM') };
  let stdout = '';
  let stderr = '';
  let printed!: (url: string) => void;
  const address = new Promise<string>((resolve) => { printed = resolve; });
  const exited = main(args, {
    stdout: {
      write: (s: string) => {
        stdout += s;
        const line = /^(http:\/\/127\.0\.0\.1:\d+\/)$/m.exec(stdout);
        if (line) printed(line[1]!);
      },
    },
    stderr: { write: (s: string) => { stderr += s; } },
    cwd: ROOT,
  });
  const url = await Promise.race([address, exited.then((code) => { throw new Error(`serve exited (${code}) before printing its address:\n${stderr}`); })]);
  try {
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<html');
    // The urban standard × 1.5: every urban household between the old and the new standard
    // becomes eligible and every recipient is paid more (§二.1), so recipients and cost rise.
    // A computation needs same-origin evidence (docs/reliability.md): the page's own requests send
    // Sec-Fetch-Site; a script like this one sends the X-Jiuzhu-Client header.
    const res = await fetch(new URL('api/run', url), { method: 'POST', headers: { 'content-type': 'application/json', 'x-jiuzhu-client': 'readme-cookbook' }, body: JSON.stringify({ scenario: 'baseline-2006', settings: { standardUrban: 1.5 } }) });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { headline: { id: string; baseline: number; value: number }[] };
    for (const id of ['recipients', 'cost']) {
      const f = body.headline.find((h) => h.id === id)!;
      expect(f.value, id).toBeGreaterThan(f.baseline);
    }
  } finally {
    const ctrlC = process.rawListeners('SIGINT').filter((l) => !before.SIGINT.includes(l));
    for (const l of ctrlC) (l as (signal: string) => void)('SIGINT');
    expect(ctrlC, 'serve listens for Ctrl-C once').toHaveLength(1);
  }
  expect(await exited, stderr).toBe(0);
  // Stopped, it leaves no listener behind (it also listened for SIGTERM).
  expect(process.rawListeners('SIGINT')).toEqual(before.SIGINT);
  expect(process.rawListeners('SIGTERM')).toEqual(before.SIGTERM);
}

// ---- the tests -----------------------------------------------------------------------------------

describe("README's cookbook", () => {
  it('has ten questions, each with at least one command, each command with a check here', () => {
    expect(QUESTIONS.map((q) => q.n)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    for (const q of QUESTIONS) {
      expect(q.commands.length, `question ${q.n}`).toBeGreaterThan(0);
      for (const c of q.commands) {
        const args = c.replace(/^npx jiuzhu /, '');
        const n = CHECKS.filter((k) => k.match.test(args)).length + (args.startsWith('serve') ? 1 : 0);
        expect(n, `checks matching: ${c}`).toBe(1);
      }
    }
  });

  it('README.zh.md asks the same ten questions with the same commands (so this test covers them too)', () => {
    const zh = parseCookbook(readFileSync(join(ROOT, 'README.zh.md'), 'utf8'));
    expect(zh.map((q) => [q.n, q.commands])).toEqual(QUESTIONS.map((q) => [q.n, q.commands]));
  });

  it('`npx jiuzhu` runs main() as these tests do: package.json names the build of src/cli/main.ts, a node script', () => {
    // tsconfig.build.json compiles src/ into dist/; main.ts passes the arguments after the script
    // to main() and its return value out as the exit code.
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> };
    expect(pkg.bin).toEqual({ jiuzhu: 'dist/cli/main.js' });
    const bin = readFileSync(join(ROOT, 'src/cli/main.ts'), 'utf8');
    expect(bin.split('\n')[0]).toBe('#!/usr/bin/env node');
    expect(bin).toContain('process.exitCode = await main(process.argv.slice(2));');
  });

  for (const q of QUESTIONS) {
    for (const command of q.commands) {
      it(`${q.n}. ${command}`, async () => {
        const args = adapt(command);
        if (args[0] === 'serve') return checkServe(args);
        const r = await cli(args);
        expect(r.status, r.stderr).toBe(0);
        const check = CHECKS.find((k) => k.match.test(command.replace(/^npx jiuzhu /, '')))!;
        await check.check(r, args);
      }, 60_000);
    }
  }
});
