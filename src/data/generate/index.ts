/**
 * Synthetic Jilin households and persons for a calibration year (2006), drawn from the
 * targets in datasets/jilin-<year>/targets.yaml. Every value of household h is a pure
 * function of (seed, h, totalHouseholds): prefectures come from contiguous index blocks and
 * everything else from keyedUniform draws keyed by h or by the person id (h+1)*100+k. A
 * `range` therefore yields exactly the same rows as the full run, so huge populations can be
 * generated chunk by chunk (e.g. one prefecture at a time, see prefectureRanges).
 */
import type { Column } from '../../engine/column.js';
import { createPopulation, type Population } from '../../engine/population.js';
import * as constants from './constants.js';
// Local copies: module bindings compiled by tsx/vitest are getters, too slow in the per-person loop.
const { AGE_60_64_PARTIAL, ASSET_MULT, ASSET_SIGMA, CARE_LOSS, CHRONIC_PARTIAL, INFORMAL_MAX, POT_INFORMAL, URBAN_INFORMAL, DISAB_BASE, DISAB_CAP, DISAB_SLOPE, FLOOR_INCOME_ELASTICITY, FLOOR_MAX, FLOOR_MIN, FLOOR_PUBLIC, FLOOR_SIGMA, ILLNESS_BY_AGE, INCOME, LF_RURAL, LF_URBAN, NO_CAPACITY_AGE, PARTIAL_AGE, PARTIAL_LF, POOR_FIFTH_RATIO, POT_ELDERLY_FARMER, POT_PARTIAL, POT_PENSION, POT_WORKER, RETIRE_AGE_FEMALE, RETIRE_AGE_MALE, RURAL_ELDERLY_FARMING, SEVERE_DISABLED_ENROL, UNEMP_CLUSTER, UNEMP_MAX, URBAN_RETIRED_WORKING, WORK_AGE } = constants;
import * as composition from './composition.js';
// Local copies: module bindings compiled by tsx/vitest are getters, too slow in the per-person loop.
const { compose, FEMALE, MALE, newMembers, personKey } = composition;
import * as draws from './draws.js';
// Local copies: module bindings compiled by tsx/vitest are getters, too slow in the per-person loop.
const { intBetween, normal, pick, S, uni } = draws;
import { rangesFor } from './prefecture.js';
import { MAX_SIZE, targetHouseholds, targetsForYear, urbanHouseholdShare } from './targets.js';

export { prefectureRanges, type PrefectureRange } from './prefecture.js';
export { loadTargets, targetsForYear, targetsPath, targetHouseholds, urbanHouseholdShare, meanSize, type Targets } from './targets.js';

export interface GenerateOptions {
  year: 2006;
  /** Households in the whole synthetic population (indices 0 … totalHouseholds-1). */
  totalHouseholds: number;
  seed: number;
  /** Generate only households [start, end); default all. */
  range?: [number, number];
}

export interface Generated {
  households: Record<string, Column>;
  persons: Record<string, Column>;
}

/** Employment codes. */
export const EMPLOYMENT = { notInLabourForce: 0, employed: 1, unemployed: 2 } as const;
/** Housing tenure codes. */
export const TENURE = { own: 0, publicRent: 1, privateRent: 2, other: 3 } as const;
/** Schooling codes. */
export const SCHOOLING = { none: 0, primary: 1, junior: 2, senior: 3, vocational: 4, tertiary: 5 } as const;

/** Income source of a member's share of the household's earned income. */
const SRC_NONE = 0, SRC_EARNINGS = 1, SRC_FARM = 2, SRC_PENSION = 3;

