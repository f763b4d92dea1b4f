/**
 * The scenario file format. This zod schema is the single source: the TypeScript type is
 * inferred from it and schemas/scenario.schema.json is generated from it (npm run schemas).
 */
import { z } from 'zod';
import { isIsoDate, isMonth } from '../../engine/period.js';
import { PREFECTURE_CODES } from '../../engine/locality.js';
import { findPrefecture, prefectureChoices, prefectureNames } from '../../text/prefectures.js';
import { nearest } from '../../text/suggest.js';

const isoDate = z.string().refine(isIsoDate, { message: 'expected an ISO date YYYY-MM-DD' }).describe('ISO date YYYY-MM-DD');
const month = z.string().refine(isMonth, { message: 'expected a month YYYY-MM' }).describe('month YYYY-MM');
/**
 * A prefecture by code (222400), Chinese name (延边, 延边朝鲜族自治州) or English name (Yanbian):
 * read as its code; anything else is refused with the valid values listed.
 */
const prefectureCode = (v: unknown, ctx: z.RefinementCtx): number => {
  const p = typeof v === 'number' || typeof v === 'string' ? findPrefecture(v) : undefined;
  if (p) return p.code;
  const near = nearest(String(v), prefectureNames());
  ctx.addIssue({ code: 'custom', message: `'${String(v)}' is not a prefecture of Jilin${near.length ? ` (did you mean ${near.map((n) => `'${n}'`).join(' or ')}?)` : ''}; give a code or a name: ${prefectureChoices()}` });
  return z.NEVER;
};
/** One prefecture, or a list of them. */
const codeOrName = z.union([z.number(), z.string()]);
const prefectures = z
  .union([codeOrName, z.array(codeOrName)])
  .transform((v, ctx): number | number[] => (Array.isArray(v) ? v.map((x) => prefectureCode(x, ctx)) : prefectureCode(v, ctx)))
  .describe(`Prefecture: a GB/T 2260 code (${PREFECTURE_CODES.join(', ')}), or its Chinese or English name (延边, 延边朝鲜族自治州, Yanbian)`);

export const OverrideSchema = z
  .strictObject({
    path: z.string().min(1).describe('Parameter path, e.g. dibao.standard; a branch applies to every leaf under it'),
    from: isoDate.optional().describe('First day the change applies (default: from the first value)'),
    until: isoDate.optional().describe('First day the change no longer applies (default: open-ended)'),
    set: z.union([z.number(), z.boolean()]).optional().describe('Replace the value'),
    scale: z.number().optional().describe('Multiply the value'),
    add: z.number().optional().describe('Add to the value'),
    where: z
      .strictObject({
        prefecture: prefectures.optional(),
        area: z.enum(['urban', 'rural']).optional(),
        category: z.union([z.string(), z.array(z.string())]).optional(),
      })
      .optional()
      .describe('Cells of the breakdown to change (default: all)'),
  })
  .refine((o) => [o.set, o.scale, o.add].filter((x) => x !== undefined).length === 1, { message: 'an override needs exactly one of set, scale, add' });

const probability = z.number().min(0).max(1);
const assumption = z.string().min(1).describe('Why this value: a labelled assumption, shown by explain');

const year = z.number().int().min(1990).max(2100).describe('A calendar year');
const elasticity = z.number().min(0).max(3).describe('Share of the index’s growth passed on: factor = 1 + elasticity × (index − 1) (default 1)');

/**
 * §二.1's dynamic growth mechanism: each year's standard is the previous year's uprated by an
 * index, then bounded by the linkage lines (dibao.linkage.*).
 */
