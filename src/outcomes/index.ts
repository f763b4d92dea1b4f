/** Published outcome figures (datasets/<name>/outcomes.yaml) and their comparison with a result. */
export { MEASURES, UNITS, OutcomesSchema, FigureSchema, type Figure, type Measure, type Outcomes, type Unit } from './schema.js';
export { DEFAULT_OUTCOMES, loadOutcomes } from './load.js';
export { simulatedValue, resultYears, type Simulated } from './simulated.js';
export { canonicalUnit, compareOutcomes, type OutcomeRow } from './compare.js';
export { outcomesTableRows, OUTCOME_COLUMNS } from './table.js';
