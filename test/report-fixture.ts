/**
 * The report the browser tests open: the 2006 baseline against +10% on the hand-worked
 * fixture-dibao households, two months, in Chinese.
 */
import { join } from 'node:path';
import { loadDataset, resolveDatasetPath } from '../src/data/dataset.js';
import { writeReport, type WrittenReport } from '../src/report/write.js';
import { loadScenario } from '../src/scenarios/input/load.js';
import { compareScenarios } from '../src/scenarios/studies/compare.js';
import { ROOT } from './helpers.js';

export async function writeFixtureReport(dir: string): Promise<WrittenReport> {
  const scenarios = ['scenarios/baseline-2006.yaml', 'scenarios/raise-standard-10pct.yaml'].map((f) => loadScenario(join(ROOT, f)));
  const data = await loadDataset(resolveDatasetPath('fixture-dibao'));
  const result = await compareScenarios(scenarios, data, { period: { from: '2006-01', to: '2006-02' } });
  return writeReport(join(dir, 'report'), result, { lang: 'zh' });
}
