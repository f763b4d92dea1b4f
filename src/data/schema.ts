/**
 * The dataset schema: every column jiuzhu's programs read, its entity, dtype, unit and the
 * default used when an optional column is missing. Codebooks map users' columns onto it.
 */
import { allocColumn, type Column, type Dtype } from '../engine/column.js';
import type { Entity } from '../engine/population.js';

export interface ColumnSpec {
  name: string;
  entity: Entity;
  dtype: Dtype;
  required: boolean;
  /** Used when an optional column is absent (with a warning). */
  default?: number;
  min?: number;
  max?: number;
  /** Whole numbers only, for a float dtype (ids: f64 holds ids beyond 2^31, but 1.5 is no id). */
  integer?: boolean;
  /** Allowed codes, if the column is categorical. */
  codes?: readonly number[];
  unit?: string;
  description: string;
}

export const HOUSEHOLD_COLUMNS: readonly ColumnSpec[] = [
  { name: 'id', entity: 'household', dtype: 'f64', required: true, integer: true, min: 0, max: Number.MAX_SAFE_INTEGER, description: 'Household id, unique in the dataset' },
  // At most MAX_WEIGHT (engine/limits.ts): a larger weight would carry weighted sums past exact doubles.
  { name: 'weight', entity: 'household', dtype: 'f64', required: false, default: 1, min: 0, max: 1e8, description: 'Households represented by this one (at most 100,000,000)' },
  { name: 'prefecture', entity: 'household', dtype: 'i32', required: true, codes: [220100, 220200, 220300, 220400, 220500, 220600, 220700, 220800, 222400], description: 'Prefecture, GB/T 2260 code' },
  { name: 'urban', entity: 'household', dtype: 'u8', required: true, codes: [0, 1], description: '1 urban (城镇), 0 rural (农村)' },
  { name: 'single_parent', entity: 'household', dtype: 'u8', required: false, default: 0, codes: [0, 1], description: '1 if a single-parent household (单亲家庭)' },
  { name: 'hukou_local_urban_years', entity: 'household', dtype: 'u8', required: false, default: 0, min: 0, max: 120, unit: 'years', description: 'Years the head has held local urban hukou (本地城镇户籍); 0 for rural or non-local hukou' },
  { name: 'local_hukou', entity: 'household', dtype: 'u8', required: false, default: 1, codes: [0, 1], description: '1 if the household holds the hukou its dibao requires where it lives (urban: local non-agricultural hukou); 0 e.g. rural migrants in a city. Default 1: data that do not record hukou are taken as local' },
  { name: 'housing_tenure', entity: 'household', dtype: 'u8', required: false, default: 0, codes: [0, 1, 2, 3], description: '0 own home, 1 public rental (公房), 2 private rental, 3 other (free, relatives, employer)' },
  { name: 'floor_area_per_person', entity: 'household', dtype: 'f32', required: false, default: 20, min: 0, max: 1000, unit: 'm2/person', description: 'Living floor area per person (人均住房面积); the default 20 is the assumed 2006 median' },
  { name: 'shanty', entity: 'household', dtype: 'u8', required: false, default: 0, codes: [0, 1], description: '1 if living in a shanty-town (棚户区) or dangerous (危房) house' },
  { name: 'land_expropriated', entity: 'household', dtype: 'u8', required: false, default: 0, codes: [0, 1], description: '1 if the household lost its farmland to expropriation (被征地农民)' },
  { name: 'assets', entity: 'household', dtype: 'f64', required: false, default: 0, min: 0, unit: 'CNY', description: 'Household financial assets (savings, deposits), a proxy for the means-test asset check' },
];

