/** Chunked datasets: a run over the chunks gives the bytes of the run over the dataset in memory (the same plan: execution/plan.ts). */
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openChunkedDataset, slicePopulation, writeChunkedDataset } from '../src/data/chunked.js';
import { flatPopulation, loadDataset, uniqueIds } from '../src/data/dataset.js';
import { identityCodebook } from '../src/data/codebook.js';
import type { RawTable } from '../src/data/formats/raw-table.js';
import type { Column } from '../src/engine/column.js';
import { casePopulation } from './case-population.js';
import { flatColumns, writePopulation } from '../src/data/write.js';
import { PREFECTURE_CODES } from '../src/engine/locality.js';
import { createPopulation, type Population } from '../src/engine/population.js';
import { keyedUniform } from '../src/engine/random.js';
import { loadScenario } from '../src/scenarios/input/load.js';
import { type Result } from '../src/scenarios/results/result.js';
import { compareScenarios } from '../src/scenarios/studies/compare.js';
import { ROOT } from './helpers.js';

/** 3000 seeded households: every prefecture, urban and rural, sizes 1–5, incomes around the standards, integer weights. */
function testPopulation(): Population {
  const nH = 3000;
  const hid: number[] = [], pref: number[] = [], urban: number[] = [], weight: number[] = [];
  const pid: number[] = [], phh: number[] = [], age: number[] = [], earnings: number[] = [], pension: number[] = [], disability: number[] = [];
  for (let h = 0; h < nH; h++) {
    hid.push(h + 1);
    pref.push(PREFECTURE_CODES[Math.floor(keyedUniform(9, h, 0, 1) * 9)]!);
    urban.push(keyedUniform(9, h, 0, 2) < 0.55 ? 1 : 0);
    weight.push(1 + Math.floor(keyedUniform(9, h, 0, 3) * 5));
    const size = 1 + Math.floor(keyedUniform(9, h, 0, 4) * 5);
    for (let k = 0; k < size; k++) {
      pid.push((h + 1) * 1000 + k + 1);
      phh.push(h + 1);
      const a = Math.floor(keyedUniform(9, h, k, 5) * 85);
      age.push(a);
      earnings.push(a >= 18 && a < 60 ? Math.round(keyedUniform(9, h, k, 6) * 40000) / 100 : 0);
      pension.push(a >= 60 ? Math.round(keyedUniform(9, h, k, 7) * 30000) / 100 : 0);
      disability.push(keyedUniform(9, h, k, 8) < 0.05 ? 2 : 0);
    }
  }
  return createPopulation({
    households: { id: hid, weight, columns: { prefecture: Int32Array.from(pref), urban: Uint8Array.from(urban), single_parent: new Uint8Array(nH) } },
    persons: {
      id: pid, household: phh,
      columns: {
        age: Int16Array.from(age), earnings: Float64Array.from(earnings), pension: Float64Array.from(pension),
        unemployment_benefit: new Float64Array(pid.length), farm_business: new Float64Array(pid.length), other_transfers: new Float64Array(pid.length),
        disability: Uint8Array.from(disability), illness: new Uint8Array(pid.length), orphan: new Uint8Array(pid.length),
      },
    },
  });
}

