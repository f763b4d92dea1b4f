/**
 * Property tests of the dibao rules (吉政发〔2006〕48号 §二.1–§二.2) over random small populations:
 * 1–30 households of 1–6 persons, random localities, ages, incomes (many zero), disability,
 * illness, orphan and single-parent flags, in months of 2006–2008. Fixed seeds: reproducible.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocColumn, type Column } from '../src/engine/column.js';
import { PREFECTURE_CODES } from '../src/engine/locality.js';
import type { Override } from '../src/engine/parameters/tree.js';
import { createPopulation, type Population } from '../src/engine/population.js';
import { Simulation } from '../src/engine/simulation.js';
import { HOUSEHOLD_COLUMNS, PERSON_COLUMNS, withSchemaDefaults, type ColumnSpec } from '../src/data/schema.js';
import { baselineParameters } from '../src/policy/parameters.js';
import { systemRules } from '../src/programs/system.js';

const RUNS = { seed: 42, numRuns: 200 } as const;
const EPS = 1e-9;

interface PersonRow { age: number; earnings: number; pension: number; unemployment_benefit: number; farm_business: number; other_transfers: number; disability: number; illness: number; orphan: number; sex: number; role: number }
interface HouseholdRow { prefecture: number; urban: number; single_parent: number; persons: PersonRow[] }
interface PopCase { households: HouseholdRow[]; /** Sort keys that shuffle the person rows given to createPopulation. */ order: number[] }

/** An income source in whole fen up to 250 yuan, zero four times in five (so about half the households are eligible). */
const income = fc.oneof({ weight: 4, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 25_000 }).map((f) => f / 100) });

const person: fc.Arbitrary<PersonRow> = fc.record({
  age: fc.integer({ min: 0, max: 100 }),
  earnings: income,
  pension: income,
  unemployment_benefit: income,
  farm_business: income,
  other_transfers: income,
  disability: fc.constantFrom(0, 1, 2),
  illness: fc.constantFrom(0, 1, 2),
  orphan: fc.constantFrom(0, 1),
  sex: fc.constantFrom(1, 2),
  role: fc.constantFrom(0, 1, 2, 3, 4),
});

const household: fc.Arbitrary<HouseholdRow> = fc.record({
  prefecture: fc.constantFrom(...PREFECTURE_CODES),
  urban: fc.constantFrom(0, 1),
  single_parent: fc.constantFrom(0, 1),
  persons: fc.array(person, { minLength: 1, maxLength: 6, size: 'max' }),
});

const popCase: fc.Arbitrary<PopCase> = fc
  .array(household, { minLength: 1, maxLength: 30, size: 'max' })
  .chain((households) => {
    const n = households.reduce((s, h) => s + h.persons.length, 0);
    return fc.record({ households: fc.constant(households), order: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: n, maxLength: n }) });
  });

/** Months on both sides of the 2007-01-01 and 2008-01-01 changes of the standard. */
const month = fc.constantFrom('2006-01', '2006-06', '2006-12', '2007-01', '2007-07', '2007-12', '2008-01', '2008-12');

/** A column of the schema dtype. */
function column(spec: ColumnSpec, values: readonly number[]): Column {
  const col = allocColumn(spec.dtype, values.length);
  values.forEach((v, i) => { col[i] = v; });
  return col;
}

/** The population, persons handed over in a shuffled order (createPopulation sorts them by household). */
function buildPopulation(c: PopCase): Population {
  const rows: { hh: number; p: PersonRow }[] = [];
  c.households.forEach((h, i) => h.persons.forEach((p) => rows.push({ hh: 10 * (i + 1), p })));
  const perm = rows.map((_, i) => i).sort((a, b) => c.order[a]! - c.order[b]! || a - b);
  const shuffled = perm.map((i) => rows[i]!);
  const hhValues: Record<string, number[]> = {
    prefecture: c.households.map((h) => h.prefecture),
    urban: c.households.map((h) => h.urban),
    single_parent: c.households.map((h) => h.single_parent),
  };
  const hhColumns: Record<string, Column> = {};
  for (const s of HOUSEHOLD_COLUMNS) if (hhValues[s.name]) hhColumns[s.name] = column(s, hhValues[s.name]!);
  const personColumns: Record<string, Column> = {};
  for (const s of PERSON_COLUMNS) {
    if (s.name === 'id' || s.name === 'household') continue;
    personColumns[s.name] = column(s, shuffled.map((r) => r.p[s.name as keyof PersonRow]));
  }
  // Household columns the cases do not draw (housing, hukou, …) take their schema defaults.
  return withSchemaDefaults(createPopulation({
    households: { id: c.households.map((_, i) => 10 * (i + 1)), columns: hhColumns },
    persons: { id: perm.map((i) => 1000 + i), household: shuffled.map((r) => r.hh), columns: personColumns },
    source: 'fast-check',
  }));
}

