/** `jiuzhu generate`: deterministic files in every format, and a streamed chunked full count. */
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openChunkedDataset } from '../src/data/chunked.js';
import { loadDataset } from '../src/data/dataset.js';
import { generateDataset, populationHash } from '../src/data/generated.js';
import { cli } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'jiuzhu-generate-'));

describe('jiuzhu generate', () => {
  for (const ext of ['csv', 'arrow', 'parquet']) {
    it(`the same seed gives byte-identical .${ext} files; another seed does not`, async () => {
      const a = join(dir, `a.${ext}`), b = join(dir, `b.${ext}`), c = join(dir, `c.${ext}`);
      for (const [f, seed] of [[a, '5'], [b, '5'], [c, '6']] as const) expect((await cli(['generate', '--households', '3000', '--seed', seed, '--out', f])).status).toBe(0);
      expect(readFileSync(a).equals(readFileSync(b))).toBe(true);
      expect(readFileSync(a).equals(readFileSync(c))).toBe(false);
    });
  }
  it('a written file loads back to the same population that was generated', async () => {
    const { dataset } = generateDataset({ year: 2006, households: 3000, seed: 5 });
    const back = await loadDataset(join(dir, 'a.arrow'));
    expect(back.population.nPersons).toBe(dataset.population.nPersons);
    expect(Array.from(back.population.personId)).toEqual(Array.from(dataset.population.personId));
    expect(populationHash(back.population)).toBe(populationHash(dataset.population));
  });
  it('--full streams prefecture chunks with a manifest; the run over them works', async () => {
    const out = join(dir, 'full');
    const r = await cli(['generate', '--full', '--households', '20000', '--chunk-households', '2000', '--seed', '3', '--out', out]);
    expect(r.status).toBe(0);
    const m = openChunkedDataset(out).manifest;
    expect(m.households).toBe(20000);
    expect(new Set(m.chunks.map((c) => c.prefecture)).size).toBe(9); // one or more chunks per prefecture
    expect(m.chunks.every((c) => c.households <= 2000)).toBe(true);
    expect(readdirSync(out).filter((f) => f.endsWith('.arrow'))).toHaveLength(m.chunks.length);
    const run = await cli(['run', 'scenarios/baseline-2006.yaml', '--data', out, '--period', '2006-01:2006-01', '--json', '--no-timestamp']);
    expect(run.status).toBe(0);
    // Design weights: every household stands for 8,806,626 / 20,000 households; persons sum to the 2006 total.
    expect(JSON.parse(run.stdout).scenarios[0].summary.population / 27_230_000).toBeCloseTo(1, 2);
  });
  it('rejects a year without targets, as a usage error', async () => {
    const r = await cli(['generate', '--year', '2010', '--out', join(dir, 'x.csv')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/only 2006 has calibration targets/);
  });
});
