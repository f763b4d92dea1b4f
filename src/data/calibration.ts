/**
 * Calibration of a generated population to its targets (datasets/jilin-<year>/targets.yaml):
 * rakes the household weights to the population by prefecture, by area (urban/rural) and by
 * sex, the household-size distribution and the age groups, then reports each target beside
 * the generated value, plus income checks (means and quintile shares) that are not raked,
 * and household size by income group against published survey tables (a check, never fitted).
 */
import type { Generated } from './generate/index.js';
import { householdSizes } from './generate/index.js';
import { MAX_SIZE, meanSize, targetHouseholds, type Targets } from './generate/targets.js';
import { rake, type Margin } from './rake.js';

export interface TargetRow {
  /** What is targeted, e.g. 'population by prefecture'. */
  target: string;
  /** The group, e.g. '220100' or '0-14' or 'size 3'. */
  group: string;
  /** Weighted value with the calibrated weights. */
  generated: number;
  /** The target value. */
  expected: number;
  /** (generated − expected) / expected. */
  relativeDiff: number;
  /** Weighted value with the design weights, before raking. */
  initial: number;
  /** `source: …` or `assumption: …`, from the targets file. */
  source: string;
  /** True if the row is a raking margin (false: a check only). */
  raked: boolean;
}

export interface IncomeCheck {
  area: 'urban' | 'rural';
  /** Weighted mean per-capita income (all sources, yuan/year) with the calibrated weights. */
  mean: number;
  expectedMean: number;
  relativeDiff: number;
  /** Income shares of person quintiles ranked by household per-capita income. */
  quintileShares: number[];
  expectedShares: number[];
  /** max |share − expected| in share points (0.01 = 1 pp). */
  maxShareDiff: number;
  /** Mean of the poorest 10% and 5% of persons / overall mean (lower-tail anchors, urban). */
  lowestDecileRatio: number;
  poorest5Ratio: number;
  meanSource: string;
  shareSource: string;
  /**
   * Mean household size by income group (households ranked by per-capita income, household-
   * weighted, poorest first) beside the published one, each also as a ratio to its area mean:
   * the published table is national, so the ratio is what compares with Jilin.
   */
  sizeByIncome: SizeByIncomeCheck[];
  sizeSource: string;
}

export interface SizeByIncomeCheck { from: number; to: number; generated: number; expected: number; generatedRatio: number; expectedRatio: number }

export interface CalibrationReport {
  rows: TargetRow[];
  income: IncomeCheck[];
  rake: { iterations: number; converged: boolean; maxRelativeDeviation: number; history: number[] };
  /** Calibrated / design weight: min, max (a large spread means the generator is off target). */
  weightRatio: { min: number; max: number };
  /** Largest |relativeDiff| over the raked rows. */
  maxRakedDeviation: number;
}

export interface CalibrateOptions { maxIterations?: number; tolerance?: number }

/** Per-household weighted tallies that margins and checks need. */
interface Tallies {
  size: Uint8Array;
  males: Float64Array;
  ageCounts: Float64Array[];
  disabled: Float64Array;
  /** Per-capita income, all sources, yuan/month. */
  pcIncome: Float64Array;
}

function tallies(g: Generated, t: Targets): Tallies {
  const size = householdSizes(g);
  const nH = size.length;
  const first = nH > 0 ? g.households.id![0]! : 0;
  const hh = g.persons.household!;
  const age = g.persons.age!;
  const sex = g.persons.sex!;
  const dis = g.persons.disability!;
  const srcs = ['earnings', 'pension', 'unemployment_benefit', 'farm_business', 'other_transfers'].map((c) => g.persons[c]!);
  const males = new Float64Array(nH);
  const disabled = new Float64Array(nH);
  const ageCounts = t.ageGroups.map(() => new Float64Array(nH));
  const pcIncome = new Float64Array(nH);
  for (let q = 0; q < hh.length; q++) {
    const i = hh[q]! - first;
    if (sex[q] === 1) males[i]!++;
    if (dis[q]! > 0) disabled[i]!++;
    const a = age[q]!;
    t.ageGroups.forEach((grp, j) => { if (a >= grp.min && a <= grp.max) ageCounts[j]![i]!++; });
    let inc = 0;
    for (const s of srcs) inc += s[q]!;
    pcIncome[i]! += inc;
  }
  for (let i = 0; i < nH; i++) pcIncome[i]! /= size[i]!;
  return { size, males, ageCounts, disabled, pcIncome };
}

