/**
 * Calibration targets (datasets/<name>/targets.yaml): parsed once, checked, typed. Every
 * number in the file carries `source:` or `assumption:`; the loader keeps that citation so
 * the calibration report can print it beside each target.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { packagePath } from '../../engine/paths.js';

/** Household sizes 1..10 (the last class is 10+, generated as exactly 10). */
export const MAX_SIZE = 10;

export interface AgeGroupTarget { name: string; min: number; max: number; share: number }
/** A published mean household size of the households between two shares of the income ranking (poorest first). */
export interface SizeByIncomeGroup { from: number; to: number; size: number }
/** Household size by income group, a check of the generator (never raked or fitted). */
export interface SizeByIncome { overall: number; groups: SizeByIncomeGroup[] }
export interface PrefectureTarget { code: number; share: number }

export interface Targets {
  file: string;
  name: string;
  year: number;
  totalPopulation: number;
  urbanShare: number;
  /** Sorted by code; shares renormalised to sum to 1. */
  prefectures: PrefectureTarget[];
  sexRatio: number;
  /** Males / all persons, from the sex ratio. */
  maleShare: number;
  ageGroups: AgeGroupTarget[];
  /** Shares of households by size 1..10 (index size-1), renormalised. */
  sizeShares: Float64Array;
  sizeSharesUrban: Float64Array;
  sizeSharesRural: Float64Array;
  income: {
    urbanMean: number;
    ruralMean: number;
    urbanQuintiles: number[];
    ruralQuintiles: number[];
    lowestDecileRatio: number;
    poorest5Ratio: number;
    meanTolerance: number;
    quintileTolerance: number;
    /** Published household size by income group (national, a check only). */
    sizeByIncome: { urban: SizeByIncome; rural: SizeByIncome };
  };
  disability: { prevalence: number; severeShare: number };
  /** Generator assumptions (the `assumptions:` section, values only). */
  assumptions: GeneratorAssumptions;
  /** Citation of each target, `source: …` or `assumption: …`, by key (e.g. 'population.total'). */
  cite: Record<string, string>;
}

export interface AreaPair { urban: number; rural: number }

export interface GeneratorAssumptions {
  urbanUnemploymentRate: number;
  ruralUnemploymentRate: number;
  unemploymentBenefit: number;
  unemploymentBenefitTakeup: number;
  urbanPensionCoverage: number;
  ruralPensionCoverage: number;
  urbanSelfEmployed: number;
  ruralWageWorkers: number;
  otherTransferShare: AreaPair;
  medical: { urbanEmployed: number; urbanPensioner: number; urbanOther: number; rural: number };
  /** Enrolment probabilities by level (1 primary … 5 tertiary; index 0 unused). */
  enrolment: { urban: Float64Array; rural: Float64Array };
  /** Boarding probabilities by level (index = schooling code). */
  boarding: { urban: Float64Array; rural: Float64Array };
  hukouNonlocalShare: number;
  hukouSinceBirthShare: number;
  /** Tenure probabilities [own, public rent, private rent, other]. */
  tenureUrbanLocal: Float64Array;
  tenureUrbanNonlocal: Float64Array;
  tenureRural: Float64Array;
  floorAreaMedian: AreaPair;
  shanty: { urbanPoor: number; urbanOther: number; ruralPoor: number; ruralOther: number };
  landExpropriated: AreaPair;
  noLegalSupporter: AreaPair;
}

type Obj = Record<string, unknown>;

const cache = new Map<string, Targets>();

/** Path of a dataset's targets file. */
export function targetsPath(dataset = 'jilin-2006'): string {
  return packagePath('datasets', dataset, 'targets.yaml');
}

/** Loads (and caches) a targets file; default: datasets/jilin-2006/targets.yaml. */
export function loadTargets(file = targetsPath()): Targets {
  const hit = cache.get(file);
  if (hit) return hit;
  const t = parseTargets(readFileSync(file, 'utf8'), file);
  cache.set(file, t);
  return t;
}

/** The targets for a year (only 2006 exists so far). */
export function targetsForYear(year: number): Targets {
  const t = loadTargets(targetsPath(`jilin-${year}`));
  if (t.year !== year) throw new Error(`${t.file}: year ${t.year}, expected ${year}`);
  return t;
}

