/**
 * §二.1 asks that the dibao standards dovetail (相互衔接) with the minimum wage, the unemployment
 * benefit and the rural poverty line. A projection reports, each year, how far the standards are
 * from those references — a distance, not a bound (a hard bound applies only when a scenario's
 * behaviour.growth.standard.bounds asks for it, dynamics/growth.ts boundStandard).
 *
 * Distance = standard − reference, yuan per person a month, over the prefectures: urban standards
 * against minimum_wage_ratio × the minimum wage and against the unemployment benefit (a negative
 * distance is room below the reference); rural standards against the poverty line ÷ 12 (a negative
 * distance is a standard below the line).
 */
/** The linked references of §二.1 (dynamics/growth.ts LinkageLines): yuan a month, the poverty line a year. */
interface Lines { minimumWage: number; minimumWageRatio: number; unemploymentBenefit: number; povertyLine: number }
type Link = 'minimumWage' | 'unemploymentBenefit' | 'povertyLine';

export interface LinkageDistance {
  /** The lowest and highest reference over the prefectures, yuan per person a month (the minimum wage is tiered). */
  reference: { min: number; max: number };
  /** Smallest and largest standard − reference over the prefectures. */
  min: number;
  max: number;
}

const fen = (x: number): number => Math.round(x * 100) / 100;

/** The distances of a year's standards (prefecture → {urban, rural}) from their linked references, each prefecture against its own lines. */
export function linkageDistances(standards: Readonly<Record<string, { urban: number; rural: number }>>, linesOf: (prefecture: number) => Lines): Record<Link, LinkageDistance> {
  const one = (pairs: [standard: number, reference: number][]): LinkageDistance => {
    const d = pairs.map(([v, r]) => v - r);
    const r = pairs.map(([, x]) => x);
    return { reference: { min: fen(Math.min(...r)), max: fen(Math.max(...r)) }, min: fen(Math.min(...d)), max: fen(Math.max(...d)) };
  };
  const rows = Object.entries(standards).map(([p, s]) => ({ s, l: linesOf(Number(p)) }));
  return {
    minimumWage: one(rows.map(({ s, l }) => [s.urban, l.minimumWageRatio * l.minimumWage])),
    unemploymentBenefit: one(rows.map(({ s, l }) => [s.urban, l.unemploymentBenefit])),
    povertyLine: one(rows.map(({ s, l }) => [s.rural, l.povertyLine / 12])),
  };
}
