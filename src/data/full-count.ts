/** The full-count province, streamed prefecture by prefecture into a chunked dataset (jiuzhu generate --full). */
import type { Population } from '../engine/population.js';
import { writeChunkedDataset, type ChunkInfo, type Manifest } from './chunked.js';
import { generateHouseholds, prefectureRanges, targetHouseholds, targetsForYear, toPopulation } from './generate/index.js';

/** Households of the whole province (the full count) in a year. */
export function fullCountHouseholds(year: 2006): number {
  return Math.round(targetHouseholds(targetsForYear(year)));
}

/**
 * Streams the full-count province into a chunked dataset: one or more chunks per prefecture
 * of at most `chunkHouseholds` households, each generated, written and dropped in turn.
 * Every household stands for itself (weight = target households ÷ generated households ≈ 1);
 * a full count is not raked.
 */
export async function writeFullCount(dir: string, options: { year: 2006; seed: number; chunkHouseholds?: number; households?: number; onChunk?: (c: ChunkInfo, i: number, total: number) => void }): Promise<Manifest> {
  const total = options.households ?? fullCountHouseholds(options.year);
  const size = options.chunkHouseholds ?? 500_000;
  const ranges: { start: number; end: number; code: number }[] = [];
  for (const r of prefectureRanges(total, options.year)) {
    for (let s = r.start; s < r.end; s += size) ranges.push({ start: s, end: Math.min(r.end, s + size), code: r.code });
  }
  function* chunks(): Generator<{ population: Population; prefecture: number }> {
    for (const r of ranges) {
      const g = generateHouseholds({ year: options.year, totalHouseholds: total, seed: options.seed, range: [r.start, r.end] });
      yield { population: toPopulation(g), prefecture: r.code };
    }
  }
  return writeChunkedDataset(dir, { name: `jilin-${options.year}-full`, description: `synthetic Jilin ${options.year} full count, seed ${options.seed}` }, chunks(), (c, i) => options.onChunk?.(c, i, ranges.length));
}
