/**
 * Every file in scenarios/ validates and runs: `run` over its first month, and `project` over
 * its years when its period spans several calendar years (January of each year, × 12). New
 * scenario files are picked up automatically.
 *
 * A scenario that names a dataset runs on it; one that uses the embedded default runs on a
 * 3,000-household sample from the same generator (raked to the same 2006 targets), to keep the
 * suite fast — the 100,000-household default takes seconds per simulated month.
 */
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateDataset } from '../src/data/generated.js';
import type { Dataset } from '../src/data/dataset.js';
import { findFiles } from '../src/engine/paths.js';
import { loadScenario } from '../src/scenarios/input/load.js';
import { projectScenarioOn } from '../src/scenarios/studies/project.js';
import { runScenarioOn, scenarioDataset, scenarioPeriod } from '../src/scenarios/execution/run.js';
import { ROOT } from './helpers.js';

const files = findFiles(join(ROOT, 'scenarios'), '.yaml');
let sample: Dataset | undefined;
const small = (): Dataset => (sample ??= generateDataset({ year: 2006, households: 3000, seed: 1 }).dataset);

async function datasetOf(s: ReturnType<typeof loadScenario>): Promise<Dataset> {
  if (!s.dataset) return small();
  const d = await scenarioDataset(s);
  if ('kind' in d) throw new Error(`${s.name}: chunked datasets are not run here`);
  return d;
}

describe('scenario files', () => {
  it('there are scenario files, among them the projection of issue #8', () => {
    expect(files.map((f) => basename(f))).toEqual(expect.arrayContaining(['baseline-2006.yaml', 'dynamic-growth-2007-2015.yaml']));
  });
  for (const file of files) {
    describe(basename(file), () => {
      it('validates, loads and runs its first month', async () => {
        const s = loadScenario(file);
        const first = scenarioPeriod(s).from;
        const r = runScenarioOn(s, await datasetOf(s), { period: { from: first, to: first } });
        expect(r.months.map((m) => m.month)).toEqual([first]);
        expect(Number.isFinite(r.summary.cost) && r.summary.cost >= 0).toBe(true);
        for (const p of Object.values(r.programs)) expect(Number.isFinite(p.cost), p.label.en).toBe(true);
      });
      // A file that does not load fails the test above, not the collection of the others.
      const s = (() => { try { return loadScenario(file); } catch { return undefined; } })();
      const { from, to } = s ? scenarioPeriod(s) : { from: '', to: '' };
      const years = Number(to.slice(0, 4)) - Number(from.slice(0, 4)) + 1;
      if (s && years > 1) {
        it(`projects its ${years} years`, async () => {
          const p = projectScenarioOn(s, await datasetOf(s), { monthsPerYear: 1 });
          expect(p.years.map((y) => y.year)).toEqual(Array.from({ length: years }, (_, i) => Number(from.slice(0, 4)) + i));
          for (const y of p.years) expect(Number.isFinite(y.cost) && Number.isFinite(y.fundingGap)).toBe(true);
        });
      }
    });
  }
});
