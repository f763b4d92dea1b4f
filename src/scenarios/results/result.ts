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
  budget: num.describe('Assistance budget available: projection.budget_share × fiscal revenue (the fiscal path)'),
  fundingGap: num.describe('max(0, budgetNeed − budget)'),
  dibaoBudgetNeed: num.describe('What provincial, prefecture and county budgets pay for dibao and its running costs (§二.4; central transfers left out)'),
  dibaoBudget: num.describe('Dibao budget available: projection.dibao_budget_share × fiscal revenue'),
  dibaoFundingGap: num.describe('max(0, dibaoBudgetNeed − dibaoBudget)'),
  fiscalRevenue: num.describe('Jilin local general-budget revenue of the year (projection.fiscal_revenue)'),
  fiscalRevenueBasis: z.enum(['published', 'interpolated', 'assumed growth']).describe('published: a figure of projection.fiscal_revenue or inputs.fiscalRevenue; interpolated: on the constant-growth path between two published years; assumed growth: projection.fiscal_revenue_growth beyond them'),
  priceIndex: num.describe('CPI, first projected year = 1'),
  incomeIndex: Areas.describe('Cumulative factor on the dataset’s money incomes since the data year'),
  elderlyWeightIndex: num.describe('Cumulative factor on the weights of households with an elderly member'),
  standardsBound: z.strictObject({ minimumWage: z.array(z.number().int()), unemploymentBenefit: z.array(z.number().int()), povertyLine: z.array(z.number().int()) }).describe('Prefectures whose standard a linkage bound of §二.1 capped (urban) or raised (rural) this year; only bounds a scenario asks for (behaviour.growth.standard.bounds) apply'),
  linkage: z.strictObject(Object.fromEntries(['minimumWage', 'unemploymentBenefit', 'povertyLine'].map((k) => [k, LinkageDistance])) as Record<'minimumWage' | 'unemploymentBenefit' | 'povertyLine', typeof LinkageDistance>).describe('§二.1 dovetailing (相互衔接): how far the standards are from their linked references, standard − reference over the prefectures, yuan per person a month (urban: minimum_wage_ratio × minimum wage, unemployment benefit; rural: poverty line ÷ 12)'),
  uprating: z.record(z.string(), z.strictObject({ rule: z.enum(['cpi', 'wages', 'cpi and wages', 'fixed']), index: num.describe('Cumulative factor on the amounts since the first projected year') })).describe('The rule each program’s amounts in yuan follow (projection.uprating: CPI, wages or fixed), by parameter namespace; dibao.standard follows the growth rule instead'),
  poverty: z.strictObject({ localStandard: Fgt, nationalRuralLine: Fgt }).optional().describe('outputs.measures poverty: FGT after assistance'),
  inequality: z.strictObject({ giniBefore: num, giniAfter: num }).optional().describe('outputs.measures inequality'),
  targeting: z.strictObject({ inclusionError: num, exclusionError: num, leakage: num, coverageOfPoor: num }).optional().describe('outputs.measures targeting'),
  byArea: z.strictObject({ urban: AreaFigures, rural: AreaFigures }).optional().describe('outputs.breakdowns area'),
  byPrefecture: z.record(z.string(), AreaFigures.extend({ standard: Areas })).optional().describe('outputs.breakdowns prefecture, with the standards of the year'),
});
const SensitivityVariant = z.strictObject({ factor: num.describe('Factor on the assumption (on the central share for a level split)'), gap: num.describe('need − budget of the year under the variant, yuan (signed: negative is room left)'), dibaoGap: num.describe('dibao local need − dibao budget under the variant, yuan (signed)') });
/** `jiuzhu project --sensitivity`: the funding assumptions that move a year's gap most. */
export const SensitivitySchema = z.strictObject({
  year: z.number().int(),
  range: num.describe('Relative range each assumption is moved by, down and up (0.25: × 0.75 and × 1.25)'),
  gap: num.describe('need − budget of the year as projected, yuan of the year (nominal, also with --real; signed)'),
  dibaoGap: num.describe('dibao local need − dibao budget of the year as projected, yuan (signed)'),
  rows: z.array(z.strictObject({
    path: z.string(),
    label: z.strictObject({ zh: z.string(), en: z.string() }),
    how: z.enum(['scale', 'central share']).describe('scale: the leaf × factor (a share clamped to 1); central share: a level split’s central share × factor, the other levels rescaled to add up to 1'),
    low: SensitivityVariant,
    high: SensitivityVariant,
    swing: num.describe('|high.gap − low.gap|, yuan: the ranking'),
  })).describe('Every funding assumption that moves either gap, largest swing first'),
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

const Label = z.strictObject({ zh: z.string(), en: z.string() });
const Text = z.strictObject({ subject: z.string().describe('Dotted path of the text in the scenario file'), text: z.string() });
/** Where the numbers come from: carried in the result, so a report needs nothing else. */
export const ProvenanceSchema = z.strictObject({
  date: z.string().describe('The day parameter values are shown on: the first day of the period'),
  dataset: z.strictObject({
    description: z.string().nullable(),
    files: z.array(z.string()),
    targets: z.array(z.string()).describe('Calibration target files beside a generated dataset'),
  }),
  scenarios: z.array(z.strictObject({
    name: z.string(),
    description: Label,
    files: z.array(z.string()).describe('The extends chain, the scenario itself last'),
    assumptions: z.array(Text).describe('Labelled assumptions of the scenario’s behaviour, inputs, shocks and outputs'),
    sources: z.array(Text).describe('Sources of the scenario’s inputs'),
    baseline: Label.describe('Which named baseline the scenario rests on, and what that means, in one sentence'),
  })),
  parameters: z.array(z.strictObject({
    path: z.string(),
    label: Label,
    unit: z.string(),
    clause: z.string().describe('Clause the parameter serves'),
    since: z.string().nullable().describe('Date the first scenario’s value in force took effect; null before the first value'),
    firstDate: z.string(),
    kind: z.enum(['clause', 'source', 'assumption']),
    reference: z.string().describe('The first scenario’s reference: a clause, a published source or a labelled assumption (the English text of record)'),
    referenceZh: z.string().optional().describe('Its Chinese text, when it has one'),
    values: z.array(z.strictObject({
      value: z.string().nullable().describe('The value as text (cells as prefecture.area=value); null when the scenario has no such parameter'),
      kind: z.enum(['clause', 'source', 'assumption']).optional().describe('Only when it differs from the row’s (a scenario override with its own reference)'),
      reference: z.string().optional().describe('Only when it differs from the row’s'),
      referenceZh: z.string().optional().describe('Its Chinese text, with reference'),
    })).describe('One per scenario, in order'),
    overrides: z.array(z.string()).describe('Scenario overrides that changed the value in force'),
  })).describe('Every parameter serving a clause, on `date`'),
  clauses: z.strictObject({
    document: z.string(),
    counts: z.strictObject({ modelled: z.number().int(), partly: z.number().int(), outOfScope: z.number().int(), total: z.number().int() }),
    rows: z.array(z.strictObject({
      clause: z.string(), lead: z.string(), gloss: z.string(), status: z.enum(['modelled', 'partly', 'out-of-scope']), programs: z.array(z.string()),
      rules: z.number().int(), parameters: z.number().int(), notes: z.string().nullable(),
    })),
  }).describe('The opinion’s clauses, each with its status and the number of rules and parameters behind it'),
});
export type Provenance = z.infer<typeof ProvenanceSchema>;

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
      sensitivity: SensitivitySchema.optional().describe('`jiuzhu project --sensitivity`: the funding assumptions that move the last year’s gap most, each moved down and up by a relative range'),
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
  provenance: ProvenanceSchema.describe('Parameters with their references, assumptions, scenario and dataset files, clause coverage: what the report shows of where the numbers come from'),
});

export type Result = z.infer<typeof ResultSchema>;

/** The JSON Schema of `--json` output. */
export function resultJsonSchema(): object {
  return { $id: 'https://jiuzhu.dev/schemas/result.schema.json', title: 'jiuzhu result', ...z.toJSONSchema(ResultSchema, { io: 'output', unrepresentable: 'any' }) };
}

