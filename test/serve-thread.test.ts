/**
 * The explorer's compute thread runs on the baseline parameters its main thread sent
 * (serve/thread.ts ComputeSetup.parameters → scenarios/execution/spec.ts adoptWorkerParameters),
 * not on the 44 parameter files read and parsed again: that was about half a second of CPU of
 * every explorer start (docs/performance.md, "The explorer's thread start-up").
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDataset, resolveDatasetPath, type Dataset } from '../src/data/dataset.js';
import { baselineParameters } from '../src/policy/parameters.js';
import { loadScenario } from '../src/scenarios/input/load.js';
import { runScenarioOn } from '../src/scenarios/execution/run.js';
import { Explorer, type RunResponse } from '../src/serve/api.js';
import { ComputeThread } from '../src/serve/thread.js';
import { ROOT, useBuiltWorkers } from './helpers.js';

// The compute thread boots from a fresh build of this source (helpers.ts useBuiltWorkers): the same code, less start-up.
useBuiltWorkers();

const PERIOD = { from: '2006-01', to: '2006-01' };
const scenarioFiles = ['baseline-2006', 'raise-standard-10pct'].map((s) => join(ROOT, 'scenarios', `${s}.yaml`));
const BASELINE_VIEW = { scenario: 'baseline-2006', settings: {}, lang: 'en' as const };

/** What a run answers, less its timing. */
const figures = (r: RunResponse) => ({ headline: r.headline, programs: r.programs, standards: r.standards, averageStandard: r.averageStandard });

let data: Dataset;
let inProcess: Explorer;
beforeAll(async () => {
  data = await loadDataset(resolveDatasetPath('fixture-dibao'));
  inProcess = new Explorer({ dataset: data, scenarioFiles, period: PERIOD });
}, 60_000);
afterAll(() => inProcess?.close());

describe("the explorer's compute thread", () => {
  it('runs on the parameters it was sent, not on the files parsed again', async () => {
    // The main thread's baseline with every dibao standard halved: a tree no file on disk gives.
    // A thread that parsed the files itself would answer with the files' values below.
    const halved = baselineParameters().withOverrides([{ path: 'dibao.standard', scale: 0.5 }]);
    const thread = new ComputeThread({ options: { scenarioFiles, period: PERIOD }, dataset: data, parameters: halved.toData() });
    try {
      const there = await thread.call<RunResponse>('run', BASELINE_VIEW);
      const here = inProcess.runNow(BASELINE_VIEW);
      // src/programs/dibao/parameters/standard.yaml, 2006-01-01: Changchun (220100) urban = round(144.7 × 1.10 / 1.00635) = 158 yuan; halved 79.
      expect(here.standards.find((p) => p.code === 220100)!.urban).toBe(158);
      expect(there.standards.find((p) => p.code === 220100)!.urban).toBe(79);
      // Every standard halved, every prefecture and area.
      expect(there.standards.map((p) => [p.code, p.urban, p.rural])).toEqual(here.standards.map((p) => [p.code, p.urban / 2, p.rural / 2]));
      // The run itself used the sent tree: its average standard is that of the baseline scenario run
      // here with the halving applied before its own overrides (the same tree), not the files' one.
      const baseline = loadScenario(scenarioFiles[0]!);
      const halvedRun = runScenarioOn({ ...baseline, overrides: [{ path: 'dibao.standard', scale: 0.5 }, ...baseline.overrides] }, data, { period: PERIOD, seed: baseline.seed ?? 1 });
      expect(there.averageStandard).toEqual({ urban: halvedRun.summary.byArea.urban!.averageStandard, rural: halvedRun.summary.byArea.rural!.averageStandard });
      expect(there.averageStandard.urban).not.toBe(here.averageStandard.urban);
    } finally {
      await thread.close();
    }
  }, 60_000);

  it('starts on the scenarios its main thread loaded, without reading their files again', async () => {
    // Given under names no file has: a thread that loaded them itself would fail to start (FILE_NOT_FOUND).
    const gone = (name: string): string => join(ROOT, 'scenarios', 'not-on-disk', `${name}.yaml`);
    const loaded = new Map([[gone('baseline'), loadScenario(scenarioFiles[0]!)], [gone('raise'), loadScenario(scenarioFiles[1]!)]]);
    const thread = new ComputeThread({ options: { baselineFile: gone('baseline'), scenarioFiles: [gone('baseline'), gone('raise')], period: PERIOD, loaded }, dataset: data, parameters: baselineParameters().toData() });
    try {
      const req = { scenario: 'raise-standard-10pct', settings: {}, lang: 'en' as const };
      const there = await thread.call<RunResponse>('run', req);
      // raise-standard-10pct scales every standard by 1.1 from 2006-01: Changchun urban 158 × 1.1 = 173.8.
      expect(there.standards.find((p) => p.code === 220100)!.urban).toBeCloseTo(173.8, 9);
      expect(figures(there)).toEqual(figures(inProcess.runNow(req)));
    } finally {
      await thread.close();
    }
  }, 60_000);

  it("is sent the main thread's own baseline and scenarios by the explorer, and answers as the main thread would", async () => {
    const threaded = new Explorer({ dataset: data, scenarioFiles, period: PERIOD, thread: true });
    try {
      const req = { scenario: 'raise-standard-10pct', settings: {}, lang: 'en' as const };
      const there = (await threaded.run(req)) as RunResponse;
      const here = inProcess.runNow(req);
      // raise-standard-10pct scales every standard by 1.1 from 2006-01: Changchun urban 158 × 1.1 = 173.8.
      expect(there.standards.find((p) => p.code === 220100)!.urban).toBeCloseTo(173.8, 9);
      expect(figures(there)).toEqual(figures(here));
    } finally {
      threaded.close();
    }
  }, 60_000);
});
