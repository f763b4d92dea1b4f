/** How the CLI reports failures: one located summary line, details, a hint; exit codes. */
import { CommanderError } from 'commander';
import { isJiuzhuError } from '../engine/errors.js';

const MAX_DETAILS = 20;

/** Prints an error on stderr and returns the exit code (0 ok, 1 internal, 2 usage, 3 bad input). */
export function reportError(e: unknown, debug: boolean): number {
  if (e instanceof CommanderError) {
    if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return 0;
    return 2; // commander already printed its message
  }
  if (isJiuzhuError(e)) {
    process.stderr.write(`error: ${e.summary()}\n`);
    const details = e.details.length > 1 ? e.details : [];
    for (const d of details.slice(0, MAX_DETAILS)) process.stderr.write(`  ${d}\n`);
    if (details.length > MAX_DETAILS) process.stderr.write(`  … ${details.length - MAX_DETAILS} more (${details.length} problems in all)\n`);
    else if (details.length > 1) process.stderr.write(`  (${details.length} problems in all)\n`);
    if (e.hint) process.stderr.write(`hint: ${e.hint}\n`);
    if (debug && e.stack) process.stderr.write(`${e.stack}\n`);
    return e.exitCode;
  }
  const err = e as Error;
  process.stderr.write(`internal error: ${err?.message ?? String(e)}\n`);
  process.stderr.write(debug && err?.stack ? `${err.stack}\n` : 'run again with --debug for the stack trace, and please report it\n');
  return 1;
}
