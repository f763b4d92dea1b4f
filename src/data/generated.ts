/**
 * Synthetic Jilin datasets: generated from datasets/jilin-<year>/targets.yaml, raked to its
 * margins, and either kept in memory (the embedded default), written to one file, or
 * streamed as a chunked full-count dataset with bounded memory.
 */
import { createHash } from 'node:crypto';
import type { Column } from '../engine/column.js';
import type { Population } from '../engine/population.js';
import { calibrate, type CalibrationReport } from './calibration.js';
import type { Dataset } from './types.js';
import { generateHouseholds, targetsForYear, toPopulation } from './generate/index.js';
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

