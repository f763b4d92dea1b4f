/**
 * The order `npm test` starts its files in (vitest.config.ts `sequence.sequencer`). Two workers
 * each take the next file when they finish one, so the suite ends soonest when the longest files
 * start first and the short ones fill in at the end (longest processing time first).
 *
 * vitest orders by the durations it cached on an earlier run (node_modules/.vite), and without
 * them, as in a fresh clone or CI, by file size, largest first: that started outcomes,
 * determinism, report-print-browser, project-threads and generate-cli (10–20 s each) among the
 * last 30 files, and one worker ran on alone at the end. A file's time cached on this checkout is
 * used first; else its time in SECONDS below (measured in the suite, session 8); else it runs
 * after these, largest first, as vitest would. The order changes no test: each file still runs
 * alone in its worker, start to end.
 */
import { statSync } from 'node:fs';
import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** Seconds each slow file took in a whole `npm test` (two workers, session 8); the rest take under 5 s. */
export const SECONDS: Readonly<Record<string, number>> = {
  'test/workers.test.ts': 22,
  'test/readme-cookbook.test.ts': 14,
  'test/differential.test.ts': 14,
  'test/dynamics.test.ts': 13,
  'test/determinism.test.ts': 12,
  'test/report-browser.test.ts': 12,
  'test/outcomes.test.ts': 11,
  'test/notebooks.test.ts': 11,
  'test/serve-hardening.test.ts': 10,
  'test/reuse.test.ts': 8,
  'test/project-threads.test.ts': 7,
  'test/generate-cli.test.ts': 7,
  'test/fuzz-binary.test.ts': 6,
  'test/readers-report.test.ts': 5,
  'test/explorer-browser.test.ts': 5,
  'test/report.test.ts': 5,
};

export default class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const root = this.ctx.config.root;
    const cache = this.ctx.cache;
    const key = (f: TestSpecification): { ms: number; bytes: number } => {
      const path = relative(root, f.moduleId);
      const cached = cache.getFileTestResults(`${f.project.name}:${path}`)?.duration;
      return { ms: cached ?? (SECONDS[path] ?? 0) * 1000, bytes: statSync(f.moduleId).size };
    };
    const keys = new Map(files.map((f) => [f, key(f)]));
    return [...files].sort((a, b) => keys.get(b)!.ms - keys.get(a)!.ms || keys.get(b)!.bytes - keys.get(a)!.bytes);
  }
}
