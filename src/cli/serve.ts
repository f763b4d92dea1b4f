/**
 * `jiuzhu serve`: the interactive scenario explorer on http://127.0.0.1:PORT/. Loads the dataset
 * once, prints the URL on stdout (progress on stderr), and runs until Ctrl-C.
 */
import { resolve } from 'node:path';
import { JiuzhuError } from '../engine/errors.js';
import { isMonth } from '../engine/period.js';
import { packagePath } from '../engine/paths.js';
import { loadScenario } from '../scenarios/input/load.js';
import type { Period } from '../scenarios/execution/run.js';
import { datasetFor, parseLang, parseSeed, type CommonOptions } from './common.js';
import type { CliIo } from './io.js';

export interface ServeCliOptions extends CommonOptions {
  port?: string;
  baseline?: string;
  period?: string;
  timeout?: string;
}

const usage = (key: string, message: string, hint?: string): JiuzhuError => new JiuzhuError('BAD_OPTION', message, { kind: 'usage', location: { key }, hint });

export function parsePort(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!/^\d+$/.test(v) || n > 65535) throw usage('--port', `--port must be a port number 0–65535, not '${v}'`, '0 picks any free port');
  return n;
}

/** Seconds a computation may take (`--timeout`), as ms: a whole number from 1 to 86,400 (a day). */
export function parseComputeTimeout(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!/^\d+$/.test(v) || n < 1 || n > 86_400) throw usage('--timeout', `--timeout must be a whole number of seconds from 1 to 86400 (a day), not '${v}'`, 'the default is 600 (10 minutes)');
  return n * 1000;
}

/** `YYYY-MM` (one month) or `YYYY-MM:YYYY-MM`. */
export function parseServePeriod(v: string | undefined): Period | undefined {
  if (v === undefined) return undefined;
  const [from, to = from] = v.split(':');
  if (!isMonth(from) || !isMonth(to) || to < from) throw usage('--period', `--period must be YYYY-MM or YYYY-MM:YYYY-MM with the end not before the start, not '${v}'`);
  return { from, to };
}

export async function serveCommand(files: string[], options: ServeCliOptions, io: CliIo): Promise<void> {
  const lang = parseLang(options.lang);
  const port = parsePort(options.port);
  const period = parseServePeriod(options.period);
  const seed = parseSeed(options.seed);
  const computeTimeoutMs = parseComputeTimeout(options.timeout);
  const baselineFile = resolve(options.baseline ?? packagePath('scenarios', 'baseline-2006.yaml'));
  const log = (line: string): void => void io.stderr.write(`${line}\n`);
  log(`loading the dataset${options.data ? ` ${options.data}` : ''}…`);
  const dataset = await datasetFor(loadScenario(baselineFile), options, io);
  if ('kind' in dataset) {
    throw new JiuzhuError('CHUNKED_DATASET', 'the explorer keeps its dataset in memory; a chunked dataset is simulated chunk by chunk', {
      kind: 'usage', location: { key: '--data' }, hint: 'explore a sample (jiuzhu generate --households 100000 --out sample.arrow) and run the whole count with jiuzhu run --data',
    });
  }
  log(`${dataset.meta.name}: ${dataset.population.nHouseholds.toLocaleString('en-US')} households`);
  // Loaded on use: vega and the server are needed by this command only.
  const { startExplorer } = await import('../serve/server.js');
  const running = await startExplorer({
    dataset,
    scenarioFiles: files.map((f) => resolve(f)),
    baselineFile,
    period,
    seed,
    port,
    computeTimeoutMs,
    lang,
    dataArg: options.data ? `${resolve(options.data)}${options.codebook ? ` --codebook ${resolve(options.codebook)}` : ''}${options.encoding ? ` --encoding ${options.encoding}` : ''}` : undefined,
    log,
  });
  io.stdout.write(`${running.url}\n`);
  log(`jiuzhu explorer ready at ${running.url} (127.0.0.1 only; Ctrl-C to stop)`);
  await new Promise<void>((done) => {
    const stop = (): void => {
      // Whichever signal came, stop listening for both: main() may run again in this process.
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      log('stopping the explorer…');
      void running.close().then(done);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