export const StandardGrowthSchema = z
  .strictObject({
    indexTo: z.enum(['income', 'cpi', 'revenue', 'none']).describe('What the standards follow: per-capita income growth of their area, the CPI, fiscal revenue growth, or nothing (held, any bounds asked for still applied)'),
    elasticity: elasticity.optional(),
    bounds: z
      .strictObject({
        minimumWage: z.boolean().optional().describe('Cap the urban standard at dibao.linkage.minimum_wage_ratio × the minimum wage (default false: the year rows report the distance instead)'),
        unemploymentBenefit: z.boolean().optional().describe('Cap the urban standard at the unemployment benefit (default false)'),
        povertyLine: z.boolean().optional().describe('Raise the rural standard to the national rural poverty line ÷ 12 (default false)'),
      })
      .optional()
      .describe('Which linkage lines of §二.1 bind as hard bounds (default: none — §二.1 asks the standards to dovetail with them, 相互衔接; every year row reports the distances)'),
    assumption,
  })
  .describe('How the dibao standards grow from year to year; without it the standards are the parameters’ dated values');

/** How the rules are implemented in practice (§二 says all the eligible are covered; reality differs). */
export const BehaviourSchema = z.strictObject({
  takeUp: z
    .strictObject({
      rate: probability.describe('Share of eligible households that apply and are paid'),
      byArea: z.strictObject({ urban: probability.optional(), rural: probability.optional() }).optional(),
      assumption,
    })
    .optional(),
  observationError: z
    .strictObject({
      sigma: z.number().min(0).max(2).describe('Std. dev. of the log of observed ÷ true income, drawn per household and year'),
      assumption,
    })
    .optional(),
  rationing: z
    .strictObject({
      quotaShare: probability.describe('Most recipients a locality (prefecture × urban/rural) may have, as a share of its population'),
      assumption,
    })
    .optional(),
  growth: z
    .strictObject({
      standard: StandardGrowthSchema,
    })
    .optional()
    .describe('The dynamic growth rule of §二.1 (动态增长机制), applied year by year by `jiuzhu project`'),
  uprating: z
    .strictObject({
      dataYear: year.optional().describe('Year the dataset’s incomes and weights describe (default 2006); incomes and weights are uprated from it'),
      incomes: z
        .strictObject({
          indexTo: z.enum(['income', 'cpi', 'none']).describe('What the money columns grow with: per-capita income growth by area (projection.income_growth), the CPI, or nothing'),
          elasticity: elasticity.optional(),
          assumption,
        })
        .optional()
        .describe('How the dataset’s money columns (earnings, pension, unemployment benefit, farm and business income, other transfers) grow (default: with income growth)'),
      ageing: z
        .strictObject({
          elderlyWeightGrowth: z.number().positive().max(2).describe('Yearly factor on the weights of households with an elderly member (1: no ageing); replaces projection.elderly_weight_growth'),
          assumption,
        })
        .optional(),
    })
    .optional()
    .describe('How `jiuzhu project` moves the population from the data year: income growth and ageing'),
}).optional().describe('Implementation behaviour: take-up, income-observation error, rationing; the growth and uprating rules of projections');

/** One implementation parameter of a program: its value (0–1) with one reference, optionally by area and from the date the measure is in force. */
export const ImplementationValueSchema = z
  .strictObject({
    value: probability.describe('Share of those the rules find eligible who are served (coverage) or apply and are paid (take-up)'),
    byArea: z.strictObject({ urban: probability.optional(), rural: probability.optional() }).optional().describe('Other values for urban or rural cells'),
    from: isoDate.optional().describe('The date the measure is in force (e.g. 2006-12-18, the opinion\'s issue): 0 before it'),
    clause: z.string().min(1).optional().describe('The clause that sets the value (full implementation)'),
    source: z.string().min(1).optional().describe('Where the value comes from'),
    assumption: z.string().min(1).optional().describe('Why this value, when it is assumed'),
  })
  .refine((v) => [v.clause, v.source, v.assumption].filter((x) => x !== undefined).length === 1, { message: 'give exactly one reference: clause, source or assumption' });

/**
 * How far each program reaches: one block per program, keyed by its parameter branch, holding
 * its coverage or take-up parameters by the rest of their path (elderly: {service.coverage: …}).
 * dibao's own take-up and assessment error stay in `behaviour`.
 */
