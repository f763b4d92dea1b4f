/**
 * The implementation parameters: how far a program reaches those its rules find eligible — each
 * program's coverage or take-up. The parameter tree holds the rule's own verdict (everyone
 * eligible served); a scenario's `implementation` block (src/scenarios/input) sets them per
 * program with a reference. A leaf is one when its name is `coverage` or `take_up`.
 */
import type { ParameterTree } from '../engine/parameters/tree.js';
import type { ParameterLeaf } from '../engine/parameters/types.js';

const NAMES = new Set(['coverage', 'take_up']);

/** An implementation leaf: its path, the program branch it sits in (the first part) and the rest of the path. */
export interface ImplementationLeaf { path: string; branch: string; key: string; leaf: ParameterLeaf }

/** Every implementation leaf of the tree, in path order. */
export function implementationLeaves(tree: ParameterTree): ImplementationLeaf[] {
  return tree.leaves().flatMap((leaf) => {
    const parts = leaf.path.split('.');
    return NAMES.has(parts[parts.length - 1]!) ? [{ path: leaf.path, branch: parts[0]!, key: parts.slice(1).join('.'), leaf }] : [];
  });
}

/** dibao's own take-up, set by a scenario's behaviour.takeUp (with its observation error), not by the implementation block. */
export const DIBAO_TAKE_UP = 'dibao.implementation.take_up';