/** Rakes a generated population to its targets and reports the fit. */
export function calibrate(generated: Generated, targets: Targets, opts: CalibrateOptions = {}): { weights: Float64Array; report: CalibrationReport } {
  const t = targets;
  const T = tallies(generated, t);
  const nH = T.size.length;
  const design = generated.households.weight as Float64Array;
  const urban = generated.households.urban as Uint8Array;
  const pref = generated.households.prefecture!;
  const codeIndex = new Map(t.prefectures.map((p, i) => [p.code, i]));
  const prefIdx = new Int32Array(nH);
  for (let i = 0; i < nH; i++) {
    const j = codeIndex.get(pref[i]!);
    if (j === undefined) throw new Error(`household ${i}: prefecture ${pref[i]} has no target`);
    prefIdx[i] = j;
  }
  const sizeVal = Float64Array.from(T.size);
  const sizeIdx = new Uint8Array(nH);
  for (let i = 0; i < nH; i++) sizeIdx[i] = Math.min(MAX_SIZE, T.size[i]!) - 1;
  const zeros = new Uint8Array(nH);
  const pop = t.totalPopulation;
  const H = targetHouseholds(t);

  interface Spec { target: string; labels: string[]; margin: Margin; source: string }
  const specs: Spec[] = [
    {
      target: 'population by prefecture', labels: t.prefectures.map((p) => String(p.code)), source: t.cite['population.prefecture_share']!,
      margin: { name: 'prefecture', index: prefIdx, value: sizeVal, targets: Float64Array.from(t.prefectures, (p) => p.share * pop) },
    },
    {
      target: 'population by area', labels: ['rural', 'urban'], source: t.cite['population.urban_share']!,
      margin: { name: 'area', index: urban, value: sizeVal, targets: Float64Array.from([(1 - t.urbanShare) * pop, t.urbanShare * pop]) },
    },
    {
      target: 'households by size', labels: Array.from({ length: MAX_SIZE }, (_, k) => `size ${k + 1}${k + 1 === MAX_SIZE ? '+' : ''}`), source: t.cite['households.size']!,
      margin: { name: 'household size', index: sizeIdx, targets: Float64Array.from(t.sizeShares, (s) => s * H) },
    },
    ...t.ageGroups.map((grp, j) => ({
      target: 'population by age group', labels: [grp.name], source: t.cite['population.age_groups']!,
      margin: { name: `age ${grp.name}`, index: zeros, value: T.ageCounts[j]!, targets: Float64Array.of(grp.share * pop) },
    })),
    {
      target: 'males', labels: ['male'], source: t.cite['population.sex_ratio']!,
      margin: { name: 'males', index: zeros, value: T.males, targets: Float64Array.of(t.maleShare * pop) },
    },
  ];
  const result = rake({ weights: design, margins: specs.map((s) => s.margin), maxIterations: opts.maxIterations ?? 500, tolerance: opts.tolerance ?? 1e-7 });
  const w = result.weights;

  const rows: TargetRow[] = [];
  const row = (target: string, group: string, gen: number, init: number, expected: number, source: string, raked: boolean): void => {
    rows.push({ target, group, generated: gen, expected, relativeDiff: (gen - expected) / expected, initial: init, source, raked });
  };
  const total = (weights: Float64Array, v?: Float64Array | Uint8Array, sel?: (i: number) => boolean): number => {
    let s = 0;
    for (let i = 0; i < nH; i++) if (!sel || sel(i)) s += weights[i]! * (v ? v[i]! : 1);
    return s;
  };
  for (const s of specs) {
    const m = s.margin;
    s.labels.forEach((label, g) => {
      const sel = (i: number): boolean => m.index[i] === g;
      row(s.target, label, total(w, m.value, sel), total(design, m.value, sel), m.targets[g]!, s.source, true);
    });
  }
  row('total population', 'all', total(w, sizeVal), total(design, sizeVal), pop, t.cite['population.total']!, false);
  row('total households', 'all', total(w), total(design), H, t.cite['households.mean_size']!, false);
  row('mean household size', 'all', total(w, sizeVal) / total(w), total(design, sizeVal) / total(design), meanSize(t.sizeShares), t.cite['households.mean_size']!, false);
  row('sex ratio', 'males per 100 females', sexRatio(w, T, sizeVal, nH), sexRatio(design, T, sizeVal, nH), t.sexRatio, t.cite['population.sex_ratio']!, false);
  const disPrev = (weights: Float64Array): number => total(weights, T.disabled) / total(weights, sizeVal);
  row('disability prevalence', 'share of persons', disPrev(w), disPrev(design), t.disability.prevalence, t.cite['health.disability_prevalence']!, false);

  const income = (['urban', 'rural'] as const).map((area) => incomeCheck(area, w, T, urban, t));
  let lo = Infinity;
  let hi = 0;
  for (let i = 0; i < nH; i++) {
    const r = design[i]! > 0 ? w[i]! / design[i]! : 1;
    lo = Math.min(lo, r);
    hi = Math.max(hi, r);
  }
  const maxRakedDeviation = rows.filter((r) => r.raked).reduce((a, r) => Math.max(a, Math.abs(r.relativeDiff)), 0);
  return {
    weights: w,
    report: {
      rows,
      income,
      rake: { iterations: result.iterations, converged: result.converged, maxRelativeDeviation: result.maxRelativeDeviation, history: result.history },
      weightRatio: { min: lo, max: hi },
      maxRakedDeviation,
    },
  };
}

