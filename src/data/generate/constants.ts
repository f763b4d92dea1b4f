/**
 * The generator's finer knobs. Each is a labelled ASSUMPTION (judgement, not data). Values
 * that the calibration checks (income means and quintiles, the age structure, sex ratio,
 * disability) were tuned against datasets/jilin-2006/targets.yaml with
 * src/data/generate/diagnostics.ts; the larger assumptions and the targets live in that YAML.
 */

/** Household types. */
export const TYPE = {
  single: 0,
  couple: 1,
  singleParent: 2,
  nuclear: 3,
  threeGen: 4,
  threeGenNoKids: 5,
  headWithParents: 6,
  skipGeneration: 7,
} as const;

/**
 * Type mix by household size (index size-1; sizes ≥ 5 share the last row), order as TYPE.
 * Assumption: one-child nuclear families dominate size 3; three-generation families dominate
 * sizes ≥ 5; empty-nest couples most size-2 households; skipped-generation (grandparents and
 * grandchildren, 隔代) households about 3–5% of sizes 2–4. Rural families have more second
 * children (Jilin's rural policy allowed a second child in many cases).
 */
export const TYPE_MIX_URBAN: readonly (readonly number[])[] = [
  [1, 0, 0, 0, 0, 0, 0, 0],
  [0, 0.70, 0.12, 0, 0, 0, 0.14, 0.04],
  [0, 0, 0.05, 0.80, 0, 0.06, 0.04, 0.05],
  [0, 0, 0.04, 0.34, 0.48, 0.08, 0, 0.06],
  [0, 0, 0, 0.2, 0.8, 0, 0, 0],
];
export const TYPE_MIX_RURAL: readonly (readonly number[])[] = [
  [1, 0, 0, 0, 0, 0, 0, 0],
  [0, 0.70, 0.10, 0, 0, 0, 0.15, 0.05],
  [0, 0, 0.04, 0.78, 0, 0.07, 0.04, 0.07],
  [0, 0, 0.03, 0.50, 0.35, 0.06, 0, 0.06],
  [0, 0, 0, 0.3, 0.7, 0, 0, 0],
];

/** [probability, min age, max age] segments. */
export type AgeSegments = readonly (readonly [number, number, number])[];

/** Age of a one-person household: young singles, middle-aged, and the elderly living alone. */
export const AGE_SINGLE: AgeSegments = [[0.37, 18, 34], [0.37, 35, 59], [0.13, 60, 69], [0.13, 70, 90]];
/** Age of the head of a couple without co-resident children (young couples and empty nests). */
export const AGE_COUPLE: AgeSegments = [[0.22, 22, 34], [0.17, 35, 49], [0.48, 50, 64], [0.13, 65, 88]];
/** Age of the eldest child in nuclear and single-parent families (co-resident adult children included). */
export const AGE_ELDEST_CHILD: AgeSegments = [[0.31, 0, 14], [0.43, 15, 22], [0.26, 23, 32]];
/** Age of the eldest child in three-generation families (younger: grandparents help with small children). */
export const AGE_ELDEST_CHILD_3G: AgeSegments = [[0.60, 0, 12], [0.28, 13, 20], [0.12, 21, 28]];
/** Age of the head in couple + parents and head + parents households. */
export const AGE_HEAD_WITH_PARENTS: AgeSegments = [[0.5, 22, 39], [0.5, 40, 56]];
/** Age of grandchildren in skipped-generation households (minors, often left behind by migrant parents). */
export const AGE_GRANDCHILD: AgeSegments = [[0.85, 0, 14], [0.15, 15, 17]];

/** Mother's age at the first birth, by area (years). */
export const FIRST_BIRTH_GAP = { urban: [23, 32], rural: [21, 29] } as const;
/** The eldest child is older by this many years per younger sibling (families with several children started earlier). */
export const SIBLING_SHIFT = 4;
/** At most this many shifts (keeps the parents of large families under the age cap). */
export const MAX_SIBLING_SHIFTS = 3;
/** Spacing between children (years). */
export const CHILD_SPACING: readonly [number, number] = [2, 7];

