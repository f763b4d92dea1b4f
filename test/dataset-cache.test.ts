/**
 * The on-disk cache of generated datasets (src/data/dataset-cache.ts, issue #25 item 6): a
 * second load reads the entry instead of generating, and gives the very columns generation
 * gave; an entry that is torn or altered is ignored and rebuilt; another spec is another entry.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cachedGeneratedDataset, datasetCacheKey } from '../src/data/dataset-cache.js';
import type { Dataset } from '../src/data/dataset.js';
import { generateDataset, populationHash, type GenerateSpec } from '../src/data/generated.js';
import { createPopulation } from '../src/engine/population.js';

const dir = mkdtempSync(join(tmpdir(), 'jiuzhu-cache-test-'));
const previous = process.env.JIUZHU_CACHE_DIR;
beforeAll(() => {
  process.env.JIUZHU_CACHE_DIR = dir;
});
afterAll(() => {
  if (previous === undefined) delete process.env.JIUZHU_CACHE_DIR;
  else process.env.JIUZHU_CACHE_DIR = previous;
  rmSync(dir, { recursive: true, force: true });
});

const spec: GenerateSpec = { year: 2006, households: 400, seed: 5 };

/** Loads through the cache and counts how often the generator ran. */
function load(s: GenerateSpec, name = 'cache-test'): { dataset: Dataset; built: number } {
  let built = 0;
  const dataset = cachedGeneratedDataset(s, name, () => {
    built++;
    return generateDataset(s, name).dataset;
  });
  return { dataset, built };
}

/** Every column of a population, with its array type, in order. */
function columns(d: Dataset): [string, string, number[]][] {
  const p = d.population;
  const all: [string, ArrayLike<number>][] = [['householdId', p.householdId], ['personId', p.personId], ['personHousehold', p.personHousehold], ['householdStart', p.householdStart], ['weight', p.weight], ...Object.entries(p.household).map(([k, c]) => [`h.${k}`, c] as [string, ArrayLike<number>]), ...Object.entries(p.person).map(([k, c]) => [`p.${k}`, c] as [string, ArrayLike<number>])];
  return all.map(([k, c]) => [k, c.constructor.name, Array.from(c)]);
}

describe('the generated-dataset cache', () => {
  it('generates once, then reads the same columns (types and order included) and the same sha256', () => {
    const first = load(spec);
    expect(first.built).toBe(1);
    expect(readdirSync(dir).filter((f) => f.endsWith('.bin'))).toHaveLength(1);
    const second = load(spec);
    expect(second.built).toBe(0);
    expect(columns(second.dataset)).toEqual(columns(generateDataset(spec, 'cache-test').dataset));
    expect(second.dataset.meta.sha256).toBe(first.dataset.meta.sha256);
    expect(populationHash(second.dataset.population)).toBe(first.dataset.meta.sha256);
    expect(readdirSync(dir).some((f) => f.endsWith('.tmp'))).toBe(false);
  });

  it('ignores a torn or altered entry and rebuilds it', () => {
    load(spec);
    const file = join(dir, readdirSync(dir).find((f) => f.endsWith('.bin'))!);
    const whole = readFileSync(file);
    writeFileSync(file, whole.subarray(0, whole.length - 100));
    const torn = load(spec);
    expect(torn.built).toBe(1);
    expect(torn.dataset.meta.sha256).toBe(generateDataset(spec, 'cache-test').dataset.meta.sha256);
    // The rebuilt entry is whole again and read without generating.
    expect(readFileSync(file).length).toBe(whole.length);
    expect(load(spec).built).toBe(0);
    // One byte of the first column (household ids, after the 8-byte magic, the 4-byte header
    // length and the header) changed: the population no longer hashes to its sha256.
    const altered = Buffer.from(whole);
    const first = 12 + whole.readUInt32LE(8);
    altered[first + 3] = altered[first + 3]! ^ 0xff;
    writeFileSync(file, altered);
    expect(load(spec).built).toBe(1);
    writeFileSync(file, 'not a cache entry');
    expect(load(spec).built).toBe(1);
  });

  it('keys entries by the spec and name: another seed is another entry', () => {
    expect(datasetCacheKey(spec, 'a')).not.toBe(datasetCacheKey({ ...spec, seed: 6 }, 'a'));
    expect(datasetCacheKey(spec, 'a')).not.toBe(datasetCacheKey(spec, 'b'));
    expect(datasetCacheKey(spec, 'a')).toBe(datasetCacheKey(spec, 'a'));
    const other = load({ ...spec, seed: 6 });
    expect(other.built).toBe(1);
    expect(other.dataset.meta.sha256).not.toBe(load(spec).dataset.meta.sha256);
  });

  it('keeps the six newest entries and removes older ones', () => {
    for (let seed = 10; seed < 16; seed++) load({ ...spec, households: 50, seed });
    const names = readdirSync(dir).filter((f) => f.endsWith('.bin'));
    expect(names).toHaveLength(6);
    // The newest (seed 15) is among them, read without generating.
    expect(load({ ...spec, households: 50, seed: 15 }).built).toBe(0);
  });
});

describe('createPopulation without a sort when persons are grouped already', () => {
  it('gives the same population as from shuffled persons', () => {
    // Households 10, 20, 30 with 2, 1, 3 members; grouped input vs. the same persons shuffled.
    const grouped = createPopulation({ households: { id: [10, 20, 30] }, persons: { id: [1, 2, 3, 4, 5, 6], household: [10, 10, 20, 30, 30, 30], columns: { age: new Int16Array([40, 38, 70, 30, 5, 3]) } } });
    const shuffled = createPopulation({ households: { id: [10, 20, 30] }, persons: { id: [4, 1, 3, 5, 2, 6], household: [30, 10, 20, 30, 10, 30], columns: { age: new Int16Array([30, 40, 70, 5, 38, 3]) } } });
    for (const pop of [grouped, shuffled]) {
      expect(Array.from(pop.personHousehold)).toEqual([0, 0, 1, 2, 2, 2]);
      expect(Array.from(pop.householdStart)).toEqual([0, 2, 3, 6]);
      expect(Array.from(pop.personId)).toEqual([1, 2, 3, 4, 5, 6]);
      expect(Array.from(pop.person.age!)).toEqual([40, 38, 70, 30, 5, 3]);
    }
  });
});
