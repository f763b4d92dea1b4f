/**
 * `jiuzhu explain` answers "why" in a summary (issue 24): the deciding comparisons first, at most
 * 30 lines of at most 120 columns, --full for the whole tree; `jiuzhu households` finds examples.
 * Expected values come from the hand-worked fixture (test/fixture-dibao.test.ts header table).
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { explainCommand } from '../src/cli/explain.js';
import { receivingHouseholds } from '../src/cli/households.js';
import { displayWidth } from '../src/text/format.js';
import { loadDataset, resolveDatasetPath } from '../src/data/dataset.js';
import { findPrefecture } from '../src/text/prefectures.js';
import { loadScenario } from '../src/scenarios/input/load.js';
import type { CliIo } from '../src/cli/io.js';
import { ROOT } from './helpers.js';

/** What a command prints on stdout, run in-process with the CLI's io. */
async function stdoutOf(f: (io: CliIo) => Promise<unknown>): Promise<string> {
  let out = '';
  await f({ stdout: { write: (s: string) => { out += s; } }, stderr: { write: () => true }, cwd: process.cwd(), env: process.env });
  return out;
}
afterEach(() => vi.restoreAllMocks());

const PERFECT = 'test/scenarios/perfect-baseline.yaml';
const FIXTURE = { data: 'datasets/fixture-dibao' };

describe('explain summary on the hand-worked fixture', () => {
  it('household 6: per-capita income 141 equals the Tonghua urban standard 141, so not eligible (not strictly below)', async () => {
    const out = await stdoutOf((io) => explainCommand(PERFECT, { household: '6', month: '2006-01', ...FIXTURE }, io));
    const lines = out.trimEnd().split('\n');
    expect(lines.length).toBeLessThanOrEqual(30);
    const deciding = lines.indexOf('Deciding comparisons:');
    expect(deciding).toBeGreaterThan(0);
    expect(lines.slice(deciding + 1).join('\n')).toMatch(/Assessed per-capita income 141 = Dibao standard 141 CNY\/person\/month → Assessed eligible: no/);
    expect(lines[2]).toMatch(/^● dibao_benefit \(Dibao paid\) = 0 /);
    expect(out).toMatch(/add --full/);
  });
  it('household 8: Songyuan rural income 600 / 3 = 200 > standard 67; in Chinese', async () => {
    const out = await stdoutOf((io) => explainCommand(PERFECT, { household: '8', month: '2006-01', lang: 'zh', ...FIXTURE }, io));
    expect(out).toMatch(/决定结果的比较：\n/);
    expect(out).toMatch(/核定人均收入 200 > 低保标准 67 元\/人\/月 → 核定符合低保条件：否/);
  });
  it('--full prints the whole tree, with every parameter’s reference', async () => {
    const out = await stdoutOf((io) => explainCommand(PERFECT, { household: '6', month: '2006-01', full: true, ...FIXTURE }, io));
    expect(out.split('\n').length).toBeGreaterThan(30);
    expect(out).toMatch(/Parameters used \(value, effective date, reference\):/);
  });
});

describe('explain scenarios/baseline-2006.yaml --household 3', () => {
  it('prints at most 30 lines of at most 120 columns and names the deciding comparison, with the tree’s own numbers', async () => {
    const file = join(ROOT, 'scenarios/baseline-2006.yaml');
    const out = await stdoutOf((io) => explainCommand(file, { household: '3' }, io));
    const lines = out.trimEnd().split('\n');
    expect(lines.length).toBeLessThanOrEqual(30);
    for (const l of lines) expect(displayWidth(l), l).toBeLessThanOrEqual(120);
    // The numbers are the default dataset's (they move with recalibration): read them from the JSON tree.
    type Node = { id: string; value: number | number[]; inputs: Node[] };
    const { tree } = JSON.parse(await stdoutOf((io) => explainCommand(file, { household: '3', json: true }, io))) as { tree: Node };
    const find = (n: Node, id: string): Node | undefined => (n.id === id ? n : n.inputs.map((c) => find(c, id)).find(Boolean));
    const income = find(tree, 'dibao_assessed_income')!.value as number;
    const standard = find(tree, 'dibao_standard')!.value as number;
    const eligible = find(tree, 'dibao_assessed_eligible')!.value as number;
    const r = (x: number): string => String(Math.round(x * 100) / 100);
    const rel = income > standard ? '>' : income < standard ? '<' : '=';
    expect(out).toContain(`Assessed per-capita income ${r(income)} ${rel} Dibao standard ${r(standard)} CNY/person/month → Assessed eligible: ${eligible ? 'yes' : 'no'}`);
    // The deciding comparisons come before the parameters.
    expect(out.indexOf('Deciding comparisons:')).toBeLessThan(out.indexOf('Parameters read:'));
  }, 120_000);
});

