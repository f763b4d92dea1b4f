/** What a dataset in memory is: its population, where it came from, and the warnings met loading it. */
import type { Population } from '../engine/population.js';

export interface DatasetMeta {
  name: string;
  description?: string;
  /** sha256 over the data files' bytes, in a fixed order. */
  sha256: string;
  files: string[];
}

export interface Dataset {
  population: Population;
  meta: DatasetMeta;
  warnings: string[];
}
