/**
 * Diagnostics of a generated population: the calibration report plus the shares the
 * generator's assumptions aim at (below the dibao standard, employment, sanwu, housing).
 * Used to tune src/data/generate/constants.ts. Run:
 *   npx tsx src/data/generate/diagnostics.ts [households=200000] [seed=1]
 */
import { pathToFileURL } from 'node:url';
import { PREFECTURE_CODES } from '../../engine/locality.js';
import { baselineParameters } from '../../policy/parameters.js';
import { calibrate, shareBelowStandard, type CalibrationReport } from '../calibration.js';
import { generateHouseholds, type Generated } from './index.js';
import { targetsForYear } from './targets.js';

/** The dibao standards {code: {urban, rural}} in force on a date, read through the parameter tree. */
export function dibaoStandards(date = '2006-01-01'): Record<string, { urban: number; rural: number }> {
  const tree = baselineParameters();
  const at = (prefecture: number, area: 'urban' | 'rural'): number => tree.valueAt('dibao.standard', date, { prefecture, area });
  return Object.fromEntries(PREFECTURE_CODES.map((c) => [String(c), { urban: at(c, 'urban'), rural: at(c, 'rural') }]));
}

export interface Diagnostics {
  report: CalibrationReport;
  belowStandard: { urban: number; rural: number; all: number };
  belowStandardDesign: { urban: number; rural: number; all: number };
  shares: Record<string, number>;
}

/** Weighted person/household shares of interest, with calibrated weights. */
export function diagnose(g: Generated, year: 2006 = 2006): Diagnostics {
  const t = targetsForYear(year);
  const { weights, report } = calibrate(g, t);
  const std = dibaoStandards(`${year}-01-01`);
  const hh = g.persons.household!;
  const first = g.households.id![0]!;
  const urban = g.households.urban!;
  const pw = (q: number): number => weights[hh[q]! - first]!;
  const acc: Record<string, [number, number]> = {};
  const add = (k: string, yes: boolean, w: number): void => { const a = (acc[k] ??= [0, 0]); if (yes) a[0] += w; a[1] += w; };
  const P = g.persons;
  for (let q = 0; q < hh.length; q++) {
    const w = pw(q);
    const u = urban[hh[q]! - first] ? 'urban' : 'rural';
    const a = P.age![q]!;
    if (a >= 16 && a < 60 && P.schooling![q] === 0) {
      const emp = P.employment![q]!;
      add(`${u} employed of 16-59 not in school`, emp === 1, w);
      if (emp > 0) add(`${u} unemployment rate`, emp === 2, w);
    }
    add(`${u} sanwu`, P.sanwu![q] === 1, w);
    add(`${u} medical insured`, P.medical_insured![q] === 1, w);
    add(`${u} severe disability`, P.disability![q] === 2, w);
    if (a < 18) add('orphans among minors', P.orphan![q] === 1, w);
    if (a >= 60) add(`${u} 60+ with pension`, P.pension![q]! > 0, w);
  }
  const H = g.households;
  for (let i = 0; i < H.id!.length; i++) {
    const u = H.urban![i] ? 'urban' : 'rural';
    const w = weights[i]!;
    add(`${u} households single-parent`, H.single_parent![i] === 1, w);
    add(`${u} households shanty`, H.shanty![i] === 1, w);
    add(`${u} households floor < 10 m2`, H.floor_area_per_person![i]! < 10, w);
    add(`${u} households hukou >= 5 years`, H.hukou_local_urban_years![i]! >= 5, w);
    add(`${u} households land expropriated`, H.land_expropriated![i] === 1, w);
    add(`${u} households renting`, H.housing_tenure![i] === 1 || H.housing_tenure![i] === 2, w);
  }
  const shares: Record<string, number> = {};
  for (const [k, [y, n]] of Object.entries(acc).sort()) shares[k] = y / n;
  return {
    report,
    belowStandard: shareBelowStandard(g, weights, std),
    belowStandardDesign: shareBelowStandard(g, H.weight as Float64Array, std),
    shares,
  };
}

/** Plain-text summary of diagnostics. */
export function formatDiagnostics(d: Diagnostics): string {
  const pct = (x: number): string => `${(100 * x).toFixed(2)}%`;
  const lines: string[] = [];
  const r = d.report;
  lines.push(`raking: ${r.rake.iterations} sweeps, converged ${r.rake.converged}, max deviation ${r.rake.maxRelativeDeviation.toExponential(2)}; weight ratio ${r.weightRatio.min.toFixed(3)}..${r.weightRatio.max.toFixed(3)}`);
  for (const row of r.rows) lines.push(`${row.raked ? 'R' : ' '} ${row.target.padEnd(26)} ${row.group.padEnd(22)} expected ${row.expected.toPrecision(7).padStart(12)}  before ${row.initial.toPrecision(7).padStart(12)} (${pct((row.initial - row.expected) / row.expected).padStart(8)})  after ${pct(row.relativeDiff)}`);
  for (const c of r.income) {
    lines.push(`${c.area}: mean ${c.mean.toFixed(1)} vs ${c.expectedMean} (${pct(c.relativeDiff)}); quintiles ${c.quintileShares.map(pct).join(' ')} vs ${c.expectedShares.map(pct).join(' ')} (max ${(100 * c.maxShareDiff).toFixed(2)} pp); bottom 10% ${c.lowestDecileRatio.toFixed(3)}, 5% ${c.poorest5Ratio.toFixed(3)} of mean`);
  }
  lines.push(`below dibao standard (earnings x 0.8), persons: urban ${pct(d.belowStandard.urban)}, rural ${pct(d.belowStandard.rural)}, all ${pct(d.belowStandard.all)} (design weights: ${pct(d.belowStandardDesign.urban)} / ${pct(d.belowStandardDesign.rural)})`);
  for (const [k, v] of Object.entries(d.shares)) lines.push(`  ${k}: ${pct(v)}`);
  return lines.join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const n = Number(process.argv[2] ?? 200000);
  const seed = Number(process.argv[3] ?? 1);
  const t0 = performance.now();
  const g = generateHouseholds({ year: 2006, totalHouseholds: n, seed });
  const t1 = performance.now();
  console.log(`generated ${n} households, ${g.persons.id!.length} persons in ${(t1 - t0).toFixed(0)} ms`);
  console.log(formatDiagnostics(diagnose(g)));
}