/** Husband older than wife by 0..4 years. */
export const SPOUSE_GAP: readonly [number, number] = [0, 4];
/** Parent of the head is older than the head by 20..27 years; grandparents by 45..62 years. */
export const PARENT_GAP: readonly [number, number] = [20, 27];
export const GRANDPARENT_GAP: readonly [number, number] = [45, 62];
export const MAX_AGE = 99;

/** Probability that the head of a couple is the man (the survey convention). */
export const HEAD_MALE_COUPLE = 0.85;
/** Single parents: share headed by the father. */
export const SINGLE_PARENT_MALE = 0.3;
/** One-person households: male share below 60 and at 60+ (widows live longer). */
export const SINGLE_MALE_YOUNG = 0.62;
export const SINGLE_MALE_OLD = 0.45;
/** A lone co-resident parent of the head is the mother with this probability. */
export const LONE_PARENT_FEMALE = 0.6;
/** Sex of children: male share (sex ratio at birth about 1.1 in the 1990s–2000s). */
export const CHILD_MALE = 0.53;
/** Share of minor grandchildren in skipped-generation households who are orphans. */
export const ORPHAN_SKIP_GEN = 0.02;

/**
 * Disability by age: p(age) = min(DISAB_CAP, DISAB_BASE × exp(DISAB_SLOPE × age)): about 1–1.7%
 * of children, 6% at 45, 16% at 70 and 25% at 80 (a rising age profile, shape assumed).
 * DISAB_BASE was tuned so that prevalence is 6.2% before raking, against the 6.3% target.
 */
export const DISAB_BASE = 0.0096;
export const DISAB_SLOPE = 0.0405;
export const DISAB_CAP = 0.6;

/** Chronic (1) and serious (2) illness by age band [maxAge, pChronic, pSerious]. */
export const ILLNESS_BY_AGE: readonly (readonly [number, number, number])[] = [
  [14, 0.02, 0.004],
  [44, 0.06, 0.008],
  [59, 0.17, 0.02],
  [69, 0.30, 0.04],
  [120, 0.42, 0.07],
];

/** Urban statutory retirement ages (workers): men 60, women 50. */
export const RETIRE_AGE_MALE = 60;
export const RETIRE_AGE_FEMALE = 50;
/** Working age starts at 16. */
export const WORK_AGE = 16;
/** Labour-force participation of working-age people with full capacity (partial capacity: × PARTIAL_LF). */
export const LF_URBAN = { male: 0.86, female: 0.72 } as const;
export const LF_RURAL = { male: 0.94, female: 0.86 } as const;
export const PARTIAL_LF = 0.6;
/** Urban people past retirement age who still work; rural 60+ with capacity who still farm. */
export const URBAN_RETIRED_WORKING = 0.08;
export const RURAL_ELDERLY_FARMING = 0.6;
/**
 * Clustering of unemployment: a person's unemployment probability is the area rate times
 * UNEMP_CLUSTER × (1 − v)², v the household's disadvantage draw (mean multiplier 1).
 */
export const UNEMP_CLUSTER = 3;
export const UNEMP_MAX = 0.7;

/**
 * Earning potential per member: full-capacity formal worker 1, partial capacity 0.6, informal
 * or casual work 0.4, elderly farmer 0.3, pensioner (urban 0.65, rural 0.5). Assumption: an
 * informal job (odd jobs, street trade, casual labour: the usual lot of a laid-off 下岗 worker
 * after the three-year re-employment centre period) pays well under half of a formal wage; a
 * farmer past 60 farms a small plot or rents most of the land out, so an elderly couple keeps
 * about a third of a working couple's farm income, not all of it.
 */
export const POT_WORKER = 1;
export const POT_PARTIAL = 0.6;
export const POT_INFORMAL = 0.4;
export const POT_ELDERLY_FARMER = 0.3;
export const POT_PENSION = { urban: 0.65, rural: 0.5 } as const;
/**
 * Share of urban employed in informal or casual work, before clustering: the person's chance
 * is URBAN_INFORMAL × UNEMP_CLUSTER × (1 − v)², v the household's disadvantage draw, so
 * informal work, like unemployment, gathers in the same disadvantaged (下岗) households.
 * Assumption: the north-east's state-enterprise lay-offs of 1998–2003 left a large informal
 * sector; 20% of urban employment is a judgement value, no Jilin figure was found.
 */
