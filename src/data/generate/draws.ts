/**
 * Draw helpers over the keyed generator: every draw is keyedUniform(seed, key, 0, stream),
 * keyed by the household index h (household draws) or by the person id (h+1)*100+k (person
 * draws), so a row's values depend only on (seed, h) and never on the chunk being built.
 */
import * as random from '../../engine/random.js';

// Local copies: module bindings compiled by tsx/vitest are getters, too slow in hot loops.
const { keyedUniform, streamId } = random;

/** Named streams, one per attribute, so adding a draw never shifts another. */
export const S = {
  urban: streamId('generate.urban'),
  size: streamId('generate.size'),
  type: streamId('generate.type'),
  typeDetail: streamId('generate.type_detail'),
  anchorAge: streamId('generate.anchor_age'),
  anchorSeg: streamId('generate.anchor_segment'),
  gap: streamId('generate.gap'),
  spouseGap: streamId('generate.spouse_gap'),
  headSex: streamId('generate.head_sex'),
  disadvantage: streamId('generate.disadvantage'),
  incomeEps: streamId('generate.income_eps'),
  incomeShock: streamId('generate.income_shock'),
  hukou: streamId('generate.hukou'),
  hukouYears: streamId('generate.hukou_years'),
  tenure: streamId('generate.tenure'),
  area: streamId('generate.floor_area'),
  shanty: streamId('generate.shanty'),
  land: streamId('generate.land'),
  assets: streamId('generate.assets'),
  supporter: streamId('generate.supporter'),
  // person streams
  pAge: streamId('generate.person_age'),
  pSex: streamId('generate.person_sex'),
  pDisab: streamId('generate.disability'),
  pSevere: streamId('generate.disability_severity'),
  pIll: streamId('generate.illness'),
  pCap: streamId('generate.work_capacity'),
  pSchool: streamId('generate.schooling'),
  pSchoolKind: streamId('generate.schooling_kind'),
  pBoard: streamId('generate.boarding'),
  pLf: streamId('generate.labour_force'),
  pUnemp: streamId('generate.unemployed'),
  pUi: streamId('generate.ui_takeup'),
  pPension: streamId('generate.pension'),
  pJobKind: streamId('generate.job_kind'),
  pInformal: streamId('generate.informal'),
  pInsured: streamId('generate.insured'),
  pOrphan: streamId('generate.orphan'),
} as const;

/** Uniform in [0, 1). */
export function uni(seed: number, key: number, stream: number): number {
  return keyedUniform(seed, key, 0, stream);
}

/** Standard normal by inversion (one uniform per normal; Acklam's rational approximation, |rel. error| < 1.2e-9). */
export function normalFromUniform(u: number): number {
  const p = Math.min(Math.max(u, 1e-15), 1 - 1e-15);
  const pl = 0.02425;
  if (p < pl) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((C0 * q + C1) * q + C2) * q + C3) * q + C4) * q + C5) / ((((D0 * q + D1) * q + D2) * q + D3) * q + 1);
  }
  if (p > 1 - pl) {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    return -(((((C0 * q + C1) * q + C2) * q + C3) * q + C4) * q + C5) / ((((D0 * q + D1) * q + D2) * q + D3) * q + 1);
  }
  const q = p - 0.5;
  const r = q * q;
  return ((((((A0 * r + A1) * r + A2) * r + A3) * r + A4) * r + A5) * q) / (((((B0 * r + B1) * r + B2) * r + B3) * r + B4) * r + 1);
}
const A0 = -3.969683028665376e1, A1 = 2.209460984245205e2, A2 = -2.759285104469687e2, A3 = 1.38357751867269e2, A4 = -3.066479806614716e1, A5 = 2.506628277459239;
const B0 = -5.447609879822406e1, B1 = 1.615858368580409e2, B2 = -1.556989798598866e2, B3 = 6.680131188771972e1, B4 = -1.328068155288572e1;
const C0 = -7.784894002430293e-3, C1 = -3.223964580411365e-1, C2 = -2.400758277161838, C3 = -2.549732539343734, C4 = 4.374664141464968, C5 = 2.938163982698783;
const D0 = 7.784695709041462e-3, D1 = 3.224671290700398e-1, D2 = 2.445134137142996, D3 = 3.754408661907416;

/** Standard normal draw. */
export function normal(seed: number, key: number, stream: number): number {
  return normalFromUniform(uni(seed, key, stream));
}

/** Index of the category a uniform falls in, for probabilities summing to 1 (last wins on rounding). */
export function pick(u: number, probs: ArrayLike<number>): number {
  let c = 0;
  for (let i = 0; i < probs.length - 1; i++) {
    c += probs[i]!;
    if (u < c) return i;
  }
  return probs.length - 1;
}

/** Integer uniform on [lo, hi] from a uniform. */
export function intBetween(u: number, lo: number, hi: number): number {
  return lo + Math.min(hi - lo, Math.floor(u * (hi - lo + 1)));
}

/**
 * Piecewise-uniform integer age: segments [p, lo, hi] with probabilities summing to 1.
 * `uSeg` picks the segment, `uAge` the age within it.
 */
export function segmentAge(uSeg: number, uAge: number, segments: readonly (readonly [number, number, number])[]): number {
  let c = 0;
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i]!;
    c += s[0];
    if (uSeg < c || i === segments.length - 1) return intBetween(uAge, s[1], s[2]);
  }
  return 0;
}