function sexRatio(w: Float64Array, T: Tallies, size: Float64Array, nH: number): number {
  let m = 0;
  let all = 0;
  for (let i = 0; i < nH; i++) { m += w[i]! * T.males[i]!; all += w[i]! * size[i]!; }
  return (100 * m) / (all - m);
}

function incomeCheck(area: 'urban' | 'rural', w: Float64Array, T: Tallies, urban: Uint8Array, t: Targets): IncomeCheck {
  const want = area === 'urban' ? 1 : 0;
  const idx: number[] = [];
  for (let i = 0; i < urban.length; i++) if (urban[i] === want) idx.push(i);
  const pc = new Float64Array(idx.length);
  const pw = new Float64Array(idx.length);
  idx.forEach((i, j) => { pc[j] = T.pcIncome[i]! * 12; pw[j] = w[i]! * T.size[i]!; });
  const d = personDistribution(pc, pw);
  const hs = Float64Array.from(idx, (i) => T.size[i]!);
  const hw = Float64Array.from(idx, (i) => w[i]!);
  const published = t.income.sizeByIncome[area];
  const areaSize = householdSizeByIncome(pc, hs, hw, 0, 1);
  const sizeByIncome = published.groups.map((g) => {
    const generated = householdSizeByIncome(pc, hs, hw, g.from, g.to);
    return { from: g.from, to: g.to, generated, expected: g.size, generatedRatio: generated / areaSize, expectedRatio: g.size / published.overall };
  });
  const expectedMean = area === 'urban' ? t.income.urbanMean : t.income.ruralMean;
  const expectedShares = area === 'urban' ? t.income.urbanQuintiles : t.income.ruralQuintiles;
  return {
    area,
    mean: d.mean,
    expectedMean,
    relativeDiff: (d.mean - expectedMean) / expectedMean,
    quintileShares: d.quintiles,
    expectedShares,
    maxShareDiff: d.quintiles.reduce((a, s, k) => Math.max(a, Math.abs(s - expectedShares[k]!)), 0),
    lowestDecileRatio: d.bottomMean(0.1) / d.mean,
    poorest5Ratio: d.bottomMean(0.05) / d.mean,
    meanSource: t.cite[`income.${area}_mean`]!,
    shareSource: t.cite[`income.${area}_quintile_shares`]!,
    sizeByIncome,
    sizeSource: t.cite[`income.${area}_size_by_income_group`]!,
  };
}

/**
 * Mean size of the households between the shares `from` and `to` of all households (weighted),
 * ranked by per-capita income, poorest first: persons ÷ households in the group, a household
 * straddling a boundary counted pro rata (as NBS income groups hold fixed shares of households).
 */
