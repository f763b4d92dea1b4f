/** Loads the baseline parameter tree: every parameters/*.yaml file under src/programs and src/events. */
import { JiuzhuError } from '../engine/errors.js';
import { loadParameterFiles } from '../engine/parameters/load.js';
import { ParameterTree } from '../engine/parameters/tree.js';
import { clauseIds } from './clauses.js';
import { findFiles, packagePath } from '../engine/paths.js';

let baseline: ParameterTree | undefined;

/** Every parameter file of the package, sorted. */
export function parameterFiles(): string[] {
  const inParameters = (f: string): boolean => /[\\/]parameters[\\/]/.test(f);
  // Programs and the events they read (illness, job loss) both keep parameters beside their rules.
  return ['src/programs', 'src/events'].flatMap((d) => findFiles(packagePath(d), '.yaml').filter(inParameters)).sort();
}

/** The baseline tree (loaded once per process; trees are immutable, so sharing is safe). */
export function baselineParameters(): ParameterTree {
  if (baseline) return baseline;
  const { leaves, branches } = loadParameterFiles(parameterFiles(), { clauseIds: clauseIds() });
  return (baseline = new ParameterTree(leaves, branches));
}

/**
 * A worker thread's first step: the baseline its parent sent (scenarios/execution/spec.ts
 * adoptWorkerParameters) becomes this thread's, so nothing here reads or parses the files again.
 * Refused once this thread has a baseline of its own: two trees would be in use.
 */
export function adoptBaselineParameters(tree: ParameterTree): void {
  if (baseline && baseline !== tree) throw new JiuzhuError('INTERNAL', "this thread loaded its baseline parameters before adopting its parent's", { kind: 'internal' });
  baseline = tree;
}
