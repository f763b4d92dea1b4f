/**
 * The schema of datasets/<name>/outcomes.yaml: published outcome figures (caseloads, spending,
 * standards, subsidies, targeting) that a baseline is calibrated to or validated against.
 */
import { z } from 'zod';
import { PREFECTURE_CODES } from '../engine/locality.js';

/** What a figure measures, mapped onto a result by src/outcomes/simulated.ts. */
export const MEASURES = [
  'dibao.recipients', 'dibao.households', 'dibao.coverage', 'dibao.persons_per_household',
  'dibao.average_standard', 'dibao.average_subsidy', 'dibao.subsidy_to_standard', 'dibao.spending',
  'dibao.eligible_share', 'dibao.coverage_of_eligible',
  'wubao.recipients', 'wubao.households', 'wubao.population_share', 'medical.recipients', 'housing.households',
] as const;
export type Measure = (typeof MEASURES)[number];

/** Units a figure may be written in; each converts to the canonical unit of its measure. */
export const UNITS = {
  persons: 1, '10k_persons': 1e4, households: 1, '10k_households': 1e4, person_times: 1,
  yuan: 1, '10k_yuan': 1e4, '100m_yuan': 1e8,
  yuan_per_person_month: 1, yuan_per_person_year: 1 / 12,
  share: 1, percent: 0.01, persons_per_household: 1, ratio: 1,
} as const;
export type Unit = keyof typeof UNITS;

const bilingual = z.strictObject({ zh: z.string().min(1), en: z.string().min(1) });

export const FigureSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9_]+$/, 'ids are lower-case letters, digits and _'),
  label: bilingual,
  value: z.number().finite().positive(),
  unit: z.enum(Object.keys(UNITS) as [Unit, ...Unit[]]),
  year: z.number().int().min(1990).max(2100),
  month: z.number().int().min(1).max(12).optional().describe('Month of a stock figure (12: year end); absent: the year'),
  at: z.enum(['average_month', 'year_end', 'year_distinct']).optional().describe('How a count is taken: in the average month, at the year end, or distinct over the year (default: year_end when month is 12, else average_month)'),
  area: z.enum(['urban', 'rural', 'all']),
  prefecture: z.number().int().refine((c) => PREFECTURE_CODES.includes(c), { message: `not a prefecture code (expected one of ${PREFECTURE_CODES.join(', ')})` }).nullable(),
  scope: z.enum(['jilin', 'jilin_locality', 'national', 'study']).describe('Whose figure: Jilin province (or a prefecture), a smaller Jilin locality, all of China, or a survey study'),
  measure: z.enum(MEASURES).nullable().describe('The simulated quantity it compares with; null: not modelled'),
  compare_year: z.number().int().optional().describe('Simulated year compared with, when it differs from the figure’s year (the reason goes in note)'),
  source: z.string().min(1),
  quote: z.string().min(1),
  derivation: z.string().optional().describe('Arithmetic from the quoted cells to value, when value is derived'),
  role: z.enum(['calibration', 'validation']),
  tolerance: z.number().positive().max(1).describe('Largest relative difference |simulated − published| ÷ published counted as a match'),
  confidence: z.enum(['high', 'medium', 'low']),
  note: z.string().optional(),
});
export type Figure = z.infer<typeof FigureSchema>;

export const OutcomesSchema = z.strictObject({
  name: z.string().min(1),
  description: z.string().min(1),
  figures: z.array(FigureSchema).min(1),
}).superRefine((o, ctx) => {
  const seen = new Set<string>();
  o.figures.forEach((f, i) => {
    if (seen.has(f.id)) ctx.addIssue({ code: 'custom', path: ['figures', i, 'id'], message: `duplicate figure id '${f.id}'` });
    seen.add(f.id);
    if (f.compare_year !== undefined && !f.note) ctx.addIssue({ code: 'custom', path: ['figures', i, 'note'], message: 'a figure compared with another year needs a note saying why' });
  });
});
export type Outcomes = z.infer<typeof OutcomesSchema>;
