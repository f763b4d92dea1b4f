#!/usr/bin/env node
/** The `jiuzhu` binary: the command line of program.ts on the process's own streams. */
import { main } from './program.js';

// `jiuzhu … | head` closes stdout early: stop quietly instead of crashing with a stack trace.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

process.exitCode = await main(process.argv.slice(2));
