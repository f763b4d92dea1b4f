/** Opening any dataset: a chunked folder stays on disk (read slice by slice); anything else is loaded. */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isJiuzhuError, JiuzhuError } from '../engine/errors.js';
import { openChunkedDataset, type ChunkedDataset } from './chunked.js';
import { loadDataset, type LoadOptions } from './dataset.js';
import { isChunkedDataset } from './manifest.js';
import type { Dataset } from './types.js';

/** Opens a dataset: a chunked folder stays on disk (simulated chunk by chunk); anything else is loaded. */
export async function openDataset(path: string, options: LoadOptions = {}): Promise<Dataset | ChunkedDataset> {
  return existsSync(path) && statSync(path).isDirectory() && isChunkedDataset(path) ? openChunked(path) : loadDataset(path, options);
}

/** openChunkedDataset, with a malformed manifest (e.g. a chunk without `file`) reported as bad input rather than a raw TypeError. */
function openChunked(dir: string): ChunkedDataset {
  try {
    return openChunkedDataset(dir);
  } catch (e) {
    if (isJiuzhuError(e)) throw e;
    throw new JiuzhuError('BAD_MANIFEST', `cannot read the chunk manifest: ${(e as Error).message}`, { location: { file: join(dir, 'manifest.json') }, hint: 'a chunked dataset is written by jiuzhu generate --full (or writeChunkedDataset); its manifest lists every chunk with its file', cause: e });
  }
}
