/** How the CLI reports failures: one located summary line, details, a hint; exit codes. */
import { CommanderError } from 'commander';
import { isJiuzhuError } from '../engine/errors.js';
import type { Writer } from './io.js';

const MAX_DETAILS = 20;

/** Prints an error on `stderr` and returns the exit code (0 ok, 1 internal, 2 usage, 3 bad input). */
export function reportError(e: unknown, debug: boolean, stderr: Writer): number {
  if (e instanceof CommanderError) {
    if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return 0;
    return 2; // commander already printed its message
  }
  if (isJiuzhuError(e)) {
    stderr.write(`error: ${e.summary()}\n`);
    const details = e.details.length > 1 ? e.details : [];
    for (const d of details.slice(0, MAX_DETAILS)) stderr.write(`  ${d}\n`);
    if (details.length > MAX_DETAILS) stderr.write(`  … ${details.length - MAX_DETAILS} more (${details.length} problems in all)\n`);
    else if (details.length > 1) stderr.write(`  (${details.length} problems in all)\n`);
    if (e.hint) stderr.write(`hint: ${e.hint}\n`);
    if (debug && e.stack) stderr.write(`${e.stack}\n`);
    return e.exitCode;
  }
  const err = e as Error;
  stderr.write(`internal error: ${err?.message ?? String(e)}\n`);
  stderr.write(debug && err?.stack ? `${err.stack}\n` : 'run again with --debug for the stack trace, and please report it\n');
  return 1;
}
