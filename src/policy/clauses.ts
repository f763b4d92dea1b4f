/** The clause list of 吉政发〔2006〕48号: ids that references may cite. */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { packagePath } from './paths.js';

export interface Clause { id: string; lead: string }

let cached: Clause[] | undefined;

/** Every clause of the opinion, in document order. */
export function clauses(): Clause[] {
  return (cached ??= parse(readFileSync(packagePath('src/policy/clauses.yaml'), 'utf8')) as Clause[]);
}

/** The set of valid clause ids. */
export function clauseIds(): Set<string> {
  return new Set(clauses().map((c) => c.id));
}

/** `吉政发〔2006〕48号 §二.2` for a clause id. */
export function citeClause(id: string): string {
  return `吉政发〔2006〕48号 §${id}`;
}