export const ImplementationSchema = z
  .record(z.string(), z.record(z.string(), ImplementationValueSchema))
  .optional()
  .describe('Implementation per program: coverage or take-up of each, with its reference (dibao\'s own take-up is behaviour.takeUp)');

export const PricePathSchema = z.record(
  z.string().refine(isMonth, { message: 'expected a month YYYY-MM' }),
  z.strictObject({
    cpi: z.number().positive().describe('CPI, same month of the previous year = 1'),
    food: z.number().positive().describe('Food CPI, same month of the previous year = 1'),
    source: z.string().optional().describe('Where the figure comes from'),
    interpolated: z.boolean().optional().describe('True where the value is interpolated, not published'),
  }),
).describe('Monthly year-on-year price indices');

/** A record keyed by prefecture code: an unknown key is reported with the codes allowed. */
function byPrefecture<T extends z.ZodType>(value: T) {
  return z.record(z.string(), value).superRefine((rec, ctx) => {
    for (const k of Object.keys(rec)) {
      if (!PREFECTURE_CODES.includes(Number(k))) ctx.addIssue({ code: 'custom', path: [k], message: `'${k}' is not a prefecture code (expected one of ${PREFECTURE_CODES.join(', ')})` });
    }
  });
}

/** Net land-transfer revenue by year and prefecture: 5% of it funds low-rent housing (§五.1). */
export const LandRevenueSchema = z.record(
  z.string().regex(/^\d{4}$/, 'expected a year YYYY'),
  byPrefecture(z.number().nonnegative().describe('Net land-transfer revenue of the year, yuan')),
).describe('Net land-transfer revenue (土地出让净收益) by year and prefecture, yuan; prefectures and years not given keep the parameter housing.low_rent.net_land_revenue');

const yearKey = z.string().regex(/^\d{4}$/, 'expected a year YYYY');

/** A yearly path with its reference: exactly one of source or assumption, like a parameter value. */
function yearPath<T extends z.ZodType>(value: T, what: string) {
  return z
    .strictObject({
      values: z.record(yearKey, value).describe(`${what}, by year YYYY`),
      source: z.string().min(1).optional().describe('Where the figures come from'),
      assumption: z.string().min(1).optional().describe('Why these figures, when they are assumed'),
    })
    .refine((p) => (p.source === undefined) !== (p.assumption === undefined), { message: 'give exactly one of source or assumption' })
    .describe(`${what}, by year, with its reference; years not given keep the parameter`);
}

export const InputsSchema = z.strictObject({
  prices: PricePathSchema.optional(),
  landRevenue: LandRevenueSchema.optional(),
  cpi: yearPath(z.number().positive().describe('Annual CPI, previous year = 1'), 'Consumer price index (previous year = 1); replaces projection.cpi').optional(),
  incomeGrowth: yearPath(
    z.strictObject({ urban: z.number().positive().optional(), rural: z.number().positive().optional() }).describe('Per-capita income of the year ÷ the previous year’s, by area'),
    'Per-capita income growth (previous year = 1); replaces projection.income_growth',
  ).optional(),
  minimumWage: yearPath(z.number().positive().describe('Yuan per worker per month'), 'Minimum wage; replaces dibao.linkage.minimum_wage in every prefecture').optional(),
  unemploymentBenefit: yearPath(z.number().positive().describe('Yuan per person per month'), 'Unemployment-insurance benefit; replaces dibao.linkage.unemployment_benefit').optional(),
  fiscalRevenue: yearPath(z.number().nonnegative().describe('Yuan in the year'), 'Jilin local general-budget revenue; each year given is one more anchor of the fiscal path (projection.fiscal_revenue), the years between on the constant-growth path').optional(),
  donations: yearPath(z.number().nonnegative().describe('Yuan raised in the province in the year'), 'Charitable donations (incl. the double-day donation, §十一.1); replaces the charity.donations parameters').optional(),
  lotteryFund: yearPath(z.number().nonnegative().describe('Yuan of the province in the year'), 'Welfare-lottery public-welfare fund (§十一.1); replaces charity.lottery').optional(),
}).optional().describe('Exogenous paths: prices, land-transfer revenue; price indices, minimum wage, unemployment benefit and fiscal revenue by year for projections; donations and the lottery fund');

