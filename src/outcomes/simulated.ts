/**
 * The simulated counterpart of a published figure, read from one scenario of a result. A
 * figure the model cannot produce gets a reason instead (never silently dropped).
 */
import type { Result } from '../scenarios/results/result.js';
import type { Figure, Measure } from './schema.js';

type ScenarioOut = Result['scenarios'][number];
interface Group { population: number; recipients: number; households: number; coverage: number; averageSubsidy: number; averageStandard?: number; subsidyToStandard?: number; targeting?: { inclusionError: number; coverageOfPoor: number } }
interface ProgramOut { recipients: number | null; households: number | null; components: Record<string, number>; byArea: Record<string, { recipients: number | null; households: number | null; components: Record<string, number> }> }
interface MonthOut { month: string; recipients: number; households: number; byArea?: Record<string, { recipients: number; households: number }> }

export type Simulated = { value: number; how: string } | { notModelled: string };

/** Ratios compare across places (structure); levels only for Jilin itself. */
const RATIOS: ReadonlySet<Measure> = new Set(['dibao.coverage', 'dibao.persons_per_household', 'dibao.subsidy_to_standard', 'dibao.eligible_share', 'dibao.coverage_of_eligible', 'wubao.population_share']);
const COUNTS: ReadonlySet<Measure> = new Set(['dibao.recipients', 'dibao.households']);

/** Years a result covers (its months' calendar years). */
export function resultYears(result: Result): number[] {
  const from = Number(result.period.from.slice(0, 4));
  const to = Number(result.period.to.slice(0, 4));
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

export function simulatedValue(f: Figure, result: Result, scenario = 0): Simulated {
  if (!f.measure) return { notModelled: f.note ?? 'no simulated counterpart' };
  const year = f.compare_year ?? f.year;
  const years = resultYears(result);
  if (years.length !== 1 || years[0] !== year) return { notModelled: `figure of ${year}; the simulated period is ${result.period.from} to ${result.period.to}` };
  if (f.scope === 'national' && !RATIOS.has(f.measure)) return { notModelled: 'an all-China level; jiuzhu simulates Jilin (only ratios are compared across places)' };
  if (f.scope === 'jilin_locality' && !RATIOS.has(f.measure) && f.measure !== 'dibao.average_subsidy') return { notModelled: 'a district or county level; the dataset has no localities below the prefecture' };
  const s = result.scenarios[scenario]!;
  const at = f.at ?? (f.month === 12 ? 'year_end' : 'average_month');
  if (f.prefecture !== null) return prefectureValue(f, s, at);
  const m = f.measure;
  const group = (f.area === 'all' ? s.summary : s.summary.byArea?.[f.area]) as Group | undefined;
  if (!group) return { notModelled: `no ${f.area} group in the result` };
  if (COUNTS.has(m)) {
    const key = m === 'dibao.recipients' ? 'recipients' : 'households';
    if (at === 'year_distinct') return { notModelled: 'distinct regular-benefit recipients over the year are not in the result' };
    if (at === 'year_end') {
      const dec = lastMonth(s, year);
      if (!dec) return { notModelled: `no December ${year} in the simulated months` };
      const v = f.area === 'all' ? dec[key] : dec.byArea?.[f.area]?.[key];
      return v === undefined ? { notModelled: 'the month rows have no breakdown by area' } : { value: v, how: `${key} in ${dec.month}` };
    }
    return { value: group[key], how: `${key}, average month` };
  }
  switch (m) {
    case 'dibao.coverage': return { value: group.coverage, how: 'recipients ÷ population, average month' };
    case 'dibao.persons_per_household': return { value: group.recipients / group.households, how: 'recipients ÷ recipient households, average month' };
    case 'dibao.average_standard': return areaOnly(f, group.averageStandard, 'recipient-weighted average standard');
    case 'dibao.average_subsidy': return f.area === 'all' ? { notModelled: 'a subsidy pooled over urban and rural' } : { value: group.averageSubsidy, how: 'regular dibao per recipient person-month' };
    case 'dibao.subsidy_to_standard': return areaOnly(f, group.subsidyToStandard, 'average subsidy ÷ recipient-weighted standard');
    case 'dibao.coverage_of_eligible': return group.targeting ? { value: group.targeting.coverageOfPoor, how: 'eligible recipients ÷ eligible persons (true income), average month' } : { notModelled: 'no targeting figures' };
    case 'dibao.eligible_share': {
      const t = group.targeting;
      if (!t || t.coverageOfPoor === 0) return { notModelled: 'no targeting figures' };
      return { value: (group.recipients * (1 - t.inclusionError)) / t.coverageOfPoor / group.population, how: 'persons eligible on true income ÷ population, average month' };
    }
    case 'dibao.spending': {
      const d = (s.programs as Record<string, ProgramOut>).dibao;
      const c = f.area === 'all' ? d?.components : d?.byArea[f.area]?.components;
      return c ? { value: (c.regular ?? 0) + (c.priceSubsidy ?? 0), how: 'regular dibao and price subsidy paid in the year (temporary aid excluded)' } : { notModelled: 'no dibao program in the result' };
    }
    case 'wubao.population_share': {
      const w = (s.programs as Record<string, ProgramOut>).wubao;
      const v = f.area === 'all' ? w?.recipients : w?.byArea[f.area]?.recipients;
      if (v === null || v === undefined) return { notModelled: 'no wubao recipients in the result' };
      return { value: v / group.population, how: 'wubao recipients (distinct over the year) ÷ population, average month' };
    }
    default: return programCount(f, s, m);
  }
}

function areaOnly(f: Figure, v: number | undefined, how: string): Simulated {
  if (f.area === 'all') return { notModelled: 'a standard pooled over urban and rural is not a published statistic' };
  return v === undefined ? { notModelled: 'no area figure in the result' } : { value: v, how };
}

function lastMonth(s: ScenarioOut, year: number): MonthOut | undefined {
  return (s.months as unknown as MonthOut[] | undefined)?.find((r) => r.month === `${year}-12`);
}

/** wubao, medical, housing: distinct persons (households) over the year. */
function programCount(f: Figure, s: ScenarioOut, m: Measure): Simulated {
  const [id, what] = m.split('.') as [string, 'recipients' | 'households'];
  const p = (s.programs as Record<string, ProgramOut>)[id];
  if (!p) return { notModelled: `no ${id} program in the result` };
  const v = f.area === 'all' ? p[what] : p.byArea[f.area]?.[what];
  return v === null || v === undefined ? { notModelled: `${id} has no ${what}` } : { value: v, how: `${id} ${what}, distinct over the year` };
}

function prefectureValue(f: Figure, s: ScenarioOut, at: string): Simulated {
  if (f.area !== 'all') return { notModelled: 'the result has prefecture figures for urban and rural together only' };
  const g = s.summary.byPrefecture?.[String(f.prefecture)] as Group | undefined;
  if (!g) return { notModelled: `prefecture ${f.prefecture} not in the result` };
  if (f.measure === 'dibao.recipients' && at === 'average_month') return { value: g.recipients, how: 'recipients, average month' };
  if (f.measure === 'dibao.households' && at === 'average_month') return { value: g.households, how: 'households, average month' };
  if (f.measure === 'dibao.coverage') return { value: g.coverage, how: 'recipients ÷ population, average month' };
  return { notModelled: 'this prefecture figure has no simulated counterpart' };
}
