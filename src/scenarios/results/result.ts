/**
 * The result JSON contract (`--json`): meta, period, one entry per scenario, and deltas of
 * every scenario against the first. Its JSON Schema is generated into schemas/.
 */
import { z } from 'zod';
import { PAYERS, type Payer } from '../../engine/program.js';
import { FUNDING_SOURCES, LEVELS, OTHER_PAYERS, PAYER_TYPES } from './funding.js';
import { INTERVAL_METRICS, REPLICATE_METHODS } from './intervals.js';

const num = z.number();
const GroupSummary = z.looseObject({
  population: num, recipients: num, households: num, coverage: num, cost: num, costAnnual: num, averageSubsidy: num,
  averageStandard: num.optional().describe('Urban or rural groups only: recipient-weighted average dibao standard, yuan per person per month'),
  subsidyToStandard: num.optional().describe('Urban or rural groups only: averageSubsidy ÷ averageStandard'),
});
const Fgt = z.strictObject({ headcount: num, gap: num, severity: num }).describe('FGT α = 0, 1, 2');
const Income = z.strictObject({ mean: num, gini: num, decileShares: z.array(num).length(10) });
const Distribution = z.strictObject({
  before: Income.describe('Monthly per-capita income before assistance, averaged over the period, person-weighted'),
  after: Income.describe('The same plus every benefit received, cash or in kind, at cost, less own contributions'),
  poverty: z.strictObject({
    localStandard: z.strictObject({ before: Fgt, after: Fgt }).describe('Every person against their locality’s dibao standard'),
    nationalRuralLine: z.strictObject({ before: Fgt, after: Fgt, line: num }).describe('Rural persons against the national rural poverty line ÷ 12'),
  }),
  transfers: num.describe('Assistance received by households over the period, yuan'),
  povertyGapClosed: num.describe('Fall of the money poverty gap against the local standard over the period, yuan'),
  gapClosedPerYuan: num.describe('povertyGapClosed ÷ transfers'),
});
const Summary = GroupSummary.extend({
  distribution: Distribution.optional(),
  byArea: z.record(z.string(), GroupSummary).optional(),
  byPrefecture: z.record(z.string(), GroupSummary).optional(),
  byHouseholdType: z.record(z.string(), GroupSummary).optional(),
});
const Account = z.strictObject({ need: num, funds: num, gap: num, balance: num });
const ProgramFigures = z.strictObject({
  cost: num.describe('Total cost over the period, yuan, whoever pays it'),
  costByPayer: z.strictObject(Object.fromEntries(PAYERS.map((p) => [p, num])) as Record<Payer, typeof num>).describe('The cost split by who pays it; adds up to cost to the fen'),
  components: z.record(z.string(), num).describe('Cost of each component of the program'),
  recipients: num.nullable().describe('Distinct persons who benefited in some month (weighted); null for programs without recipients'),
  households: num.nullable().describe('Distinct households with a recipient'),
  recipientGroups: z.record(z.string(), z.strictObject({
    averageMonth: num.describe('Persons in the group in the average month of the period (weighted)'),
    distinct: num.describe('Distinct persons in the group in some month of the period (weighted)'),
  })).optional().describe('Parts of the recipients reported apart; dibao: regular (the caseload) and temporary (temporary aid)'),
  need: num.optional(),
  funds: num.optional(),
  gap: num.optional().describe('Need the funds do not meet, per prefecture × area cell, summed'),
  balance: num.optional().describe('funds − need'),
  accounts: z.record(z.string(), Account).optional(),
});
const ProgramSummary = ProgramFigures.extend({
  label: z.strictObject({ zh: z.string(), en: z.string() }),
  recipientGroupLabels: z.record(z.string(), z.strictObject({ zh: z.string(), en: z.string() })).optional(),
  clauses: z.array(z.string()),
  byArea: z.record(z.string(), ProgramFigures),
  byPrefecture: z.record(z.string(), ProgramFigures),
  byYear: z.record(z.string(), ProgramFigures).describe('The province, each calendar year of the period; accounts balance per cell and year'),
});
const FundingRow = z.strictObject({
  program: z.string(),
  payerType: z.enum(PAYER_TYPES).describe('government: a level of government pays; non-government: households, village collectives, hospitals, universities or donors'),
  level: z.enum(LEVELS).nullable().describe('Level of government; null for a payer that is not the government'),
  source: z.enum(FUNDING_SOURCES).describe('Government: budget, lottery (welfare lottery fund) or landRevenue (land-transfer revenue); otherwise the payer: households, collectives, hospitals, universities, donors'),
  prefecture: z.number().int(),
  from: z.string().describe('First month of the calendar year covered, YYYY-MM'),
  to: z.string().describe('Last month covered, YYYY-MM'),
  amount: num.describe('Yuan'),
});
const Areas = z.strictObject({ urban: num, rural: num });
const AreaFigures = z.strictObject({ population: num, recipients: num, coverage: num, cost: num.describe('Dibao (§二) cost of the year, yuan') });
const LinkageDistance = z.strictObject({ reference: z.strictObject({ min: num, max: num }).describe('Lowest and highest reference over the prefectures (the minimum wage is tiered by prefecture)'), min: num.describe('Smallest standard − reference over the prefectures'), max: num.describe('Largest') });
/** One year of `jiuzhu project`. Money is in yuan of the year, or of the first year with --real. */
export const YearRowSchema = z.strictObject({
  year: z.number().int(),
  averageStandard: Areas.describe('Recipient-weighted average dibao standard of each area, yuan per person per month'),
  recipients: num.describe('Dibao recipients, average month (persons, weighted)'),
  population: num.describe('Persons represented (weighted): the dataset’s, reweighted for ageing and population growth'),
  coverage: num.describe('recipients ÷ population'),
  cost: num.describe('Every program’s cost in the year, whoever pays; the sum of costByProgram, and of costByLevel plus costByOtherPayer'),
  costByProgram: z.record(z.string(), num),
  costByLevel: z.strictObject(Object.fromEntries(LEVELS.map((l) => [l, num])) as Record<(typeof LEVELS)[number], typeof num>).describe('The government funding rows of the year summed by level of government'),
  costByOtherPayer: z.strictObject(Object.fromEntries(OTHER_PAYERS.map((p) => [p, num])) as Record<(typeof OTHER_PAYERS)[number], typeof num>).describe('The funding rows of payers that are not the government, by payer'),
  budgetNeed: num.describe('What provincial, prefecture and county budgets pay (funding rows with source budget, central transfers left out)'),
  budget: num.describe('Assistance budget available: projection.budget_share × fiscal revenue'),
  fundingGap: num.describe('max(0, budgetNeed − budget)'),
  fiscalRevenue: num,
  priceIndex: num.describe('CPI, first projected year = 1'),
  incomeIndex: Areas.describe('Cumulative factor on the dataset’s money incomes since the data year'),
  elderlyWeightIndex: num.describe('Cumulative factor on the weights of households with an elderly member'),
  standardsBound: z.strictObject({ minimumWage: z.array(z.number().int()), unemploymentBenefit: z.array(z.number().int()), povertyLine: z.array(z.number().int()) }).describe('Prefectures whose standard a linkage bound of §二.1 capped (urban) or raised (rural) this year; only bounds a scenario asks for (behaviour.growth.standard.bounds) apply'),
  linkage: z.strictObject(Object.fromEntries(['minimumWage', 'unemploymentBenefit', 'povertyLine'].map((k) => [k, LinkageDistance])) as Record<'minimumWage' | 'unemploymentBenefit' | 'povertyLine', typeof LinkageDistance>).describe('§二.1 dovetailing (相互衔接): how far the standards are from their linked references, standard − reference over the prefectures, yuan per person a month (urban: minimum_wage_ratio × minimum wage, unemployment benefit; rural: poverty line ÷ 12)'),
  poverty: z.strictObject({ localStandard: Fgt, nationalRuralLine: Fgt }).optional().describe('outputs.measures poverty: FGT after assistance'),
  inequality: z.strictObject({ giniBefore: num, giniAfter: num }).optional().describe('outputs.measures inequality'),
  targeting: z.strictObject({ inclusionError: num, exclusionError: num, leakage: num, coverageOfPoor: num }).optional().describe('outputs.measures targeting'),
  byArea: z.strictObject({ urban: AreaFigures, rural: AreaFigures }).optional().describe('outputs.breakdowns area'),
  byPrefecture: z.record(z.string(), AreaFigures.extend({ standard: Areas })).optional().describe('outputs.breakdowns prefecture, with the standards of the year'),
});
const ProjectionMeta = z.strictObject({
  from: z.number().int(),
  to: z.number().int(),
  real: z.boolean().describe('Money in constant prices of the first year'),
  monthsPerYear: z.union([z.literal(1), z.literal(12)]).describe('12: every month simulated; 1: January × 12'),
  dataYear: z.number().int().describe('Year the dataset describes; incomes and weights are uprated from it'),
  standardRule: z.strictObject({
    indexTo: z.enum(['income', 'cpi', 'revenue', 'none']),
    elasticity: num.optional(),
    bounds: z.strictObject({ minimumWage: z.boolean().optional(), unemploymentBenefit: z.boolean().optional(), povertyLine: z.boolean().optional() }).optional(),
    assumption: z.string().optional(),
  }).nullable().describe('behaviour.growth.standard; null: the standards are the parameters’'),
  incomeRule: z.strictObject({ indexTo: z.enum(['income', 'cpi', 'none']), elasticity: num }),
});
export const Delta = z.strictObject({ baseline: num, value: num, absolute: num, relative: z.number().nullable() });
const Interval = z.strictObject({
  lo: num.describe('The (1 − level)/2 quantile of the bootstrap replicates'),
  hi: num.describe('The (1 + level)/2 quantile'),
  level: num.describe('Coverage of the interval, e.g. 0.9'),
});
/** Every interval metric (a path into the summary) → its interval. */
const Intervals = z.record(z.enum(INTERVAL_METRICS), Interval);
export const DeltaGroup = z.record(z.string(), z.union([Delta, z.record(z.string(), z.record(z.string(), Delta))]));

