/** Pieces shared by the commands: loading scenarios and datasets, printing output. */
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { isJiuzhuError, JiuzhuError } from '../engine/errors.js';
import { parseYamlSource, yamlToJs } from '../engine/yaml-source.js';
import { isMonth } from '../engine/period.js';
import { loadCodebook } from '../data/codebook.js';
import { resolveDatasetPath } from '../data/dataset.js';
import { openDataset } from '../data/open.js';
import type { Encoding } from '../data/formats/csv-table.js';
import { loadScenario, type Scenario } from '../scenarios/input/load.js';
import { scenarioDataset, type DatasetSource, type Period } from '../scenarios/execution/run.js';
import type { Lang } from '../text/labels.js';
import type { CliIo } from './io.js';

export { printJson } from './io.js';

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

/** The dataset of a run: --data if given, else the first scenario's. Warnings go to the run's stderr. */
export async function datasetFor(scenario: Scenario, options: { data?: string; codebook?: string; encoding?: string }, io: CliIo): Promise<DatasetSource> {
  const encoding = parseEncoding(options.encoding);
  const codebook = options.codebook ? loadCodebook(options.codebook) : undefined;
  const data = options.data;
  const ds = data ? await (async () => openDataset(resolveDatasetPath(data), { codebook, encoding }))().catch(relocate(undefined, '--data')) : await scenarioDataset(scenario).catch(relocate(scenario, 'dataset'));
  for (const w of ds.warnings) io.stderr.write(`warning: ${w}\n`);
  return ds;
}

/** Errors that say the path named is not a dataset at all (rather than a dataset with a bad row). */
const NOT_A_DATASET = new Set(['DATASET_NOT_FOUND', 'UNKNOWN_FORMAT', 'NOT_A_FILE', 'EMPTY_FILE']);

/**
 * A dataset that is not found, or a path that is not a dataset (a README, a folder without
 * households.csv, a device), is reported against what named it: the `dataset:` line of the
 * scenario file that set it, or the --data option; the path's own problem follows in the details.
 */
function relocate(scenario: Scenario | undefined, key: string): (e: unknown) => never {
  return (e) => {
    if (!isJiuzhuError(e) || !NOT_A_DATASET.has(e.code)) throw e;
    const file = scenario ? datasetFile(scenario) : undefined;
    const message = e.code === 'DATASET_NOT_FOUND' || !e.location.file ? e.message : `'${e.location.file}' is not a dataset: ${e.message}`;
    throw new JiuzhuError(e.code, message, { location: file ? { file: file.file, line: file.line, key } : { ...e.location, key }, hint: e.hint ?? 'give a .csv/.arrow/.parquet file, a folder with households.csv and persons.csv, or a name under datasets/', details: e.details, cause: e });
  };
}

/** The file of a scenario's chain that sets `dataset`, and its line. */
function datasetFile(scenario: Scenario): { file: string; line?: number } | undefined {
  for (const file of [...scenario.files].reverse()) {
    if (scenario.dataset && dirname(file) !== scenario.dataset.baseDir) continue;
    const src = parseYamlSource(readFileSync(file, 'utf8'), file);
    const js = yamlToJs(src);
    if (js && typeof js === 'object' && 'dataset' in js) return { file, line: src.lineAt(['dataset']) };
  }
  return undefined;
}

export function parseEncoding(v: string | undefined): Encoding | undefined {
  if (v === undefined || v === 'utf8' || v === 'gbk') return v;
  throw new JiuzhuError('BAD_OPTION', `--encoding must be utf8 or gbk, not '${v}'`, { kind: 'usage', location: { key: '--encoding' } });
}