export const PERSON_COLUMNS: readonly ColumnSpec[] = [
  { name: 'id', entity: 'person', dtype: 'f64', required: true, integer: true, min: 0, max: Number.MAX_SAFE_INTEGER, description: 'Person id, unique in the dataset' },
  { name: 'household', entity: 'person', dtype: 'f64', required: true, integer: true, min: 0, max: Number.MAX_SAFE_INTEGER, description: 'Id of the person’s household' },
  { name: 'role', entity: 'person', dtype: 'u8', required: false, default: 4, codes: [0, 1, 2, 3, 4], description: '0 head, 1 spouse, 2 child, 3 parent, 4 other' },
  { name: 'age', entity: 'person', dtype: 'i16', required: true, min: 0, max: 120, unit: 'years', description: 'Age in completed years' },
  { name: 'sex', entity: 'person', dtype: 'u8', required: false, default: 1, codes: [1, 2], description: '1 male, 2 female' },
  { name: 'earnings', entity: 'person', dtype: 'f64', required: false, default: 0, min: 0, unit: 'CNY/month', description: 'Wage and salary earnings' },
  { name: 'pension', entity: 'person', dtype: 'f64', required: false, default: 0, min: 0, unit: 'CNY/month', description: 'Pension income' },
  { name: 'unemployment_benefit', entity: 'person', dtype: 'f64', required: false, default: 0, min: 0, unit: 'CNY/month', description: 'Unemployment-insurance benefit' },
  { name: 'farm_business', entity: 'person', dtype: 'f64', required: false, default: 0, min: 0, unit: 'CNY/month', description: 'Net farm or household-business income attributed to the person' },
  { name: 'other_transfers', entity: 'person', dtype: 'f64', required: false, default: 0, min: 0, unit: 'CNY/month', description: 'Other transfers received (remittances, support from relatives)' },
  { name: 'disability', entity: 'person', dtype: 'u8', required: false, default: 0, codes: [0, 1, 2], description: '0 none, 1 mild, 2 severe (重度残疾)' },
  { name: 'illness', entity: 'person', dtype: 'u8', required: false, default: 0, codes: [0, 1, 2], description: '0 none, 1 chronic, 2 serious illness (重病)' },
  { name: 'orphan', entity: 'person', dtype: 'u8', required: false, default: 0, codes: [0, 1], description: '1 if an orphan (孤儿)' },
  { name: 'employment', entity: 'person', dtype: 'u8', required: false, default: 0, codes: [0, 1, 2], description: '0 not in the labour force, 1 employed (incl. farming), 2 unemployed' },
  { name: 'work_capacity', entity: 'person', dtype: 'u8', required: false, default: 2, codes: [0, 1, 2], description: 'Work capacity (劳动能力): 0 none (children, severe disability or illness, very old), 1 partial, 2 full' },
  { name: 'schooling', entity: 'person', dtype: 'u8', required: false, default: 0, codes: [0, 1, 2, 3, 4, 5], description: 'Current schooling: 0 not in school, 1 primary, 2 junior secondary, 3 senior secondary, 4 secondary vocational, 5 tertiary' },
  { name: 'boarding', entity: 'person', dtype: 'u8', required: false, default: 0, codes: [0, 1], description: '1 if a boarding student (寄宿生)' },
  { name: 'medical_insured', entity: 'person', dtype: 'u8', required: false, default: 0, codes: [0, 1], description: '1 if covered by basic medical insurance (employee or urban resident scheme, or 新农合)' },
  { name: 'sanwu', entity: 'person', dtype: 'u8', required: false, default: 0, codes: [0, 1], description: '1 if a 三无 person: no work capacity, no income, no legal supporter' },
];

/** The spec of a column by entity and name. */
export function columnSpec(entity: Entity, name: string): ColumnSpec | undefined {
  return (entity === 'household' ? HOUSEHOLD_COLUMNS : PERSON_COLUMNS).find((c) => c.name === name);
}

/**
 * A population with every optional schema column it lacks filled with its documented default,
 * for populations built by hand rather than loaded (loaders fill defaults themselves).
 */
export function withSchemaDefaults<P extends { nPersons: number; nHouseholds: number; person: Readonly<Record<string, Column>>; household: Readonly<Record<string, Column>> }>(pop: P): P {
  const fill = (specs: readonly ColumnSpec[], have: Readonly<Record<string, Column>>, n: number): Record<string, Column> => {
    const out: Record<string, Column> = { ...have };
    for (const s of specs) if (!s.required && s.name !== 'weight' && !(s.name in out)) out[s.name] = allocColumn(s.dtype, n).fill(s.default ?? 0);
    return out;
  };
  return { ...pop, person: fill(PERSON_COLUMNS, pop.person, pop.nPersons), household: fill(HOUSEHOLD_COLUMNS, pop.household, pop.nHouseholds) };
}
