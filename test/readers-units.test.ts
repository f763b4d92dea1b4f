/**
 * Units for the people who read the numbers (issue 24): one module decides 万元/亿元 and
 * million/billion yuan; the CLI tables state the unit once and print money in it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CliIo } from '../src/cli/io.js';
import { compareCommand } from '../src/cli/compare.js';
import { generateDataset } from '../src/data/generated.js';
import { writePopulation } from '../src/data/write.js';
import { fmtMoneyIn, fmtMoneyWithUnit, fmtPersons, fmtPoints, moneyUnit, moneyUnitOf, unitLine } from '../src/text/units.js';

describe('moneyUnit', () => {
  // 1e9 yuan = 10亿元 = 1 billion yuan is where a table switches to the larger unit (LARGE_MONEY).
  it('chooses 万元 / 亿元 in Chinese and million / billion yuan in English by magnitude', () => {
    expect(moneyUnit(704_357_887.08, 'zh').zh).toBe('万元');
    expect(moneyUnit(1_200_000_000, 'zh').zh).toBe('亿元');
    expect(moneyUnit(704_357_887.08, 'en').en).toBe('million yuan');
    expect(moneyUnit(-1_200_000_000, 'en').en).toBe('billion yuan');
    expect(moneyUnitOf([1, null, Number.NaN, -2e9], 'zh').zh).toBe('亿元');
  });
  it('formats exact yuan in the unit, by hand', () => {
    // 58,696,490.59 yuan ÷ 10,000 = 5,869.649059 万元 → 5,869.65
    expect(fmtMoneyIn(58_696_490.59, moneyUnit(0, 'zh'))).toBe('5,869.65');
    // 704,357,887.08 ÷ 1e6 = 704.357887… million → 704.36
    expect(fmtMoneyWithUnit(704_357_887.08, 'en')).toBe('704.36 million yuan');
    // 1.2345e9 ÷ 1e8 = 12.345 亿元 → 12.35 (toLocaleString rounds half away from zero on this value)
    expect(fmtMoneyWithUnit(1.2346e9, 'zh')).toBe('12.35亿元');
    expect(fmtMoneyIn(-40, moneyUnit(0, 'zh'))).toBe('0.00'); // −0.004 万元 rounds to zero: no minus sign
    expect(fmtMoneyWithUnit(3_601.44, 'en')).toBe('3,601.44 yuan'); // 0.0036 million would read 0.00: given in yuan
    expect(unitLine(moneyUnit(0, 'zh'), 'zh')).toBe('单位：万元');
    expect(unitLine(moneyUnit(0, 'en'), 'en')).toBe('Unit: million yuan');
  });
  it('prints persons whole and share changes in 个百分点 / pp', () => {
    expect(fmtPersons(27_230_000.93)).toBe('27,230,001');
    expect(fmtPersons(-0.4)).toBe('0');
    expect(fmtPoints(0.0525 - 0.0445, 'zh')).toBe('+0.80个百分点');
    expect(fmtPoints(-0.005, 'en')).toBe('−0.50 pp');
  });
});

/** Runs `jiuzhu compare …` in this process and returns what it printed on stdout. */
async function compareOut(files: string[], opts: Record<string, unknown>): Promise<string> {
  let out = '';
  const io: CliIo = { stdout: { write: (s: string) => { out += s; } }, stderr: { write: () => true }, cwd: process.cwd(), env: process.env };
  await compareCommand(files, opts, io);
  return out;
}