/** Generates a synthetic population (or the households `range` of one). */
export function generateHouseholds(opts: GenerateOptions): Generated {
  const t = targetsForYear(opts.year);
  const total = opts.totalHouseholds;
  if (!Number.isInteger(total) || total <= 0) throw new Error(`totalHouseholds must be a positive integer, got ${total}`);
  if (!Number.isInteger(opts.seed)) throw new Error(`seed must be an integer, got ${opts.seed}`);
  if (total * 100 + 99 > Number.MAX_SAFE_INTEGER) throw new Error('totalHouseholds too large for person ids');
  const [start, end] = opts.range ?? [0, total];
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > total || start > end) throw new Error(`range [${start}, ${end}) is not inside [0, ${total})`);
  const seed = opts.seed;
  const nH = end - start;
  const A = t.assumptions;

  // Pass 1: area and size (two draws per household) to size the person columns.
  const pUrbanHh = urbanHouseholdShare(t);
  const urban = new Uint8Array(nH);
  const size = new Uint8Array(nH);
  let nP = 0;
  for (let i = 0; i < nH; i++) {
    const h = start + i;
    const u = uni(seed, h, S.urban) < pUrbanHh ? 1 : 0;
    urban[i] = u;
    const s = 1 + pick(uni(seed, h, S.size), u ? t.sizeSharesUrban : t.sizeSharesRural);
    size[i] = s;
    nP += s;
  }

  // Household columns.
  const hId = new Float64Array(nH);
  const weight = new Float64Array(nH).fill(targetHouseholds(t) / total);
  const prefecture = new Int32Array(nH);
  const singleParent = new Uint8Array(nH);
  const hukouYears = new Uint8Array(nH);
  const localHukou = new Uint8Array(nH);
  const tenure = new Uint8Array(nH);
  const floorArea = new Float32Array(nH);
  const shanty = new Uint8Array(nH);
  const land = new Uint8Array(nH);
  const assets = new Float64Array(nH);
  // Person columns.
  const pId = new Float64Array(nP);
  const pHh = new Float64Array(nP);
  const role = new Uint8Array(nP);
  const age = new Int16Array(nP);
  const sex = new Uint8Array(nP);
  const earnings = new Float64Array(nP);
  const pension = new Float64Array(nP);
  const ub = new Float64Array(nP);
  const farm = new Float64Array(nP);
  const other = new Float64Array(nP);
  const disability = new Uint8Array(nP);
  const illness = new Uint8Array(nP);
  const orphan = new Uint8Array(nP);
  const employment = new Uint8Array(nP);
  const capacity = new Uint8Array(nP);
  const schooling = new Uint8Array(nP);
  const boarding = new Uint8Array(nP);
  const insured = new Uint8Array(nP);
  const sanwu = new Uint8Array(nP);

  const ranges = rangesFor(total, t);
  let r = 0;
  while (r < ranges.length - 1 && ranges[r]!.end <= start) r++;

  const m = newMembers();
  const pot = new Float64Array(MAX_SIZE);
  const src = new Uint8Array(MAX_SIZE);
  let p = 0;
  for (let i = 0; i < nH; i++) {
    const h = start + i;
    while (r < ranges.length - 1 && h >= ranges[r]!.end) r++;
    const u = urban[i]!;
    const n = size[i]!;
    hId[i] = h + 1;
    prefecture[i] = ranges[r]!.code;
    compose(seed, h, u, n, m);
    singleParent[i] = m.singleParent;
    const v = uni(seed, h, S.disadvantage);
    const unempRate = (u ? A.urbanUnemploymentRate : A.ruralUnemploymentRate) * UNEMP_CLUSTER * (1 - v) * (1 - v);
    // A lone elderly or severely disabled person may have no legal supporter: 三无.
    const noSupporter = n === 1 && uni(seed, h, S.supporter) < (u ? A.noLegalSupporter.urban : A.noLegalSupporter.rural);

    let potSum = 0;
    let careNeeds = 0;
    let isSanwu = false;
    for (let k = 0; k < n; k++) {
      const q = p + k;
      const key = personKey(h, k);
      const a = m.age[k]!;
      const sx = m.sex[k]!;
      pId[q] = key;
      pHh[q] = h + 1;
      role[q] = m.role[k]!;
      age[q] = a;
      sex[q] = sx;
      orphan[q] = m.orphan[k]!;
      // Health.
      const pDis = Math.min(DISAB_CAP, DISAB_BASE * Math.exp(DISAB_SLOPE * a));
      const dis = uni(seed, key, S.pDisab) < pDis ? (uni(seed, key, S.pSevere) < t.disability.severeShare ? 2 : 1) : 0;
      disability[q] = dis;
      let band = 0;
      while (band < ILLNESS_BY_AGE.length - 1 && a > ILLNESS_BY_AGE[band]![0]) band++;
      const ib = ILLNESS_BY_AGE[band]!;
      const uIll = uni(seed, key, S.pIll);
      const ill = uIll < ib[2] ? 2 : uIll < ib[2] + ib[1] ? 1 : 0;
      illness[q] = ill;
      // Work capacity: none for children, the severely disabled or seriously ill, and at 75+.
      const uCap = uni(seed, key, S.pCap);
      let cap = 2;
      if (a < WORK_AGE || dis === 2 || ill === 2 || a >= NO_CAPACITY_AGE) cap = 0;
      else if (dis === 1 || (ill === 1 && uCap < CHRONIC_PARTIAL) || a >= PARTIAL_AGE || (a >= 60 && uCap < AGE_60_64_PARTIAL)) cap = 1;
      if (noSupporter && (a >= 60 || dis === 2)) { cap = 0; isSanwu = true; }
      capacity[q] = cap;
      // Schooling.
      const lvl = a >= 6 && a <= 11 ? 1 : a >= 12 && a <= 14 ? 2 : a >= 15 && a <= 17 ? 3 : a >= 18 && a <= 21 ? 5 : 0;
      let school = 0;
      if (lvl > 0) {
        const enrol = u ? A.enrolment.urban : A.enrolment.rural;
        const f = dis === 2 ? SEVERE_DISABLED_ENROL : 1;
        const us = uni(seed, key, S.pSchool);
        if (lvl === 3) school = us < enrol[3]! * f ? 3 : us < (enrol[3]! + enrol[4]!) * f ? 4 : 0;
        else school = us < enrol[lvl]! * f ? lvl : 0;
      }
      schooling[q] = school;
      boarding[q] = school > 0 && uni(seed, key, S.pBoard) < (u ? A.boarding.urban : A.boarding.rural)[school]! ? 1 : 0;
      // Employment, pensions, potential earners.
      let emp = 0;
      let ps = 0;
      let kind = SRC_NONE;
      const uLf = uni(seed, key, S.pLf);
      if (a >= WORK_AGE && school === 0 && cap > 0 && !isSanwu) {
        if (u) {
          const retired = a >= (sx === MALE ? RETIRE_AGE_MALE : RETIRE_AGE_FEMALE);
          if (retired) emp = uLf < URBAN_RETIRED_WORKING ? 1 : 0;
          else if (uLf < (sx === FEMALE ? LF_URBAN.female : LF_URBAN.male) * (cap === 1 ? PARTIAL_LF : 1)) emp = uni(seed, key, S.pUnemp) < Math.min(UNEMP_MAX, unempRate) ? 2 : 1;
        } else if (a >= 60) emp = uLf < RURAL_ELDERLY_FARMING ? 1 : 0;
        else if (uLf < (sx === FEMALE ? LF_RURAL.female : LF_RURAL.male) * (cap === 1 ? PARTIAL_LF : 1)) emp = uni(seed, key, S.pUnemp) < Math.min(UNEMP_MAX, unempRate) ? 2 : 1;
      }
      employment[q] = emp;
      const uPen = uni(seed, key, S.pPension);
      const hasPension = !isSanwu && emp !== 1 && (u ? a >= (sx === MALE ? RETIRE_AGE_MALE : RETIRE_AGE_FEMALE) && uPen < A.urbanPensionCoverage : a >= 60 && uPen < A.ruralPensionCoverage);
      if (dis === 2 || ill === 2) careNeeds++;
      if (emp === 1) {
        // Urban informal or casual work (clustered in disadvantaged households, like unemployment).
        const informal = u && uni(seed, key, S.pInformal) < Math.min(INFORMAL_MAX, URBAN_INFORMAL * UNEMP_CLUSTER * (1 - v) * (1 - v));
        ps = a >= 60 && !u ? POT_ELDERLY_FARMER : cap === 1 ? POT_PARTIAL : informal ? POT_INFORMAL : POT_WORKER;
        const uj = uni(seed, key, S.pJobKind);
        kind = u ? (uj < A.urbanSelfEmployed ? SRC_FARM : SRC_EARNINGS) : a < 60 && uj < A.ruralWageWorkers ? SRC_EARNINGS : SRC_FARM;
      } else if (hasPension) {
        ps = u ? POT_PENSION.urban : POT_PENSION.rural;
        kind = SRC_PENSION;
      }
      pot[k] = ps;
      src[k] = kind;
      potSum += ps;
      ub[q] = 0;
      if (emp === 2 && u && uni(seed, key, S.pUi) < A.unemploymentBenefitTakeup) { ub[q] = A.unemploymentBenefit; }
      // Medical insurance.
      const pIns = u ? (emp === 1 ? A.medical.urbanEmployed : hasPension ? A.medical.urbanPensioner : A.medical.urbanOther) : A.medical.rural;
      insured[q] = uni(seed, key, S.pInsured) < pIns ? 1 : 0;
      earnings[q] = 0; pension[q] = 0; farm[q] = 0; other[q] = 0;
    }

    // Income: per-capita level from the earning potential, split over the earners.
    const area = u ? INCOME.urban : INCOME.rural;
    let pcAnnual = 0;
    if (isSanwu) {
      sanwu[p] = 1;
    } else {
      const eps = normal(seed, h, S.incomeEps);
      // One formula for all: labour (net of care) drives the level, with no point mass for households without earners.
      const labour = Math.max(area.floor, (potSum - CARE_LOSS * careNeeds) / n);
      let lny = Math.log(area.scale) + area.beta * Math.log(labour) + (eps < 0 ? area.sigmaLow : area.sigmaHigh) * eps;
      if (uni(seed, h, S.incomeShock) < area.shockP) lny += Math.log(area.shockFactor);
      pcAnnual = Math.exp(lny);
      const monthly = (pcAnnual * n) / 12;
      const oShare = u ? A.otherTransferShare.urban : A.otherTransferShare.rural;
      if (potSum > 0) {
        other[p] = cents(monthly * oShare);
        const rest = monthly * (1 - oShare);
        for (let k = 0; k < n; k++) {
          if (pot[k] === 0) continue;
          const amt = cents((rest * pot[k]!) / potSum);
          const q = p + k;
          if (src[k] === SRC_EARNINGS) earnings[q] = amt;
          else if (src[k] === SRC_FARM) farm[q] = amt;
          else pension[q] = amt;
        }
      } else other[p] = cents(monthly); // no earner and no pension: support from relatives, odd jobs
    }

    // Household attributes.
    const headAge = m.age[0]!;
    const mean = u ? t.income.urbanMean : t.income.ruralMean;
    const poor = pcAnnual < mean * (u ? POOR_FIFTH_RATIO.urban : POOR_FIFTH_RATIO.rural);
    let hk = 0;
    if (u && uni(seed, h, S.hukou) >= A.hukouNonlocalShare) {
      const uy = uni(seed, h, S.hukouYears);
      const sb = A.hukouSinceBirthShare;
      hk = uy < sb ? headAge : headAge - intBetween((uy - sb) / (1 - sb), WORK_AGE, Math.max(WORK_AGE, headAge));
      hk = Math.max(0, Math.min(headAge, hk));
    }
    hukouYears[i] = hk;
    // Urban households without local urban hukou (hk 0: migrants, people registered elsewhere) are not local for urban dibao.
    localHukou[i] = u && hk === 0 ? 0 : 1;
    const ten = pick(uni(seed, h, S.tenure), u ? (hk > 0 ? A.tenureUrbanLocal : A.tenureUrbanNonlocal) : A.tenureRural);
    tenure[i] = ten;
    const rel = Math.max(pcAnnual, mean * 0.05) / mean;
    let fa = (u ? A.floorAreaMedian.urban : A.floorAreaMedian.rural) * Math.pow(rel, u ? FLOOR_INCOME_ELASTICITY.urban : FLOOR_INCOME_ELASTICITY.rural) * Math.exp(FLOOR_SIGMA * normal(seed, h, S.area));
    if (ten === 1) fa *= FLOOR_PUBLIC;
    floorArea[i] = Math.round(Math.min(FLOOR_MAX, Math.max(FLOOR_MIN, fa)) * 10) / 10;
    const pSh = u ? (poor ? A.shanty.urbanPoor : A.shanty.urbanOther) : poor ? A.shanty.ruralPoor : A.shanty.ruralOther;
    shanty[i] = uni(seed, h, S.shanty) < pSh ? 1 : 0;
    land[i] = uni(seed, h, S.land) < (u ? A.landExpropriated.urban : A.landExpropriated.rural) ? 1 : 0;
    assets[i] = Math.round(pcAnnual * n * ASSET_MULT * Math.exp(ASSET_SIGMA * normal(seed, h, S.assets)));
    p += n;
  }

  return {
    households: { id: hId, weight, prefecture, urban, single_parent: singleParent, hukou_local_urban_years: hukouYears, local_hukou: localHukou, housing_tenure: tenure, floor_area_per_person: floorArea, shanty, land_expropriated: land, assets },
    persons: {
      id: pId, household: pHh, role, age, sex, earnings, pension, unemployment_benefit: ub, farm_business: farm, other_transfers: other,
      disability, illness, orphan, employment, work_capacity: capacity, schooling, boarding, medical_insured: insured, sanwu,
    },
  };
}

function cents(x: number): number {
  return Math.round(x * 100) / 100;
}

/** Household size of each generated household (members are contiguous, ordered by household). */
export function householdSizes(g: Generated): Uint8Array {
  const nH = g.households.id!.length;
  const out = new Uint8Array(nH);
  const hh = g.persons.household!;
  const first = nH > 0 ? g.households.id![0]! : 0;
  for (let q = 0; q < hh.length; q++) out[hh[q]! - first]!++;
  return out;
}

/** A Population (for the engine) from generated columns, optionally with calibrated weights. */
export function toPopulation(g: Generated, weights?: Float64Array): Population {
  const { id: hid, weight, ...hcols } = g.households;
  const { id: pid, household, ...pcols } = g.persons;
  return createPopulation({
    households: { id: hid!, weight: weights ?? weight!, columns: hcols },
    persons: { id: pid!, household: household!, columns: pcols },
    source: 'generated',
  });
}

