/**
 * The dataset a notebook runs on. Users get the embedded default (`jilin-2006`, 100,000
 * households); CI may ask for something smaller through JIUZHU_NOTEBOOK_DATASET, so that every
 * notebook runs in seconds. The notebook and its final check (`jiuzhu run --data …`) must use the
 * very same data, so this returns both the loaded dataset and the `--data` argument for the CLI.
 */
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_DATASET, loadDataset, resolveDatasetPath, type Dataset } from '../data/dataset.js';
import { writeGeneratedFile } from '../data/generated.js';

/** The environment variable that chooses a notebook's dataset. */
export const NOTEBOOK_DATASET_ENV = 'JIUZHU_NOTEBOOK_DATASET';

export interface NotebookDataset {
  /** What was asked for: a dataset name, a path, or a number of households. */
  ref: string;
  /** The file or folder loaded (what `--data` gets). */
  path: string;
  dataset: Dataset;
  /** Arguments for the CLI that select the same data: `['--data', path]`. */
  cliArgs: string[];
}

/**
 * Loads the notebook's dataset: `ref`, else `$JIUZHU_NOTEBOOK_DATASET`, else the default
 * `jilin-2006`. A dataset name under `datasets/`, a file or folder path, or a whole number N: a
 * synthetic Jilin sample of N households (seeded, raked like the default), generated once and
 * kept as an Arrow file in the temporary directory, so the CLI reads exactly the same households.
 */
export async function notebookDataset(ref: string | undefined = process.env[NOTEBOOK_DATASET_ENV] || undefined, options: { seed?: number } = {}): Promise<NotebookDataset> {
  const asked = ref ?? DEFAULT_DATASET;
  let path: string;
  if (/^\d+$/.test(asked)) {
    const households = Number(asked);
    const seed = options.seed ?? 1;
    const dir = join(tmpdir(), 'jiuzhu-notebooks');
    mkdirSync(dir, { recursive: true });
    path = join(dir, `jilin-2006-${households}-seed${seed}.arrow`);
    if (!existsSync(path)) {
      const tmp = `${path}.${process.pid}.tmp.arrow`; // written beside, then renamed: concurrent notebooks never read half a file
      await writeGeneratedFile(tmp, { year: 2006, households, seed });
      renameSync(tmp, path);
    }
  } else {
    path = resolveDatasetPath(asked);
  }
  const dataset = await loadDataset(path);
  return { ref: asked, path, dataset, cliArgs: ['--data', path] };
}
