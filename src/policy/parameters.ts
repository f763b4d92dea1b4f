/** Loads the baseline parameter tree: every programs/<program>/parameters/*.yaml file. */
import { loadParameterFiles } from '../engine/parameters/load.js';
import { ParameterTree } from '../engine/parameters/tree.js';
import { clauseIds } from './clauses.js';
import { findFiles, packagePath } from './paths.js';

let baseline: ParameterTree | undefined;

/** Every parameter file of the package, sorted. */
export function parameterFiles(): string[] {
  return findFiles(packagePath('src/programs'), '.yaml').filter((f) => /[\\/]parameters[\\/]/.test(f));
}

/** The baseline tree (loaded once per process; trees are immutable, so sharing is safe). */
export function baselineParameters(): ParameterTree {
  if (baseline) return baseline;
  const { leaves, branches } = loadParameterFiles(parameterFiles(), { clauseIds: clauseIds() });
  return (baseline = new ParameterTree(leaves, branches));
}