export function householdSizeByIncome(pc: Float64Array, size: Float64Array, weight: Float64Array, from: number, to: number): number {
  const n = pc.length;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => pc[a]! - pc[b]!);
  let W = 0;
  for (let i = 0; i < n; i++) W += weight[i]!;
  const lo = from * W;
  const hi = to * W;
  let cw = 0;
  let households = 0;
  let persons = 0;
  for (let j = 0; j < n && cw < hi; j++) {
    const i = order[j]!;
    const part = Math.min(cw + weight[i]!, hi) - Math.max(cw, lo);
    if (part > 0) { households += part; persons += part * size[i]!; }
    cw += weight[i]!;
  }
  return households > 0 ? persons / households : 0;
}

/**
 * A weighted distribution of persons over household per-capita income: the mean, the income
 * shares of the five person quintiles (a household straddling a boundary is split
 * pro rata), and the mean of the poorest fraction p.
 */
export function personDistribution(pc: Float64Array, personWeight: Float64Array): { mean: number; quintiles: number[]; bottomMean: (p: number) => number } {
  const n = pc.length;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => pc[a]! - pc[b]!);
  let W = 0;
  let Y = 0;
  for (let i = 0; i < n; i++) { W += personWeight[i]!; Y += personWeight[i]! * pc[i]!; }
  /** Income held by the poorest fraction p of persons. */
  const incomeBelow = (p: number): number => {
    const cut = p * W;
    let cw = 0;
    let cy = 0;
    for (let j = 0; j < n; j++) {
      const i = order[j]!;
      const wi = personWeight[i]!;
      if (cw + wi >= cut) return cy + (cut - cw) * pc[i]!;
      cw += wi;
      cy += wi * pc[i]!;
    }
    return cy;
  };
  const cum = [0, 0.2, 0.4, 0.6, 0.8].map(incomeBelow).concat(Y);
  return {
    mean: W > 0 ? Y / W : 0,
    quintiles: [0, 1, 2, 3, 4].map((k) => (Y > 0 ? (cum[k + 1]! - cum[k]!) / Y : 0)),
    bottomMean: (p: number) => (W > 0 ? incomeBelow(p) / (p * W) : 0),
  };
}

/** Inclusion rates of the dibao means test by income source (earnings 0.8, others 1 by default). */
export interface InclusionRates { earnings: number; pension: number; unemployment_benefit: number; farm_business: number; other_transfers: number }

/**
 * Share of persons (weighted) whose household per-capita counted income is below the dibao
 * standard of their prefecture and area, by area. `standards` maps a prefecture code to its
 * {urban, rural} standard (yuan/person/month).
 */
export function shareBelowStandard(
  g: Generated,
  weights: Float64Array,
  standards: Record<string, { urban: number; rural: number }>,
  rates: InclusionRates = { earnings: 0.8, pension: 1, unemployment_benefit: 1, farm_business: 1, other_transfers: 1 },
): { urban: number; rural: number; all: number } {
  const size = householdSizes(g);
  const nH = size.length;
  const first = nH > 0 ? g.households.id![0]! : 0;
  const counted = new Float64Array(nH);
  const hh = g.persons.household!;
  const cols = (Object.keys(rates) as (keyof InclusionRates)[]).map((k) => [g.persons[k]!, rates[k]] as const);
  for (let q = 0; q < hh.length; q++) {
    let c = 0;
    for (const [col, r] of cols) c += col[q]! * r;
    counted[hh[q]! - first]! += c;
  }
  const urban = g.households.urban!;
  const pref = g.households.prefecture!;
  const below = [0, 0];
  const all = [0, 0];
  for (let i = 0; i < nH; i++) {
    const s = standards[String(pref[i])];
    if (!s) throw new Error(`no dibao standard for prefecture ${pref[i]}`);
    const u = urban[i]!;
    const pw = weights[i]! * size[i]!;
    all[u]! += pw;
    if (counted[i]! / size[i]! < (u ? s.urban : s.rural)) below[u]! += pw;
  }
  return { urban: below[1]! / all[1]!, rural: below[0]! / all[0]!, all: (below[0]! + below[1]!) / (all[0]! + all[1]!) };
}