describe('chunked datasets', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jiuzhu-chunked-'));
  // The plan reads a chunked dataset into the slices it makes of the same population in memory
  // (here, 3,000 households: one slice), so the rationing rules (public-welfare posts, §六.1; the
  // dibao quota when below 1) see whole cells either way. Scenarios with and without posts.
  const noPosts = { path: 'employment.posts.area_weight', set: 0 };
  const withPosts = [loadScenario(join(ROOT, 'scenarios/baseline-2006.yaml')), loadScenario(join(ROOT, 'scenarios/raise-standard-10pct.yaml'))];
  const scenarios = withPosts.map((s) => ({ ...s, overrides: [...s.overrides, noPosts] }));
  let onePass: Result;
  let chunked: Result;
  let onePassPosts: Result;
  let chunkedPosts: Result;
  beforeAll(async () => {
    const pop = testPopulation();
    await writePopulation(join(dir, 'whole.arrow'), pop);
    const bounds = [0, 700, 1500, 2200, 3000];
    await writeChunkedDataset(join(dir, 'chunks'), { name: 'test-chunks' }, bounds.slice(1).map((end, i) => ({ population: slicePopulation(pop, bounds[i]!, end) })));
    onePass = await compareScenarios(scenarios, await loadDataset(join(dir, 'whole.arrow')), { timestamp: false, period: { from: '2006-01', to: '2006-03' } });
    chunked = await compareScenarios(scenarios, openChunkedDataset(join(dir, 'chunks')), { timestamp: false, period: { from: '2006-01', to: '2006-03' } });
    onePassPosts = await compareScenarios(withPosts.slice(0, 1), await loadDataset(join(dir, 'whole.arrow')), { timestamp: false, period: { from: '2006-01', to: '2006-03' } });
    chunkedPosts = await compareScenarios(withPosts.slice(0, 1), openChunkedDataset(join(dir, 'chunks')), { timestamp: false, period: { from: '2006-01', to: '2006-03' } });
  });
  it('with posts, chunks fill the posts the one-pass run fills (rationing sees whole cells, not chunks)', () => {
    // Before the one execution path a chunk rationed among its own households, and the posts
    // filled differed from the one-pass run; now the whole result is the same bytes.
    const a = onePassPosts.scenarios[0]!.programs!.employment!;
    const b = chunkedPosts.scenarios[0]!.programs!.employment!;
    expect(a.cost).toBeGreaterThan(0);
    expect(b.cost).toBe(a.cost);
    expect(JSON.stringify(chunkedPosts.scenarios)).toBe(JSON.stringify(onePassPosts.scenarios));
  });
  it('writes four chunks and a manifest, and nothing else', () => {
    expect(readdirSync(join(dir, 'chunks')).sort()).toEqual(['chunk-0000.arrow', 'chunk-0001.arrow', 'chunk-0002.arrow', 'chunk-0003.arrow', 'manifest.json']);
    expect(existsSync(join(dir, '.chunks.tmp'))).toBe(false);
    const m = openChunkedDataset(join(dir, 'chunks')).manifest;
    expect(m.households).toBe(3000);
    expect(m.chunks.map((c) => c.households)).toEqual([700, 800, 700, 800]);
  });
  it('has recipients on both sides of the standard (the comparison is not vacuous)', () => {
    expect(onePass.scenarios[0]!.summary.recipients).toBeGreaterThan(100);
    expect(onePass.scenarios[0]!.summary.coverage).toBeLessThan(0.9);
  });
  it('gives identical counts and fen totals, and identical weighted sums', () => {
    for (let i = 0; i < 2; i++) {
      const a = onePass.scenarios[i]!.summary;
      const b = chunked.scenarios[i]!.summary;
      // Weights are integers, so persons, households and fen totals are exact integers.
      for (const k of ['population', 'recipients', 'households', 'cost', 'costAnnual'] as const) expect(b[k], k).toBe(a[k]);
      for (const k of ['coverage', 'averageSubsidy'] as const) expect(b[k], k).toBe(a[k]);
      for (const area of ['urban', 'rural'] as const) for (const k of ['averageStandard', 'subsidyToStandard'] as const) expect(b.byArea![area]![k], `${area} ${k}`).toBe(a.byArea![area]![k]);
      for (const code of PREFECTURE_CODES.map(String)) expect(b.byPrefecture![code]!.cost).toBe(a.byPrefecture![code]!.cost);
    }
  });
  it('runs through the CLI with --data', async () => {
    const { cli } = await import('./helpers.js');
    const r = await cli(['run', 'scenarios/baseline-2006.yaml', '--data', join(dir, 'chunks'), '--period', '2006-01:2006-03', '--json', '--no-timestamp']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).scenarios[0].summary.cost).toBe(chunkedPosts.scenarios[0]!.summary.cost);
  });
});

describe('a chunk tagged with a prefecture', () => {
  // A dataset of 30,000 households or more is read prefecture by prefecture, each from the chunks
  // tagged with it (execution/plan.ts): a tag no prefecture has, or a household of another
  // prefecture in a tagged chunk, would silently leave households out of every slice. Both are
  // bad input: one located line, exit 3 (kind 'input').
  const dir = mkdtempSync(join(tmpdir(), 'jiuzhu-chunk-tags-'));
  const pop = testPopulation();
  const first = pop.household.prefecture![0]!; // household id 1's prefecture
  const tagged = async (name: string, tag: number): Promise<string> => {
    const out = join(dir, name);
    await writeChunkedDataset(out, { name }, [{ population: slicePopulation(pop, 0, 1), prefecture: tag }]);
    return out;
  };
  it('a tag that is not a Jilin prefecture code is refused when the manifest is opened', async () => {
    const out = await tagged('unknown', 229900);
    let err: unknown;
    try { openChunkedDataset(out); } catch (e) { err = e; }
    expect(err).toMatchObject({ code: 'BAD_MANIFEST', kind: 'input', location: { file: join(out, 'manifest.json'), key: 'chunks.0.prefecture' } });
    expect((err as Error).message).toContain('229900');
  });
  it('a household of another prefecture in a tagged chunk is refused when the chunk is read, located by its id', async () => {
    const other = PREFECTURE_CODES.find((c) => c !== first)!;
    const out = await tagged('mismatch', other);
    const ds = openChunkedDataset(out);
    await expect(ds.loadChunk(0)).rejects.toMatchObject({ code: 'BAD_CHUNK', kind: 'input', location: { column: 'prefecture', key: 'household_id 1' } });
    // The same household under its own tag reads.
    expect((await openChunkedDataset(await tagged('match', first)).loadChunk(0)).nHouseholds).toBe(1);
  });
});

