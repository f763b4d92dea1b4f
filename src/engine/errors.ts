/**
 * The one error type of jiuzhu. Every rejection of user input is a JiuzhuError with a
 * location, so the CLI can print one located line instead of a stack trace.
 */

/** Where in the user's input the problem is. Every field is optional; give all you know. */
export interface ErrorLocation {
  file?: string;
  row?: number;
  column?: string;
  key?: string;
  line?: number;
}

/** `input` → exit 3 (bad input), `usage` → exit 2, `internal` → exit 1. */
export type ErrorKind = 'input' | 'usage' | 'internal';

export interface JiuzhuErrorOptions {
  kind?: ErrorKind;
  location?: ErrorLocation;
  hint?: string;
  /** Further located problems of the same kind (the CLI prints up to 20 and a count). */
  details?: string[];
  cause?: unknown;
}

export class JiuzhuError extends Error {
  readonly code: string;
  readonly kind: ErrorKind;
  readonly location: ErrorLocation;
  readonly hint: string | undefined;
  readonly details: string[];

  constructor(code: string, message: string, options: JiuzhuErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'JiuzhuError';
    this.code = code;
    this.kind = options.kind ?? 'input';
    this.location = options.location ?? {};
    this.hint = options.hint;
    this.details = options.details ?? [];
  }

  /** Process exit code for this error (see the CLI contract in docs/cli.md). */
  get exitCode(): number {
    return this.kind === 'input' ? 3 : this.kind === 'usage' ? 2 : 1;
  }

  /** One line: `file:line: key 'x': message`, the summary the CLI prints first. */
  summary(): string {
    return `${formatLocation(this.location)}${this.message}`;
  }
}

/** `file:row|line:column: key 'k': ` prefix, empty when nothing is known. */
export function formatLocation(loc: ErrorLocation): string {
  const parts: string[] = [];
  let place = loc.file ?? '';
  if (loc.line !== undefined) place += `:${loc.line}`;
  else if (loc.row !== undefined) place += `:row ${loc.row}`;
  if (loc.column !== undefined) place += `${place ? ':' : ''}column '${loc.column}'`;
  if (place) parts.push(place);
  if (loc.key !== undefined) parts.push(`key '${loc.key}'`);
  return parts.length ? `${parts.join(': ')}: ` : '';
}

/** True for a JiuzhuError, also across module copies (tslab may load two). */
export function isJiuzhuError(e: unknown): e is JiuzhuError {
  return e instanceof JiuzhuError || (e instanceof Error && e.name === 'JiuzhuError' && 'code' in e);
}

/** Throws a JiuzhuError listing many problems: the first as the summary, all as details. */
export function throwMany(code: string, problems: { message: string; location: ErrorLocation }[], hint?: string): never {
  const first = problems[0];
  if (!first) throw new JiuzhuError('INTERNAL', 'throwMany called with no problems', { kind: 'internal' });
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
  throw new JiuzhuError(code, first.message + more, {
    location: first.location,
    hint,
    details: problems.map((p) => formatLocation(p.location) + p.message),
  });
}
