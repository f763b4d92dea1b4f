/**
 * Differential runs (src/engine/differential.ts, issue #25): a run computed against a recorded
 * base gives the same bytes as the run computed in full, for every example scenario and moves
 * of each of the explorer's five sliders, and it does skip work.
 *
 * "The same bytes" is checked against the full run in the same process (not against stored
 * bytes), so the test stays valid when the generator or the parameters change.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateDataset } from '../src/data/generated.js';
import { DifferentialBase } from '../src/engine/differential.js';
import { monthsBetween } from '../src/engine/period.js';
import { loadScenario, type Scenario } from '../src/scenarios/input/load.js';
import { runScenarioOn, scenarioPeriod } from '../src/scenarios/execution/run.js';
import { settingsOverrides, type Settings } from '../src/serve/sliders.js';
import { ROOT } from './helpers.js';

const bytes = (x: unknown): string => JSON.stringify(x, (_k, v: unknown) => (ArrayBuffer.isView(v) ? Array.from(v as unknown as ArrayLike<number>) : v));

/** The scenario with slider settings added as the explorer adds them (src/serve/yaml.ts: after the scenario's own overrides). */
const moved = (s: Scenario, settings: Settings): Scenario => ({ ...s, name: `${s.name}-moved`, overrides: [...s.overrides, ...settingsOverrides(settings)] });

/** Moves of each slider, among them ones that flip many households (a standard × 0.8 or × 1.3, take-up 0.5). */
const MOVES: readonly Settings[] = [
  { standardUrban: 1.05 }, { standardUrban: 0.8 }, { standardRural: 1.3 }, { takeUpUrban: 0.5 }, { takeUpRural: 0.7 },
  { classifiedRate: 1.5 }, { classifiedRate: 0 }, { standardUrban: 1.1, takeUpRural: 0.5, classifiedRate: 2 },
];

describe('a run against a base gives the bytes of the run in full', () => {
  const dataset = generateDataset({ year: 2006, households: 1500, seed: 7 }).dataset;
  const files = readdirSync(join(ROOT, 'scenarios')).filter((f) => f.endsWith('.yaml')).sort();

  for (const file of files) {
    it(`${file}: slider moves over its first four months`, () => {
      const s = loadScenario(join(ROOT, 'scenarios', file));
      const months = monthsBetween(scenarioPeriod(s).from, scenarioPeriod(s).to);
      const period = { from: months[0]!, to: months[Math.min(3, months.length - 1)]! };
      const base = new DifferentialBase();
      const recorded = runScenarioOn(s, dataset, { period, differential: { record: base } });
      expect(bytes(recorded)).toBe(bytes(runScenarioOn(s, dataset, { period })));
      for (const settings of MOVES) {
        const m = moved(s, settings);
        const full = bytes(runScenarioOn(m, dataset, { period }));
        expect(bytes(runScenarioOn(m, dataset, { period, differential: { base } })), JSON.stringify(settings)).toBe(full);
      }
    });
  }
});
