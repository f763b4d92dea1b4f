/**
 * Synthetic Jilin datasets: generated from datasets/jilin-<year>/targets.yaml, raked to its
 * margins, and either kept in memory (the embedded default), written to one file, or
 * streamed as a chunked full-count dataset with bounded memory.
 */
import { createHash } from 'node:crypto';
import type { Column } from '../engine/column.js';
import type { Population } from '../engine/population.js';
import { calibrate, type CalibrationReport } from './calibration.js';
import { writeChunkedDataset, type ChunkInfo, type Manifest } from './chunked.js';
import type { Dataset } from './dataset.js';
import { generateHouseholds, prefectureRanges, targetHouseholds, targetsForYear, toPopulation } from './generate/index.js';
import { writePopulation } from './write.js';

export interface GenerateSpec {
  year: 2006;
  households: number;
  seed: number;
}

/** Hash of a population's columns, in a fixed order: equal data, equal hash. */
export function populationHash(pop: Population): string {
  const h = createHash('sha256');
  const add = (name: string, c: Column | Float64Array | Int32Array): void => {
    h.update(name);
    h.update(new Uint8Array(c.buffer, c.byteOffset, c.byteLength));
  };
  add('householdId', pop.householdId);
  add('personId', pop.personId);
  add('householdStart', pop.householdStart);
  add('weight', pop.weight);
  for (const k of Object.keys(pop.household).sort()) add(`h.${k}`, pop.household[k]!);
  for (const k of Object.keys(pop.person).sort()) add(`p.${k}`, pop.person[k]!);
  return h.digest('hex');
}

/** A generated, raked sample of `households` households with its calibration report. */
export function generateDataset(spec: GenerateSpec, name = `jilin-${spec.year}-${spec.households}-seed${spec.seed}`): { dataset: Dataset; report: CalibrationReport } {
  const g = generateHouseholds({ year: spec.year, totalHouseholds: spec.households, seed: spec.seed });
  const { weights, report } = calibrate(g, targetsForYear(spec.year));
  const population = toPopulation(g, weights);
  return {
    dataset: { population, meta: { name, description: `synthetic Jilin ${spec.year}, ${spec.households} households, seed ${spec.seed}, raked`, sha256: populationHash(population), files: [] }, warnings: [] },
    report,
  };
}

/** Generates, rakes and writes a sample to a .csv/.arrow/.parquet file (atomically). */
export async function writeGeneratedFile(file: string, spec: GenerateSpec): Promise<CalibrationReport> {
  const { dataset, report } = generateDataset(spec);
  await writePopulation(file, dataset.population);
  return report;
}

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
