/**
 * The scenario file format. This zod schema is the single source: the TypeScript type is
 * inferred from it and schemas/scenario.schema.json is generated from it (npm run schemas).
 */
import { z } from 'zod';
import { isIsoDate, isMonth } from '../engine/period.js';
import { PREFECTURE_CODES } from '../engine/locality.js';

const isoDate = z.string().refine(isIsoDate, { message: 'expected an ISO date YYYY-MM-DD' }).describe('ISO date YYYY-MM-DD');
const month = z.string().refine(isMonth, { message: 'expected a month YYYY-MM' }).describe('month YYYY-MM');
const prefecture = z.number().int().refine((c) => PREFECTURE_CODES.includes(c), { message: `expected a prefecture code (${PREFECTURE_CODES.join(', ')})` });

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
        prefecture: z.union([prefecture, z.array(prefecture)]).optional(),
        area: z.enum(['urban', 'rural']).optional(),
        category: z.union([z.string(), z.array(z.string())]).optional(),
      })
      .optional()
      .describe('Cells of the breakdown to change (default: all)'),
  })
  .refine((o) => [o.set, o.scale, o.add].filter((x) => x !== undefined).length === 1, { message: 'an override needs exactly one of set, scale, add' });

/** Objects whose keys later issues define; until then any key is an error. */
const Reserved = (what: string) => z.strictObject({}).optional().describe(what);

const probability = z.number().min(0).max(1);
const assumption = z.string().min(1).describe('Why this value: a labelled assumption, shown by explain');

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
}).optional().describe('Implementation behaviour: take-up, income-observation error, rationing');

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

export const InputsSchema = z.strictObject({
  prices: PricePathSchema.optional(),
  landRevenue: LandRevenueSchema.optional(),
}).optional().describe('Exogenous paths: prices, land-transfer revenue');

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
  period: z.strictObject({ from: month, to: month }).optional().describe('Months simulated, both included'),
  seed: z.number().int().nonnegative().optional().describe('Seed of the keyed random generator'),
  overrides: z.array(OverrideSchema).optional().describe('Parameter changes, applied in order after those of the extended scenario'),
  behaviour: BehaviourSchema,
  shocks: ShocksSchema,
  inputs: InputsSchema,
  outputs: Reserved('Which measures and breakdowns to compute'),
});

/** A scenario file as written. */
export type ScenarioFile = z.infer<typeof ScenarioSchema>;
export type OverrideSpec = z.infer<typeof OverrideSchema>;

/** The JSON Schema of scenario files. */
export function scenarioJsonSchema(): object {
  return { $id: 'https://jiuzhu.dev/schemas/scenario.schema.json', title: 'jiuzhu scenario', ...z.toJSONSchema(ScenarioSchema, { io: 'input', unrepresentable: 'any' }) };
}