describe('jiuzhu households --receiving', () => {
  it('lists the fixture’s dibao households: all but 6 (at the limit) and 8 (above it)', async () => {
    const scenario = loadScenario(join(ROOT, PERFECT));
    const dataset = await loadDataset(resolveDatasetPath('datasets/fixture-dibao'));
    const rows = receivingHouseholds(scenario, dataset, { program: 'dibao', month: '2006-01', limit: 10 });
    expect(rows.map((r) => r.id)).toEqual([1, 2, 3, 4, 5, 7, 9, 10]);
    // Household 3: gap 50 + elderly top-up 45 = 95 yuan (fixture table).
    expect(rows.find((r) => r.id === 3)!.benefit).toBeCloseTo(95, 2);
    expect(receivingHouseholds(scenario, dataset, { program: 'dibao', month: '2006-01', limit: 3 }).map((r) => r.id)).toEqual([1, 2, 3]);
    // Yanbian by its Chinese short name: household 10 only.
    expect(receivingHouseholds(scenario, dataset, { program: 'dibao', month: '2006-01', limit: 10, prefecture: findPrefecture('延边')!.code }).map((r) => r.id)).toEqual([10]);
  });
});

describe('explain --full: scenario overrides in the reader’s language', () => {
  // test/scenarios/overrides-zh.yaml on the hand-worked fixture, household 6 (Tonghua urban, standard 141:
  // test/fixture-dibao.test.ts header table). Its overrides: dibao.classified.rate × 1.5 (the tree's
  // 0.3 / 0.5, src/programs/dibao/parameters/classified.yaml → 0.45 / 0.75), dibao.standard + 10 in
  // Tonghua urban for 2006 (141 + 10 = 151), and the perfect-baseline's and baseline-2006's sets.
  const file = 'test/scenarios/overrides-zh.yaml';
  const opts = { household: '6', month: '2006-01', full: true, ...FIXTURE };
  it('zh words every override in Chinese: how, where and when, the scenario entry and its assumption', async () => {
    const out = await stdoutOf((io) => explainCommand(file, { ...opts, lang: 'zh' }, io));
    expect(out).toContain('◆ dibao.standard (城乡低保标准) = 151 元/人/月, 自 2006-01-01');
    // …and the household's gap benefit: 151 − its per-capita income 141 = 10 a month, one member.
    expect(out).toContain('● dibao_benefit (低保金) = 10 元/户/月');
    expect(out).toContain('情景调整: overrides-zh：加 10，限 通化；城镇，2006-01-01 至 2007-01-01 前');
    expect(out).toContain('情景调整: overrides-zh：乘以 1.5');
    // 0.3 × 1.5 is 0.44999999999999996 in binary floating point: shown as the reader reckons it.
    expect(out).toContain('dibao.classified.rate (分类施保比例) = {elderly: 0.45, severely_disabled: 0.75, seriously_ill: 0.75, minor_vulnerable: 0.45}');
    // baseline-2006.yaml sets the rural roll-out share 0.375 until 2007-11 (shown whole, not 0.38); perfect-baseline then 1.
    expect(out).toContain('情景调整: baseline-2006：设为 0.375，2006-01-01 至 2007-11-01 前；perfect-baseline：设为 1');
    expect(out).toContain('overrides-zh behaviour.takeUp.byArea.urban（假设：perfect implementation, for hand-worked tests）：设为 1，限 城镇');
    for (const line of out.split('\n').filter((l) => l.includes('情景调整'))) expect(line).not.toMatch(/\b(set|scale|add|until|where|assumption)\b/);
  });
  it('en keeps the English text of record', async () => {
    const out = await stdoutOf((io) => explainCommand(file, { ...opts, lang: 'en' }, io));
    expect(out).toContain('overridden by: overrides-zh: add 10 from 2006-01-01 until 2007-01-01 where {"prefecture":220500,"area":"urban"}');
    expect(out).toContain('overridden by: overrides-zh: scale ×1.5');
    expect(out).toContain('= {elderly: 0.45, severely_disabled: 0.75, seriously_ill: 0.75, minor_vulnerable: 0.45}');
  });
});
