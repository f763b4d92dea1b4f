/** Pieces shared by the commands: loading scenarios and datasets, printing output. */
import { JiuzhuError } from '../engine/errors.js';
import { isMonth } from '../engine/period.js';
import { loadCodebook } from '../data/codebook.js';
import { openDataset, resolveDatasetPath } from '../data/dataset.js';
import type { Encoding } from '../data/formats/csv-table.js';
import { loadScenario, type Scenario } from '../scenarios/load.js';
import { scenarioDataset, type DatasetSource, type Period } from '../scenarios/run.js';
import type { Lang } from './labels.js';

export interface CommonOptions {
  json?: boolean;
  lang?: string;
  data?: string;
  codebook?: string;
  encoding?: string;
  seed?: string;
  timestamp?: boolean;
  debug?: boolean;
}

export function parseLang(v: string | undefined): Lang {
  if (v === undefined || v === 'en' || v === 'zh') return v ?? 'en';
  throw new JiuzhuError('BAD_OPTION', `--lang must be zh or en, not '${v}'`, { kind: 'usage', location: { key: '--lang' } });
}

/** `YYYY-MM:YYYY-MM` → period. */
export function parsePeriod(v: string | undefined): Period | undefined {
  if (v === undefined) return undefined;
  const [from, to] = v.split(':');
  if (!isMonth(from) || !isMonth(to) || to < from) throw new JiuzhuError('BAD_OPTION', `--period must be YYYY-MM:YYYY-MM with the end not before the start, not '${v}'`, { kind: 'usage', location: { key: '--period' } });
  return { from, to };
}

export function parseSeed(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new JiuzhuError('BAD_OPTION', `--seed must be a non-negative integer, not '${v}'`, { kind: 'usage', location: { key: '--seed' } });
  return n;
}

export function loadScenarios(files: readonly string[]): Scenario[] {
  return files.map((f) => loadScenario(f));
}

/** The dataset of a run: --data if given, else the first scenario's. Warnings go to stderr. */
export async function datasetFor(scenario: Scenario, options: { data?: string; codebook?: string; encoding?: string }): Promise<DatasetSource> {
  const encoding = parseEncoding(options.encoding);
  const codebook = options.codebook ? loadCodebook(options.codebook) : undefined;
  const ds = options.data ? await openDataset(resolveDatasetPath(options.data), { codebook, encoding }) : await scenarioDataset(scenario);
  for (const w of ds.warnings) process.stderr.write(`warning: ${w}\n`);
  return ds;
}

export function parseEncoding(v: string | undefined): Encoding | undefined {
  if (v === undefined || v === 'utf8' || v === 'gbk') return v;
  throw new JiuzhuError('BAD_OPTION', `--encoding must be utf8 or gbk, not '${v}'`, { kind: 'usage', location: { key: '--encoding' } });
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
