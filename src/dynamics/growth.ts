/**
 * The §二.1 growth rule of the dibao standard (behaviour.growth.standard): each year the
 * standard follows an index (income, CPI, fiscal revenue or none) with an elasticity, bounded by
 * the minimum wage and the unemployment benefit and raised to the national rural poverty line.
 */
import type { Area } from '../engine/locality.js';

export type IndexTo = 'income' | 'cpi' | 'revenue' | 'none';
export type Bound = 'minimumWage' | 'unemploymentBenefit' | 'povertyLine';
export const BOUNDS: readonly Bound[] = ['minimumWage', 'unemploymentBenefit', 'povertyLine'];

/** behaviour.growth.standard */
export interface StandardRule {
  indexTo: IndexTo;
  elasticity?: number;
  bounds?: Partial<Record<Bound, boolean>>;
  assumption?: string;
}

/** A year's indices: each previous year = 1. */
export interface YearIndices {
  cpi: number;
  incomeGrowth: { urban: number; rural: number };
  revenueGrowth: number;
}

/** A year's linkage lines (§二.1), yuan per month. */
export interface LinkageLines {
  minimumWage: number;
  minimumWageRatio: number;
  unemploymentBenefit: number;
  /** National rural poverty line, yuan per person per year. */
  povertyLine: number;
}

const fen = (x: number): number => Math.round(x * 100) / 100;
/** The factor an index passes on: 1 + elasticity × (index − 1). */
export const passOn = (index: number, elasticity = 1): number => 1 + elasticity * (index - 1);

/** The index a rule follows in a year, for an area. */
export function ruleIndex(indexTo: IndexTo, area: Area, idx: YearIndices): number {
  return indexTo === 'income' ? idx.incomeGrowth[area] : indexTo === 'cpi' ? idx.cpi : indexTo === 'revenue' ? idx.revenueGrowth : 1;
}

/**
 * The linkage bounds of §二.1 on one standard: an urban standard above ratio × minimum wage or
 * above the unemployment benefit is capped at the lower of the two (down to the fen); a rural
 * standard below the poverty line ÷ 12 is raised to it (up to the fen). Returns the bound that bit.
 */
export function boundStandard(value: number, area: Area, lines: LinkageLines, bounds: Partial<Record<Bound, boolean>> = {}): { value: number; bound: Bound | null } {
  // §二.1 asks the standards to dovetail with these lines (相互衔接), not to be held by them: a
  // line binds only when a scenario asks for it (behaviour.growth.standard.bounds); the year rows
  // report the distances (linkage.ts).
  const on = (b: Bound): boolean => bounds[b] === true;
  if (area === 'urban') {
    const caps: [Bound, number][] = [];
    if (on('minimumWage')) caps.push(['minimumWage', lines.minimumWageRatio * lines.minimumWage]);
    if (on('unemploymentBenefit')) caps.push(['unemploymentBenefit', lines.unemploymentBenefit]);
    caps.sort((a, b) => a[1] - b[1]);
    const cap = caps[0];
    if (cap && value > cap[1]) return { value: Math.floor(cap[1] * 100 + 1e-9) / 100, bound: cap[0] };
    return { value, bound: null };
  }
  if (on('povertyLine')) {
    const floor = Math.ceil((lines.povertyLine / 12) * 100 - 1e-9) / 100;
    if (value < floor) return { value: floor, bound: 'povertyLine' };
  }
  return { value, bound: null };
}

/** One step of the growth rule: last year's standard × the year's factor, to the fen, then bounded. */
export function nextStandard(previous: number, area: Area, rule: StandardRule, idx: YearIndices, lines: LinkageLines): { value: number; factor: number; bound: Bound | null } {
  const factor = passOn(ruleIndex(rule.indexTo, area, idx), rule.elasticity);
  return { factor, ...boundStandard(fen(previous * factor), area, lines, rule.bounds) };
}
