/** Shapes of the parameter tree: leaves with dated values, each value with one reference. */

/**
 * Where a value comes from: a clause of the opinion, a published statistic, or a labelled
 * assumption. A source or assumption written in English may carry its Chinese text in `zh`, which
 * Chinese output shows (`--lang zh`); the English stays the text of record.
 */
export type Reference = { clause: string } | { source: string; zh?: string } | { assumption: string; zh?: string };

export type Dimension = 'prefecture' | 'area' | 'category';
export const DIMENSIONS: readonly Dimension[] = ['prefecture', 'area', 'category'];

/** Units a leaf may declare; the code-health test rejects anything else. */
export const UNITS = [
  'CNY', 'CNY/month', 'CNY/year', 'CNY/person/month', 'CNY/person/year', 'CNY/household/month', 'CNY/household/year',
  '100M CNY/year', 'CNY/case', 'CNY/student/year', 'CNY/post/month', 'CNY/m2/month', 'CNY/m2', 'CNY/facility', 'm2/person', 'm2',
  'rate', 'share', 'ratio', 'probability', 'probability/month', 'bool', 'years', 'months', 'age', 'count', 'persons',
  'posts', 'index', 'events/person/year',
] as const;
export type Unit = (typeof UNITS)[number];

export interface Bracket { above: number; value: number }

/** One dated value: a scalar, or one number per cell of the leaf's breakdown. */
export interface DatedValue {
  date: string;
  /** Scalar leaves. */
  value?: number;
  /** Breakdown leaves: cell key (see cellKey) → number. */
  cells?: Readonly<Record<string, number>>;
  /** Scale leaves. */
  brackets?: readonly Bracket[];
  reference: Reference;
  /** Source line in the parameter file. */
  line?: number;
  /** Scenario overrides applied to this value, in order, as readable text (English; kept in JSON). */
  overrides?: readonly string[];
  /** The same overrides as data, for the text layer to word in the reader's language. */
  overrideSteps?: readonly OverrideStep[];
}

/** What a scenario's entry gives as the basis of its value, as written there. */
export interface OverrideBasis { kind: 'clause' | 'source' | 'assumption'; text: string }

/** One scenario override applied to a value, as data (DatedValue.overrides words it in English). */
export interface OverrideStep {
  /** Who made it: the scenario and its entry (`classified-expansion behaviour.takeUp`), or a tool's text. */
  by?: string;
  basis?: OverrideBasis;
  op: 'set' | 'scale' | 'add';
  value: number | boolean;
  from?: string;
  until?: string;
  where?: CellSelector;
}

export interface ParameterLeaf {
  path: string;
  description: string;
  label: { zh: string; en: string };
  unit: Unit;
  /** Clause of the opinion this parameter serves (its legal basis; the values' references say where the numbers come from). */
  clause?: string;
  kind: 'number' | 'bool' | 'scale';
  breakdown: readonly Dimension[];
  categories: readonly string[];
  /** Sorted by date. */
  values: readonly DatedValue[];
  file: string;
  line?: number;
}

/** Cell selector for overrides and lookups. */
export interface CellSelector { prefecture?: number | readonly number[]; area?: 'urban' | 'rural'; category?: string | readonly string[] }

/** Kind of a reference, for listings. */
export function referenceKind(r: Reference): 'clause' | 'source' | 'assumption' {
  return 'clause' in r ? 'clause' : 'source' in r ? 'source' : 'assumption';
}

/** A reference's text without its kind, in a language: `§二.2`, the source or the assumption (its `zh` text in Chinese, when it has one). */
export function referenceBody(r: Reference, lang: 'zh' | 'en'): string {
  if ('clause' in r) return `§${r.clause}`;
  const text = 'source' in r ? r.source : r.assumption;
  return lang === 'zh' ? r.zh ?? text : text;
}

/**
 * Readable text of a reference: `吉政发〔2006〕48号 §二.2`, a source, or `assumption: …`. In Chinese
 * (`lang` 'zh') the kind is 统计来源/假设 (as REFERENCE_KIND in src/text/glossary.ts) and the text is the reference's `zh` text when it has one.
 */
export function referenceText(r: Reference, lang: 'zh' | 'en' = 'en'): string {
  if ('clause' in r) return `吉政发〔2006〕48号 §${r.clause}`;
  const kind = 'source' in r ? (lang === 'zh' ? '统计来源' : 'source') : lang === 'zh' ? '假设' : 'assumption';
  return `${kind}${lang === 'zh' ? '：' : ': '}${referenceBody(r, lang)}`;
}
