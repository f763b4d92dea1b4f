/**
 * Runs loader cases in a child process (test/fuzz/binary-child.mjs, on the build), a batch per child: a crash in
 * native code (DuckDB, a segfault, an abort) kills the child, not the test runner, and is reported
 * against the case that was running — the first without a report line.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtDist } from '../helpers.js';
import type { ChildReport } from './binary-report.js';

const ROOT = join(import.meta.dirname, '..', '..');
const CHILD = join(ROOT, 'test', 'fuzz', 'binary-child.mjs');

export interface BatchResult {
  reports: Map<number, ChildReport>;
  /** Set when the child did not finish the batch: how it ended, and its stderr's end. */
  crash?: { how: string; stderr: string };
}

/** Loads every file of `cases` in one child; `timeoutMs` bounds the whole batch (a hang is a crash too). */
export function runBatch(cases: { index: number; file: string }[], batchFile: string, timeoutMs: number): BatchResult {
  writeFileSync(batchFile, JSON.stringify(cases));
  const env = { ...process.env };
  delete env.JIUZHU_MEMORY_LIMIT_MIB; // the child sees the machine's real memory
  const r = spawnSync(process.execPath, [CHILD, builtDist(), batchFile], { cwd: ROOT, encoding: 'utf8', timeout: timeoutMs, maxBuffer: 1 << 28, env });
  const reports = new Map<number, ChildReport>();
  for (const line of r.stdout.split('\n')) {
    if (!line.trim()) continue;
    const rep = JSON.parse(line) as ChildReport;
    reports.set(rep.index, rep);
  }
  const finished = r.status === 0 && !r.signal && !r.error;
  if (finished && reports.size === cases.length) return { reports };
  const how = r.error ? `${r.error.message}` : r.signal ? `killed by ${r.signal}` : `exit code ${r.status}`;
  return { reports, crash: { how, stderr: r.stderr.slice(-2000) } };
}