export const ResultSchema = z.strictObject({
  meta: z.strictObject({
    jiuzhu: z.string(),
    commit: z.string(),
    dataset: z.strictObject({ name: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
    seed: z.number().int(),
    scenarios: z.array(z.strictObject({ name: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/) })),
    parametersSha256: z.string().regex(/^[0-9a-f]{64}$/),
    replicates: z.strictObject({
      count: z.number().int().describe('Bootstrap replicates R'),
      level: num.describe('Level of the intervals'),
      seed: z.number().int().describe('Seed of the household draws (the run seed)'),
      method: z.enum(REPLICATE_METHODS).describe('Households drawn with replacement, replicate weight = weight × times drawn; reweight: the run’s one simulation re-weighted; resimulate: a run per replicate'),
    }).optional().describe('With --replicates: how the intervals were drawn'),
    createdAt: z.string().optional(),
  }),
  period: z.strictObject({ from: z.string(), to: z.string() }),
  scenarios: z.array(
    z.strictObject({
      name: z.string(),
      summary: Summary,
      checks: z.array(z.strictObject({
        id: z.string(),
        clause: z.string().describe('The clause id of 吉政发〔2006〕48号 the row checks (SECTIONS.md)'),
        reading: z.strictObject({ id: z.string(), name: z.strictObject({ zh: z.string(), en: z.string() }), zh: z.string(), en: z.string() }).describe('The reading of the clause this row checks: an ambiguous clause has one row per reasonable reading, with its text'),
        scope: z.strictObject({ kind: z.enum(['province', 'area', 'prefecture']), key: z.string() }).describe("Where the row applies: 'jilin', an area (urban, rural) or a prefecture's GB/T 2260 code"),
        status: z.enum(['complies', 'does-not-comply', 'not-applicable']).describe('not-applicable: nothing to check in the period (nobody concerned, or not yet due)'),
        passed: z.boolean().describe("status is not 'does-not-comply'"),
        detail: z.string(),
        detailZh: z.string().optional(),
      })),
      months: z.array(z.record(z.string(), z.unknown())).optional(),
      programs: z.record(z.string(), ProgramSummary).optional().describe('Every program of the system: cost, payers, recipients, accounts; by area and prefecture'),
      funding: z.array(FundingRow).optional().describe('Every program’s cost by payer (government by level and source, other payers by name), prefecture and year; rows add up to the programs’ costs and payers to the fen'),
      years: z.array(YearRowSchema).optional().describe('`jiuzhu project`: one row per projected year'),
      projection: ProjectionMeta.optional().describe('`jiuzhu project`: the years, the rules and how money is expressed'),
      intervals: Intervals.optional().describe('With --replicates: percentile intervals of cost, recipients, coverage and FGT over a seeded bootstrap of households; keys are paths into summary'),
    }),
  ),
  deltas: z.array(z.strictObject({
    scenario: z.string(),
    against: z.string(),
    summary: DeltaGroup,
    distribution: z.record(z.string(), Delta).describe('Every figure of summary.distribution, flattened to dotted keys (decile shares as decileShares.1 … .10)'),
    winnersLosers: z.strictObject({ gainMore: num, gainLess: num, noChange: num, loseLess: num, loseMore: num }).describe('Shares of persons whose income after assistance rises or falls by more or less than 5%'),
    decileImpact: z.array(z.strictObject({ decile: num, weight: num, meanBefore: num, meanAfter: num, meanChange: num, totalChange: num, relativeChange: num.nullable() })).describe('Change of monthly per-capita income after assistance by decile of the baseline'),
    povertyFixedLine: z.strictObject({ baseline: Fgt, reform: Fgt }).optional().describe('Poverty after assistance with the line fixed at the baseline’s local standard, for both scenarios: moves only when incomes do (the moving-line measure, distribution.poverty.localStandard, counts each scenario against its own standard)'),
    programs: z.record(z.string(), z.record(z.string(), Delta)).describe('Each program’s cost, payers, recipients and accounts'),
    intervals: Intervals.optional().describe('With --replicates: intervals of the absolute change, paired (the same replicate weights for both scenarios)'),
  })),
});

export type Result = z.infer<typeof ResultSchema>;

/** The JSON Schema of `--json` output. */
export function resultJsonSchema(): object {
  return { $id: 'https://jiuzhu.dev/schemas/result.schema.json', title: 'jiuzhu result', ...z.toJSONSchema(ResultSchema, { io: 'output', unrepresentable: 'any' }) };
}