function simulate(c: PopCase, overrides: readonly Override[] = []): Simulation {
  return new Simulation({ population: buildPopulation(c), parameters: baselineParameters().withOverrides(overrides), rules: systemRules });
}

const isWholeFen = (x: number): boolean => Math.abs(x * 100 - Math.round(x * 100)) < 1e-6;

describe('dibao properties (吉政发〔2006〕48号 §二.1–§二.2)', () => {
  it('(a) benefit and entitlement are never negative, and every benefit is a whole number of fen', () => {
    fc.assert(
      fc.property(popCase, month, (c, m) => {
        const sim = simulate(c);
        const benefit = sim.calculate('dibao_benefit', m);
        const entitlement = sim.calculate('dibao_entitlement', m);
        expect(benefit.length).toBe(c.households.length);
        for (let h = 0; h < benefit.length; h++) {
          expect(benefit[h]!, `household ${h} benefit`).toBeGreaterThanOrEqual(0);
          expect(entitlement[h]!, `household ${h} entitlement`).toBeGreaterThanOrEqual(0);
          expect(isWholeFen(benefit[h]!), `household ${h} benefit ${benefit[h]} in fen`).toBe(true);
          expect(isWholeFen(entitlement[h]!), `household ${h} entitlement ${entitlement[h]} in fen`).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('(b) raising the standard (scale k ∈ [1, 2] or add d ≥ 0) never lowers any household’s benefit', () => {
    const raise: fc.Arbitrary<Override> = fc.oneof(
      fc.double({ min: 1, max: 2, noNaN: true }).map((k): Override => ({ path: 'dibao.standard', scale: k })),
      fc.double({ min: 0, max: 200, noNaN: true }).map((d): Override => ({ path: 'dibao.standard', add: d })),
    );
    fc.assert(
      fc.property(popCase, month, raise, (c, m, o) => {
        const base = simulate(c).calculate('dibao_benefit', m);
        const raised = simulate(c, [o]).calculate('dibao_benefit', m);
        for (let h = 0; h < base.length; h++) {
          expect(raised[h]!, `household ${h} under ${JSON.stringify(o)}`).toBeGreaterThanOrEqual(base[h]! - EPS);
        }
      }),
      RUNS,
    );
  });

  it('(c) eligible exactly when per-capita counted income is strictly below the standard', () => {
    fc.assert(
      fc.property(popCase, month, (c, m) => {
        const sim = simulate(c);
        const eligible = sim.calculate('dibao_eligible', m);
        const pci = sim.calculate('per_capita_counted_income', m);
        const std = sim.calculate('dibao_standard', m);
        for (let h = 0; h < eligible.length; h++) {
          expect(eligible[h] === 1, `household ${h}: pci ${pci[h]} vs standard ${std[h]}`).toBe(pci[h]! < std[h]!);
        }
      }),
      RUNS,
    );
  });

  it('(d) entitlement = gap + minimum top-up + classified top-up, exactly in fen', () => {
    fc.assert(
      fc.property(popCase, month, (c, m) => {
        const sim = simulate(c);
        const e = sim.calculate('dibao_entitlement', m);
        const g = sim.calculate('dibao_gap_benefit', m);
        const t = sim.calculate('dibao_minimum_top_up', m);
        const k = sim.calculate('dibao_classified_top_up', m);
        for (let h = 0; h < e.length; h++) {
          for (const [name, x] of [['gap', g[h]!], ['minimum top-up', t[h]!], ['classified', k[h]!]] as const) {
            expect(isWholeFen(x), `household ${h} ${name} ${x} in fen`).toBe(true);
          }
          const fen = (x: number): number => Math.round(x * 100);
          expect(fen(e[h]!), `household ${h}`).toBe(fen(g[h]!) + fen(t[h]!) + fen(k[h]!));
        }
      }),
      RUNS,
    );
  });

  it('(e) an eligible household’s gap + minimum top-up reaches the floor × size', () => {
    fc.assert(
      fc.property(popCase, month, (c, m) => {
        const sim = simulate(c);
        const eligible = sim.calculate('dibao_eligible', m);
        const g = sim.calculate('dibao_gap_benefit', m);
        const t = sim.calculate('dibao_minimum_top_up', m);
        const n = sim.calculate('household_size', m);
        const floor = sim.parameter('dibao.minimum_payment', `${m}-01`, 'household');
        for (let h = 0; h < eligible.length; h++) {
          const f = typeof floor === 'number' ? floor : (floor as Float64Array)[h]!;
          if (eligible[h]) expect(g[h]! + t[h]!, `household ${h}`).toBeGreaterThanOrEqual(f * n[h]! - EPS);
          else expect(g[h]! + t[h]!, `household ${h} is not eligible`).toBe(0);
        }
      }),
      RUNS,
    );
  });

  /**
   * Built to sit exactly on the threshold: n members whose pensions (whole fen) sum to exactly
   * standard × n, so the per-capita counted income equals the standard and the household is not
   * eligible (§二.1: strictly below). In binary floating point the sum of such fen amounts can
   * come out a hair under standard × n (e.g. 256.4 + 1.9 + 215.7 = 473.99999999999994), and the
   * engine compares the raw quotient, so it makes such households eligible and pays them the
   * minimum payment (floor × size) plus any classified top-ups.
   */
  it('(f) a household exactly at the standard is never eligible, whatever fen amounts make up its income', () => {
    const tree = baselineParameters();
    const atThreshold = fc
      .record({ prefecture: fc.constantFrom(...PREFECTURE_CODES), urban: fc.constantFrom(0, 1), month, n: fc.integer({ min: 2, max: 6 }) })
      .chain(({ prefecture, urban, month: m, n }) => {
        const stdFen = Math.round(tree.valueAt('dibao.standard', `${m}-01`, { prefecture, area: urban ? 'urban' : 'rural' }) * 100);
        return fc
          .array(fc.integer({ min: 0, max: stdFen * n }), { minLength: n - 1, maxLength: n - 1 })
          .map((cuts) => {
            const bounds = [0, ...cuts.sort((a, b) => a - b), stdFen * n];
            const persons = bounds.slice(1).map((b, i): PersonRow => ({
              age: 40, earnings: 0, pension: (b - bounds[i]!) / 100, unemployment_benefit: 0, farm_business: 0, other_transfers: 0,
              disability: 0, illness: 0, orphan: 0, sex: 1, role: 4,
            }));
            return { m, c: { households: [{ prefecture, urban, single_parent: 0, persons }], order: persons.map((_, i) => i) } as PopCase };
          });
      });
    fc.assert(
      fc.property(atThreshold, ({ m, c }) => {
        const sim = simulate(c);
        expect(sim.calculate('dibao_eligible', m)[0], `pensions ${c.households[0]!.persons.map((p) => p.pension).join(' + ')}`).toBe(0);
        expect(sim.calculate('dibao_benefit', m)[0]).toBe(0);
      }),
      RUNS,
    );
  });

  it('household results do not depend on the order persons are given in', () => {
    fc.assert(
      fc.property(popCase, month, (c, m) => {
        const shuffled = simulate(c).calculate('dibao_benefit', m);
        const inOrder = simulate({ ...c, order: c.order.map((_, i) => i) }).calculate('dibao_benefit', m);
        expect(Array.from(shuffled)).toEqual(Array.from(inOrder));
      }),
      RUNS,
    );
  });
});
