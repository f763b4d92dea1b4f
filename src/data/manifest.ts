/** The manifest of a chunked dataset (its chunk files, in order) and how to recognise one. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const MANIFEST = 'manifest.json';

export interface ChunkInfo { file: string; prefecture?: number; households: number; persons: number; sha256: string }

export interface Manifest {
  format: 'jiuzhu-chunked';
  version: 1;
  name: string;
  description?: string;
  households: number;
  persons: number;
  chunks: ChunkInfo[];
}

/** True if a folder holds a chunked dataset. */
export function isChunkedDataset(dir: string): boolean {
  return existsSync(join(dir, MANIFEST));
}
