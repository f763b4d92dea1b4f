/**
 * createPopulation's path for data already in order (issue #25: building a population does no
 * work the loop does not need): households and persons with increasing ids, persons grouped by
 * household, checked in one pass; the ids' float64 copies, the person → household index and
 * default weights made when first read. It must build the population the general path builds,
 * and data it declines (out of order, duplicate or orphan ids, empty households) still get the
 * general path's located errors.
 */
import { describe, expect, it } from 'vitest';
import { createPopulation, type Population } from '../src/engine/population.js';

/** A population's fields as plain arrays. */
const plain = (p: Population) => ({
  nPersons: p.nPersons,
  nHouseholds: p.nHouseholds,
  householdId: Array.from(p.householdId),
  personId: Array.from(p.personId),
  personHousehold: Array.from(p.personHousehold),
  householdStart: Array.from(p.householdStart),
  weight: Array.from(p.weight),
  age: Array.from(p.person.age!),
  urban: Array.from(p.household.urban!),
});

describe('createPopulation on data in order', () => {
  // Households 10 (2 members), 20 (1), 30 (3): starts 0, 2, 3, 6.
  const households = { id: Int32Array.of(10, 20, 30), columns: { urban: Uint8Array.of(1, 0, 1) } };
  const inOrder = { households, persons: { id: Int32Array.of(1, 2, 3, 4, 5, 6), household: Int32Array.of(10, 10, 20, 30, 30, 30), columns: { age: Int16Array.of(40, 38, 70, 30, 5, 2) } } };

  it('builds what the general path builds from the same persons out of order', () => {
    const fast = createPopulation(inOrder);
    // Persons 4, 1, 3, 5, 2, 6: the general path sorts them by household, keeping their order
    // within one (1 before 2; 4, 5, 6), so it gives back the order above.
    const order = [3, 0, 2, 4, 1, 5];
    const shuffled = {
      households,
      persons: {
        id: Int32Array.from(order, (k) => inOrder.persons.id[k]!),
        household: Int32Array.from(order, (k) => inOrder.persons.household[k]!),
        columns: { age: Int16Array.from(order, (k) => inOrder.persons.columns.age[k]!) },
      },
    };
    const general = createPopulation(shuffled);
    expect(plain(fast)).toEqual(plain(general));
    expect(plain(fast).householdStart).toEqual([0, 2, 3, 6]);
    expect(plain(fast).personHousehold).toEqual([0, 0, 1, 2, 2, 2]);
    expect(plain(fast).weight).toEqual([1, 1, 1]);
    // The dataset's columns are used as they are (no copy).
    expect(fast.person.age).toBe(inOrder.persons.columns.age);
  });

  it('still checks given weights, with the row', () => {
    expect(() => createPopulation({ ...inOrder, households: { ...households, weight: [1, -2, 1] } })).toThrow(/household 20 has weight -2/);
  });

  it('data it declines get the located errors of the general path', () => {
    // Ids not increasing: a duplicate person id.
    expect(() => createPopulation({ households: { id: [1, 2] }, persons: { id: [5, 5], household: [1, 2] } })).toThrow(/duplicate person id 5/);
    // Household 2 skipped: it has no persons.
    expect(() => createPopulation({ households: { id: [1, 2, 3] }, persons: { id: [1, 2], household: [1, 3] } })).toThrow(/household 2 has no persons/);
    // A person of a household that does not exist.
    expect(() => createPopulation({ households: { id: [1, 2] }, persons: { id: [1, 2], household: [1, 9] } })).toThrow(/person 2 belongs to household 9, which does not exist/);
    // A person column of the wrong length.
    expect(() => createPopulation({ households: { id: [1] }, persons: { id: [1], household: [1], columns: { age: Int16Array.of(1, 2) } } })).toThrow(/person column 'age' has 2 values for 1 persons/);
  });
});
