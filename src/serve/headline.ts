/**
 * The explorer's headline numbers: a few figures of the §二 dibao summary, every program's cost
 * and the poverty headcount after assistance, each with its change against the baseline run.
 */
import type { ScenarioResult } from '../scenarios/execution/run.js';
import { delta } from './result.js';

type Bilingual = { zh: string; en: string };
export type FigureUnit = 'persons' | 'households' | 'share' | 'yuan' | 'yuan/person/month';
/** A figure of the explored scenario beside the baseline's. */
export type Figure = { id: string; label: Bilingual; unit: FigureUnit; value: number; baseline: number; absolute: number; relative: number | null };

const HEADLINE: { id: string; label: Bilingual; unit: FigureUnit; pick: (r: ScenarioResult) => number }[] = [
  { id: 'recipients', label: { zh: '低保对象（人，月均）', en: 'Dibao recipients (persons, average month)' }, unit: 'persons', pick: (r) => r.summary.recipients },
  { id: 'households', label: { zh: '低保户（月均）', en: 'Dibao households (average month)' }, unit: 'households', pick: (r) => r.summary.households },
  { id: 'coverage', label: { zh: '覆盖率', en: 'Coverage' }, unit: 'share', pick: (r) => r.summary.coverage },
  { id: 'cost', label: { zh: '低保支出（本期）', en: 'Dibao cost (period)' }, unit: 'yuan', pick: (r) => r.summary.cost },
  { id: 'costAnnual', label: { zh: '低保支出（年均）', en: 'Dibao cost (per year, average)' }, unit: 'yuan', pick: (r) => r.summary.costAnnual },
  { id: 'averageSubsidy', label: { zh: '人均补差', en: 'Average benefit' }, unit: 'yuan/person/month', pick: (r) => r.summary.averageSubsidy },
  { id: 'systemCost', label: { zh: '全部救助支出（本期）', en: 'All programs’ cost (period)' }, unit: 'yuan', pick: (r) => Object.values(r.programs).reduce((a, p) => a + p.cost, 0) },
  // Against the local standard: raising the standard raises the line too, so this can rise.
  { id: 'povertyHeadcount', label: { zh: '贫困发生率（救助后，当地标准）', en: 'Poverty headcount (after assistance, local standard)' }, unit: 'share', pick: (r) => r.summary.distribution.poverty.localStandard.after.headcount },
];

/**
 * The headline figures of `run` against `base` over `months` months. The cost per year is shown
 * only for a period of several whole years (its yearly average): over one year it is the
 * period's cost again, and over part of a year it would scale months up to a year they are not.
 */
export function headlineFigures(base: ScenarioResult, run: ScenarioResult, months: number): Figure[] {
  const perYear = months > 12 && months % 12 === 0;
  return HEADLINE.filter((h) => perYear || h.id !== 'costAnnual').map((h) => ({ id: h.id, label: h.label, unit: h.unit, ...delta(h.pick(base), h.pick(run)) }));
}

/** Every program's cost (whoever pays) against the baseline's. */
export function programFigures(base: ScenarioResult, run: ScenarioResult): Figure[] {
  return Object.entries(run.programs).map(([id, p]) => ({ id, label: p.label, unit: 'yuan' as const, ...delta(base.programs[id]?.cost ?? 0, p.cost) }));
}