describe('reading a chunk: whether its person ids are unique (uniqueIds)', () => {
  // The answer decides the persons' internal ids (the file's own, or household id × 100 + member
  // index), so it must be the answer a Set gives, which compares with SameValueZero.
  it('increasing ids are unique; a repeat anywhere, out of order, is found', () => {
    expect(uniqueIds([])).toBe(true);
    expect(uniqueIds([7])).toBe(true);
    expect(uniqueIds(Float64Array.from([100, 101, 200, 201, 202]))).toBe(true);
    expect(uniqueIds([5, 3, 9, 1])).toBe(true); // not in order, no repeat
    expect(uniqueIds([5, 3, 9, 3])).toBe(false);
    expect(uniqueIds([1, 2, 3, 1])).toBe(false); // increasing until the last
    expect(uniqueIds([1, 1])).toBe(false);
  });
  it('as a Set compares: −0 equals 0, and NaN equals NaN', () => {
    expect(uniqueIds([0, 5, -0])).toBe(false);
    expect(uniqueIds([NaN, 1, NaN])).toBe(false);
    expect(uniqueIds([NaN, 1, 2])).toBe(true);
    // The same answers as a Set, on 2,000 random small ids (repeats likely) and their first 40 (few).
    const ids = Array.from({ length: 2000 }, (_, i) => Math.floor(keyedUniform(3, i, 0, 0) * 50_000));
    for (const xs of [ids, ids.slice(0, 40)]) expect(uniqueIds(xs)).toBe(new Set(xs).size === xs.length);
  });
});

describe('a chunk’s columns are read without a second copy, and never shared (W2, session 8)', () => {
  // Two households in one Arrow-like table whose columns are views into one buffer, as an Arrow
  // chunk's are: h1 (urban, 2 persons aged 30 and 5, earnings 800 and 0), h2 (rural, 1 person aged 70, earnings 0).
  const pop = casePopulation([
    { household: { prefecture: 220100, urban: 1 }, persons: [{ age: 30, earnings: 800 }, { age: 5 }] },
    { household: { prefecture: 220800, urban: 0 }, persons: [{ age: 70 }] },
  ], 'adopt');
  const flat = flatColumns(pop);
  const buffer = new ArrayBuffer(Object.values(flat).reduce((a, c) => a + Math.ceil(c.byteLength / 8) * 8, 0));
  const views: Record<string, Column> = {};
  let at = 0;
  for (const [name, c] of Object.entries(flat)) {
    const v = new (c.constructor as new (b: ArrayBuffer, o: number, n: number) => Column)(buffer, at, c.length);
    v.set(c);
    views[name] = v;
    at += Math.ceil(c.byteLength / 8) * 8;
  }
  const table: RawTable = { file: 'adopt.arrow', format: 'arrow', nRows: 3, names: Object.keys(views), column: (n) => views[n]!, location: (r) => ({ row: r + 1 }) };
  it('read to be copied (adoptRaw), a person column of the right type is the raw column itself; household columns are each household’s first row', () => {
    const read = flatPopulation(table, identityCodebook(), [], { adoptRaw: true });
    expect(read.person.age).toBe(views.age);
    expect([...read.person.age!]).toEqual([30, 5, 70]);
    expect([...read.household.urban!]).toEqual([1, 0]);
    expect([...read.household.prefecture!]).toEqual([220100, 220800]);
  });
  it('a population that is kept holds copies, not views into the file', () => {
    const read = flatPopulation(table, identityCodebook(), []);
    expect(read.person.age).not.toBe(views.age);
    expect(read.person.age!.buffer).not.toBe(buffer);
    expect([...read.person.age!]).toEqual([30, 5, 70]);
  });
  it('a raw column mapped to two columns becomes two arrays of their own', () => {
    // pension read from the earnings column as well: 800, 0, 0 in both, and neither is the raw column.
    const book = identityCodebook();
    book.columns.pension = { from: 'earnings' };
    const read = flatPopulation(table, book, [], { adoptRaw: true });
    expect([...read.person.pension!]).toEqual([800, 0, 0]);
    expect([...read.person.earnings!]).toEqual([800, 0, 0]);
    expect(read.person.pension).not.toBe(views.earnings);
    expect(read.person.earnings).not.toBe(views.earnings);
    expect(read.person.pension!.buffer).not.toBe(read.person.earnings!.buffer);
  });
});
