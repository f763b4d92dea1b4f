import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // vitest's default leaves one core free; on the 2-core machines this project targets the
    // suite is CPU-bound in both forks (npm test: ~200 s with one worker, ~140 s with two).
    maxWorkers: 2,
    // Test files share each worker's module cache instead of importing src/ afresh (import time
    // 48 s → 12 s summed; npm test ~150 s → ~100 s). No module keeps state a test relies on: the
    // last such flag (the font warning) now goes to a caller's sink.
    isolate: false,
    // V8 settings for the test workers (and the worker threads they start; not the CLI children
    // some tests spawn, nor the benchmarks or any user's run). They change when code is compiled
    // and how often the young generation is collected, never what it computes. A perf profile
    // of the whole suite (session 15) put 24.5% of its CPU in TurboFan and 7.4% in the collector:
    // most test code runs briefly, and the default tier-up budget has TurboFan compile code a
    // test leaves soon after. A budget four times the default (67,584) compiles only code that
    // stays hot; a 32 MB semi-space collects the young generation less often. npm test on this
    // 2-core host, runs alternated (23:00–23:17 UTC, load 2–4): default 138.0–142.1 s (four runs,
    // user 241–252 s), budget ×4 117.5–128.2 s (three), budget ×4 and semi-space 32 MB 106.6
    // and 119.9 s (user 184 and 208 s); budget ×16 125.4 and 130.8 s. A last pair at 23:19:
    // default 124.3 s (user 217 s), these settings 115.4 s (user 200 s).
    execArgv: ['--interrupt-budget=270336', '--max-semi-space-size=32'],
  },
});
