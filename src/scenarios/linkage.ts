/**
 * §二.1 asks that the dibao standards dovetail (相互衔接) with the minimum wage, the unemployment
 * benefit and the rural poverty line. A projection reports, each year, how far the standards are
 * from those references — a distance, not a bound (a hard bound applies only when a scenario's
 * behaviour.growth.standard.bounds asks for it, project.ts boundStandard).
 *
 * Distance = standard − reference, yuan per person a month, over the prefectures: urban standards
 * against minimum_wage_ratio × the minimum wage and against the unemployment benefit (a negative
 * distance is room below the reference); rural standards against the poverty line ÷ 12 (a negative
 * distance is a standard below the line).
 */
/** The linked references of §二.1 (project.ts LinkageLines): yuan a month, the poverty line a year. */
interface Lines { minimumWage: number; minimumWageRatio: number; unemploymentBenefit: number; povertyLine: number }
type Link = 'minimumWage' | 'unemploymentBenefit' | 'povertyLine';

export interface LinkageDistance {
  /** The reference, yuan per person a month. */
  reference: number;
  /** Smallest and largest standard − reference over the prefectures. */
  min: number;
  max: number;
}

const fen = (x: number): number => Math.round(x * 100) / 100;

/** The distances of a year's standards (prefecture → {urban, rural}) from their linked references. */
export function linkageDistances(standards: Readonly<Record<string, { urban: number; rural: number }>>, lines: Lines): Record<Link, LinkageDistance> {
  const one = (reference: number, values: number[]): LinkageDistance => {
    const d = values.map((v) => v - reference);
    return { reference: fen(reference), min: fen(Math.min(...d)), max: fen(Math.max(...d)) };
  };
  const urban = Object.values(standards).map((s) => s.urban);
  const rural = Object.values(standards).map((s) => s.rural);
  return {
    minimumWage: one(lines.minimumWageRatio * lines.minimumWage, urban),
    unemploymentBenefit: one(lines.unemploymentBenefit, urban),
    povertyLine: one(lines.povertyLine / 12, rural),
  };
}