describe('jiuzhu compare --lang zh', () => {
  afterEach(() => vi.restoreAllMocks());
  const files = ['scenarios/baseline-2006.yaml', 'scenarios/raise-standard-10pct.yaml'];
  // A generated 2,000-household Jilin (`jiuzhu generate --households 2000`), weighted to the whole
  // province like the 100,000-household default, so its money is of the same magnitude and picks
  // the same units; named jilin-2000, so the dataset name printed is an allowed word as the
  // default's jilin-2006 is. The tables are the same code for any dataset (and any period: one
  // month keeps it quick), at a fiftieth of the simulation.
  const dir = mkdtempSync(join(tmpdir(), 'jiuzhu-readers-units-'));
  const data = join(dir, 'jilin-2000.arrow');
  beforeAll(async () => {
    await writePopulation(data, generateDataset({ year: 2006, households: 2000, seed: 7 }).dataset.population);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints money in 万元 or 亿元, consistent with the exact fen of --json, and no English word', async () => {
    const opts = { period: '2006-01:2006-01', timestamp: false, data };
    const zh = await compareOut(files, { ...opts, lang: 'zh' });
    const json = JSON.parse(await compareOut(files, { ...opts, json: true })) as { scenarios: { summary: { cost: number; costAnnual: number } }[] };

    // Every money table states its unit once, above it.
    const unitLines = zh.split('\n').filter((l) => l.startsWith('单位：'));
    expect(unitLines.length).toBe(3); // the summary, programs and who-pays tables
    for (const l of unitLines) expect(l).toMatch(/^单位：(万元|亿元)$/);
    expect(zh).not.toMatch(/（期内，元）|（年化，元）|\bpp\b/);

    // The period cost row reads the JSON's exact yuan divided by the unit, to two decimals.
    const unit = unitLines[0] === '单位：亿元' ? 1e8 : 1e4;
    const costRow = zh.split('\n').find((l) => l.startsWith('支出（期内）'))!;
    const shown = (y: number): string => (y / unit).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    expect(costRow).toContain(shown(json.scenarios[0]!.summary.cost));
    expect(costRow).toContain(shown(json.scenarios[1]!.summary.cost));
    expect(zh).toMatch(/个百分点/);

    // No English word outside the whitelist: the scenario and dataset names (identifiers the user
    // chose), and the number of the opinion is in Chinese already.
    const whitelist = new Set(['baseline', 'raise', 'standard', 'pct', 'jilin']);
    const words = [...zh.matchAll(/[A-Za-z]{2,}/g)].map((m) => m[0]).filter((w) => !whitelist.has(w));
    expect(words).toEqual([]);
    // Persons are whole numbers: the population row's two scenario cells and its change hold no decimal point.
    const population = zh.split('\n').find((l) => l.startsWith('人口'))!.split(/\s{2,}/);
    for (const c of population.slice(1, 4)) expect(c).toMatch(/^[+−]?[\d,]+$/);
    // Check lines are folded to at most 120 columns.
    const { displayWidth } = await import('../src/text/format.js');
    for (const l of zh.split('\n').filter((x) => /^ {2}[✓✗]| {4}/.test(x))) expect(displayWidth(l)).toBeLessThanOrEqual(120);
  }, 120_000);
});

describe('the explorer page', () => {
  it('uses the same money rule as the tables', async () => {
    const { runInNewContext } = await import('node:vm');
    const { MONEY_SCRIPT } = await import('../src/serve/page.js');
    const unitIn = (lang: 'zh' | 'en', v: number): unknown => runInNewContext(`${MONEY_SCRIPT}; moneyUnit(${v})`, { state: { lang } });
    for (const [lang, v] of [['zh', 7e8], ['zh', 2e9], ['en', 7e8], ['en', -2e9]] as const) {
      expect(unitIn(lang, v)).toMatchObject({ zh: moneyUnit(v, lang).zh, yuan: moneyUnit(v, lang).yuan });
    }
  });
});

describe('notebook tables', () => {
  it('show money columns in the reader’s unit, named in the header', async () => {
    const { tableText, tableHtml } = await import('../src/notebook/display.js');
    const rows = [{ program: 'dibao', cost: 58_696_490.59, recipients: 1_210_808 }, { program: 'medical', cost: 5_567_027.05, recipients: 1_719_464 }];
    const text = tableText(rows, { money: ['cost'], lang: 'zh' });
    // Largest 58,696,490.59 < 1e9 → 万元; 58,696,490.59 ÷ 1e4 = 5,869.65 and 5,567,027.05 ÷ 1e4 = 556.70.
    expect(text.split('\n')[0]).toMatch(/^program\s+cost（万元）\s+recipients$/);
    expect(text).toContain('5,869.65');
    expect(text).toContain('556.70');
    expect(text).toContain('1,210,808');
    expect(tableHtml(rows, { money: ['cost'], lang: 'en' })).toContain('<th>cost (million yuan)</th>');
  });
});

describe('notebook charts', () => {
  it('display.chart sends one rich output — SVG with a PNG fallback — and returns nothing to print', async () => {
    const { createRequire } = await import('node:module');
    const { display } = await import('../src/notebook/display.js');
    // Stand in for tslab's kernel channel (the one display messages go out on in a notebook).
    const jupyter = createRequire(import.meta.url)('tslab/dist/jupyter.js') as { lastWriteDisplayData: unknown };
    const sent: { data: Record<string, string> }[] = [];
    jupyter.lastWriteDisplayData = (m: { data: Record<string, string> }) => sent.push(m);
    try {
      const spec = { data: { values: [{ a: 'x', b: 1 }, { a: 'y', b: 2 }] }, mark: 'bar', encoding: { x: { field: 'a', type: 'nominal' }, y: { field: 'b', type: 'quantitative' } } } as const;
      const returned = await display.chart(spec as never);
      expect(returned).toBeUndefined();
      expect(sent).toHaveLength(1);
      const data = sent[0]!.data;
      expect(Object.keys(data).sort()).toEqual(['image/png', 'image/svg+xml', 'text/plain']);
      expect(data['image/svg+xml']).toMatch(/^<svg\b[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
      // PNG magic number: 89 50 4E 47.
      expect(Buffer.from(data['image/png']!, 'base64').subarray(0, 4).toString('hex')).toBe('89504e47');
    } finally {
      jupyter.lastWriteDisplayData = null;
    }
  }, 60_000);
});
