/**
 * Where the package's data lives. Both src/*.ts (tsx, vitest) and dist/*.js sit two levels
 * below the package root, so data files are read from the root's src/ in either case.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

/** Absolute path of the jiuzhu package root (the folder with its package.json). */
export function packageRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'src', 'policy', 'clauses.yaml'))) return (root = dir);
    dir = dirname(dir);
  }
  throw new Error('cannot locate the jiuzhu package root');
}

/** A path inside the package. */
export function packagePath(...parts: string[]): string {
  return resolve(packageRoot(), ...parts);
}

/** Files under a folder (recursively) whose names end with `suffix`, sorted for determinism. */
export function findFiles(dir: string, suffix: string): string[] {
  const out: string[] = [];
  const rec = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) rec(p);
      else if (name.endsWith(suffix)) out.push(p);
    }
  };
  if (existsSync(dir)) rec(dir);
  return out;
}
