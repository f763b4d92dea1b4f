/**
 * The opinion as data: the sections and paragraphs (clauses) of 吉政发〔2006〕48号 with their
 * ids, lead phrases, English glosses and full Chinese text (src/policy/clauses.yaml).
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { packagePath } from '../engine/paths.js';

/** One paragraph of the opinion. */
export interface Clause {
  /** `<section>.<paragraph>`, e.g. 二.2. */
  id: string;
  /** The lead phrase (the paragraph's first sentence, as in SECTIONS.md). */
  lead: string;
  /** A short English gloss. */
  gloss: string;
  /** The full Chinese paragraph. */
  text: string;
}

/** One of the eleven headings (一、… 十一、). */
export interface Section {
  id: string;
  /** The heading as in the Chinese text. */
  title: string;
  gloss: string;
}

interface ClauseFile { sections: Section[]; clauses: Clause[] }

let cached: ClauseFile | undefined;

function clauseFile(): ClauseFile {
  return (cached ??= parse(readFileSync(packagePath('src/policy/clauses.yaml'), 'utf8')) as ClauseFile);
}

/** Every clause of the opinion, in document order. */
export function clauses(): Clause[] {
  return clauseFile().clauses;
}

/** The eleven sections, in document order. */
export function sections(): Section[] {
  return clauseFile().sections;
}

/** The set of valid clause ids. */
export function clauseIds(): Set<string> {
  return new Set(clauses().map((c) => c.id));
}

/** The section id of a clause id: 十一 for 十一.2. */
export function sectionOf(clauseId: string): string {
  return clauseId.split('.')[0] ?? clauseId;
}

/** `吉政发〔2006〕48号 §二.2` for a clause id. */
export function citeClause(id: string): string {
  return `吉政发〔2006〕48号 §${id}`;
}
