/** Shared test helpers: a tiny parameter tree from YAML text, the CLI runner. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { loadParameterText } from '../src/engine/parameters/load.js';
import { ParameterTree } from '../src/engine/parameters/tree.js';
import { clauseIds } from '../src/policy/clauses.js';

export const ROOT = join(import.meta.dirname, '..');

/** A parameter tree from YAML text, validated like the real files. */
export function treeFromYaml(text: string, file = 'test.yaml'): ParameterTree {
  const { leaves, branches } = loadParameterText(text, file, { clauseIds: clauseIds() });
  return new ParameterTree(leaves, branches);
}

/** Runs the CLI from source (so tests never see a stale dist/). */
export function cli(args: string[], opts: { cwd?: string } = {}): { status: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), ...args], { cwd: opts.cwd ?? ROOT, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
