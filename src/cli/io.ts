/**
 * Where one CLI run writes and where it runs: the process's own streams, cwd and environment for
 * the `jiuzhu` binary, or a caller's buffers (tests run the CLI in-process this way).
 */

/** Something text is written to: a stream, or a buffer. `isTTY` turns progress bars on. */
export interface Writer {
  write(s: string): unknown;
  isTTY?: boolean;
}

export interface CliIo {
  stdout: Writer;
  stderr: Writer;
  /** The folder relative paths are read from and written to. */
  cwd: string;
  /** Environment variables the run sees (JIUZHU_MEMORY_LIMIT and the like). */
  env: Record<string, string | undefined>;
}

/** The process's own streams, folder and environment. */
export function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env };
}

/** Prints a value as indented JSON on the run's stdout. */
export function printJson(io: CliIo, value: unknown): void {
  io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
