/** Published outcomes against a simulated result: one row per figure, none dropped. */
import type { Result } from '../scenarios/results/result.js';
import { UNITS, type Figure, type Outcomes } from './schema.js';
import { simulatedValue } from './simulated.js';

export interface OutcomeRow {
  id: string;
  label: { zh: string; en: string };
  role: Figure['role'];
  scope: Figure['scope'];
  year: number;
  area: Figure['area'];
  prefecture: number | null;
  /** The published value in the canonical unit of its measure (persons, households, yuan, yuan/person/month, share, ratio). */
  published: number;
  unit: string;
  simulated: number | null;
  /** simulated − published, and ÷ published. */
  difference: number | null;
  relativeDifference: number | null;
  tolerance: number;
  /** null when not modelled. */
  withinTolerance: boolean | null;
  notModelled: string | null;
  how: string | null;
  source: string;
  confidence: Figure['confidence'];
  note: string | null;
}

/** The canonical unit a figure is compared in. */
export function canonicalUnit(f: Figure): string {
  switch (f.unit) {
    case 'persons': case '10k_persons': case 'person_times': return 'persons';
    case 'households': case '10k_households': return 'households';
    case 'yuan': case '10k_yuan': case '100m_yuan': return 'yuan';
    case 'yuan_per_person_month': case 'yuan_per_person_year': return 'yuan/person/month';
    case 'share': case 'percent': return 'share';
    default: return f.unit === 'persons_per_household' ? 'persons/household' : 'ratio';
  }
}

export function compareOutcomes(outcomes: Outcomes, result: Result, scenario = 0): OutcomeRow[] {
  return outcomes.figures.map((f) => {
    const published = f.value * UNITS[f.unit];
    const sim = simulatedValue(f, result, scenario);
    const base = { id: f.id, label: f.label, role: f.role, scope: f.scope, year: f.year, area: f.area, prefecture: f.prefecture, published, unit: canonicalUnit(f), tolerance: f.tolerance, source: f.source, confidence: f.confidence, note: f.note ?? null };
    if ('notModelled' in sim) return { ...base, simulated: null, difference: null, relativeDifference: null, withinTolerance: null, notModelled: sim.notModelled, how: null };
    const difference = sim.value - published;
    const relativeDifference = difference / published;
    return { ...base, simulated: sim.value, difference, relativeDifference, withinTolerance: Math.abs(relativeDifference) <= f.tolerance, notModelled: null, how: sim.how };
  });
}
