/**
 * Issue #22: the public-welfare posts (§六.1) and the one-off contributions at expropriation
 * (§八.4) move with their yearly flows over a projection. The fixture is
 * test/program-cases/flows.yaml, whose comments work the numbers out by hand; here the same
 * households and overrides go through `jiuzhu project` (projectScenarioOn), year by year, and
 * the stock arithmetic of src/engine/stock-flow.ts is checked on its own.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { closingStock, openingStock, stockInMonth } from '../src/engine/stock-flow.js';
import { loadScenario } from '../src/scenarios/input/load.js';
import { projectScenarioOn } from '../src/scenarios/studies/project.js';
import { casePopulation, type HouseholdSpec } from './case-population.js';
import { ROOT } from './helpers.js';

describe('posts in force: a stock moved by yearly flows', () => {
  // The baseline's values (src/programs/employment/parameters/posts.yaml): 35,550 posts on
  // 1 January 2006, 35,550 created in 2006 and 35,000 a year from 2007, a third of the opening
  // stock closing each year (the leaf holds 0.3333).
  const stock = [{ date: '2006-01-01', value: 35550 }];
  const inflow = [{ date: '2006-01-01', value: 35550 }, { date: '2007-01-01', value: 35000 }];
  const outflow = [{ date: '2006-01-01', value: 0.3333 }];
  it('next year opens at this year’s stock + inflow − outflow', () => {
    // 2006: 35,550 × (1 − 0.3333) + 35,550 = 23,701.185 + 35,550 = 59,251.185.
    expect(closingStock(35550, inflow, outflow, 2006)).toBeCloseTo(59251.185, 6);
    expect(openingStock(stock, inflow, outflow, 2007)).toBeCloseTo(59251.185, 6);
    // 2007: 59,251.185 × 0.6667 + 35,000 = 39,502.765 + 35,000 = 74,502.765 (to 1e-3).
    expect(openingStock(stock, inflow, outflow, 2008)).toBeCloseTo(74502.765, 2);
  });
  it('a month lies on the line from the opening to the closing stock, at its middle', () => {
    // January 2006: 35,550 + (59,251.185 − 35,550) × 0.5/12 = 35,550 + 987.549 = 36,537.549.
    expect(stockInMonth(stock, inflow, outflow, '2006-01')).toBeCloseTo(36537.549, 2);
    // December 2006: 35,550 + 23,701.185 × 11.5/12 = 58,263.636.
    expect(stockInMonth(stock, inflow, outflow, '2006-12')).toBeCloseTo(58263.636, 2);
  });
  it('a later dated stock restates the stock from its year', () => {
    const restated = [...stock, { date: '2008-01-01', value: 1000 }];
    expect(openingStock(restated, inflow, outflow, 2008)).toBe(1000);
    // 2009 opens at 1000 × 0.6667 + 35,000 = 35,666.7.
    expect(openingStock(restated, inflow, outflow, 2009)).toBeCloseTo(35666.7, 6);
  });
});

describe('a projection of the flows fixture', () => {
  const cases = parse(readFileSync(join(ROOT, 'test/program-cases/flows.yaml'), 'utf8')) as { overrides: unknown[]; households: HouseholdSpec[] }[];
  const fixture = cases[0]!;
  const dir = mkdtempSync(join(tmpdir(), 'jiuzhu-flows-'));
  const file = join(dir, 'flows.yaml');
  writeFileSync(file, stringify({
    name: 'flows', description: { zh: '存量与流量', en: 'stocks and flows' },
    period: { from: '2006-01', to: '2008-12' }, seed: 1,
    // Amounts stay nominal here (projection.uprating 0): the hand-worked figures below are about the flows alone.
    overrides: [{ path: 'events.enabled', set: false }, { path: 'projection.uprating.cpi', set: 0 }, { path: 'projection.uprating.wages', set: 0 }, ...fixture.overrides],
  }));
  const dataset = { population: casePopulation(fixture.households, 'flows.yaml'), meta: { name: 'flows', sha256: '', files: [] }, warnings: [] };
  const p = projectScenarioOn(loadScenario(file), dataset, { from: 2006, to: 2008 });
  it('employment costs follow the posts in force year by year', () => {
    // flows.yaml: 21,504, 30,720 and 39,936 post-months × (510 + 190).
    expect(p.years.map((y) => y.costByProgram.employment)).toEqual([15052800, 21504000, 27955200]);
  });
  it('land-expropriation costs follow the yearly flow of newly expropriated farmers', () => {
    // flows.yaml: 9, 18 and 0 farmers enrolled × 18,000.
    expect(p.years.map((y) => y.costByProgram.landExpropriated)).toEqual([162000, 324000, 0]);
  });
});
