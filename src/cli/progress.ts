/** A progress bar on the run's stderr for long runs, shown only on a terminal so logs stay clean. */
import cliProgress from 'cli-progress';
import type { Scenario } from '../scenarios/input/load.js';
import { type Result } from '../scenarios/results/result.js';
import { compareScenarios, type CompareOptions } from '../scenarios/studies/compare.js';
import type { DatasetSource } from '../scenarios/execution/run.js';
import type { Lang } from '../text/labels.js';
import type { CliIo } from './io.js';

export function progressBar(label: string, io: CliIo, unit = 'months'): { update: (done: number, total: number) => void; stop: () => void } {
  if (!io.stderr.isTTY) return { update: () => {}, stop: () => {} };
  const bar = new cliProgress.SingleBar({ format: `${label} [{bar}] {value}/{total} ${unit}`, stream: io.stderr as NodeJS.WritableStream, hideCursor: true, clearOnComplete: true }, cliProgress.Presets.shades_classic);
  let started = false;
  return {
    update(done, total) {
      if (!started) { bar.start(total, 0); started = true; }
      bar.update(done);
    },
    stop() { if (started) bar.stop(); },
  };
}

/**
 * compareScenarios with a months progress bar on stderr: the one way `compare`, `run` and
 * `report` simulate, so they count progress the same way.
 */
export async function compareWithProgress(scenarios: readonly Scenario[], dataset: DatasetSource, lang: Lang, io: CliIo, options: CompareOptions): Promise<Result> {
  const bar = progressBar(lang === 'zh' ? '模拟中' : 'simulating', io, lang === 'zh' ? '个月' : 'months');
  const total = scenarios.length;
  let done = 0;
  try {
    return await compareScenarios(scenarios, dataset, {
      ...options,
      onProgress: (m, months) => { if (m === months) done++; bar.update((done - (m === months ? 1 : 0)) * months + m, total * months); },
    });
  } finally {
    bar.stop();
  }
}
