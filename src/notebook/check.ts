/**
 * Notebooks that check themselves: run the `jiuzhu` command line on the same scenario and data,
 * and require the notebook's headline figures to equal the CLI's exactly.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The package's own CLI entry (dist/cli/main.js beside this module once built). */
function cliMain(): string {
  const js = fileURLToPath(new URL('../cli/main.js', import.meta.url));
  if (existsSync(js)) return js;
  throw new Error(`the jiuzhu CLI is not built (${js} is missing): run 'npm run build'`);
}

/**
 * Runs `jiuzhu <args…>` in a child process (the same Node, the current directory) and returns
 * its stdout, parsed as JSON when `--json` is among the arguments. Throws with the CLI's stderr
 * when it exits non-zero.
 */
export function jiuzhuCli(args: readonly string[], options: { cwd?: string } = {}): unknown {
  const r = spawnSync(process.execPath, [cliMain(), ...args], { cwd: options.cwd ?? process.cwd(), encoding: 'utf8', maxBuffer: 1 << 30 });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`jiuzhu ${args.join(' ')} exited with ${r.status}:\n${r.stderr}`);
  return args.includes('--json') ? JSON.parse(r.stdout) : r.stdout;
}

/** One compared figure. */
export interface HeadlineCheck {
  figure: string;
  notebook: number | string | null;
  cli: number | string | null;
  equal: boolean;
}

/**
 * Compares figures by name, exactly (`Object.is`: a JSON number round-trips exactly, so equal
 * runs give equal numbers). Returns every comparison; throws listing the differences if any
 * figure differs or is missing from either side.
 */
export function checkHeadlines(notebook: Record<string, number | string | null>, cli: Record<string, number | string | null>, label = 'headline figures'): HeadlineCheck[] {
  const names = [...new Set([...Object.keys(notebook), ...Object.keys(cli)])];
  const rows = names.map((figure) => {
    const a = figure in notebook ? notebook[figure]! : null;
    const b = figure in cli ? cli[figure]! : null;
    return { figure, notebook: a, cli: b, equal: a !== null && b !== null && Object.is(a, b) };
  });
  const bad = rows.filter((r) => !r.equal);
  if (bad.length > 0) {
    throw new Error(`${label}: ${bad.length} of ${rows.length} differ from the CLI:\n${bad.map((r) => `  ${r.figure}: notebook ${r.notebook}, cli ${r.cli}`).join('\n')}`);
  }
  return rows;
}