/** Extra figures of the yearly rows of `jiuzhu project`. */
export const OUTPUT_MEASURES = ['poverty', 'inequality', 'targeting'] as const;
export const OUTPUT_BREAKDOWNS = ['area', 'prefecture'] as const;

export const OutputsSchema = z.strictObject({
  measures: z.array(z.enum(OUTPUT_MEASURES)).optional().describe('Extra measures of each projected year: poverty (FGT after assistance, local standard and national rural line), inequality (Gini before and after), targeting (inclusion and exclusion errors, leakage)'),
  breakdowns: z.array(z.enum(OUTPUT_BREAKDOWNS)).optional().describe('Extra breakdowns of each projected year: by area, by prefecture (with its standards)'),
}).optional().describe('Which measures and breakdowns to compute, beyond those every result has');

/** One disaster: the month it strikes and, by prefecture, how many households it hits and how many houses it destroys (§十). */
export const DisasterShockSchema = z.strictObject({
  month: month.describe('Month the disaster strikes'),
  name: z.string().optional().describe('What it was, e.g. "2007 western Jilin drought"'),
  source: z.string().optional().describe('Where the figures come from'),
  byPrefecture: byPrefecture(
    z.strictObject({
      affectedShare: probability.describe('Share of the prefecture’s households affected'),
      housesDestroyed: z.number().int().nonnegative().describe('Houses destroyed (倒房), at the scale of the province'),
    }),
  ),
});

export const ShocksSchema = z.strictObject({
  disaster: z.array(DisasterShockSchema).optional().describe('Disasters, at most one per month'),
}).optional().describe('Shocks: disasters by month and prefecture');

export const ScenarioSchema = z.strictObject({
  $schema: z.string().optional().describe('Editor hint: path of schemas/scenario.schema.json'),
  name: z.string().min(1).regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'a name is letters, digits, ., _ or -').describe('Short identifier used in tables and file names'),
  description: z.strictObject({ zh: z.string(), en: z.string() }).describe('What the scenario asks, in Chinese and English'),
  extends: z.string().optional().describe('Another scenario file (relative to this one) applied first'),
  dataset: z.string().optional().describe("A dataset name under datasets/ or a path relative to this file (default: the embedded default)"),
  period: z.strictObject({ from: month, to: month })
    // Checked here, at the period's line, before any dataset is loaded.
    .refine((p) => p.to >= p.from, { message: "'to' is before 'from': a period runs forward", path: ['to'] })
    .optional().describe('Months simulated, both included'),
  seed: z.number().int().nonnegative().optional().describe('Seed of the keyed random generator'),
  overrides: z.array(OverrideSchema).optional().describe('Parameter changes, applied in order after those of the extended scenario'),
  behaviour: BehaviourSchema,
  implementation: ImplementationSchema,
  shocks: ShocksSchema,
  inputs: InputsSchema,
  outputs: OutputsSchema,
});

/** A scenario file as written. */
export type ScenarioFile = z.infer<typeof ScenarioSchema>;
export type OverrideSpec = z.infer<typeof OverrideSchema>;
export type ImplementationValue = z.infer<typeof ImplementationValueSchema>;

/** The JSON Schema of scenario files. */
export function scenarioJsonSchema(): object {
  return { $id: 'https://jiuzhu.dev/schemas/scenario.schema.json', title: 'jiuzhu scenario', ...z.toJSONSchema(ScenarioSchema, { io: 'input', unrepresentable: 'any' }) };
}