/** Parses the text of a targets file (see datasets/jilin-2006/targets.yaml). */
export function parseTargets(text: string, file: string): Targets {
  const root = parse(text) as Obj;
  const cite: Record<string, string> = {};
  const fail = (path: string, why: string): never => { throw new Error(`${file}: ${path}: ${why}`); };
  const node = (path: string): Obj => {
    let n: unknown = root;
    for (const k of path.split('.')) n = n && typeof n === 'object' ? (n as Obj)[k] : undefined;
    if (!n || typeof n !== 'object') fail(path, 'missing');
    return n as Obj;
  };
  const cited = (path: string): Obj => {
    const n = node(path);
    const has = ['source', 'assumption'].filter((k) => typeof n[k] === 'string' && (n[k] as string).trim() !== '');
    if (has.length !== 1) fail(path, 'needs exactly one of source: or assumption:');
    cite[path] = `${has[0]}: ${n[has[0]!] as string}`;
    return n;
  };
  const num = (n: Obj, k: string, path: string): number => {
    const v = n[k];
    if (typeof v !== 'number' || !Number.isFinite(v)) fail(`${path}.${k}`, 'expected a number');
    return v as number;
  };
  const value = (path: string): number => num(cited(path), 'value', path);
  const shares = (path: string, len?: number): Float64Array => {
    const v = cited(path).values;
    if (!Array.isArray(v) || (len !== undefined && v.length !== len) || !v.every((x) => typeof x === 'number' && x >= 0)) fail(path, `expected ${len ?? 'a list of'} non-negative numbers`);
    return normalise(Float64Array.from(v as number[]), path, fail);
  };

  const prefNode = cited('population.prefecture_share').values as Obj | undefined;
  if (!prefNode || typeof prefNode !== 'object') fail('population.prefecture_share.values', 'missing');
  const codes = Object.keys(prefNode!).map(Number).sort((a, b) => a - b);
  const prefShares = normalise(Float64Array.from(codes, (c) => num(prefNode!, String(c), 'population.prefecture_share.values')), 'population.prefecture_share', fail);
  cited('population.urban_share_by_prefecture');

  const ageRaw = cited('population.age_groups').groups;
  if (!Array.isArray(ageRaw) || ageRaw.length === 0) fail('population.age_groups.groups', 'expected a list');
  const ageGroups = (ageRaw as Obj[]).map((g, i) => ({ name: String(g.name), min: num(g, 'min', `age_groups[${i}]`), max: num(g, 'max', `age_groups[${i}]`), share: num(g, 'share', `age_groups[${i}]`) }));
  const ageSum = ageGroups.reduce((s, g) => s + g.share, 0);
  if (Math.abs(ageSum - 1) > 1e-3) fail('population.age_groups', `shares sum to ${ageSum}`);
  for (const g of ageGroups) g.share /= ageSum;

  const sexRatio = value('population.sex_ratio');
  const q = (path: string): number[] => Array.from(shares(path, 5));
  const tail = cited('income.urban_lower_tail');
  const tol = cited('income.tolerance');
  const sizeByIncome = (path: string): SizeByIncome => {
    const n = cited(path);
    const raw = n.groups;
    if (!Array.isArray(raw) || raw.length === 0) fail(`${path}.groups`, 'expected a list');
    const groups = (raw as Obj[]).map((g, i) => ({ from: num(g, 'from', `${path}.groups[${i}]`), to: num(g, 'to', `${path}.groups[${i}]`), size: num(g, 'size', `${path}.groups[${i}]`) }));
    groups.forEach((g, i) => { if (!(g.from >= 0 && g.from < g.to && g.to <= 1 && g.size > 0)) fail(`${path}.groups[${i}]`, 'needs 0 ≤ from < to ≤ 1 and size > 0'); });
    return { overall: num(n, 'overall', path), groups };
  };
  const a = (k: string): Obj => cited(`assumptions.${k}`);
  const pair = (n: Obj, path: string): AreaPair => ({ urban: num(n, 'urban', path), rural: num(n, 'rural', path) });
  const levels = ['primary', 'junior', 'senior', 'vocational', 'tertiary'];
  const sch = a('schooling');
  const enrol = (area: 'urban' | 'rural'): Float64Array => Float64Array.from([0, ...levels.map((l) => num(sch[l] as Obj, area, `assumptions.schooling.${l}`))]);
  const brd = a('boarding');
  const board = (area: 'urban' | 'rural'): Float64Array => Float64Array.from([0, ...levels.map((l) => num(brd[area] as Obj, l, `assumptions.boarding.${area}`))]);
  const hous = a('housing');
  const tenure = (k: string): Float64Array => normalise(Float64Array.from(['own', 'public_rent', 'private_rent', 'other'], (x) => num(hous[k] as Obj, x, `assumptions.housing.${k}`)), `assumptions.housing.${k}`, fail);
  const sh = hous.shanty_rate as Obj;
  const med = a('medical_insurance');
  const hk = a('hukou');
  cited('households.size_2010');
  cited('households.mean_size');
  cited('income.rural_sources_2007');

  const t: Targets = {
    file,
    name: String(root.name),
    year: Number(root.year),
    totalPopulation: value('population.total'),
    urbanShare: value('population.urban_share'),
    prefectures: codes.map((code, i) => ({ code, share: prefShares[i]! })),
    sexRatio,
    maleShare: sexRatio / (100 + sexRatio),
    ageGroups,
    sizeShares: shares('households.size', MAX_SIZE),
    sizeSharesUrban: shares('households.size_urban', MAX_SIZE),
    sizeSharesRural: shares('households.size_rural', MAX_SIZE),
    income: {
      urbanMean: value('income.urban_mean'),
      ruralMean: value('income.rural_mean'),
      urbanQuintiles: q('income.urban_quintile_shares'),
      ruralQuintiles: q('income.rural_quintile_shares'),
      lowestDecileRatio: num(tail, 'lowest_decile_ratio', 'income.urban_lower_tail'),
      poorest5Ratio: num(tail, 'poorest_5pct_ratio', 'income.urban_lower_tail'),
      meanTolerance: num(tol, 'mean_relative', 'income.tolerance'),
      quintileTolerance: num(tol, 'quintile_share_pp', 'income.tolerance'),
      sizeByIncome: { urban: sizeByIncome('income.urban_size_by_income_group'), rural: sizeByIncome('income.rural_size_by_income_group') },
    },
    disability: { prevalence: value('health.disability_prevalence'), severeShare: value('health.disability_severe_share') },
    assumptions: {
      urbanUnemploymentRate: value('assumptions.urban_unemployment_rate'),
      ruralUnemploymentRate: value('assumptions.rural_unemployment_rate'),
      unemploymentBenefit: value('assumptions.unemployment_benefit'),
      unemploymentBenefitTakeup: value('assumptions.unemployment_benefit_takeup'),
      urbanPensionCoverage: value('assumptions.urban_pension_coverage'),
      ruralPensionCoverage: value('assumptions.rural_pension_coverage'),
      urbanSelfEmployed: value('assumptions.urban_self_employed'),
      ruralWageWorkers: value('assumptions.rural_wage_workers'),
      otherTransferShare: pair(a('other_transfer_share'), 'assumptions.other_transfer_share'),
      medical: { urbanEmployed: num(med, 'urban_employed', 'medical'), urbanPensioner: num(med, 'urban_pensioner', 'medical'), urbanOther: num(med, 'urban_other', 'medical'), rural: num(med, 'rural', 'medical') },
      enrolment: { urban: enrol('urban'), rural: enrol('rural') },
      boarding: { urban: board('urban'), rural: board('rural') },
      hukouNonlocalShare: num(hk, 'nonlocal_share', 'assumptions.hukou'),
      hukouSinceBirthShare: num(hk, 'since_birth_share', 'assumptions.hukou'),
      tenureUrbanLocal: tenure('urban_tenure_local'),
      tenureUrbanNonlocal: tenure('urban_tenure_nonlocal'),
      tenureRural: tenure('rural_tenure'),
      floorAreaMedian: pair(hous.floor_area_median as Obj, 'assumptions.housing.floor_area_median'),
      shanty: { urbanPoor: num(sh, 'urban_poorest_fifth', 'shanty'), urbanOther: num(sh, 'urban_other', 'shanty'), ruralPoor: num(sh, 'rural_poorest_fifth', 'shanty'), ruralOther: num(sh, 'rural_other', 'shanty') },
      landExpropriated: pair(a('land_expropriated'), 'assumptions.land_expropriated'),
      noLegalSupporter: pair(a('no_legal_supporter'), 'assumptions.no_legal_supporter'),
    },
    cite,
  };
  if (!(t.urbanShare > 0 && t.urbanShare < 1)) fail('population.urban_share', 'must be in (0, 1)');
  return t;
}

function normalise(v: Float64Array, path: string, fail: (p: string, w: string) => never): Float64Array {
  let s = 0;
  for (const x of v) s += x;
  if (Math.abs(s - 1) > 2e-3) fail(path, `shares sum to ${s}, expected 1`);
  for (let i = 0; i < v.length; i++) v[i]! /= s;
  return v;
}

/** Mean household size of a size distribution (10+ counted as 10). */
export function meanSize(shares: Float64Array): number {
  let m = 0;
  for (let k = 0; k < shares.length; k++) m += shares[k]! * (k + 1);
  return m;
}

/** Target number of households: total population / mean size of the overall distribution. */
export function targetHouseholds(t: Targets): number {
  return t.totalPopulation / meanSize(t.sizeShares);
}

/** Share of households that are urban, from the urban population share and the area mean sizes. */
export function urbanHouseholdShare(t: Targets): number {
  const u = t.urbanShare / meanSize(t.sizeSharesUrban);
  const r = (1 - t.urbanShare) / meanSize(t.sizeSharesRural);
  return u / (u + r);
}
