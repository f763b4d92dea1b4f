/** The population of declarative household cases (program cases, the flows fixture): every schema column present. */
import { allocColumn, type Column } from '../src/engine/column.js';
import { createPopulation, type Population } from '../src/engine/population.js';
import { HOUSEHOLD_COLUMNS, PERSON_COLUMNS, withSchemaDefaults } from '../src/data/schema.js';

type Row = Record<string, number>;
export interface HouseholdSpec { household: Row; persons: Row[] }

/** The population of a case's households, ids 1…n, every schema column present. */
export function casePopulation(hs: readonly HouseholdSpec[], source: string): Population {
  const hhNames = HOUSEHOLD_COLUMNS.map((c) => c.name).filter((n) => n !== 'id' && n !== 'weight');
  const pNames = PERSON_COLUMNS.map((c) => c.name).filter((n) => n !== 'id' && n !== 'household');
  for (const h of hs) {
    for (const k of Object.keys(h.household)) if (k !== 'weight' && !hhNames.includes(k)) throw new Error(`${source}: unknown household column '${k}'`);
    for (const p of h.persons) for (const k of Object.keys(p)) if (!pNames.includes(k)) throw new Error(`${source}: unknown person column '${k}'`);
  }
  const col = (entity: 'household' | 'person', name: string, values: (number | undefined)[]): Column => {
    const spec = (entity === 'household' ? HOUSEHOLD_COLUMNS : PERSON_COLUMNS).find((c) => c.name === name)!;
    const c = allocColumn(spec.dtype, values.length);
    values.forEach((v, i) => (c[i] = v ?? spec.default ?? 0));
    return c;
  };
  const persons = hs.flatMap((h, i) => h.persons.map((p) => ({ p, hh: i + 1 })));
  const hhCols = Object.fromEntries(hhNames.filter((n) => hs.some((h) => n in h.household)).map((n) => [n, col('household', n, hs.map((h) => h.household[n]))]));
  const pCols = Object.fromEntries(pNames.filter((n) => persons.some(({ p }) => n in p)).map((n) => [n, col('person', n, persons.map(({ p }) => p[n]))]));
  return withSchemaDefaults(createPopulation({
    households: { id: hs.map((_, i) => i + 1), weight: hs.map((h) => h.household.weight ?? 1), columns: hhCols },
    persons: { id: persons.map((_, i) => i + 1), household: persons.map(({ hh }) => hh), columns: pCols },
    source,
  }));
}