export const URBAN_INFORMAL = 0.2;
export const INFORMAL_MAX = 0.9;
/**
 * A member who needs care (severe disability or serious illness) takes this much earning
 * potential from the household (a carer's lost work), never below zero. Assumption: a carer
 * loses about a third of a worker's income.
 */
export const CARE_LOSS = 0.3;

/**
 * Income model (per-capita household income y, yuan/year, before any dibao), by area, one
 * formula for every household (no separate point mass for households without an earner):
 *   ln y = ln scale + beta × ln max(P, floor) + s × ε,  s = sigmaLow if ε < 0, else sigmaHigh
 *   P = (Σ member potentials − CARE_LOSS × members needing care) / size
 *   (a two-piece lognormal: the lower half less dispersed than the long upper tail)
 * and, with probability shockP, y × shockFactor (a bad year: a crop or business loss).
 * Households with no earner and no pension (P at the floor) live on help from relatives,
 * odd jobs and (rural) land rent, recorded as other_transfers. Unemployment benefit is added
 * on top. ε is one standard normal draw per household.
 * beta is the elasticity of income to the household's labour: with a high beta, poverty
 * follows old age, disability, illness, unemployment and informal work rather than noise.
 * `scale` makes the person-weighted mean match the target (fitted with diagnostics.ts, seed
 * 20061218, 100,000 households); beta, the floor and the sigmas were chosen so that the
 * quintile shares stay within 2 pp of the targets. They are NOT tuned to any dibao count:
 * who is below the standard follows from these incomes, and the caseload is calibrated
 * later through take-up and assessment error (datasets/README.md). All are assumptions.
 */
export const INCOME = {
  urban: { scale: 14780, beta: 0.7, floor: 0.1, sigmaLow: 0.4, sigmaHigh: 0.5, shockP: 0.02, shockFactor: 0.4 },
  rural: { scale: 4730, beta: 0.8, floor: 0.12, sigmaLow: 0.45, sigmaHigh: 0.6, shockP: 0.03, shockFactor: 0.5 },
};

/**
 * Poorest-fifth thresholds for housing draws, as a fraction of the area mean per-capita
 * income (about the 20th percentile of the target shapes).
 */
export const POOR_FIFTH_RATIO = { urban: 0.5, rural: 0.43 } as const;

/** Floor area: median × (y / area mean)^FLOOR_INCOME_ELASTICITY × exp(FLOOR_SIGMA ε); public rentals × FLOOR_PUBLIC. */
export const FLOOR_INCOME_ELASTICITY = { urban: 0.3, rural: 0.15 } as const;
export const FLOOR_SIGMA = 0.35;
export const FLOOR_PUBLIC = 0.8;
export const FLOOR_MIN = 3;
export const FLOOR_MAX = 150;

/** Assets (yuan) = annual household income × ASSET_MULT × exp(ASSET_SIGMA ε). */
export const ASSET_MULT = 0.8;
export const ASSET_SIGMA = 1;

/** Work capacity: chronic illness makes it partial with this probability; 60–64 partial with this probability. */
export const CHRONIC_PARTIAL = 0.5;
export const AGE_60_64_PARTIAL = 0.3;
/** Ages at which capacity is at most partial (65) and none (75). */
export const PARTIAL_AGE = 65;
export const NO_CAPACITY_AGE = 75;
/** Enrolment of severely disabled children is multiplied by this. */
export const SEVERE_DISABLED_ENROL = 0.5;
/** Head living with parents: male share. */
export const HEAD_WITH_PARENTS_MALE = 0.6;
/** Skipped-generation households of three: two grandparents (else one grandparent, two grandchildren). */
export const SKIP_GEN_TWO_GRANDPARENTS = 0.6;
/** A lone grandparent heading a skipped-generation household is the grandfather with this probability. */
export const LONE_GRANDPARENT_MALE = 0.35;
